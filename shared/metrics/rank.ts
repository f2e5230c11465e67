import { RATE_KEYS, type MetricsRow, type RateKey } from './definitions';

/** What a ranking table can order by: a rate (higher is better) or a time/backlog (lower is better). */
export const RANK_KEYS = [
  ...RATE_KEYS,
  'ackMinutesP50',
  'ackMinutesP90',
  'resolveMinutesP50',
  'resolveMinutesP90',
  'overdueOpen',
] as const;
export type RankKey = (typeof RANK_KEYS)[number];

const RATES: ReadonlySet<string> = new Set<string>(RATE_KEYS);

function isRateKey(by: RankKey): by is RateKey {
  return RATES.has(by);
}

/** The figure a row is ranked on; null when the row has none. */
export function rankValue(row: MetricsRow, by: RankKey): number | null {
  if (isRateKey(by)) return row.rates[by];
  switch (by) {
    case 'ackMinutesP50':
      return row.ackMinutes.p50;
    case 'ackMinutesP90':
      return row.ackMinutes.p90;
    case 'resolveMinutesP50':
      return row.resolveMinutes.p50;
    case 'resolveMinutesP90':
      return row.resolveMinutes.p90;
    case 'overdueOpen':
      return row.counts.overdueOpen;
  }
}

/**
 * Rows in ranking order, best first: rates descending; minutes and overdueOpen ascending.
 * Rows without the figure (null) come last; ties (and the null rows) are ordered by key
 * (code-unit order). Returns a new array; the input is not changed.
 */
export function rankRows(rows: readonly MetricsRow[], by: RankKey): MetricsRow[] {
  const direction = isRateKey(by) ? -1 : 1;
  const byKey = (a: MetricsRow, b: MetricsRow): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...rows].sort((a, b) => {
    const va = rankValue(a, by);
    const vb = rankValue(b, by);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return byKey(a, b);
    }
    return va === vb ? byKey(a, b) : (va - vb) * direction;
  });
}

/**
 * Standard competition ranking ("1, 1, 3") of rows by a figure: a row's rank is one plus the number
 * of rows whose figure is strictly better; equal figures share a rank. Rows without the figure
 * (null) have no rank (null). Keyed by row key; the input is not changed.
 */
export function competitionRanks(rows: readonly MetricsRow[], by: RankKey): Map<string, number | null> {
  const direction = isRateKey(by) ? -1 : 1;
  const values = rows.map((r) => rankValue(r, by)).filter((v): v is number => v !== null);
  const out = new Map<string, number | null>();
  for (const row of rows) {
    const v = rankValue(row, by);
    out.set(row.key, v === null ? null : 1 + values.filter((w) => (w - v) * direction < 0).length);
  }
  return out;
}
