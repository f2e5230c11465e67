import { gradeOf, type AssessmentGrade } from './definitions';
import type { MonthlyScore, TermScore } from './score';

/**
 * The county's quarterly 考核 (issue 20 §4): 003 gives the 县住建局 "每季度做好考核工作的监督和复核"
 * over the townships' "每月对辖区物业服务企业进行考核评价". The quarter is read from the months it
 * reviews, by the one weights definition (definitions.ts): each term's share is the mean of its
 * monthly shares, so the quarter's score is the mean of the monthly scores and no second formula
 * exists. A month that has not begun is not in it.
 */
export const QUARTER_NOTE = '季度得分 = 本季度已开始各月的各项得分率取平均后按同一权重计分（即各月总分的平均）；星级与信用状态为本年度累计。';

export const QUARTER_PATTERN = /^[0-9]{4}-Q[1-4]$/;

/** 'YYYY-Qn' → its three months 'YYYY-MM'. */
export function quarterMonths(quarter: string): [string, string, string] {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const m = (i: number) => `${year}-${String((q - 1) * 3 + i).padStart(2, '0')}`;
  return [m(1), m(2), m(3)];
}

/** The quarter 'YYYY-Qn' of a month 'YYYY-MM'. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

export interface QuarterlyScore {
  companyId: string;
  quarter: string;
  /** The months read, oldest first. */
  months: string[];
  score: number;
  grade: AssessmentGrade;
  terms: TermScore[];
  /** Each month's score, in `months` order. */
  monthly: Array<{ month: string; score: number; grade: AssessmentGrade }>;
  breaches: number;
  notices: { onTime: number; overdue: number; pending: number };
  rated: number;
  satisfied: number;
  complaints: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The quarter of one company from its monthly scores (same company, months of one quarter). */
export function quarterlyScore(quarter: string, months: readonly MonthlyScore[]): QuarterlyScore {
  const first = months[0];
  if (!first) throw new Error('quarterlyScore: no month');
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const terms = first.terms.map((t) => {
    const value = sorted.reduce((sum, m) => sum + (m.terms.find((x) => x.term === t.term)?.value ?? 0), 0) / sorted.length;
    return { term: t.term, label: t.label, weight: t.weight, value, points: round1(t.weight * value) };
  });
  const score = round1(terms.reduce((sum, t) => sum + t.weight * t.value, 0));
  const add = (f: (m: MonthlyScore) => number) => sorted.reduce((sum, m) => sum + f(m), 0);
  return {
    companyId: first.companyId,
    quarter,
    months: sorted.map((m) => m.month),
    score,
    grade: gradeOf(score),
    terms,
    monthly: sorted.map((m) => ({ month: m.month, score: m.score, grade: m.grade })),
    breaches: add((m) => m.breaches),
    notices: { onTime: add((m) => m.notices.onTime), overdue: add((m) => m.notices.overdue), pending: add((m) => m.notices.pending) },
    rated: add((m) => m.rated),
    satisfied: add((m) => m.satisfied),
    complaints: add((m) => m.complaints),
  };
}
