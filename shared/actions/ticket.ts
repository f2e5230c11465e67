import { z } from 'zod';
import { MEDIATION_OUTCOMES, type LifecycleAction } from '../lifecycle/actions';
import { NINE_ITEM_NUMBERS, type NineItem } from '../domain/violation';
import { QUEUE_TABS, SEARCH_MAX } from '../queue/tabs';
import { Cursor, GeoPointSchema, Id, Instant, Limit, Note, PhotoIds, Reason, Text, TicketCommand } from './common';

const Units = z.array(Id).min(1, '请至少选择一个单位').max(10);

/**
 * A staff action may carry the client's idempotency key (issue 18 §4, weak signal): made when the
 * action is first attempted and kept with it on the device, so a retry after a lost answer gets the
 * first result instead of a version conflict. Same shape as the resident submit's key.
 */
export const StaffIdempotencyKey = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确');
const StaffCommand = TicketCommand.extend({ idempotencyKey: StaffIdempotencyKey.optional() });
/** A calendar month, 'YYYY-MM' (Asia/Shanghai). */
const Month = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** Inputs of the `ticket` function (staff workflow). */
export const TicketInputs = {
  home: z.object({}).passthrough(),
  queue: z.object({
    // new / due-soon / overdue: the lists the home counters open (issue 18: the counter is the list's length).
    view: z.enum(['grid', 'street-returned', 'street-overdue', 'street-extensions', 'street-unplaced', 'unit', 'police-desk', 'all', 'new', 'due-soon', 'overdue']).default('all'),
    limit: Limit,
    after: Cursor,
    groupId: Id.optional(),
    // The grid queue's tabs and search (issue 18 §4, shared/queue/tabs.ts): a tab lists the caller's
    // grid/street scope in that tab's states; q is a ticket number prefix or a description text.
    tab: z.enum(QUEUE_TABS).optional(),
    q: z.string().max(SEARCH_MAX, `搜索内容不超过${SEARCH_MAX}字`).optional(),
  }),
  detail: z.object({ ticketId: Id }),
  accept: StaffCommand.extend({ note: Note.optional() }),
  reject: StaffCommand.extend({ reason: Reason }),
  merge: StaffCommand.extend({ duplicateOf: Id, note: Note.optional() }),
  handle: StaffCommand.extend({ note: Note.optional() }),
  settle: StaffCommand.extend({
    note: Note.min(2, '请填写处置说明'),
    photos: PhotoIds.min(1, '请上传处置后照片'),
    location: GeoPointSchema,
    farReason: Reason.optional(),
  }),
  whistle: StaffCommand.extend({ units: Units, reason: Reason.optional(), note: Note.optional() }),
  acknowledge: StaffCommand.extend({ officerName: Text(20).min(2, '请填写报到人员姓名'), note: Note.optional() }),
  arrive: StaffCommand.extend({ location: GeoPointSchema, note: Note.optional(), farReason: Reason.optional() }),
  resolve: StaffCommand.extend({ note: Note.min(2, '请填写办理结果'), photos: PhotoIds.min(1, '请上传整改后照片') }),
  return: StaffCommand.extend({ reasonCode: z.enum(['not-our-duty', 'wrong-address', 'duplicate']), reason: Reason }),
  reroute: StaffCommand.extend({ units: Units, reason: Reason }),
  requestExtension: StaffCommand.extend({ until: Instant, reason: Reason }),
  approveExtension: StaffCommand.extend({ note: Note.optional() }),
  refuseExtension: StaffCommand.extend({ reason: Reason }),
  verify: StaffCommand.extend({ note: Note.optional() }),
  verifyFail: StaffCommand.extend({ reason: Reason }),
  supervise: StaffCommand.extend({ note: Note.min(2, '请填写督办意见') }),
  escalate: StaffCommand.extend({ reason: Reason }),
  claim: StaffCommand.extend({ officerName: Text(20).min(2, '请填写民警姓名') }),
  reply: StaffCommand.extend({ text: Text(300).min(2, '请填写回复内容') }),
  mediate: StaffCommand.extend({
    parties: z.array(Text(20).min(1)).min(1).max(10),
    outcome: z.enum(MEDIATION_OUTCOMES),
    agreement: Text(1000).optional(),
  }),
  handover: StaffCommand.extend({ units: Units, reason: Reason }),
  placeEstate: TicketCommand.extend({ estateId: Id }),
  inbox: z.object({ unreadOnly: z.boolean().default(false), limit: Limit }),
  markRead: z.object({ ids: z.array(Id).max(100) }),
  /** 月通报: a jurisdiction's month as XLSX and CSV (leadership; street/department within their scope). */
  bulletin: z.object({ jurisdiction: Id, month: Month }),
  /** The same bulletin as a job advanced one step per call, the XLSX in storage (issue 17 §3). */
  /** regenerate: make a finished job again (重新生成); the previous file stays until the new one is done. */
  bulletinJob: z.object({ jurisdiction: Id, month: Month, regenerate: z.boolean().optional() }),
  /** A street or 住建 officer confirms from a ticket that the property company broke 九不准 item 1–9. */
  confirmViolation: z.object({
    ticketId: Id,
    item: z
      .number()
      .int()
      .min(1, '请选择“九不准”第1–9条')
      .max(NINE_ITEM_NUMBERS.length, '请选择“九不准”第1–9条')
      .transform((n) => n as NineItem),
    note: Text(500).min(2, '请填写认定说明'),
  }),
  /** The 九不准 ledger of an assessment year, per company, with the sanction ladder. */
  ledger: z.object({ companyId: Id.optional(), year: z.number().int().min(2000).max(2100) }),
  /** The created jurisdictions of the caller's scope for the phone's registry (issue 19); with the cached revision, an unchanged one answers no lists. */
  jurisdictionDirectory: z.object({ revision: z.string().regex(/^[0-9a-f]{16}$/, '目录版本格式不正确').optional() }),
};

/**
 * Lifecycle action → the `ticket` function's action name (cloudfunctions/_app/functions/ticket.ts), in
 * the order the staff screens show their buttons. The staff screens call by it; the function reads it
 * backwards to match a retried idempotency key to its event.
 */
export const TICKET_FUNCTION_ACTIONS = {
  accept: 'accept',
  reject: 'reject',
  merge: 'merge',
  handle: 'handle',
  settle: 'settle',
  whistle: 'whistle',
  acknowledge: 'acknowledge',
  arrive: 'arrive',
  resolve: 'resolve',
  return: 'return',
  reroute: 'reroute',
  'request-extension': 'requestExtension',
  'approve-extension': 'approveExtension',
  'refuse-extension': 'refuseExtension',
  verify: 'verify',
  'verify-fail': 'verifyFail',
  supervise: 'supervise',
  escalate: 'escalate',
  claim: 'claim',
  reply: 'reply',
  mediate: 'mediate',
  handover: 'handover',
} as const satisfies Partial<Record<LifecycleAction, string>>;
