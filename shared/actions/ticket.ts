import { z } from 'zod';
import { Cursor, GeoPointSchema, Id, Instant, Limit, Note, PhotoIds, Reason, Text, TicketCommand } from './common';

const Units = z.array(Id).min(1, '请至少选择一个单位').max(10);

/** Inputs of the `ticket` function (staff workflow). */
export const TicketInputs = {
  home: z.object({}).passthrough(),
  queue: z.object({
    view: z.enum(['grid', 'street-returned', 'street-overdue', 'street-extensions', 'unit', 'police-desk', 'all']).default('all'),
    limit: Limit,
    after: Cursor,
    groupId: Id.optional(),
  }),
  detail: z.object({ ticketId: Id }),
  accept: TicketCommand.extend({ note: Note.optional() }),
  reject: TicketCommand.extend({ reason: Reason }),
  merge: TicketCommand.extend({ duplicateOf: Id, note: Note.optional() }),
  handle: TicketCommand.extend({ note: Note.optional() }),
  settle: TicketCommand.extend({
    note: Note.min(2, '请填写处置说明'),
    photos: PhotoIds.min(1, '请上传处置后照片'),
    location: GeoPointSchema,
    farReason: Reason.optional(),
  }),
  whistle: TicketCommand.extend({ units: Units, reason: Reason.optional(), note: Note.optional() }),
  acknowledge: TicketCommand.extend({ officerName: Text(20).min(2, '请填写报到人员姓名'), note: Note.optional() }),
  arrive: TicketCommand.extend({ location: GeoPointSchema, note: Note.optional() }),
  resolve: TicketCommand.extend({ note: Note.min(2, '请填写办理结果'), photos: PhotoIds.min(1, '请上传整改后照片') }),
  return: TicketCommand.extend({ reasonCode: z.enum(['not-our-duty', 'wrong-address', 'duplicate']), reason: Reason }),
  reroute: TicketCommand.extend({ units: Units, reason: Reason }),
  requestExtension: TicketCommand.extend({ until: Instant, reason: Reason }),
  approveExtension: TicketCommand.extend({ note: Note.optional() }),
  refuseExtension: TicketCommand.extend({ reason: Reason }),
  verify: TicketCommand.extend({ note: Note.optional() }),
  verifyFail: TicketCommand.extend({ reason: Reason }),
  supervise: TicketCommand.extend({ note: Note.min(2, '请填写督办意见') }),
  escalate: TicketCommand.extend({ reason: Reason }),
  claim: TicketCommand.extend({ officerName: Text(20).min(2, '请填写民警姓名') }),
  reply: TicketCommand.extend({ text: Text(300).min(2, '请填写回复内容') }),
  mediate: TicketCommand.extend({
    parties: z.array(Text(20).min(1)).min(1).max(10),
    outcome: z.enum(['agreed', 'partial', 'failed']),
    agreement: Text(1000).optional(),
  }),
  handover: TicketCommand.extend({ units: Units, reason: Reason }),
  inbox: z.object({ unreadOnly: z.boolean().default(false), limit: Limit }),
  markRead: z.object({ ids: z.array(Id).max(100) }),
};
