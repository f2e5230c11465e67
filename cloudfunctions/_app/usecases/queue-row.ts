/**
 * One row of a staff queue (grid tabs, 本单位待办, the street's lists, the police desk): the list
 * summary, the pending extension (the street decides from the list) and the latest reply (issue 18:
 * "a reply shows" on the row, not only on the ticket card). Rows are built only for tickets the caller
 * may view (each queue checks `view` per ticket), so the reply, the resident's own words included,
 * goes where the ticket already goes: never a public surface, never the company of a complaint
 * about it. It names who replied by role and unit only (Ticket.lastReply).
 */
import type { Ticket } from '../../../shared/domain/ticket';
import { summary } from './report';

export function queueRow(t: Ticket) {
  return { ...summary(t), pendingExtension: t.pendingExtension, lastReply: t.lastReply ?? null };
}
