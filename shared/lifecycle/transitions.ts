import { TICKET_STATES, type TicketState } from '../domain/ticket';
import type { ActorRole, InputField, LifecycleAction } from './actions';
import type { TicketErrorCode } from './errors';

/** States in which work can still happen (everything but closed, rejected, merged). */
export const TERMINAL_STATES: readonly TicketState[] = ['closed', 'rejected', 'merged'];
export const OPEN_STATES: readonly TicketState[] = TICKET_STATES.filter((s) => !TERMINAL_STATES.includes(s));

/** On-site check-in radius: a grid worker who settles further away than this must say why. */
export const CHECK_IN_RADIUS_METERS = 200;

/**
 * Preconditions of an action beyond state and role. `needs` says what a check reads:
 * the action's input, the ticket alone (evaluated by `allowedActions`), or the actor's unit.
 */
export const CHECK_INFO = {
  reason: { code: 'TICKET.MISSING_REASON', needs: 'input', label: '填写原因' },
  note: { code: 'TICKET.MISSING_NOTE', needs: 'input', label: '填写说明' },
  afterPhotos: { code: 'TICKET.MISSING_PHOTOS', needs: 'input', label: '至少一张整改后照片' },
  location: { code: 'TICKET.MISSING_LOCATION', needs: 'input', label: '现场定位打卡' },
  reasonIfFar: { code: 'TICKET.MISSING_REASON', needs: 'input', label: `打卡位置距工单位置超过${CHECK_IN_RADIUS_METERS}米时填写原因` },
  units: { code: 'TICKET.MISSING_UNITS', needs: 'input', label: '至少一个承办单位' },
  reasonIfUnitsDiffer: { code: 'TICKET.MISSING_REASON', needs: 'input', label: '承办单位与责任清单牵头单位不同时填写原因' },
  officerName: { code: 'TICKET.MISSING_OFFICER', needs: 'input', label: '报到人员姓名' },
  duplicateOf: { code: 'TICKET.MISSING_DUPLICATE', needs: 'input', label: '重复的原工单' },
  notSelfDuplicate: { code: 'TICKET.INVALID_DUPLICATE', needs: 'input', label: '原工单不是本工单' },
  reasonCode: { code: 'TICKET.INVALID_REASON_CODE', needs: 'input', label: '退单原因类别' },
  until: { code: 'TICKET.INVALID_UNTIL', needs: 'input', label: '晚于当前时间的延期截止时间' },
  withinWindow: { code: 'TICKET.WINDOW_CLOSED', needs: 'input', label: '在可重办期限内' },
  rating: { code: 'TICKET.INVALID_RATING', needs: 'input', label: '1至5分满意度及是否解决' },
  step: { code: 'TICKET.INVALID_STEP', needs: 'input', label: '超时的时限环节' },
  replyText: { code: 'TICKET.MISSING_NOTE', needs: 'input', label: '回复内容' },
  mediation: { code: 'TICKET.MISSING_MEDIATION', needs: 'input', label: '当事人、调解结果及协议内容' },
  notAppealed: { code: 'TICKET.APPEAL_USED', needs: 'ticket', label: '尚未申诉过' },
  notRated: { code: 'TICKET.ALREADY_RATED', needs: 'ticket', label: '尚未评价' },
  pendingExtension: { code: 'TICKET.NO_PENDING_EXTENSION', needs: 'ticket', label: '有待审批的延期申请' },
  noPendingExtension: { code: 'TICKET.EXTENSION_PENDING', needs: 'ticket', label: '没有待审批的延期申请' },
  canEscalate: { code: 'TICKET.ALREADY_ESCALATED', needs: 'ticket', label: '升级到更高层级' },
  actorUnit: { code: 'TICKET.MISSING_UNIT', needs: 'unit', label: '操作人绑定了单位' },
  assignedUnit: { code: 'TICKET.UNIT_NOT_ASSIGNED', needs: 'unit', label: '操作人单位是承办单位' },
  unitNotAcknowledged: { code: 'TICKET.ALREADY_ACKNOWLEDGED', needs: 'unit', label: '本单位尚未报到' },
  unitAcknowledged: { code: 'TICKET.NOT_ACKNOWLEDGED', needs: 'unit', label: '本单位已报到' },
  resolvingUnitOnReopen: { code: 'TICKET.UNIT_NOT_ASSIGNED', needs: 'unit', label: '重办工单由原办结单位办理' },
} as const satisfies Record<string, { code: TicketErrorCode; needs: 'input' | 'ticket' | 'unit'; label: string }>;

export type Check = keyof typeof CHECK_INFO;

export interface TransitionRule {
  action: LifecycleAction;
  /** States the action may start from; `null` is a ticket not yet submitted (a draft). */
  from: readonly (TicketState | null)[];
  /** Next state, or 'same' for a recorded action that keeps the state. */
  to: TicketState | 'same';
  roles: readonly ActorRole[];
  /** Checked in this order after state and role; the first that fails throws its code. */
  requires: readonly Check[];
  /** Input fields the action reads; they are copied into the event's payload. */
  inputs: readonly InputField[];
}

const FIELD: readonly ActorRole[] = ['grid', 'street'];
const UNIT: readonly ActorRole[] = ['department', 'police'];

const rule = (
  action: LifecycleAction,
  from: readonly (TicketState | null)[],
  to: TicketState | 'same',
  roles: readonly ActorRole[],
  requires: readonly Check[],
  inputs: readonly InputField[],
): TransitionRule => ({ action, from, to, roles, requires, inputs });

/** The transition table of DESIGN.md §6 (吹哨报到). Admin appears in no row. */
export const TRANSITIONS: Readonly<Record<LifecycleAction, TransitionRule>> = {
  submit: rule('submit', [null], 'submitted', ['resident'], [], []),
  accept: rule('accept', ['submitted'], 'accepted', FIELD, [], ['note']),
  reject: rule('reject', ['submitted', 'accepted'], 'rejected', FIELD, ['reason'], ['reason', 'note']),
  appeal: rule('appeal', ['rejected'], 'submitted', ['resident'], ['notAppealed', 'reason'], ['reason']),
  merge: rule('merge', ['submitted', 'accepted'], 'merged', FIELD, ['duplicateOf', 'notSelfDuplicate'], ['duplicateOf', 'note']),
  handle: rule('handle', ['accepted'], 'handling', ['grid', 'street', 'property'], [], ['note']),
  settle: rule(
    'settle',
    ['accepted', 'handling', 'reopened'],
    'verified',
    FIELD,
    ['afterPhotos', 'note', 'location', 'reasonIfFar'],
    ['photos', 'note', 'location', 'distanceMeters', 'reason'],
  ),
  whistle: rule('whistle', ['submitted', 'accepted', 'handling', 'reopened'], 'whistled', FIELD, ['units', 'reasonIfUnitsDiffer'], ['units', 'reason', 'note']),
  acknowledge: rule('acknowledge', ['whistled', 'acknowledged'], 'acknowledged', UNIT, ['actorUnit', 'assignedUnit', 'unitNotAcknowledged', 'officerName'], ['officerName', 'note']),
  // The on-site check-in holds to the same radius as the grid worker's (a reason beyond it).
  arrive: rule(
    'arrive',
    ['acknowledged'],
    'on_site',
    UNIT,
    ['actorUnit', 'assignedUnit', 'unitAcknowledged', 'location', 'reasonIfFar'],
    ['location', 'photos', 'note', 'distanceMeters', 'reason'],
  ),
  resolve: rule(
    'resolve',
    ['acknowledged', 'on_site', 'reopened'],
    'resolved',
    UNIT,
    ['actorUnit', 'assignedUnit', 'resolvingUnitOnReopen', 'afterPhotos', 'note'],
    ['photos', 'note'],
  ),
  return: rule('return', ['whistled', 'acknowledged'], 'returned', UNIT, ['actorUnit', 'assignedUnit', 'reasonCode', 'reason'], ['reasonCode', 'reason']),
  reroute: rule('reroute', ['returned'], 'whistled', ['street'], ['units', 'reason'], ['units', 'route', 'reason']),
  'request-extension': rule(
    'request-extension',
    ['acknowledged', 'on_site'],
    'same',
    UNIT,
    // Only a unit that has reported in (报到) may ask for more time.
    ['actorUnit', 'assignedUnit', 'unitAcknowledged', 'noPendingExtension', 'until', 'reason'],
    ['until', 'reason'],
  ),
  'approve-extension': rule('approve-extension', ['acknowledged', 'on_site'], 'same', ['street'], ['pendingExtension'], ['note']),
  'refuse-extension': rule('refuse-extension', ['acknowledged', 'on_site'], 'same', ['street'], ['pendingExtension', 'reason'], ['reason']),
  verify: rule('verify', ['resolved'], 'verified', FIELD, [], ['note']),
  'verify-fail': rule('verify-fail', ['resolved'], 'acknowledged', FIELD, ['reason'], ['reason', 'photos']),
  confirm: rule('confirm', ['resolved', 'verified'], 'closed', ['resident'], [], ['note']),
  'auto-close': rule('auto-close', ['resolved', 'verified'], 'closed', ['system'], [], []),
  reopen: rule('reopen', ['resolved', 'verified', 'closed'], 'reopened', ['resident'], ['withinWindow', 'reason'], ['reason', 'photos']),
  rate: rule('rate', ['closed'], 'same', ['resident'], ['notRated', 'rating'], ['score', 'fixed', 'comment']),
  // 12345 催办、督办 (004 三(一)3): the hotline center supervises too (issue 20 §6).
  supervise: rule('supervise', OPEN_STATES, 'same', ['street', 'leadership', 'hotline'], ['note'], ['note']),
  // `units`: the route's coordinating leads the sweep 督办s with the escalation (shared/sla/sweep.ts).
  escalate: rule('escalate', OPEN_STATES, 'same', ['system', 'street'], ['canEscalate'], ['level', 'step', 'note', 'units']),
  // `units`: the one unit whose own 报到 was missed (the sweep marks and 督办s each unit on its own).
  'mark-overdue': rule('mark-overdue', OPEN_STATES, 'same', ['system'], ['step'], ['step', 'units']),
  claim: rule('claim', ['submitted', 'accepted', 'whistled'], 'acknowledged', ['police'], ['actorUnit', 'officerName'], ['officerName', 'note']),
  reply: rule('reply', OPEN_STATES, 'same', ['police'], ['replyText'], ['reply']),
  mediate: rule('mediate', ['acknowledged', 'on_site'], 'same', ['police'], ['actorUnit', 'assignedUnit', 'mediation'], ['parties', 'outcome', 'agreement', 'note']),
  handover: rule('handover', ['acknowledged', 'on_site'], 'whistled', ['police'], ['actorUnit', 'assignedUnit', 'units', 'reason'], ['units', 'reason']),
};

export const TRANSITION_RULES: readonly TransitionRule[] = Object.values(TRANSITIONS);

export function getRule(action: LifecycleAction): TransitionRule {
  return TRANSITIONS[action];
}
