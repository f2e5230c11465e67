import { z } from 'zod';
import { ESTATE_CLASSES } from '../governance/estate-class';
import { RECTIFICATION_STATUSES } from '../governance/rectification';
import { GeoPointSchema, Id, Instant, Note, PhotoIds, Reason, Text } from './common';

/** Inputs of the governance actions of the `ticket` function (issue 20 §1–3). */
export const GovernanceInputs = {
  issueRectification: z.object({
    estateId: Id,
    /** Against the estate's property company (default) or the estate as a whole. */
    addressee: z.enum(['company', 'estate']).default('company'),
    problem: Text(500).min(4, '请填写存在的问题'),
    basis: Text(300).min(2, '请填写整改依据'),
    measures: Text(500).default(''),
    deadline: Instant,
    ticketIds: z.array(Id).max(20).default([]),
  }),
  rectifications: z.object({
    estateId: Id.optional(),
    statuses: z.array(z.enum(RECTIFICATION_STATUSES)).min(1).max(5).optional(),
  }),
  rectification: z.object({ id: Id }),
  answerRectification: z.object({
    id: Id,
    version: z.number().int().min(1).max(1_000_000),
    note: Note.min(2, '请填写整改情况'),
    photos: PhotoIds.min(1, '请上传整改后照片'),
  }),
  acceptRectification: z.object({ id: Id, version: z.number().int().min(1).max(1_000_000) }),
  rejectRectification: z.object({ id: Id, version: z.number().int().min(1).max(1_000_000), reason: Reason }),
  /** The estate's 问题清单/整改清单, and its 整治台账 as XLSX. */
  rectificationLedger: z.object({ estateId: Id, format: z.enum(['json', 'xlsx']).default('json') }),
  setEstateClass: z.object({ estateId: Id, class: z.enum(ESTATE_CLASSES), reason: Reason }),
  estateClass: z.object({ estateId: Id }),
  classTable: z.object({ jurisdiction: Id }),
  recordPatrol: z.object({ estateId: Id, location: GeoPointSchema, photos: PhotoIds.min(1, '请上传现场照片'), note: Note.default('') }),
  visitTable: z.object({ jurisdiction: Id, year: z.number().int().min(2020).max(2100) }),
};
