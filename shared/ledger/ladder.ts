import type { NineItem } from '../domain/violation';
import { shanghaiMonth } from '../metrics/instant';

/**
 * The sanction ladder of 001_c21a685cf9840a30.txt 序号3, quoted exactly (joined across line breaks):
 * "对累计违反上述1条内容的，从严扣除信用分值（详见附件1），约谈企业负责人，责令限期整改，建议更换项目经理人；
 * 对累计违反上述2条内容的，除上述监管措施外，物业服务质量星级化评定采取“降星”；对累计违反上述3条内容的，
 * 除上述监管措施外，物业服务质量星级化评定不达标，并依法清退所服务小区；对累计违反上述4条及以上内容的，
 * 纳入物业行业“黑名单”管理，依法限制承接物业服务项目，发起联合惩戒。同时，对涉及违法违规行为移交公安、
 * 消防、综合执法、市场监管等部门依法查处。"
 *
 * How it is read (decisions):
 * - "累计违反上述N条内容" counts distinct items of the nine: the same item broken twice in a year is
 *   one 条 (both breaches stay in the ledger, the count does not grow).
 * - The count runs per company per assessment year (the Asia/Shanghai calendar year in which a breach
 *   was confirmed); the document names no period, and 物业管理 assessments are yearly (序号1: 年度…考核).
 * - Measures accumulate: steps 2 and 3 say "除上述监管措施外"; step 4 does not repeat it, but a company
 *   at four items has also passed three, so it keeps the lower steps' measures too.
 * - The referral ("同时，…移交…依法查处") applies at every step.
 */
export type LadderLevel = 0 | 1 | 2 | 3 | 4;

export interface LadderStep {
  level: Exclude<LadderLevel, 0>;
  /** What the step's clause counts: "累计违反上述1条" … "4条及以上". */
  threshold: string;
  /** Short label for tables. */
  label: string;
  /** The clause as written. */
  clause: string;
  /** The clause's own measures, split at its commas. */
  measures: readonly string[];
}

export const LADDER: readonly LadderStep[] = [
  {
    level: 1,
    threshold: '累计违反1条',
    label: '扣信用分、约谈、限期整改',
    clause: '对累计违反上述1条内容的，从严扣除信用分值（详见附件1），约谈企业负责人，责令限期整改，建议更换项目经理人',
    measures: ['从严扣除信用分值（详见附件1）', '约谈企业负责人', '责令限期整改', '建议更换项目经理人'],
  },
  {
    level: 2,
    threshold: '累计违反2条',
    label: '降星',
    clause: '对累计违反上述2条内容的，除上述监管措施外，物业服务质量星级化评定采取“降星”',
    measures: ['物业服务质量星级化评定采取“降星”'],
  },
  {
    level: 3,
    threshold: '累计违反3条',
    label: '星级评定不达标、依法清退',
    clause: '对累计违反上述3条内容的，除上述监管措施外，物业服务质量星级化评定不达标，并依法清退所服务小区',
    measures: ['物业服务质量星级化评定不达标', '依法清退所服务小区'],
  },
  {
    level: 4,
    threshold: '累计违反4条及以上',
    label: '列入黑名单、限制承接、联合惩戒',
    clause: '对累计违反上述4条及以上内容的，纳入物业行业“黑名单”管理，依法限制承接物业服务项目，发起联合惩戒',
    measures: ['纳入物业行业“黑名单”管理', '依法限制承接物业服务项目', '发起联合惩戒'],
  },
];

/** Applies at every step. */
export const LADDER_REFERRAL = '同时，对涉及违法违规行为移交公安、消防、综合执法、市场监管等部门依法查处。';

export interface LadderMeasure {
  text: string;
  /** The step that brings the measure. */
  level: Exclude<LadderLevel, 0>;
}

export interface LadderResult {
  /** Distinct items counted. */
  count: number;
  level: LadderLevel;
  /** The step reached (null at 0). */
  step: LadderStep | null;
  /** Every measure in force: the reached step's and the lower steps'. */
  measures: LadderMeasure[];
  /** The referral sentence, when any step is reached. */
  referral: string | null;
}

/** The ladder for a count of distinct confirmed items (0 → no step; 4 and more → step 4). */
export function ladderFor(distinctItems: number): LadderResult {
  if (!Number.isInteger(distinctItems) || distinctItems < 0) throw new RangeError(`count must be a whole number ≥ 0: ${distinctItems}`);
  const level = Math.min(distinctItems, 4) as LadderLevel;
  const reached = LADDER.filter((s) => s.level <= level);
  return {
    count: distinctItems,
    level,
    step: reached[reached.length - 1] ?? null,
    measures: reached.flatMap((s) => s.measures.map((text) => ({ text, level: s.level }))),
    referral: level > 0 ? LADDER_REFERRAL : null,
  };
}

/** The distinct items among breaches (ascending): what "累计违反上述N条" counts. */
export function distinctItems(breaches: ReadonlyArray<{ item: NineItem }>): NineItem[] {
  return [...new Set(breaches.map((b) => b.item))].sort((a, b) => a - b);
}

/** The assessment year of an instant: its Asia/Shanghai calendar year (2026-12-31T16:30Z → 2027). */
export function assessmentYear(iso: string): number {
  return Number(shanghaiMonth(iso).slice(0, 4));
}
