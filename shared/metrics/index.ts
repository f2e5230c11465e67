/** Metrics of DESIGN.md §6: see definitions.ts for what each figure means. */
export * from './definitions';
export { computeMetrics, computeMetricsFromRecords, computeMetricsSet, type MetricsInput, type MetricsSetInput } from './compute';
export { factsRecord, overdueOpenAt, type TicketFactsRecord } from './facts';
export { nearestRank, summarizeMinutes } from './percentile';
export { shanghaiMonth } from './instant';
export { competitionRanks, RANK_KEYS, rankRows, rankValue, type RankKey } from './rank';
