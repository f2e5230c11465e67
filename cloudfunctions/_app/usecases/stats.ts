import type { Identity } from '../../../shared/domain/roles';
import type { Ticket } from '../../../shared/domain/ticket';
import { computeMetrics, METRIC_DEFINITIONS, rankRows, type GroupBy } from '../../../shared/metrics';
import type { AppDeps } from '../context';
import { errors } from '../errors';
import { scopesOf } from './staff';

const STATS_ROLES = new Set(['leadership', 'street', 'department', 'police', 'admin']);

/** Every ticket in the caller's dashboard scope created in [from, to), paged through the store. */
async function ticketsInScope(deps: AppDeps, identity: Identity, from?: string, to?: string): Promise<Ticket[]> {
  const scopes = scopesOf(identity).filter((s) => STATS_ROLES.has(s.role));
  if (!scopes.length) throw errors.forbidden('仅领导小组办公室、街道和部门可查看统计');
  const seen = new Map<string, Ticket>();
  for (const { filter } of scopes) {
    let after: string | null = null;
    do {
      const page: { items: Ticket[]; next: string | null } = await deps.store.queryTickets(
        { ...filter, ...(from ? { createdFrom: from } : {}), ...(to ? { createdTo: to } : {}) },
        { limit: 1000, after },
      );
      for (const t of page.items) seen.set(t.id, t);
      after = page.next;
    } while (after);
  }
  return [...seen.values()];
}

export async function metrics(deps: AppDeps, identity: Identity, input: { groupBy: GroupBy; from?: string; to?: string; rankBy?: string }) {
  const tickets = await ticketsInScope(deps, identity, input.from, input.to);
  const events = await deps.store.listEventsFor(tickets.map((t) => t.id));
  const rows = computeMetrics({ tickets, events, now: deps.clock.now(), groupBy: input.groupBy });
  const ranked = input.rankBy ? rankRows(rows, input.rankBy as Parameters<typeof rankRows>[1]) : rows;
  return { rows: ranked, definitions: METRIC_DEFINITIONS, tickets: tickets.length };
}
