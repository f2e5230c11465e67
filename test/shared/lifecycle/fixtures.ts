/** Ticket and command builders shared by the lifecycle and permission tests. */
import type { Role } from '../../../shared/domain/roles';
import type { EventActor, Ticket, TicketState } from '../../../shared/domain/ticket';
import type { ActorRole, LifecycleAction, TransitionInput } from '../../../shared/lifecycle/actions';
import type { TransitionCommand } from '../../../shared/lifecycle/apply';
import { newTicketDraft, type TicketDraft } from '../../../shared/lifecycle/draft';

export const T0 = '2026-03-02T02:00:00.000Z';
export const AT = '2026-03-02T03:00:00.000Z';
export const LATER = '2026-03-10T03:00:00.000Z';
export const HERE = { lat: 38.27, lng: 106.23 };

export const UNIT_LEAD = 'unit-zhifa';
export const UNIT_CO = 'unit-zhujian';
export const UNIT_OTHER = 'unit-shichang';
export const UNIT_POLICE = 'unit-paichusuo';
export const STREET = 'street-wangyuan';
export const GRID = 'grid-7';
export const ESTATE = 'estate-lihu';
export const COMPANY = 'pc-anju';
export const REPORTER = 'u-resident';

export function baseTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't-1',
    no: 'YN-20260302-0001',
    version: 3,
    jurisdiction: 'yongning',
    estateId: ESTATE,
    streetId: STREET,
    gridId: GRID,
    propertyCompanyId: COMPANY,
    category: 'parking',
    priority: 'normal',
    state: 'submitted',
    description: '消防通道旁车辆长期乱停',
    photos: ['file-before-1'],
    afterPhotos: [],
    location: HERE,
    reporter: { userId: REPORTER, openid: 'oid-resident', phone: '13800001111', anonymous: false },
    route: {
      lead: [{ id: UNIT_LEAD, name: '县综合执法局' }],
      responsible: [
        { id: STREET, name: '望远镇' },
        { id: UNIT_CO, name: '县住建局' },
      ],
      basis: [{ source: '002', item: '治乱-1', text: '車輛亂停亂放' }],
    },
    assignedUnits: [],
    acknowledgedUnits: [],
    resolvedBy: null,
    holder: { kind: 'grid', ids: [GRID] },
    deadlines: [{ step: 'triage', due: '2026-03-02T04:00:00.000Z' }],
    pendingExtension: null,
    mergedInto: null,
    meToo: 2,
    rating: null,
    appealed: false,
    escalation: 0,
    sharedGroups: [],
    claimedBy: null,
    createdAt: T0,
    updatedAt: T0,
    closedAt: null,
    ...overrides,
  };
}

export function draft(): TicketDraft {
  const t = baseTicket();
  return newTicketDraft({
    id: t.id,
    no: t.no,
    jurisdiction: t.jurisdiction,
    estateId: t.estateId,
    streetId: t.streetId,
    gridId: t.gridId,
    propertyCompanyId: t.propertyCompanyId,
    category: t.category,
    priority: t.priority,
    description: t.description,
    photos: t.photos,
    location: t.location,
    reporter: t.reporter,
    route: t.route,
  });
}

/** A consistent ticket in the given state (null: a draft). */
export function ticketIn(state: TicketState | null, overrides: Partial<Ticket> = {}): Ticket | TicketDraft {
  if (state === null) return draft();
  const worked: Partial<Ticket> = { assignedUnits: [UNIT_LEAD], acknowledgedUnits: [UNIT_LEAD] };
  const resolved: Partial<Ticket> = { ...worked, resolvedBy: UNIT_LEAD, afterPhotos: ['file-after-1'] };
  const byState: Record<TicketState, Partial<Ticket>> = {
    submitted: {},
    accepted: {},
    rejected: { holder: { kind: 'none', ids: [] } },
    merged: { mergedInto: 't-0', holder: { kind: 'none', ids: [] } },
    handling: {},
    whistled: { assignedUnits: [UNIT_LEAD], holder: { kind: 'units', ids: [UNIT_LEAD] } },
    acknowledged: { ...worked, holder: { kind: 'units', ids: [UNIT_LEAD] } },
    on_site: { ...worked, holder: { kind: 'units', ids: [UNIT_LEAD] } },
    resolved: { ...resolved, holder: { kind: 'grid', ids: [GRID] } },
    verified: { ...resolved, holder: { kind: 'resident', ids: [REPORTER] } },
    closed: { ...resolved, closedAt: T0, holder: { kind: 'none', ids: [] } },
    reopened: { ...resolved, afterPhotos: [], holder: { kind: 'units', ids: [UNIT_LEAD] } },
    returned: { assignedUnits: [UNIT_LEAD], holder: { kind: 'street', ids: [STREET] } },
  };
  return baseTicket({ state, ...byState[state], ...overrides });
}

export function actorAs(role: ActorRole, unitId?: string): EventActor {
  const units: Partial<Record<ActorRole, string>> = { department: UNIT_LEAD, police: UNIT_LEAD, street: STREET };
  const unit = unitId ?? units[role];
  const userId = role === 'resident' ? REPORTER : role === 'system' ? 'system' : `u-${role}`;
  return { userId, role, ...(unit ? { unitId: unit } : {}), ...(role === 'system' ? {} : { name: `${role}-name` }) };
}

/** A complete, valid input for each action (against ticketIn of a from-state). */
export const VALID_INPUT: Record<LifecycleAction, TransitionInput> = {
  submit: {},
  accept: { note: '属实，已受理' },
  reject: { reason: '非本小区问题' },
  appeal: { reason: '问题确实存在，请复查' },
  merge: { duplicateOf: 't-0' },
  handle: { note: '物业已安排保安劝离' },
  settle: { photos: ['file-after-9'], note: '已现场劝离车辆', location: HERE, distanceMeters: 15 },
  whistle: { units: [UNIT_LEAD] },
  acknowledge: { officerName: '王强' },
  arrive: { location: HERE },
  resolve: { photos: ['file-after-2'], note: '已贴单并拖移车辆' },
  return: { reasonCode: 'not-our-duty', reason: '属交警职责' },
  reroute: { units: [UNIT_OTHER], reason: '改派市场监管局' },
  'request-extension': { until: LATER, reason: '需协调车主' },
  'approve-extension': { note: '同意' },
  'refuse-extension': { reason: '时限内可完成' },
  verify: { note: '现场核验已整改' },
  'verify-fail': { reason: '车辆仍在' },
  confirm: {},
  'auto-close': {},
  reopen: { reason: '车辆又停回来了', withinWindow: true },
  rate: { score: 4, fixed: true, comment: '处理及时' },
  supervise: { note: '请加快办理' },
  escalate: {},
  'mark-overdue': { step: 'ack' },
  claim: { officerName: '李警官' },
  reply: { reply: '已联系物业，今日处理' },
  mediate: { parties: ['张三', '李四'], outcome: 'agreed', agreement: '双方同意互相让位' },
  handover: { units: [UNIT_OTHER], reason: '属市场监管职责' },
};

/** Ticket adjustments an action needs on top of its from-state (e.g. a pending extension to approve). */
export function prepared(action: LifecycleAction, state: TicketState | null): Ticket | TicketDraft {
  if (action === 'approve-extension' || action === 'refuse-extension') {
    return ticketIn(state, { pendingExtension: { unitId: UNIT_LEAD, until: LATER, reason: '需协调车主', requestedAt: T0 } });
  }
  if (action === 'acknowledge' && state === 'acknowledged') {
    // a second unit reports in after the first one did
    return ticketIn(state, { assignedUnits: [UNIT_CO, UNIT_LEAD], acknowledgedUnits: [UNIT_CO] });
  }
  if (action === 'claim') {
    return ticketIn(state, state === 'whistled' ? { assignedUnits: [UNIT_LEAD] } : {});
  }
  return ticketIn(state);
}

export function command(action: LifecycleAction, role: ActorRole, input: TransitionInput = VALID_INPUT[action]): TransitionCommand {
  const unit = action === 'claim' ? UNIT_POLICE : undefined;
  return { action, actor: actorAs(role, unit), at: AT, input: { ...input } };
}

export const HUMAN_ROLES: readonly Role[] = ['resident', 'grid', 'street', 'department', 'police', 'leadership', 'admin', 'property'];
