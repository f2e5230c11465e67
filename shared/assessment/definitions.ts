import { PROPERTY_CONDUCT_CATEGORIES, type CategoryCode } from '../taxonomy/categories';

/**
 * The monthly property-company assessment (issue 20 §4): the weights and the definitions, in one
 * place, shown on the 考核 page next to the figures.
 *
 * The documents ask for the assessment without giving a formula: 003 附件1 "每月对辖区物业服务企业进行
 * 考核评价" (乡镇), "每季度做好考核工作的监督和复核" (县住建局); 004 "组织物业服务行业的检查、考核工作".
 * The weights and thresholds below are therefore ours (decisions), kept here so they change in one place.
 */
export const ASSESSMENT_TERMS = ['violations', 'rectification', 'satisfaction', 'complaints'] as const;
export type AssessmentTerm = (typeof ASSESSMENT_TERMS)[number];

/** Points of each term; they add up to 100. */
export const ASSESSMENT_WEIGHTS: Readonly<Record<AssessmentTerm, number>> = {
  violations: 30,
  rectification: 20,
  satisfaction: 30,
  complaints: 20,
};

/** Confirmed 九不准 breaches in a month at which the violations term reaches 0 (each costs a third). */
export const BREACHES_FOR_ZERO = 3;

/** Complaints per 1,000 households in a month at which the complaints term reaches 0. */
export const COMPLAINTS_PER_1000_FOR_ZERO = 10;

/**
 * What counts as a complaint about the company: a report in a category about its own conduct
 * (the 九不准-type categories, DESIGN.md §2) or about its service (物业服务不到位).
 */
export const COMPLAINT_CATEGORIES: readonly CategoryCode[] = [...PROPERTY_CONDUCT_CATEGORIES, 'service-quality'];

/** 考核等次 by score (ours; the documents name no bands). */
export const ASSESSMENT_GRADES = [
  { min: 90, label: '优秀' },
  { min: 75, label: '良好' },
  { min: 60, label: '合格' },
  { min: 0, label: '不合格' },
] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number]['label'];

export interface TermDefinition {
  term: AssessmentTerm;
  label: string;
  weight: number;
  /** The rule in the words the page shows. */
  definition: string;
}

export const ASSESSMENT_DEFINITIONS: readonly TermDefinition[] = [
  {
    term: 'violations',
    label: '“九不准”违规',
    weight: ASSESSMENT_WEIGHTS.violations,
    definition: `当月经属地街道或住建部门认定的“九不准”违规，每起扣本项的1/${BREACHES_FOR_ZERO}，${BREACHES_FOR_ZERO}起及以上本项得0分。`,
  },
  {
    term: 'rectification',
    label: '限期整改',
    weight: ASSESSMENT_WEIGHTS.rectification,
    definition: '整改期限在当月的整改通知中，按期整改的比例；逾期未整改或逾期后才整改的计为逾期。当月无到期通知的，本项得满分。',
  },
  {
    term: 'satisfaction',
    label: '居民满意度',
    weight: ASSESSMENT_WEIGHTS.satisfaction,
    definition: '当月居民评价的物业类工单中，评为“满意”或“基本满意”的比例。当月无评价的，本项得满分。',
  },
  {
    term: 'complaints',
    label: '投诉量（每千户）',
    weight: ASSESSMENT_WEIGHTS.complaints,
    definition: `当月物业类投诉件数 ÷ 在管小区总户数 × 1000；每千户${COMPLAINTS_PER_1000_FOR_ZERO}件及以上本项得0分，按比例扣分。在管小区未登记户数的，本项不扣分并提示补录。`,
  },
];

export const ASSESSMENT_NOTE = '总分100分 = 各项得分之和（保留1位小数）；等次：90分及以上优秀，75分及以上良好，60分及以上合格，60分以下不合格。';

export function gradeOf(score: number): AssessmentGrade {
  // The last band starts at 0, so only a negative score (impossible) falls through.
  return ASSESSMENT_GRADES.find((g) => score >= g.min)?.label ?? '不合格';
}
