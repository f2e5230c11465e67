import type { Violation } from '../domain/violation';
import { distinctItems, ladderFor, type LadderLevel } from '../ledger/ladder';

/**
 * A company's star level and credit status as the 九不准 ladder sets them (001 序号3, quoted in
 * ledger/ladder.ts): 1 item → 扣信用分, 2 → 降星, 3 → 星级评定不达标 (and 清退), 4+ → 黑名单.
 * The star rating itself comes from the 星级化评定 (001 序号5–6), entered by the 住建 unit; the
 * ladder only lowers it.
 */
export const CREDIT_STATUSES = ['good', 'deducted', 'downgraded', 'substandard', 'blacklisted'] as const;
export type CreditStatus = (typeof CREDIT_STATUSES)[number];

export const CREDIT_LABELS: Readonly<Record<CreditStatus, string>> = {
  good: '正常',
  deducted: '扣减信用分',
  downgraded: '降星',
  substandard: '星级评定不达标',
  blacklisted: '黑名单',
};

const CREDIT_BY_LEVEL: Readonly<Record<LadderLevel, CreditStatus>> = {
  0: 'good',
  1: 'deducted',
  2: 'downgraded',
  3: 'substandard',
  4: 'blacklisted',
};

/** Star levels of the 星级化评定 (001 序号5 names 二星级 and below as the focus; we use one to five). */
export const MAX_STARS = 5;

export interface Standing {
  companyId: string;
  year: number;
  /** Distinct 九不准 items confirmed in the year. */
  items: number;
  level: LadderLevel;
  /** The 星级化评定 result as entered (null: not rated). */
  ratedStars: number | null;
  /** After the ladder: one star less at level 2 (never below one), none at level 3 and above (不达标). */
  stars: number | null;
  credit: CreditStatus;
  creditLabel: string;
  blacklisted: boolean;
}

export function standingFor(input: {
  companyId: string;
  year: number;
  ratedStars: number | null;
  violations: ReadonlyArray<Pick<Violation, 'companyId' | 'year' | 'item'>>;
}): Standing {
  const items = distinctItems(input.violations.filter((v) => v.companyId === input.companyId && v.year === input.year)).length;
  const { level } = ladderFor(items);
  const rated = input.ratedStars;
  const stars = rated === null || level >= 3 ? null : level === 2 ? Math.max(1, rated - 1) : rated;
  const credit = CREDIT_BY_LEVEL[level];
  return { companyId: input.companyId, year: input.year, items, level, ratedStars: rated, stars, credit, creditLabel: CREDIT_LABELS[credit], blacklisted: credit === 'blacklisted' };
}

/** Whether two standings differ in what the history records (level, stars, credit). */
export function standingChanged(before: Pick<Standing, 'level' | 'stars' | 'credit'> | null, after: Pick<Standing, 'level' | 'stars' | 'credit'>): boolean {
  return before === null || before.level !== after.level || before.stars !== after.stars || before.credit !== after.credit;
}

export interface StandingChange {
  /** When the confirmed breach that moved it was confirmed. */
  at: string;
  /** The 九不准 item of that breach. */
  item: number;
  standing: Standing;
}

/**
 * The standing's history in a year, replayed from the 九不准 ledger (violations are stored and never
 * changed, so the history is as durable as they are): one entry each time a confirmed breach moved
 * the level, stars or credit status, oldest first.
 */
export function standingHistory(input: {
  companyId: string;
  year: number;
  ratedStars: number | null;
  violations: ReadonlyArray<Pick<Violation, 'companyId' | 'year' | 'item' | 'confirmedAt' | 'id'>>;
}): StandingChange[] {
  const mine = input.violations
    .filter((v) => v.companyId === input.companyId && v.year === input.year)
    .sort((a, b) => (a.confirmedAt < b.confirmedAt ? -1 : a.confirmedAt > b.confirmedAt ? 1 : a.id < b.id ? -1 : 1));
  const out: StandingChange[] = [];
  let last: Standing | null = null;
  for (let i = 0; i < mine.length; i += 1) {
    const v = mine[i] as (typeof mine)[number];
    const now = standingFor({ companyId: input.companyId, year: input.year, ratedStars: input.ratedStars, violations: mine.slice(0, i + 1) });
    if (standingChanged(last, now) && (last !== null || now.level > 0)) out.push({ at: v.confirmedAt, item: v.item, standing: now });
    last = now;
  }
  return out;
}
