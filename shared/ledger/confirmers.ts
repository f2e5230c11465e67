import type { Estate } from '../domain/directory';
import type { Identity, RoleGrant } from '../domain/roles';
import type { Ticket } from '../domain/ticket';
import { REGISTRY, type Registry } from '../jurisdictions';
import { AUTH_MESSAGES, coversJurisdiction, type AuthCode, type AuthorizeOptions } from '../permissions/permissions';

/**
 * What a 住建 (housing) unit id covers:
 * - a department of a responsibility list of kind 'housing' (县住建局, 市住房和城乡建设局): the grant's jurisdiction;
 * - a district unit made by routing for "各县(市)区住建部门" (`<areaId>.housing`): the estates of that district;
 * - a generic one (`<jurisdiction>.local.housing`): that jurisdiction.
 * Anything else is not a housing unit (null).
 */
export type HousingScope = { kind: 'list' } | { kind: 'area'; areaId: string } | { kind: 'jurisdiction'; jurisdiction: string };

export function housingScope(unitId: string, registry: Registry = REGISTRY): HousingScope | null {
  const dept = registry.department(unitId);
  if (dept) return dept.kind === 'housing' ? { kind: 'list' } : null;
  const generic = /^(.+)\.local\.housing$/.exec(unitId);
  if (generic?.[1] && registry.list(generic[1])) return { kind: 'jurisdiction', jurisdiction: generic[1] };
  const area = /^(.+)\.housing$/.exec(unitId);
  if (area?.[1]) {
    const areaId = area[1];
    for (const list of registry.lists.values()) if (list.areas.some((a) => a.id === areaId)) return { kind: 'area', areaId };
  }
  return null;
}

export type ConfirmDecision =
  | { ok: true; role: 'street' | 'department'; unitId: string }
  | { ok: false; code: AuthCode; message: string };

type TicketPlace = Pick<Ticket, 'jurisdiction' | 'streetId'>;

function housingUnitFor(grant: RoleGrant, ticket: TicketPlace, estate: Pick<Estate, 'areaId'> | null, options: AuthorizeOptions): string | null {
  for (const unitId of grant.units ?? []) {
    const scope = housingScope(unitId);
    if (!scope) continue;
    if (scope.kind === 'list' && coversJurisdiction(grant.jurisdiction, ticket.jurisdiction, options)) return unitId;
    if (scope.kind === 'jurisdiction' && coversJurisdiction(scope.jurisdiction, ticket.jurisdiction, options)) return unitId;
    if (scope.kind === 'area' && estate?.areaId === scope.areaId) return unitId;
  }
  return null;
}

/**
 * Who may confirm, from a ticket, that the estate's property company broke one of the 九不准
 * (issue 6): a street officer of the ticket's street (属地), or an officer of a 住建 unit whose area
 * covers the ticket. Nobody else — in particular never a property-company user.
 */
export function mayConfirmViolation(
  identity: Identity,
  ticket: TicketPlace,
  estate: Pick<Estate, 'areaId'> | null,
  options: AuthorizeOptions = {},
): ConfirmDecision {
  let outOfScope = false;
  for (const grant of identity.grants) {
    if (grant.role === 'street') {
      if (ticket.streetId && (grant.streets ?? []).includes(ticket.streetId) && coversJurisdiction(grant.jurisdiction, ticket.jurisdiction, options)) {
        return { ok: true, role: 'street', unitId: ticket.streetId };
      }
      outOfScope = true;
    } else if (grant.role === 'department') {
      const unit = housingUnitFor(grant, ticket, estate, options);
      if (unit) return { ok: true, role: 'department', unitId: unit };
      if ((grant.units ?? []).some((u) => housingScope(u) !== null)) outOfScope = true;
    }
  }
  const code: AuthCode = outOfScope ? 'AUTH.OUT_OF_SCOPE' : 'AUTH.FORBIDDEN';
  return { ok: false, code, message: outOfScope ? AUTH_MESSAGES[code] : '仅属地街道或住建部门可以认定“九不准”违规' };
}
