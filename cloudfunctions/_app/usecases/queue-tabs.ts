/**
 * The grid queue's tabs and search (issue 18 §4): 待受理 / 处理中 / 待核验 / 已完成 of the caller's
 * grid and street scopes, optionally narrowed by a ticket number prefix or a description text.
 * A tab is one store query per scope: its count (countTickets) and its pages (queryTickets) take the
 * same filter, so the number on the tab is the length of the list under it. Every tab's number is
 * answered with the open tab's page (issue 18: "every tab shows its count"), all sent together.
 */
import type { z } from 'zod';
import type { TicketInputs } from '../../../shared/actions/ticket';
import type { Identity } from '../../../shared/domain/roles';
import type { Ticket } from '../../../shared/domain/ticket';
import { authorize } from '../../../shared/permissions';
import type { TicketFilter } from '../../../shared/ports/store';
import { parseSearch, QUEUE_TABS, TAB_STATES, type QueueTab } from '../../../shared/queue/tabs';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { queueRow } from './queue-row';
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

/** Every ticket of the scopes' filters (up to MERGE_CAP each), deduplicated, newest first. */
async function mergedList(deps: AppDeps, filters: TicketFilter[]): Promise<Ticket[]> {
  const pages = await Promise.all(filters.map((f) => deps.store.queryTickets(f, { limit: MERGE_CAP })));
  const byId = new Map<string, Ticket>();
  for (const page of pages) for (const t of page.items) byId.set(t.id, t);
  return [...byId.values()].sort(newestFirst);
}

function offsetOf(after: string | null | undefined): number {
  const match = after ? OFFSET.exec(after) : null;
  if (after && !match) throw new AppError('INPUT.INVALID_CURSOR', '无效的分页游标，请从第一页重新加载', 400);
  return match ? Number(match[1]) : 0;
}

type Counts = Record<QueueTab, number>;

/**
 * One tab of the grid queue, newest first, paged. Refused (403) for a caller without a grid or street
 * grant: the scope is the caller's own grants (identity from the platform), never the request.
 */
export async function gridTab(deps: AppDeps, identity: Identity, input: In & { tab: QueueTab }) {
  const scopes = gridScopes(identity);
  if (!scopes.length) throw new AppError('AUTH.FORBIDDEN', '仅网格员和社区/街道工作人员可以查看网格工单', 403);
  const search = parseSearch(input.q);
  const filtersOf = (tab: QueueTab) => scopes.map((scope): TicketFilter => ({ ...scope, states: [...TAB_STATES[tab]], ...(search ?? {}) }));
  let page: { items: Ticket[]; next: string | null; total: number };
  let counts: Counts;
  if (scopes.length === 1) {
    const filterOf = (tab: QueueTab) => filtersOf(tab)[0] as TicketFilter;
    // The open tab's page and every tab's count, each the count of the tab's own list filter, sent
    // together: one round trip on CloudBase.
    const [list, ...numbers] = await Promise.all([
      deps.store.queryTickets(filterOf(input.tab), { limit: input.limit, after: input.after ?? null }),
      ...QUEUE_TABS.map((tab) => deps.store.countTickets(filterOf(tab))),
    ]);
    counts = Object.fromEntries(QUEUE_TABS.map((tab, i) => [tab, numbers[i] ?? 0])) as Counts;
    page = { ...list, total: counts[input.tab] };
  } else {
    // Several grants: a ticket two scopes share counts once, so each tab is counted from its merged list.
    const offset = offsetOf(input.after);
    const lists = await Promise.all(QUEUE_TABS.map((tab) => mergedList(deps, filtersOf(tab))));
    counts = Object.fromEntries(QUEUE_TABS.map((tab, i) => [tab, lists[i]?.length ?? 0])) as Counts;
    const all = lists[QUEUE_TABS.indexOf(input.tab)] ?? [];
    page = { items: all.slice(offset, offset + input.limit), next: offset + input.limit < all.length ? `o:${offset + input.limit}` : null, total: all.length };
  }
  // The scope is the grants' own; each row is checked once more as the ticket page would check it.
  const items = page.items.filter((t) => authorize(identity, t, 'view', AUTH_OPTIONS).ok);
  return { tab: input.tab, items: items.map(queueRow), total: page.total, counts, next: page.next };
}
