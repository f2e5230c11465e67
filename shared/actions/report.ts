import { z } from 'zod';
import { Category, Cursor, GeoPointSchema, Id, Limit, Phone, PhotoIds, Reason, Text, TicketCommand } from './common';

/** Inputs of the `report` function (resident actions). */
export const ReportInputs = {
  submit: z.object({
    /** Client-generated; a retried submit with the same key returns the same ticket. */
    idempotencyKey: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
    estateId: Id,
    category: Category,
    description: Text(500).min(5, '请至少用5个字描述问题'),
    photos: PhotoIds.default([]),
    location: GeoPointSchema.nullish(),
    contactPhone: Phone.nullish(),
    anonymous: z.boolean().default(false),
    /** Photos may be shown in the owner group's public view. */
    photosPublic: z.boolean().default(false),
  }),
  listMine: z.object({ limit: Limit, after: Cursor }),
  detail: z.object({ ticketId: Id }),
  confirm: TicketCommand,
  reopen: TicketCommand.extend({ reason: Reason }),
  appeal: TicketCommand.extend({ reason: Reason }),
  rate: TicketCommand.extend({
    score: z.number().int().min(1).max(5),
    fixed: z.boolean(),
    comment: Text(300).optional(),
  }),
  meToo: z.object({ ticketId: Id }),
  /** Open tickets of the same category within 50 m, shown before submitting. */
  nearby: z.object({ estateId: Id, category: Category, location: GeoPointSchema.nullish() }),
  estateByScene: z.object({ scene: z.string().min(1).max(200) }),
  /** `after`: the previous page's `next`, so that staff screens read every estate, 100 at a time. */
  estates: z.object({ near: GeoPointSchema.nullish(), query: Text(50).optional(), limit: Limit, after: Cursor }),
  noticeboard: z.object({ estateId: Id }),
  publicView: z.object({ ticketId: Id }),
  /** Share a ticket card into an owner group bound to the ticket's estate (reporter only). */
  shareToGroup: z.object({ ticketId: Id, groupId: Id }),
  /** The active owner groups of an estate (id and name), for the resident's share picker. */
  ownerGroups: z.object({ estateId: Id }),
  me: z.object({}).passthrough(),
  /** Where to upload the next photo, within the day's allowance (weapp on CloudBase). */
  photoSlot: z.object({}).strict(),
  inbox: z.object({ unreadOnly: z.boolean().default(false), limit: Limit }),
  markRead: z.object({ ids: z.array(Id).max(100) }),
  /** Binds the caller's own WeChat account to the staff record the invitation names. */
  redeemInvitation: z.object({ code: z.string().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, '邀请码格式不正确') }),
  /** The three most likely categories for what the resident typed (issue 16 §5); stores nothing. */
  suggestCategory: z.object({ text: Text(500).min(1, '请先描述看到的问题') }),
};
