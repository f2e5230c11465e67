import type { EventActor } from '../domain/ticket';
import type { Violation } from '../domain/violation';
import { standingChanged, standingFor, type CreditStatus, type Standing } from './standing';

/**
 * A stored change of a company's star level and credit status (issue 20 §4: "The star level and
 * credit status follow the ladder and are stored with history"): who moved it, when and why.
 *
 * Why it moves: 001 序号3 ties the credit status and the star level to the 九不准 count ("对累计违反
 * 上述1条内容的，从严扣除信用分值…对累计违反上述2条内容的…物业服务质量星级化评定采取“降星”…对累计违反
 * 上述4条及以上内容的，纳入物业行业“黑名单”管理"), and the star level itself to the 星级化评定 (序号5–6).
 * The monthly 考核 score is not named as a cause by any of the five documents, so a confirmed breach
 * is the cause recorded here; the score stays a figure of its month.
 */
export interface StandingSnapshot {
  level: Standing['level'];
  stars: number | null;
  credit: CreditStatus;
  /** Distinct 九不准 items of the year after the change. */
  items: number;
}

export interface StandingRecord {
  /** `sc:<violation id>`: one record per confirmed breach at most, so a retried confirmation adds none. */
  id: string;
  companyId: string;
  jurisdiction: string;
  year: number;
  at: string;
  /** The officer who confirmed the breach, or the admin who changed the rating. */
  by: EventActor;
  /**
   * Why it moved: a confirmed breach, or the admin's change of the 星级化评定 result through
   * admin.putPropertyCompany (001 序号5–6: the rating is the county 住建's act), with the rating before and after.
   */
  cause:
    | { kind: 'violation'; violationId: string; item: number; ticketNo: string | null }
    | { kind: 'admin'; ratedBefore: number | null; ratedAfter: number | null };
  before: StandingSnapshot;
  after: StandingSnapshot;
}

const snapshot = (s: Standing): StandingSnapshot => ({ level: s.level, stars: s.stars, credit: s.credit, items: s.items });

/**
 * The record a newly confirmed breach writes, or null when the ladder did not move (e.g. a second
 * breach of an item already counted). `violations` are the company's confirmed breaches of the year
 * including `confirmed`; the standing before is the same list without it.
 */
export function standingRecordFor(input: {
  confirmed: Pick<Violation, 'id' | 'companyId' | 'year' | 'item' | 'jurisdiction' | 'ticketNo' | 'confirmedAt' | 'confirmedBy'>;
  ratedStars: number | null;
  violations: ReadonlyArray<Pick<Violation, 'id' | 'companyId' | 'year' | 'item'>>;
}): StandingRecord | null {
  const v = input.confirmed;
  const base = { companyId: v.companyId, year: v.year, ratedStars: input.ratedStars };
  const withIt = input.violations.some((x) => x.id === v.id) ? input.violations : [...input.violations, v];
  const after = standingFor({ ...base, violations: withIt });
  const before = standingFor({ ...base, violations: withIt.filter((x) => x.id !== v.id) });
  if (!standingChanged(before, after)) return null;
  return {
    id: `sc:${v.id}`,
    companyId: v.companyId,
    jurisdiction: v.jurisdiction,
    year: v.year,
    at: v.confirmedAt,
    by: v.confirmedBy,
    cause: { kind: 'violation', violationId: v.id, item: v.item, ticketNo: v.ticketNo || null },
    before: snapshot(before),
    after: snapshot(after),
  };
}

/**
 * The record an admin's change of the rated stars writes (source 'admin'), or null when the rating
 * is unchanged (a no-op put, or a change of name only). The year's confirmed breaches stay as they
 * are; before and after are the standing under the old and the new rating.
 */
export function standingRecordForRating(input: {
  id: string;
  companyId: string;
  jurisdiction: string;
  year: number;
  at: string;
  by: EventActor;
  ratedBefore: number | null;
  ratedAfter: number | null;
  violations: ReadonlyArray<Pick<Violation, 'companyId' | 'year' | 'item'>>;
}): StandingRecord | null {
  if (input.ratedBefore === input.ratedAfter) return null;
  const base = { companyId: input.companyId, year: input.year, violations: input.violations };
  return {
    id: input.id,
    companyId: input.companyId,
    jurisdiction: input.jurisdiction,
    year: input.year,
    at: input.at,
    by: input.by,
    cause: { kind: 'admin', ratedBefore: input.ratedBefore, ratedAfter: input.ratedAfter },
    before: snapshot(standingFor({ ...base, ratedStars: input.ratedBefore })),
    after: snapshot(standingFor({ ...base, ratedStars: input.ratedAfter })),
  };
}
