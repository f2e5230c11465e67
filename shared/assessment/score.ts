import type { Ticket } from '../domain/ticket';
import type { Violation } from '../domain/violation';
import { instantMs, shanghaiMonth } from '../metrics/instant';
import {
  ASSESSMENT_DEFINITIONS,
  BREACHES_FOR_ZERO,
  COMPLAINT_CATEGORIES,
  COMPLAINTS_PER_1000_FOR_ZERO,
  gradeOf,
  type AssessmentGrade,
  type AssessmentTerm,
} from './definitions';

/**
 * A rectification notice as the score reads it: its deadline and when the company's answer was
 * accepted (null while open). The ledger's RectificationNotice maps onto this (issue 20 §1).
 */
export interface NoticeFact {
  companyId: string | null;
  deadline: string;
  /** When the company's accepted answer came in (the notice is 销号); null while not accepted. */
  rectifiedAt: string | null;
  /** An answer came in by the deadline and awaits the officer's review: not late, not yet counted. */
  answeredInTime?: boolean;
}

export type TicketFact = Pick<Ticket, 'propertyCompanyId' | 'category' | 'createdAt' | 'state' | 'rating'>;

export interface MonthlyInput {
  companyId: string;
  /** Asia/Shanghai month, 'YYYY-MM'. */
  month: string;
  /** The instant of the assessment: an open notice counts as overdue once its deadline is before it. */
  asOf: string;
  /** Household counts of the estates the company manages (null: not registered). */
  households: ReadonlyArray<number | null>;
  violations: ReadonlyArray<Pick<Violation, 'companyId' | 'confirmedAt'>>;
  notices: readonly NoticeFact[];
  tickets: readonly TicketFact[];
}

export interface TermScore {
  term: AssessmentTerm;
  label: string;
  weight: number;
  /** Share of the weight earned, 0–1. */
  value: number;
  points: number;
}

export interface MonthlyScore {
  companyId: string;
  month: string;
  score: number;
  grade: AssessmentGrade;
  terms: TermScore[];
  breaches: number;
  notices: { onTime: number; overdue: number; pending: number };
  rated: number;
  satisfied: number;
  complaints: number;
  /** Total households of the company's estates; null when any estate has none registered. */
  households: number | null;
  /** Complaints per 1,000 households (1 decimal); null without households. */
  per1000: number | null;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Whether a notice due this month was rectified on time, late, or is still within its deadline. */
export function noticeOutcome(n: NoticeFact, asOf: string): 'onTime' | 'overdue' | 'pending' {
  const due = instantMs(n.deadline);
  if (n.rectifiedAt !== null) return instantMs(n.rectifiedAt) <= due ? 'onTime' : 'overdue';
  if (n.answeredInTime) return 'pending';
  return due < instantMs(asOf) ? 'overdue' : 'pending';
}

/** The monthly score of one company (definitions.ts says what each term means). */
export function monthlyScore(input: MonthlyInput): MonthlyScore {
  const inMonth = (iso: string) => shanghaiMonth(iso) === input.month;
  const mine = input.companyId;

  const breaches = input.violations.filter((v) => v.companyId === mine && inMonth(v.confirmedAt)).length;

  const notices = { onTime: 0, overdue: 0, pending: 0 };
  for (const n of input.notices) if (n.companyId === mine && inMonth(n.deadline)) notices[noticeOutcome(n, input.asOf)] += 1;

  const about = input.tickets.filter((t) => t.propertyCompanyId === mine && COMPLAINT_CATEGORIES.includes(t.category));
  const ratings = about.flatMap((t) => (t.rating && inMonth(t.rating.at) ? [t.rating] : []));
  const satisfied = ratings.filter((r) => r.score >= 4).length;
  const complaints = about.filter((t) => inMonth(t.createdAt) && t.state !== 'rejected' && t.state !== 'merged').length;

  const households = input.households.length > 0 && input.households.every((h): h is number => typeof h === 'number' && h > 0)
    ? input.households.reduce((a, b) => a + b, 0)
    : null;
  const per1000 = households === null ? null : (complaints * 1000) / households;

  const value: Record<AssessmentTerm, number> = {
    violations: clamp01(1 - breaches / BREACHES_FOR_ZERO),
    rectification: notices.onTime + notices.overdue === 0 ? 1 : notices.onTime / (notices.onTime + notices.overdue),
    satisfaction: ratings.length === 0 ? 1 : satisfied / ratings.length,
    complaints: per1000 === null ? 1 : clamp01(1 - per1000 / COMPLAINTS_PER_1000_FOR_ZERO),
  };
  const terms = ASSESSMENT_DEFINITIONS.map((d) => ({ term: d.term, label: d.label, weight: d.weight, value: value[d.term], points: round1(d.weight * value[d.term]) }));
  const score = round1(ASSESSMENT_DEFINITIONS.reduce((sum, d) => sum + d.weight * value[d.term], 0));
  return {
    companyId: mine,
    month: input.month,
    score,
    grade: gradeOf(score),
    terms,
    breaches,
    notices,
    rated: ratings.length,
    satisfied,
    complaints,
    households,
    per1000: per1000 === null ? null : round1(per1000),
  };
}
