import { z } from 'zod';
import { Cursor, Id, Instant, Limit, Note } from './common';

/** A jurisdiction id (bundled or created by an admin, issue 19 §4); the use case checks it exists and the caller's scope covers it. */
const Jurisdiction = z.string().regex(/^[a-z][a-z0-9-]*$/, '辖区编号格式不正确').max(40);

/** Inputs of the 12345 center's actions (issue 20 §6), on the `ticket` function. */
export const HotlineInputs = {
  /** A 12345 export: CSV text, or an XLSX as base64 (first sheet). About 2 MB at most. */
  hotlineImport: z.object({
    format: z.enum(['csv', 'xlsx']),
    content: z.string().min(1).max(3_000_000),
    jurisdiction: Jurisdiction.optional(),
  }),
  hotlineTickets: z.object({ limit: Limit, after: Cursor, jurisdiction: Jurisdiction.optional() }),
  hotlineStats: z.object({ from: Instant.optional(), to: Instant.optional(), jurisdiction: Jurisdiction.optional() }),
  /** 催办 (004: the center "负责…催办、督办和统计分析"): urge the handling units of an open ticket, with a note. 督办 is ticket.supervise. */
  hotlineUrge: z.object({ ticketId: Id, note: Note.min(2, '请填写催办意见') }),
  hotlineExport: z.object({ from: Instant.optional(), to: Instant.optional(), jurisdiction: Jurisdiction.optional() }),
};
