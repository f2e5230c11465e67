import type { GeoPoint, SlaStep, TicketRoute } from '../domain/ticket';
import type { Role } from '../domain/roles';

/** Lifecycle actions. These strings are stored as `TicketEvent.action`: never rename one. */
export const LIFECYCLE_ACTIONS = [
  'submit',
  'accept',
  'reject',
  'appeal',
  'merge',
  'handle',
  'settle',
  'whistle',
  'acknowledge',
  'arrive',
  'resolve',
  'return',
  'reroute',
  'request-extension',
  'approve-extension',
  'refuse-extension',
  'verify',
  'verify-fail',
  'confirm',
  'auto-close',
  'reopen',
  'rate',
  'supervise',
  'escalate',
  'mark-overdue',
  'claim',
  'reply',
  'mediate',
  'handover',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export function isLifecycleAction(value: unknown): value is LifecycleAction {
  return typeof value === 'string' && (LIFECYCLE_ACTIONS as readonly string[]).includes(value);
}

export const ACTION_LABELS: Record<LifecycleAction, string> = {
  submit: '提交',
  accept: '受理',
  reject: '驳回',
  appeal: '申诉',
  merge: '合并',
  handle: '处置',
  settle: '就地办结',
  whistle: '吹哨',
  acknowledge: '报到',
  arrive: '到场',
  resolve: '办结',
  return: '退单',
  reroute: '重新派单',
  'request-extension': '申请延期',
  'approve-extension': '批准延期',
  'refuse-extension': '驳回延期',
  verify: '核验通过',
  'verify-fail': '核验不通过',
  confirm: '确认解决',
  'auto-close': '自动关闭',
  reopen: '申请重办',
  rate: '评价',
  supervise: '督办',
  escalate: '升级',
  'mark-overdue': '超时',
  claim: '认领',
  reply: '回复',
  mediate: '调解',
  handover: '移交',
};

/** Events recorded outside the transition table (they keep the state). */
export const OTHER_EVENT_LABELS: Record<string, string> = {
  'me-too': '附议',
  share: '分享到业主群',
  'violation-confirmed': '认定违反九不准',
  'place-estate': '关联小区',
  // 12345 催办 (issue 20 §6; usecases/hotline.ts hotlineUrge): urges the handling units, keeps the state.
  urge: '催办',
};

/** The Chinese label of any event action on a timeline. */
export function eventLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? OTHER_EVENT_LABELS[action] ?? action;
}

/** Who may appear as the actor of an event. */
export type ActorRole = Role | 'system';

export const RETURN_REASON_CODES = ['not-our-duty', 'wrong-address', 'duplicate'] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];
export const RETURN_REASON_LABELS: Record<ReturnReasonCode, string> = {
  'not-our-duty': '非本单位职责',
  'wrong-address': '地址有误',
  duplicate: '重复工单',
};

export const MEDIATION_OUTCOMES = ['agreed', 'partial', 'failed', 'referred'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
export const MEDIATION_OUTCOME_LABELS: Record<MediationOutcome, string> = {
  agreed: '达成协议',
  partial: '部分达成',
  failed: '未达成',
  referred: '移交其他途径',
};
/** Outcomes that come with an agreement text. */
export const MEDIATION_OUTCOMES_WITH_AGREEMENT: readonly MediationOutcome[] = ['agreed', 'partial'];

/**
 * Everything an action may carry. Which fields an action reads and which it requires is in the
 * transition table; the zod schemas of the use cases narrow this per action.
 */
export interface TransitionInput {
  note?: string;
  reason?: string;
  /** After-photos (settle, resolve) or on-site photos (arrive): storage file ids. */
  photos?: string[];
  /** Check-in location (settle, arrive). */
  location?: GeoPoint;
  /** Check-in distance from the ticket's location in metres, computed by the caller with `distanceMeters`. */
  distanceMeters?: number;
  /** Unit ids (whistle, reroute, handover). */
  units?: string[];
  /** A new routing decision (reroute); replaces the ticket's route when given. */
  route?: TicketRoute;
  officerName?: string;
  /** Ticket id this one duplicates (merge). */
  duplicateOf?: string;
  reasonCode?: ReturnReasonCode;
  /** ISO instant the resolve deadline should move to (request-extension). */
  until?: string;
  score?: number;
  fixed?: boolean;
  comment?: string;
  /** Whether the reopen window is still open, computed by the caller (7 days, DESIGN.md §6). */
  withinWindow?: boolean;
  /** Escalation level to reach (escalate); defaults to one above the current level. */
  level?: 1 | 2;
  /** The SLA step that was missed (mark-overdue). */
  step?: SlaStep;
  /** Public reply text (police owner-group desk). */
  reply?: string;
  /** Mediation parties; stored masked. */
  parties?: string[];
  outcome?: MediationOutcome;
  agreement?: string;
}

export type InputField = keyof TransitionInput;
