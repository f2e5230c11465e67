/** Months and years of the bulletin and the ledger, on the Asia/Shanghai calendar. */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function shanghai(nowMs: number): { year: number; month: number } {
  const d = new Date(nowMs + SHANGHAI_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' of the month `nowMs` falls in (Beijing time). */
export function monthOf(nowMs: number): string {
  const { year, month } = shanghai(nowMs);
  return `${year}-${pad(month)}`;
}

/** The month before the current one: the usual 月通报 is of the last complete month. */
export function previousMonth(nowMs: number): string {
  const { year, month } = shanghai(nowMs);
  return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
}

/** The assessment year of the ledger: the Beijing calendar year. */
export function yearOf(nowMs: number): number {
  return shanghai(nowMs).year;
}

/** '2026-11' → '2026年11月'. */
export function monthLabel(month: string): string {
  return /^\d{4}-\d{2}$/.test(month) ? `${month.slice(0, 4)}年${month.slice(5, 7)}月` : month;
}
