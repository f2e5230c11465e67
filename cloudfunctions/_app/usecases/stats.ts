import type { Identity } from '../../../shared/domain/roles';
import { competitionRanks, computeMetrics, computeMetricsFromRecords, METRIC_DEFINITIONS, RANKING_RULE, rankRows, type GroupBy, type MetricsRow, type RankKey } from '../../../shared/metrics';
import type { TicketFilter } from '../../../shared/ports/store';
import type { AppDeps } from '../context';
import { errors } from '../errors';
import { scopesOf } from './staff';
import { factsMatching, ticketsMatching } from './support';

const STATS_ROLES = new Set(['leadership', 'street', 'department', 'police', 'admin']);

/** The filters of the caller's dashboard scope. */
function scopeFilters(identity: Identity): TicketFilter[] {
  const scopes = scopesOf(identity).filter((s) => STATS_ROLES.has(s.role));
  if (!scopes.length) throw errors.forbidden('仅领导小组办公室、街道和部门可查看统计');
  return scopes.map((s) => s.filter);
}

/** One grouping's rows and the number of tickets counted: from facts records where the store keeps them. */
async function rowsInScope(deps: AppDeps, filters: TicketFilter[], range: { from?: string; to?: string }, groupBy: GroupBy): Promise<{ rows: MetricsRow[]; count: number }> {
  const now = deps.clock.now();
  const records = await factsMatching(deps, filters, range);
  if (records) return { rows: computeMetricsFromRecords({ records, now, groupBys: [groupBy] })[groupBy], count: records.length };
  const tickets = await ticketsMatching(deps, filters, range);
  const events = await deps.store.listEventsFor(tickets.map((t) => t.id));
  return { rows: computeMetrics({ tickets, events, now, groupBy }), count: tickets.length };
}

/**
 * The metrics of every ticket in the caller's scope created in [from, to): from the store's facts
 * records where it keeps them (issue 8), else from the tickets and their events. The same rows.
 */
export async function metrics(deps: AppDeps, identity: Identity, input: { groupBy: GroupBy; from?: string; to?: string; rankBy?: string }) {
  const filters = scopeFilters(identity);
  const range = { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) };
  const { rows, count } = await rowsInScope(deps, filters, range, input.groupBy);
  const rankBy = input.rankBy as RankKey | undefined;
  const ranked = rankBy ? rankRows(rows, rankBy) : rows;
  // Equal figures share a rank (standard competition ranking, "1, 1, 3"): the screen shows these.
  const ranks = rankBy ? Object.fromEntries(competitionRanks(rows, rankBy)) : null;
  return { rows: ranked, ranks, rankingRule: RANKING_RULE, definitions: METRIC_DEFINITIONS, tickets: count };
}
