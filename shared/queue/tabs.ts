/**
 * The grid queue's tabs (issue 18 §4): 待受理 / 处理中 / 待核验 / 已完成, each a set of ticket states,
 * and the search box's reading of what was typed (a ticket number prefix or a description text).
 * A tab is a store query (states + the caller's scope), so its count and its list are one query.
 */
import type { TicketState } from '../domain/ticket';

export const QUEUE_TABS = ['pending', 'handling', 'verify', 'done'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const TAB_LABELS: Record<QueueTab, string> = {
  pending: '待受理',
  handling: '处理中',
  verify: '待核验',
  done: '已完成',
};

/**
 * The states of each tab. 处理中 holds every ticket the estate still waits on, wherever it is: with
 * the grid (受理, 网格处置, 重办), whistled to departments (吹哨, 报到, 到场), claimed by the police
 * (认领 → 已报到), or returned to the street (退单): after 吹哨 or 认领 a ticket stays findable here.
 * 已完成 is the grid's part done: verified (the resident's confirm window may still run), closed,
 * rejected or merged.
 */
export const TAB_STATES: Record<QueueTab, readonly TicketState[]> = {
  pending: ['submitted'],
  handling: ['accepted', 'handling', 'reopened', 'whistled', 'acknowledged', 'on_site', 'returned'],
  verify: ['resolved'],
  done: ['verified', 'closed', 'rejected', 'merged'],
};

/** The longest search text kept (a description is at most 500 characters). */
export const SEARCH_MAX = 50;

/**
 * A ticket number, whole or its beginning: the jurisdiction's letters, then optionally
 * `-YYYYMMDD` and `-NNNN` in part (YN, YN-2026, YN-20261206-00). Case-insensitive as typed.
 */
const TICKET_NO_PREFIX = /^[A-Za-z]{2,8}(-[0-9]{0,8}(-[0-9]{0,6})?)?$/;

export type QueueSearch = { noPrefix: string } | { text: string } | null;

/** What a search box's text asks for: a ticket number prefix (upper-cased), else a description text. */
export function parseSearch(raw: string | undefined): QueueSearch {
  const q = (raw ?? '').trim().slice(0, SEARCH_MAX);
  if (!q) return null;
  if (TICKET_NO_PREFIX.test(q)) return { noPrefix: q.toUpperCase() };
  return { text: q };
}
