/**
 * What the dashboard's headline and charts show, from the metrics rows: the latest month with
 * tickets and its change on the month before, the last months of the 三率 trend, and bar lengths.
 */
import { RATE_KEYS, type MetricsRow, type RateKey } from '../../../../shared/metrics/definitions';
import type { RankKey } from '../../../../shared/metrics/rank';

const MONTH = /^\d{4}-\d{2}$/;

/** The three rates of the 三率 (响应率、解决率、满意率). */
export const HEADLINE_RATES: readonly RateKey[] = ['responseRate', 'resolutionRate', 'satisfactionRate'];

/** Months shown in the trend: half a year fits a phone's width with a label on every column. */
export const TREND_MONTHS = 6;

/** 'YYYY-MM' → the month before it. */
export function monthBefore(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Month rows with tickets, oldest first, none after `currentMonth` (rows of other groupings are not months). */
export function monthRows(rows: readonly MetricsRow[], currentMonth: string): MetricsRow[] {
  return rows.filter((r) => MONTH.test(r.key) && r.key <= currentMonth && r.counts.tickets > 0).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The latest month with tickets: the headline's month and the bulletin's default. */
export function lastMonthWithTickets(rows: readonly MetricsRow[], currentMonth: string): string | null {
  const months = monthRows(rows, currentMonth);
  return months[months.length - 1]?.key ?? null;
}

export interface HeadlineFigure {
  key: RateKey;
  value: number | null;
  /** Change on the month before, in percentage points; null when either month has no figure. */
  change: number | null;
}

export interface Headline {
  month: string;
  previous: string;
  figures: HeadlineFigure[];
}

/** The 三率 of the latest month with tickets and their change on the calendar month before it. */
export function headline(rows: readonly MetricsRow[], currentMonth: string): Headline | null {
  const months = monthRows(rows, currentMonth);
  const latest = months[months.length - 1];
  if (!latest) return null;
  const previous = monthBefore(latest.key);
  const before = months.find((r) => r.key === previous);
  return {
    month: latest.key,
    previous,
    figures: HEADLINE_RATES.map((key) => {
      const value = latest.rates[key];
      const prior = before?.rates[key] ?? null;
      // Rounded to a tenth of a point, as the percentages beside it are.
      const change = value === null || prior === null ? null : Math.round((value - prior) * 1000) / 10;
      return { key, value, change };
    }),
  };
}

/** '较上月上升5.0个百分点', '较上月持平', or why there is nothing to compare. */
export function changeLabel(change: number | null, value: number | null = null): string {
  if (value === null) return '本月暂无数据';
  if (change === null) return '上月无可比数据';
  if (change === 0) return '较上月持平';
  return `较上月${change > 0 ? '上升' : '下降'}${Math.abs(change).toFixed(1)}个百分点`;
}

/** The trend's months: the last TREND_MONTHS months with tickets, oldest first. */
export function trendRows(rows: readonly MetricsRow[], currentMonth: string): MetricsRow[] {
  return monthRows(rows, currentMonth).slice(-TREND_MONTHS);
}

const RATE_KEY_SET: ReadonlySet<string> = new Set<string>(RATE_KEYS);
export const isRateKey = (key: RankKey): key is RateKey => RATE_KEY_SET.has(key);

/**
 * A bar's length in percent of the chart's width: a rate is its own percentage (100 % is full
 * width); times and counts are measured against the largest in view. No figure, no bar.
 */
export function barPercent(value: number | null, key: RankKey, largest: number): number {
  if (value === null) return 0;
  const share = isRateKey(key) ? value : largest > 0 ? value / largest : 0;
  return Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
}
