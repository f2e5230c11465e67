/**
 * The county's quarterly 考核 from the townships' monthly ones (issue 20 §4), in the words of 003
 * (吴忠市): the township "每月对辖区物业服务企业进行考核评价", the 县住建局 "每季度做好考核工作的监督和复核".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monthlyScore, quarterlyScore, quarterMonths, quarterOf, QUARTER_PATTERN } from '../../../shared/assessment';

const SOURCE = readFileSync(join(__dirname, '../../../docs/sources/003_ffcbc4d9ebbf64d7.txt'), 'utf8');

const month = (m: string, breaches: number, households = 500, complaints = 0) =>
  monthlyScore({
    companyId: 'pc-a',
    month: m,
    asOf: `${m}-28T00:00:00.000Z`,
    households: [households],
    violations: Array.from({ length: breaches }, () => ({ companyId: 'pc-a', confirmedAt: `${m}-10T02:00:00.000Z` })),
    notices: [],
    tickets: Array.from({ length: complaints }, () => ({ propertyCompanyId: 'pc-a', category: 'illegal-fee' as const, createdAt: `${m}-12T02:00:00.000Z`, state: 'accepted' as const, rating: null })),
  });

describe('quarterly 考核', () => {
  it('the document’s monthly and quarterly duties', () => {
    expect(SOURCE).toContain('每月对辖区物业服务企业进行考核评价');
    expect(SOURCE).toContain('每季度做好考核工作的监督和复核');
  });

  it('a quarter’s months, and a month’s quarter', () => {
    expect(quarterMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(quarterMonths('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
    expect(['2026-Q4', '2026-Q0', '2026-Q5', '2026-4'].map((q) => QUARTER_PATTERN.test(q))).toEqual([true, false, false, false]);
  });

  it('hand-computed: each term is the mean of its monthly shares under the same weights', () => {
    // Oct: clean → 100. Nov: 1 breach (30 × 2/3 = 20), 1 complaint in 500 households (2‰: 20 × 0.8 = 16) → 86.
    // Dec: 3 breaches (0) → 70. Quarter: violations 30 × (1 + 2/3 + 0)/3 = 16.7; complaints 20 × (1 + 0.8 + 1)/3 = 18.7;
    // rectification 20 and satisfaction 30 whole; total 30 × 5/9 + 20 + 30 + 20 × 2.8/3 = 85.3 (= (100 + 86 + 70) / 3).
    const q = quarterlyScore('2026-Q4', [month('2026-12', 3), month('2026-10', 0), month('2026-11', 1, 500, 1)]);
    expect(q.monthly).toEqual([
      { month: '2026-10', score: 100, grade: '优秀' },
      { month: '2026-11', score: 86, grade: '良好' },
      { month: '2026-12', score: 70, grade: '合格' },
    ]);
    expect(q.terms.map((t) => t.points)).toEqual([16.7, 20, 30, 18.7]);
    expect([q.score, q.grade]).toEqual([85.3, '良好']);
    expect([q.breaches, q.complaints, q.months]).toEqual([4, 1, ['2026-10', '2026-11', '2026-12']]);
  });

  it('a quarter read before its end holds only the months that have begun', () => {
    const q = quarterlyScore('2026-Q4', [month('2026-10', 0), month('2026-11', 1, 500, 1)]);
    expect([q.score, q.months]).toEqual([93, ['2026-10', '2026-11']]);
  });
});
