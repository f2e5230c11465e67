/**
 * Which estates and jurisdictions a screen offers the signed-in officer. With the user's grants
 * (when `ticket.home` sends them) the lists are narrowed as the backend narrows them; without, every
 * one is offered and the backend's AUTH.* refusal says what is out of scope.
 */
import type { RoleGrant } from '../../../shared/domain/roles';
import type { Ticket } from '../../../shared/domain/ticket';
import { REGISTRY } from '../../../shared/jurisdictions';
import { housingScope } from '../../../shared/ledger';
import { coversJurisdiction } from '../../../shared/permissions';
import type { EstateItem } from './types';

const PARENT = { parentOf: (j: string) => REGISTRY.list(j)?.parent ?? null };

/** Estates the grants let the user work with (street: its streets; grid/police: their estates; leadership/admin: the jurisdiction). */
export function estatesInScope(estates: readonly EstateItem[], grants: readonly RoleGrant[] | null): EstateItem[] {
  if (!grants) return [...estates];
  return estates.filter((e) =>
    grants.some((g) => {
      if (!coversJurisdiction(g.jurisdiction, e.jurisdiction, PARENT)) return false;
      switch (g.role) {
        case 'street':
          return (g.streets ?? []).includes(e.townshipId);
        case 'grid':
        case 'police':
          return (g.estates ?? []).includes(e.id);
        case 'leadership':
        case 'admin':
          return true;
        default:
          return false;
      }
    }),
  );
}

export interface JurisdictionChoice {
  key: string;
  label: string;
}

/** Jurisdictions for the bulletin: the grants' own and their child jurisdictions; every list without grants. */
export function jurisdictionChoices(grants: readonly RoleGrant[] | null): JurisdictionChoice[] {
  const lists = [...REGISTRY.lists.values()];
  const staff = grants?.filter((g) => g.role !== 'resident' && g.role !== 'property') ?? null;
  const chosen = staff ? lists.filter((l) => staff.some((g) => coversJurisdiction(g.jurisdiction, l.id, PARENT))) : lists;
  return chosen.map((l) => ({ key: l.id, label: l.name }));
}

/**
 * Whether the ticket page offers 认定违反九不准: street and department (住建) officers, on a ticket
 * whose estate has a property company. With grants: the ticket's street, or a 住建 unit (the
 * backend decides the unit's area: shared/ledger mayConfirmViolation).
 */
export function offersViolation(roles: readonly string[], grants: readonly RoleGrant[] | null, ticket: Pick<Ticket, 'propertyCompanyId' | 'streetId'>): boolean {
  if (!ticket.propertyCompanyId) return false;
  if (!grants) return roles.includes('street') || roles.includes('department');
  return grants.some(
    (g) =>
      (g.role === 'street' && ticket.streetId !== null && (g.streets ?? []).includes(ticket.streetId)) ||
      (g.role === 'department' && (g.units ?? []).some((u) => housingScope(u) !== null)),
  );
}

/** Whether the ticket page offers 关联小区: a ticket without an estate, for street and leadership/admin officers. */
export function offersPlacing(roles: readonly string[], ticket: Pick<Ticket, 'estateId'>): boolean {
  return ticket.estateId === null && ['street', 'leadership', 'admin'].some((r) => roles.includes(r));
}
