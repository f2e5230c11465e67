/**
 * 物业企业考核 page with the network faked at fetch: the table of ticket.assessment, a 黑名单 company
 * flagged, the terms and the definitions from shared/assessment shown under it.
 */
import { render, screen, within } from '@testing-library/react';
import CompaniesPage from '../../../../../miniprogram/staff/pages/companies/index';
import type { AssessmentAnswer, AssessmentRow } from '../../../../../miniprogram/staff/lib/assessment';
import { ASSESSMENT_DEFINITIONS, ASSESSMENT_NOTE } from '../../../../../shared/assessment/definitions';
import { LADDER } from '../../../../../shared/ledger/ladder';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, settle, signIn } from '../../support';

const row = (over: Partial<AssessmentRow>): AssessmentRow => ({
  companyId: 'pc-hengan',
  name: '恒安物业服务有限公司',
  estates: [{ id: 'yn-jinxiu', name: '锦绣花园', households: 500 }],
  score: 66,
  grade: '合格',
  terms: [
    { term: 'violations', label: '“九不准”违规', weight: 30, points: 20 },
    { term: 'rectification', label: '限期整改', weight: 20, points: 0 },
    { term: 'satisfaction', label: '居民满意度', weight: 30, points: 30 },
    { term: 'complaints', label: '投诉量（每千户）', weight: 20, points: 16 },
  ],
  breaches: 1,
  notices: { onTime: 0, overdue: 1, pending: 0 },
  rated: 0,
  satisfied: 0,
  complaints: 1,
  households: 500,
  per1000: 2,
  standing: { level: 1, stars: null, credit: 'deducted', creditLabel: '扣减信用分', blacklisted: false, items: 1 },
  blacklisted: false,
  history: [{ at: '2026-11-23T02:00:00.000Z', item: 7, credit: 'deducted', creditLabel: '扣减信用分', level: 1 }],
  ...over,
});

function answer(month: string): AssessmentAnswer {
  return {
    jurisdiction: 'yongning',
    month,
    view: 'county',
    townships: null,
    rows: [
      row({}),
      row({ companyId: 'pc-bad', name: '失信物业有限公司', score: 40, grade: '不合格', blacklisted: true, standing: { level: 4, stars: null, credit: 'blacklisted', creditLabel: '黑名单', blacklisted: true, items: 4 }, history: [] }),
    ],
    definitions: [...ASSESSMENT_DEFINITIONS],
    note: ASSESSMENT_NOTE,
    ladder: LADDER.map((s) => ({ level: s.level, threshold: s.threshold, label: s.label })),
  };
}

beforeEach(() => {
  signIn({ id: 'u-lead', name: '领导小组办公室', roles: ['leadership'] });
  setPageQuery({}, '/staff/pages/companies/index');
});

it('shows each company’s score, terms and credit status, flags the 黑名单 company, and the definitions', async () => {
  const net = fakeNetwork({
    'ticket.home': () => ({ user: { id: 'u-lead', name: '领导小组办公室', roles: ['leadership'], grants: [{ role: 'leadership', jurisdiction: 'yongning' }] } }),
    'ticket.assessment': (data) => answer(String(data.month)),
  });
  render(<CompaniesPage />);
  await settle();
  // The user first, then the table: wait for it, under load too.
  await screen.findByText('66分 · 合格', undefined, { timeout: 5000 });
  const asked = net.ticketCalls('assessment')[0]?.data;
  expect(asked?.jurisdiction).toBe('yongning');
  expect(String(asked?.month)).toMatch(/^\d{4}-\d{2}$/);

  const good = document.querySelector('[data-company="pc-hengan"]') as HTMLElement;
  expect(within(good).getByText('66分 · 合格')).toBeTruthy();
  expect(within(good).getByText('限期整改：0/20')).toBeTruthy();
  expect(within(good).getByText(/信用状态：扣减信用分/)).toBeTruthy();
  expect(within(good).queryByText('黑名单')).toBeNull();
  const bad = document.querySelector('[data-company="pc-bad"]') as HTMLElement;
  expect(within(bad).getByText('黑名单')).toBeTruthy();
  expect(bad.className).toContain('company--blacklisted');

  for (const d of ASSESSMENT_DEFINITIONS) expect(screen.getByText(`${d.label}（${d.weight}分）：${d.definition}`)).toBeTruthy();
  expect(screen.getByText(ASSESSMENT_NOTE)).toBeTruthy();

  await click('上一月');
  await settle();
  const prev = net.ticketCalls('assessment')[1]?.data;
  expect(prev?.month).not.toBe(asked?.month);
});
