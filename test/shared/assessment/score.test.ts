import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rating, TicketState } from '../../../shared/domain/ticket';
import type { CategoryCode } from '../../../shared/taxonomy/categories';
import { ASSESSMENT_DEFINITIONS, ASSESSMENT_WEIGHTS, gradeOf, monthlyScore, noticeFact, noticeOutcome, type MonthlyInput, type TicketFact } from '../../../shared/assessment';

const WUZHONG = readFileSync(join(__dirname, '../../../docs/sources/003_ffcbc4d9ebbf64d7.txt'), 'utf8');

const ticket = (category: CategoryCode, createdAt: string, extra: { state?: TicketState; rating?: Rating | null; company?: string } = {}): TicketFact => ({
  propertyCompanyId: extra.company ?? 'pc-a',
  category,
  createdAt,
  state: extra.state ?? 'closed',
  rating: extra.rating ?? null,
});
const rating = (score: Rating['score'], at: string): Rating => ({ fixed: score >= 4, score, at });

const base = (over: Partial<MonthlyInput>): MonthlyInput => ({
  companyId: 'pc-a',
  month: '2026-11',
  asOf: '2026-12-01T02:00:00Z',
  households: [600, 400],
  violations: [],
  notices: [],
  tickets: [],
  ...over,
});

describe('the monthly company assessment (issue 20 §4)', () => {
  it('is the township’s monthly 考核 of 003 附件1 and the 住建局 quarterly review', () => {
    // The documents ask for it without a formula: the weights are ours, in one place.
    expect(WUZHONG).toContain('每月对辖区物业服务企业进行考核评价');
    expect(WUZHONG).toContain('每季度做好考核工作的监督和复核');
    expect(Object.values(ASSESSMENT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(ASSESSMENT_DEFINITIONS.map((d) => d.weight)).toEqual([30, 20, 30, 20]);
  });

  it('a clean month with no ratings and no notices scores 100 (优秀)', () => {
    const s = monthlyScore(base({}));
    expect(s.score).toBe(100);
    expect(s.grade).toBe('优秀');
    expect(s.per1000).toBe(0);
  });

  it('hand-computed: 1 breach, 1 of 2 notices overdue, 3 of 4 satisfied, 5 complaints in 1,000 households', () => {
    // violations 30 × (1 − 1/3) = 20; rectification 20 × 1/2 = 10; satisfaction 30 × 3/4 = 22.5;
    // complaints 5 per 1,000 → 20 × (1 − 5/10) = 10. Total 62.5 → 合格.
    const s = monthlyScore(
      base({
        violations: [
          { companyId: 'pc-a', confirmedAt: '2026-11-10T03:00:00Z' },
          { companyId: 'pc-a', confirmedAt: '2026-10-31T15:59:00Z' }, // 10-31 23:59 Beijing: October
          { companyId: 'pc-b', confirmedAt: '2026-11-12T03:00:00Z' }, // another company
        ],
        notices: [
          { companyId: 'pc-a', deadline: '2026-11-20T09:00:00Z', rectifiedAt: '2026-11-19T09:00:00Z' },
          { companyId: 'pc-a', deadline: '2026-11-25T09:00:00Z', rectifiedAt: null }, // open past its deadline
          { companyId: 'pc-a', deadline: '2026-12-05T09:00:00Z', rectifiedAt: null }, // due next month
        ],
        tickets: [
          ticket('illegal-fee', '2026-11-02T01:00:00Z', { rating: rating(5, '2026-11-05T01:00:00Z') }),
          ticket('service-quality', '2026-11-03T01:00:00Z', { rating: rating(4, '2026-11-06T01:00:00Z') }),
          ticket('disclosure', '2026-11-04T01:00:00Z', { rating: rating(4, '2026-11-07T01:00:00Z') }),
          ticket('contract', '2026-11-05T01:00:00Z', { rating: rating(2, '2026-11-08T01:00:00Z') }),
          ticket('common-property', '2026-11-06T01:00:00Z', { state: 'handling' }),
          ticket('common-property', '2026-11-07T01:00:00Z', { state: 'rejected' }), // rejected: not a complaint
          ticket('fire-lane', '2026-11-07T01:00:00Z', { rating: rating(1, '2026-11-08T01:00:00Z') }), // not about the company
          ticket('illegal-fee', '2026-11-07T01:00:00Z', { company: 'pc-b', rating: rating(1, '2026-11-08T01:00:00Z') }),
        ],
        households: [600, 400],
      }),
    );
    expect(s.breaches).toBe(1);
    expect(s.notices).toEqual({ onTime: 1, overdue: 1, pending: 0 });
    expect([s.rated, s.satisfied, s.complaints, s.households, s.per1000]).toEqual([4, 3, 5, 1000, 5]);
    expect(s.terms.map((t) => [t.term, t.points])).toEqual([
      ['violations', 20],
      ['rectification', 10],
      ['satisfaction', 22.5],
      ['complaints', 10],
    ]);
    expect(s.score).toBe(62.5);
    expect(s.grade).toBe('合格');
  });

  it('hand-computed: 3 breaches zero the violations term; 12 complaints per 1,000 zero the complaints term', () => {
    // 0 + 20 + 30 + 0 = 50 → 不合格.
    const s = monthlyScore(
      base({
        households: [250],
        violations: [1, 2, 3, 4].map((d) => ({ companyId: 'pc-a', confirmedAt: `2026-11-0${d}T03:00:00Z` })),
        tickets: [1, 2, 3].map((d) => ticket('fee-coercion', `2026-11-1${d}T03:00:00Z`, { state: 'whistled' })),
      }),
    );
    expect(s.per1000).toBe(12);
    expect(s.score).toBe(50);
    expect(s.grade).toBe('不合格');
  });

  it('rounds to one decimal: 2 of 3 satisfied is 20 of 30 points, 1 of 3 notices on time 6.7 of 20', () => {
    const s = monthlyScore(
      base({
        notices: [
          { companyId: 'pc-a', deadline: '2026-11-10T09:00:00Z', rectifiedAt: '2026-11-10T09:00:00Z' }, // at the deadline: on time
          { companyId: 'pc-a', deadline: '2026-11-10T09:00:00Z', rectifiedAt: '2026-11-10T09:00:01Z' },
          { companyId: 'pc-a', deadline: '2026-11-11T09:00:00Z', rectifiedAt: '2026-11-15T09:00:00Z' },
        ],
        tickets: [5, 5, 3].map((score, i) => ticket('illegal-fee', `2026-10-0${i + 1}T03:00:00Z`, { rating: rating(score as Rating['score'], `2026-11-0${i + 1}T03:00:00Z`) })),
      }),
    );
    // 30 + 20/3 + 20 + 20 (the tickets were filed in October: no complaints this month) = 76.666… → 76.7.
    expect(s.terms.find((t) => t.term === 'rectification')?.points).toBe(6.7);
    expect(s.complaints).toBe(0);
    expect(s.score).toBe(76.7);
    expect(s.grade).toBe('良好');
  });

  it('an estate without a household count: the complaints term is not deducted and households is null', () => {
    const s = monthlyScore(base({ households: [600, null], tickets: [ticket('illegal-fee', '2026-11-02T01:00:00Z', { state: 'submitted' })] }));
    expect(s.households).toBeNull();
    expect(s.per1000).toBeNull();
    expect(s.terms.find((t) => t.term === 'complaints')?.points).toBe(20);
  });

  it('a notice open within its deadline is pending, not overdue; the sweep’s overdue is the same test', () => {
    const n = { companyId: 'pc-a', deadline: '2026-11-30T09:00:00Z', rectifiedAt: null };
    expect(noticeOutcome(n, '2026-11-30T09:00:00Z')).toBe('pending');
    expect(noticeOutcome(n, '2026-11-30T09:00:01Z')).toBe('overdue');
    const before = monthlyScore(base({ asOf: '2026-11-30T08:00:00Z', notices: [n] }));
    const after = monthlyScore(base({ asOf: '2026-11-30T10:00:00Z', notices: [n] }));
    expect(before.score).toBe(100);
    expect(after.score).toBe(80); // the company's score drops once the notice is overdue
  });

  it('grades at the band edges', () => {
    expect([gradeOf(90), gradeOf(89.9), gradeOf(75), gradeOf(60), gradeOf(59.9)]).toEqual(['优秀', '良好', '良好', '合格', '不合格']);
  });
});

describe('rectification notices as the score reads them (the ledger’s rectifiedOnTime rule)', () => {
  const by = { userId: 'u', role: 'property' as const };
  const notice = (status: 'open' | 'answered' | 'accepted' | 'rejected' | 'overdue', answers: string[]) => ({
    companyId: 'pc-a',
    deadline: '2026-11-20T09:00:00.000Z',
    status,
    answers: answers.map((at) => ({ at, by, note: '已整改', photos: [] })),
  });
  const asOf = '2026-11-25T00:00:00.000Z';

  it('accepted: on time by the accepted answer’s time, not the review’s', () => {
    expect(noticeOutcome(noticeFact(notice('accepted', ['2026-11-19T09:00:00.000Z'])), asOf)).toBe('onTime');
    expect(noticeOutcome(noticeFact(notice('accepted', ['2026-11-19T09:00:00.000Z', '2026-11-21T09:00:00.000Z'])), asOf)).toBe('overdue');
  });

  it('answered in time and awaiting review is not yet counted; open, rejected or overdue past the deadline is overdue', () => {
    expect(noticeOutcome(noticeFact(notice('answered', ['2026-11-19T09:00:00.000Z'])), asOf)).toBe('pending');
    expect(noticeOutcome(noticeFact(notice('answered', ['2026-11-21T09:00:00.000Z'])), asOf)).toBe('overdue');
    expect(noticeOutcome(noticeFact(notice('open', [])), asOf)).toBe('overdue');
    expect(noticeOutcome(noticeFact(notice('rejected', ['2026-11-19T09:00:00.000Z'])), asOf)).toBe('overdue');
    expect(noticeOutcome(noticeFact(notice('open', [])), '2026-11-19T00:00:00.000Z')).toBe('pending');
  });
});
