/**
 * The code paths as they were before the issue 8 changes, kept in the bench only, so that the
 * "before" figures of docs/PERFORMANCE.md §5 are measured in the same run, on the same file, next to
 * the production code ("after"). Nothing in the application uses them.
 *   - listUsers: every user row, its grants unpacked with json_each (local/store/directory-store.ts
 *     before migration V3 and user-query.ts).
 *   - the bulletin's fetch: the scope's filter as it is, `jurisdiction IN (…)` with several values,
 *     paged 1,000 at a time (usecases/bulletin.ts before support.ts ticketsMatching).
 *   - the bulletin's tables: computeMetrics once per grouping (before computeMetricsSet).
 *   - commitTransition: every column in SET and the unit and group rows deleted and inserted again
 *     (local/store/ticket-store.ts before it wrote only what changed), and no facts record.
 */
import { insertOutbox } from '../../../local/store/outbox-store';
import type { SqliteStore } from '../../../local/store/sqlite-store';
import { StatementCache } from '../../../local/store/statements';
import { sweepColumn } from '../../../local/store/ticket-query';
import type { User } from '../../../shared/domain/directory';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { computeMetrics, type GroupBy, type MetricsRow } from '../../../shared/metrics';
import { StoreConflictError, type Store, type TicketFilter } from '../../../shared/ports/store';

type UserFilter = Parameters<Store['listUsers']>[0];

/** The SQL listUsers ran before migration V3, for a filter. */
export function legacyUserQuery(filter: UserFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.demo !== undefined) {
    where.push('demo = ?');
    params.push(filter.demo ? 1 : 0);
  }
  const grant: string[] = [];
  if (filter.jurisdiction !== undefined) {
    grant.push(`json_extract(g.value, '$.jurisdiction') = ?`);
    params.push(filter.jurisdiction);
  }
  if (filter.role !== undefined) {
    grant.push(`json_extract(g.value, '$.role') = ?`);
    params.push(filter.role);
  }
  if (filter.unitId !== undefined) {
    grant.push(
      `(EXISTS (SELECT 1 FROM json_each(g.value, '$.units') u WHERE u.value = ?) OR ` +
        `EXISTS (SELECT 1 FROM json_each(g.value, '$.streets') s WHERE s.value = ?))`,
    );
    params.push(filter.unitId, filter.unitId);
  }
  if (grant.length > 0) where.push(`EXISTS (SELECT 1 FROM json_each(doc, '$.grants') g WHERE ${grant.join(' AND ')})`);
  return { sql: `SELECT doc FROM users${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`, params };
}

type Commit = Parameters<Store['commitTransition']>[0];

/** commitTransition as it was, in its IMMEDIATE transaction (checks as before; no facts record). */
function legacyCommit(store: SqliteStore): (input: Commit) => Promise<void> {
  const st = new StatementCache(store.db);
  const run = store.db.transaction(({ next, expectedVersion, event, outbox }: Commit) => {
    if (next.version <= expectedVersion) throw new Error('version must move');
    const changed = st
      .get(
        `UPDATE tickets SET version = ?, jurisdiction = ?, estate_id = ?, grid_id = ?, street_id = ?, category = ?, state = ?,
           updated_at = ?, sweep_at = ?, doc = ? WHERE id = ? AND version = ?`,
      )
      .run(next.version, next.jurisdiction, next.estateId, next.gridId, next.streetId, next.category, next.state, next.updatedAt, sweepColumn(next.state, next.sweepAt), JSON.stringify(next), next.id, expectedVersion).changes;
    if (changed === 0) throw new StoreConflictError();
    st.get('DELETE FROM ticket_units WHERE ticket_id = ?').run(next.id);
    st.get('DELETE FROM ticket_groups WHERE ticket_id = ?').run(next.id);
    const units = [...new Set([...next.assignedUnits, ...next.route.lead.map((u) => u.id), ...next.route.responsible.map((u) => u.id)])];
    for (const u of units) st.get('INSERT INTO ticket_units (ticket_id, unit_id, created_at) VALUES (?, ?, ?)').run(next.id, u, next.createdAt);
    for (const g of new Set(next.sharedGroups)) st.get('INSERT INTO ticket_groups (ticket_id, group_id, created_at) VALUES (?, ?, ?)').run(next.id, g, next.createdAt);
    st.get('INSERT INTO events (id, ticket_id, seq, at, doc) VALUES (?, ?, ?, ?, ?)').run(event.id, event.ticketId, event.seq, event.at, JSON.stringify(event));
    insertOutbox(st, outbox);
  });
  return async (input) => {
    run.immediate(input);
  };
}

/** The store with some of its methods answered the old way (everything else is the store's own). */
export function withLegacy(store: SqliteStore, parts: { listUsers?: boolean; commit?: boolean }): Store {
  const listUsers = async (filter: UserFilter): Promise<User[]> => {
    const q = legacyUserQuery(filter);
    return (store.db.prepare(q.sql).all(...q.params) as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as User);
  };
  const commitTransition = legacyCommit(store);
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listUsers' && parts.listUsers) return listUsers;
      if (prop === 'commitTransition' && parts.commit) return commitTransition;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The old fetch: each scope filter as it is (several jurisdictions in one IN), 1,000 per page. */
export async function legacyTicketsOf(store: Store, filters: readonly TicketFilter[], from: string, to: string): Promise<{ tickets: Ticket[]; pages: number }> {
  const seen = new Map<string, Ticket>();
  let pages = 0;
  for (const filter of filters) {
    let after: string | null = null;
    do {
      const page: { items: Ticket[]; next: string | null } = await store.queryTickets({ ...filter, createdFrom: from, createdTo: to }, { limit: 1000, after });
      pages += 1;
      for (const t of page.items) seen.set(t.id, t);
      after = page.next;
    } while (after);
  }
  return { tickets: [...seen.values()], pages };
}

/** The old tables step's metrics: one computeMetrics call per grouping, each deriving every ticket's facts. */
export function legacyMetrics(tickets: readonly Ticket[], events: readonly TicketEvent[], now: string): Record<'all' | 'department' | 'street' | 'category', MetricsRow[]> {
  const rows = (groupBy: GroupBy) => computeMetrics({ tickets, events, now, groupBy });
  return { all: rows('all'), department: rows('department'), street: rows('street'), category: rows('category') };
}
