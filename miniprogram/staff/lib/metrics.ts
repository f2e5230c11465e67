/** Dashboard labels: row names per grouping and the ranking choices, from shared/metrics. */
import { METRIC_DEFINITIONS, NO_STREET_KEY, type GroupBy, type MetricsRow, type RateKey } from '../../../shared/metrics/definitions';
import type { RankKey } from '../../../shared/metrics/rank';
import { CATEGORY_CODES, getCategory, type CategoryCode } from '../../../shared/taxonomy/categories';
import { unitName } from './units';

export const DASHBOARD_GROUPS: ReadonlyArray<{ key: Exclude<GroupBy, 'all'>; label: string }> = [
  { key: 'department', label: '部门' },
  { key: 'street', label: '街道' },
  { key: 'category', label: '类别' },
  { key: 'month', label: '月份' },
];

export const RANK_CHOICES: ReadonlyArray<{ key: RankKey; label: string }> = [
  { key: 'responseRate', label: METRIC_DEFINITIONS.responseRate.label },
  { key: 'resolutionRate', label: METRIC_DEFINITIONS.resolutionRate.label },
  { key: 'satisfactionRate', label: METRIC_DEFINITIONS.satisfactionRate.label },
  { key: 'onTimeRate', label: METRIC_DEFINITIONS.onTimeRate.label },
  { key: 'ackMinutesP50', label: `${METRIC_DEFINITIONS.ackMinutes.label} P50` },
  { key: 'resolveMinutesP50', label: `${METRIC_DEFINITIONS.resolveMinutes.label} P50` },
  { key: 'overdueOpen', label: METRIC_DEFINITIONS.overdueOpen.label },
];

/** Numerator and denominator of each rate, for the small "(12/15)" beside it. */
export const RATE_PARTS: Record<RateKey, (c: MetricsRow['counts']) => [number, number]> = {
  responseRate: (c) => [c.ackOnTime, c.ackDenominator],
  resolutionRate: (c) => [c.fixed, c.fixAnswered],
  satisfactionRate: (c) => [c.satisfied, c.rated],
  onTimeRate: (c) => [c.resolvedOnTime, c.resolveDenominator],
};

export function rowName(groupBy: GroupBy, key: string): string {
  switch (groupBy) {
    case 'department':
      return unitName(key);
    case 'street':
      return key === NO_STREET_KEY ? key : unitName(key);
    case 'category':
      return (CATEGORY_CODES as readonly string[]).includes(key) ? getCategory(key as CategoryCode).label : key;
    case 'month':
      return /^\d{4}-\d{2}$/.test(key) ? `${key.slice(0, 4)}年${key.slice(5, 7)}月` : key;
    case 'all':
      return '合计';
  }
}
