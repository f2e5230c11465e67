/** The company 考核 table (issue 20 §4): ticket.assessment's answer, typed for the page. */
import { callFunction } from '../../api';
import type { TermDefinition } from '../../../shared/assessment/definitions';
import type { QuarterlyScore } from '../../../shared/assessment/quarter';
import type { MonthlyScore, TermScore } from '../../../shared/assessment/score';

/** The month's score of shared/assessment (score.ts MonthlyScore) with the company's name, estates and standing. */
export interface AssessmentRow extends Omit<MonthlyScore, 'month' | 'terms'> {
  name: string;
  estates: Array<{ id: string; name: string; households: number | null }>;
  terms: Array<Pick<TermScore, 'term' | 'label' | 'weight' | 'points'>>;
  standing: { level: number; stars: number | null; credit: string; creditLabel: string; blacklisted: boolean; items: number };
  blacklisted: boolean;
  /** Stored changes of star level / credit status (usecases/assessment.ts historyEntry), oldest first. */
  history: Array<{
    at: string;
    /** Why it moved: a confirmed 九不准 breach, or the admin's change of the rated stars (absent: a breach). */
    source?: 'violation' | 'admin';
    /** The breach's item; null for an admin change. */
    item: number | null;
    ticketNo: string | null;
    /** An admin change: the rated stars before and after. */
    rated?: { before: number | null; after: number | null };
    credit: string;
    creditLabel: string;
    level: number;
    stars: number | null;
    before: { credit: string; creditLabel: string; level: number; stars: number | null };
    by: { role: string; unitName: string | null; name: string | null };
  }>;
}

export interface AssessmentAnswer {
  jurisdiction: string;
  month: string;
  view: 'county' | 'township';
  townships: string[] | null;
  rows: AssessmentRow[];
  definitions: TermDefinition[];
  note: string;
  ladder: Array<{ level: number; threshold: string; label: string }>;
}

/** The quarterly table (usecases/assessment.ts assessmentQuarter): shared/assessment QuarterlyScore per company. */
export interface QuarterRow extends Omit<QuarterlyScore, 'terms'> {
  name: string;
  estates: Array<{ id: string; name: string; households: number | null }>;
  terms: Array<Pick<TermScore, 'term' | 'label' | 'weight' | 'points'>>;
  standing: AssessmentRow['standing'];
  blacklisted: boolean;
  history: AssessmentRow['history'];
}

export interface QuarterAnswer extends Omit<AssessmentAnswer, 'month' | 'rows'> {
  quarter: string;
  months: string[];
  rows: QuarterRow[];
}

export function loadQuarter(input: { jurisdiction: string; quarter: string; townshipId?: string }): Promise<QuarterAnswer> {
  return callFunction<QuarterAnswer>('ticket', 'assessmentQuarter', input);
}

export function loadAssessment(input: { jurisdiction: string; month: string; townshipId?: string }): Promise<AssessmentAnswer> {
  return callFunction<AssessmentAnswer>('ticket', 'assessment', input);
}

/** The 12345 center's calls (issue 20 §6). */
export interface HotlineImportAnswer {
  created: number;
  existing: number;
  unmatched: string[];
  rows: Array<{ line: number; no: string; status: 'created' | 'existing'; ticketNo: string; estate: string | null; category: string; units: string[] }>;
  problems: Array<{ line: number; no: string | null; message: string }>;
}

export interface HotlineStatsAnswer {
  tickets: number;
  byEstate: Array<{ estateId: string; name: string; tickets: number; open: number; rated: number; satisfied: number }>;
  byCategory: Array<{ key: string; label: string; counts: { tickets: number } }>;
  byUnit: Array<{ key: string; counts: { tickets: number } }>;
}

export interface HotlineExportAnswer {
  filename: string;
  rows: Array<Record<string, string>>;
  xlsxBase64?: string;
  xlsxUrl?: string;
}

export function callHotline<T>(action: 'hotlineImport' | 'hotlineStats' | 'hotlineExport', data: unknown = {}): Promise<T> {
  return callFunction<T>('ticket', action, data);
}

export const assessmentPaths = {
  companies: '/staff/pages/companies/index',
  hotline: '/staff/pages/hotline/index',
  hotlineQueue: '/staff/pages/hotline-queue/index',
  disclosure: '/staff/pages/disclosure/index',
};

/** The home page's entries to the 考核 table and the 12345 desk, by role (never for property companies). */
export function assessmentEntries(roles: readonly string[]): Array<{ label: string; url: string }> {
  const any = (...r: string[]) => roles.some((x) => r.includes(x));
  const out: Array<{ label: string; url: string }> = [];
  if (any('leadership', 'admin', 'street') && !any('property')) out.push({ label: '物业企业考核', url: assessmentPaths.companies });
  if (any('hotline')) out.push({ label: '12345工单（导入、统计、回传）', url: assessmentPaths.hotline });
  if (any('hotline')) out.push({ label: '12345工单催办督办', url: assessmentPaths.hotlineQueue });
  if (any('property', 'admin')) out.push({ label: '六公开/五公开公示', url: assessmentPaths.disclosure });
  return out;
}
