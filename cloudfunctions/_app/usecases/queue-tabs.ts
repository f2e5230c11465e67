/**
 * The grid queue's tabs and search (issue 18 §4): 待受理 / 处理中 / 待核验 / 已完成 of the caller's
 * grid and street scopes, optionally narrowed by a ticket number prefix or a description text.
 * A tab is one store query per scope: its count (countTickets) and its pages (queryTickets) take the
 * same filter, so the number on the tab is the length of the list under it.
 */
import type { z } from 'zod';
import type { TicketInputs } from '../../../shared/actions/ticket';
import type { Identity } from '../../../shared/domain/roles';
import type { Ticket } from '../../../shared/domain/ticket';
import { authorize } from '../../../shared/permissions';
import type { TicketFilter } from '../../../shared/ports/store';
import { parseSearch, TAB_STATES, type QueueTab } from '../../../shared/queue/tabs';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { summary } from './report';
import { scopesOf } from './staff';
import { AUTH_OPTIONS } from './support';

type In = z.output<(typeof TicketInputs)['queue']>;

/** Per scope, at most this many tickets are merged when the caller holds several grid/street grants. */
const MERGE_CAP = 1000;

/** The filters of the caller's grid and street grants (their estates, their streets): the grid queue's scope. */
function gridScopes(identity: Identity): TicketFilter[] {
  return scopesOf(identity)
    .filter((s) => s.role === 'grid' || s.role === 'street')
    .map((s) => s.filter);
}

const newestFirst = (a: Ticket, b: Ticket): number => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** An offset cursor for the merged list of several scopes (a store cursor is per query). */
const OFFSET = /^o:(\d{1,6})$/;

async function mergedPage(deps: AppDeps, filters: TicketFilter[], limit: number, after: string | null | undefined) {
  const match = after ? OFFSET.exec(after) : null;
  if (after && !match) throw new AppError('INPUT.INVALID_CURSOR', '无效的分页游标，请从第一页重新加载', 400);
  const offset = match ? Number(match[1]) : 0;
  const pages = await Promise.all(filters.map((f) => deps.store.queryTickets(f, { limit: MERGE_CAP })));
  const byId = new Map<string, Ticket>();
  for (const page of pages) for (const t of page.items) byId.set(t.id, t);
  const all = [...byId.values()].sort(newestFirst);
  const items = all.slice(offset, offset + limit);
  return { items, next: offset + limit < all.length ? `o:${offset + limit}` : null, total: all.length };
}

/**
 * One tab of the grid queue, newest first, paged. Refused (403) for a caller without a grid or street
 * grant: the scope is the caller's own grants (identity from the platform), never the request.
 */
export async function gridTab(deps: AppDeps, identity: Identity, input: In & { tab: QueueTab }) {
  const scopes = gridScopes(identity);
  if (!scopes.length) throw new AppError('AUTH.FORBIDDEN', '仅网格员和社区/街道工作人员可以查看网格工单', 403);
  const search = parseSearch(input.q);
  const filters = scopes.map((scope): TicketFilter => ({ ...scope, states: [...TAB_STATES[input.tab]], ...(search ?? {}) }));
  let page: { items: Ticket[]; next: string | null; total: number };
  if (filters.length === 1) {
    const filter = filters[0] as TicketFilter;
    // The list and its count together: one round trip on CloudBase.
    const [list, total] = await Promise.all([deps.store.queryTickets(filter, { limit: input.limit, after: input.after ?? null }), deps.store.countTickets(filter)]);
    page = { ...list, total };
  } else {
    page = await mergedPage(deps, filters, input.limit, input.after);
  }
  // The scope is the grants' own; each row is checked once more as the ticket page would check it.
  const items = page.items.filter((t) => authorize(identity, t, 'view', AUTH_OPTIONS).ok);
  return { tab: input.tab, items: items.map((t) => ({ ...summary(t), pendingExtension: t.pendingExtension })), total: page.total, next: page.next };
}
