import type { Identity, Role, RoleGrant } from '../domain/roles';
import type { EventActor, Ticket, TicketState } from '../domain/ticket';
import type { LifecycleAction } from '../lifecycle/actions';
import { TRANSITIONS } from '../lifecycle/transitions';
import { POLICE_CATEGORIES, PROPERTY_CONDUCT_CATEGORIES } from '../taxonomy/categories';

export type PermissionAction = 'view' | LifecycleAction;

export const AUTH_MESSAGES = {
  'AUTH.FORBIDDEN': '您的角色不能进行此操作',
  'AUTH.OUT_OF_SCOPE': '该工单不在您的管辖范围内',
  'AUTH.PROPERTY_CONFLICT': '该工单涉及本物业服务企业自身，按规定不向本企业公开',
} as const;
export type AuthCode = keyof typeof AUTH_MESSAGES;

export type AuthResult = { ok: true; role: Role; unitId?: string } | { ok: false; code: AuthCode; message: string };

export interface AuthorizeOptions {
  /** Parent jurisdiction (e.g. yongning → yinchuan), for grants held at a higher level. */
  parentOf?: (jurisdiction: string) => string | null | undefined;
}

/** The ticket fields permissions read; a draft (state null) qualifies for `submit`. */
export type TicketScope = Pick<
  Ticket,
  | 'jurisdiction'
  | 'estateId'
  | 'streetId'
  | 'gridId'
  | 'propertyCompanyId'
  | 'category'
  | 'reporter'
  | 'route'
  | 'assignedUnits'
  | 'acknowledgedUnits'
  | 'resolvedBy'
  | 'claimedBy'
  | 'sharedGroups'
> & { state: TicketState | null };

type Decision = { ok: true; role: Role; unitId?: string } | { ok: false; code: AuthCode };

const ok = (role: Role, unitId?: string | null): Decision => (unitId ? { ok: true, role, unitId } : { ok: true, role });
const deny = (code: AuthCode): Decision => ({ ok: false, code });

const has = (list: readonly string[] | undefined, id: string | null): boolean => id !== null && (list ?? []).includes(id);
const intersect = (mine: readonly string[] | undefined, theirs: readonly string[]): string[] => (mine ?? []).filter((id) => theirs.includes(id));

/** The grant's jurisdiction is the ticket's or one of its ancestors. */
export function coversJurisdiction(grantJurisdiction: string, ticketJurisdiction: string, options: AuthorizeOptions = {}): boolean {
  const seen = new Set<string>();
  let j: string | null | undefined = ticketJurisdiction;
  while (j && !seen.has(j)) {
    if (j === grantJurisdiction) return true;
    seen.add(j);
    j = options.parentOf?.(j);
  }
  return false;
}

/** Whether the role appears in the action's row of the transition table (view: every role). */
export function roleMayAct(role: Role, action: PermissionAction): boolean {
  return action === 'view' || TRANSITIONS[action].roles.includes(role);
}

export function isPropertyConduct(ticket: Pick<TicketScope, 'category'>): boolean {
  return PROPERTY_CONDUCT_CATEGORIES.includes(ticket.category);
}

/** Units of the grant that the ticket is assigned to (they act). */
export function assignedUnitsOf(grant: RoleGrant, ticket: TicketScope): string[] {
  return intersect(grant.units, ticket.assignedUnits);
}

/** Units of the grant named anywhere on the ticket: assigned, lead, co-responsible, claimed (they see). */
export function involvedUnitsOf(grant: RoleGrant, ticket: TicketScope): string[] {
  const named = [
    ...ticket.assignedUnits,
    ...ticket.route.lead.map((u) => u.id),
    ...ticket.route.responsible.map((u) => u.id),
    ...(ticket.claimedBy ? [ticket.claimedBy] : []),
  ];
  return intersect(grant.units, named);
}

/** Police owner-group desk: the officer's estates, police-relevant or group-shared tickets. */
export function onPoliceDesk(grant: RoleGrant, ticket: TicketScope): boolean {
  return has(grant.estates, ticket.estateId) && (POLICE_CATEGORIES.includes(ticket.category) || ticket.sharedGroups.length > 0);
}

/** The unit to act for when the user holds several: the one the action concerns. */
function pickUnit(candidates: readonly string[], ticket: TicketScope, action: PermissionAction): string | undefined {
  if (action === 'resolve' && ticket.resolvedBy && candidates.includes(ticket.resolvedBy)) return ticket.resolvedBy;
  if (action === 'acknowledge') return candidates.find((u) => !ticket.acknowledgedUnits.includes(u)) ?? candidates[0];
  if (action === 'arrive') return candidates.find((u) => ticket.acknowledgedUnits.includes(u)) ?? candidates[0];
  return candidates[0];
}

const DESK_ACTIONS: readonly PermissionAction[] = ['view', 'claim', 'reply'];

function decideUnitRole(grant: RoleGrant, ticket: TicketScope, action: PermissionAction): Decision {
  const role = grant.role;
  if (action === 'view') {
    if (involvedUnitsOf(grant, ticket).length > 0) return ok(role, pickUnit(involvedUnitsOf(grant, ticket), ticket, action));
    if (role === 'police' && onPoliceDesk(grant, ticket)) return ok(role, grant.units?.[0]);
    return deny('AUTH.OUT_OF_SCOPE');
  }
  const assigned = assignedUnitsOf(grant, ticket);
  if (assigned.length > 0) return ok(role, pickUnit(assigned, ticket, action));
  // Claim and reply come from the group desk, before any unit is assigned; both record the station.
  const station = grant.units?.[0];
  if (role === 'police' && DESK_ACTIONS.includes(action) && station && onPoliceDesk(grant, ticket)) return ok(role, station);
  return deny('AUTH.OUT_OF_SCOPE');
}

function decideGrant(grant: RoleGrant, ticket: TicketScope, action: PermissionAction, options: AuthorizeOptions): Decision {
  const { role } = grant;
  if (role === 'resident') return deny('AUTH.FORBIDDEN'); // residents are decided by ownership, below
  if (!roleMayAct(role, action)) return deny('AUTH.FORBIDDEN');
  if (!coversJurisdiction(grant.jurisdiction, ticket.jurisdiction, options)) return deny('AUTH.OUT_OF_SCOPE');
  switch (role) {
    case 'grid':
      return has(grant.estates, ticket.estateId) || has(grant.grids, ticket.gridId) ? ok(role) : deny('AUTH.OUT_OF_SCOPE');
    case 'street':
      // Includes tickets returned (退单) to the street for re-routing: they stay on the street's streetId.
      if (has(grant.streets, ticket.streetId)) return ok(role, ticket.streetId);
      // A report routed at jurisdiction level (Open311, no estate within 1 km) waits for a street officer to place it.
      if (ticket.streetId === null && action === 'view') return ok(role);
      return deny('AUTH.OUT_OF_SCOPE');
    case 'department':
    case 'police':
      return decideUnitRole(grant, ticket, action);
    case 'leadership':
    case 'admin':
    case 'hotline':
      // Whole jurisdiction (and its children); the role filter above leaves view, and supervise for
      // leadership and the 12345 center (催办、督办, 004 三(一)3).
      return ok(role);
    case 'property': {
      if (!has(grant.estates, ticket.estateId)) return deny('AUTH.OUT_OF_SCOPE');
      if (isPropertyConduct(ticket)) {
        // A company is never shown complaints about its own conduct (DESIGN.md §2). An unknown
        // company on the ticket counts as "possibly theirs".
        const own = !grant.company || ticket.propertyCompanyId === null || ticket.propertyCompanyId === grant.company;
        if (own) return deny('AUTH.PROPERTY_CONFLICT');
        // About another company (e.g. the previous one that refuses to leave): visible, not theirs to handle.
        return action === 'view' ? ok(role, grant.company) : deny('AUTH.FORBIDDEN');
      }
      return ok(role, grant.company);
    }
  }
}

/** Residents need no grant (anyone who opened the mini-program): they act on their own tickets. */
function decideResident(identity: Identity, ticket: TicketScope, action: PermissionAction): Decision {
  if (!roleMayAct('resident', action)) return deny('AUTH.FORBIDDEN');
  return ticket.reporter.userId === identity.userId ? ok('resident') : deny('AUTH.OUT_OF_SCOPE');
}

const DENIAL_PRIORITY: readonly AuthCode[] = ['AUTH.PROPERTY_CONFLICT', 'AUTH.OUT_OF_SCOPE', 'AUTH.FORBIDDEN'];

/**
 * Whether the user may see (`view`) or take a lifecycle action on the ticket, and with which role
 * and unit. Grants are tried in order, the resident's ownership last; the first that allows wins.
 * When none does, the most telling refusal is returned (property conflict, then out of scope).
 * State is not checked here: the lifecycle does that.
 */
export function authorize(identity: Identity, ticket: TicketScope, action: PermissionAction, options: AuthorizeOptions = {}): AuthResult {
  const decisions: Decision[] = [];
  for (const grant of identity.grants) {
    const d = decideGrant(grant, ticket, action, options);
    if (d.ok) return d;
    decisions.push(d);
  }
  const resident = decideResident(identity, ticket, action);
  if (resident.ok) return resident;
  // "Not your ticket" is the telling refusal for a plain resident; staff hear about their role.
  const staff = identity.grants.some((g) => g.role !== 'resident');
  if (!staff || resident.code === 'AUTH.FORBIDDEN') decisions.push(resident);
  const code = DENIAL_PRIORITY.find((c) => decisions.some((d) => !d.ok && d.code === c)) ?? 'AUTH.FORBIDDEN';
  return { ok: false, code, message: AUTH_MESSAGES[code] };
}

/** The event actor for an authorized action. */
export function actorFor(identity: Identity, auth: { role: Role; unitId?: string }): EventActor {
  return {
    userId: identity.userId,
    role: auth.role,
    ...(auth.unitId ? { unitId: auth.unitId } : {}),
    ...(identity.name ? { name: identity.name } : {}),
  };
}

/**
 * Whether the grant puts its holder in the ticket's handling chain (grid/street of the ticket,
 * units assigned, routed or claiming): the people who may call the reporter back.
 */
export function grantInHandlingChain(grant: RoleGrant, ticket: TicketScope, options: AuthorizeOptions = {}): boolean {
  if (!coversJurisdiction(grant.jurisdiction, ticket.jurisdiction, options)) return false;
  switch (grant.role) {
    case 'grid':
      return has(grant.estates, ticket.estateId) || has(grant.grids, ticket.gridId);
    case 'street':
      return has(grant.streets, ticket.streetId);
    case 'department':
    case 'police':
      return involvedUnitsOf(grant, ticket).length > 0;
    default:
      return false;
  }
}
