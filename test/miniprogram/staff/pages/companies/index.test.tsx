/**
 * 物业企业考核 page with the network faked at fetch: the table of ticket.assessment, a 黑名单 company
 * flagged, the terms and the definitions from shared/assessment shown under it.
 */
import { render, screen, within } from '@testing-library/react';
import CompaniesPage from '../../../../../miniprogram/staff/pages/companies/index';
import type { AssessmentAnswer, AssessmentRow, QuarterAnswer } from '../../../../../miniprogram/staff/lib/assessment';
import { ASSESSMENT_DEFINITIONS, ASSESSMENT_NOTE } from '../../../../../shared/assessment/definitions';
import { LADDER } from '../../../../../shared/ledger/ladder';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, settle, signIn } from '../../support';

/** An option of a segmented control. */
function segment(label: string): HTMLElement {
  const el = [...document.querySelectorAll<HTMLElement>('[role="radio"]')].find((o) => o.textContent === label);
  if (!el) throw new Error(`no option ${label}`);
  return el;
}

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
  history: [
    {
      at: '2026-11-23T02:00:00.000Z',
      item: 7,
      ticketNo: 'YN-20261123-0007',
      credit: 'deducted',
      creditLabel: '扣减信用分',
      level: 1,
      stars: 4,
      before: { credit: 'good', creditLabel: '正常', level: 0, stars: 4 },
      by: { role: 'street', unitName: '团结西路街道办事处', name: '老张' },
    },
    {
      at: '2026-11-30T16:30:00.000Z',
      item: 9,
      ticketNo: 'YN-20261130-0002',
      credit: 'downgraded',
      creditLabel: '降星',
      level: 2,
      stars: 3,
      before: { credit: 'deducted', creditLabel: '扣减信用分', level: 1, stars: 4 },
      by: { role: 'department', unitName: '县住建局', name: null },
    },
    {
      // An admin's change of the rated stars (admin.putPropertyCompany, source 'admin'), under 降星.
      at: '2026-12-02T02:00:00.000Z',
      source: 'admin',
      item: null,
      ticketNo: null,
      rated: { before: 4, after: 5 },
      credit: 'downgraded',
      creditLabel: '降星',
      level: 2,
      stars: 4,
      before: { credit: 'downgraded', creditLabel: '降星', level: 2, stars: 3 },
      by: { role: 'admin', unitName: null, name: '管理员' },
    },
  ],
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

  // The stored history: when (Beijing day), from what to what, and why.
  expect([...good.querySelectorAll('.company__change')].map((e) => e.textContent)).toEqual([
    '2026-11-23 正常→扣减信用分：认定违反“九不准”第7条（工单 YN-20261123-0007），团结西路街道办事处 老张认定',
    '2026-12-01 扣减信用分→降星，4星→3星：认定违反“九不准”第9条（工单 YN-20261130-0002），县住建局认定',
    '2026-12-02 星级评定4星→5星（按九不准阶梯现为4星）：管理员调整',
  ]);
  expect(bad.querySelector('.company__change')).toBeNull();

  for (const d of ASSESSMENT_DEFINITIONS) expect(screen.getByText(`${d.label}（${d.weight}分）：${d.definition}`)).toBeTruthy();
  expect(screen.getByText(ASSESSMENT_NOTE)).toBeTruthy();

  await click('上一月');
  await settle();
  const prev = net.ticketCalls('assessment')[1]?.data;
  expect(prev?.month).not.toBe(asked?.month);
});

function quarterAnswer(quarter: string, townships: string[] | null = null): QuarterAnswer {
  const base = answer('2026-11');
  return {
    jurisdiction: 'yongning',
    quarter,
    months: ['2026-10', '2026-11'],
    view: townships ? 'township' : 'county',
    townships,
    rows: [
      {
        companyId: 'pc-hengan',
        name: '恒安物业服务有限公司',
        quarter,
        months: ['2026-10', '2026-11'],
        score: 93,
        grade: '优秀',
        terms: [
          { term: 'violations', label: '“九不准”违规', weight: 30, points: 25 },
          { term: 'rectification', label: '限期整改', weight: 20, points: 20 },
          { term: 'satisfaction', label: '居民满意度', weight: 30, points: 30 },
          { term: 'complaints', label: '投诉量（每千户）', weight: 20, points: 18 },
        ],
        monthly: [
          { month: '2026-10', score: 100, grade: '优秀' },
          { month: '2026-11', score: 86, grade: '良好' },
        ],
        breaches: 1,
        notices: { onTime: 0, overdue: 0, pending: 0 },
        rated: 0,
        satisfied: 0,
        complaints: 1,
        estates: [{ id: 'yn-jinxiu', name: '锦绣花园', households: 500 }],
        standing: { level: 1, stars: null, credit: 'deducted', creditLabel: '扣减信用分', blacklisted: false, items: 1 },
        blacklisted: false,
        history: [],
      },
    ],
    definitions: base.definitions,
    note: base.note,
    ladder: base.ladder,
  };
}

it('季度考核 asks for the current quarter and shows each month’s score; a county viewer picks one township for its 月度考核', async () => {
  const net = fakeNetwork({
    'ticket.home': () => ({ user: { id: 'u-lead', name: '领导小组办公室', roles: ['leadership'], grants: [{ role: 'leadership', jurisdiction: 'yongning' }] } }),
    'ticket.assessment': (data) => ({ ...answer(String(data.month)), ...(data.townshipId ? { view: 'township', townships: [String(data.townshipId)] } : {}) }),
    'ticket.assessmentQuarter': (data) => quarterAnswer(String(data.quarter)),
  });
  render(<CompaniesPage />);
  await screen.findByText('66分 · 合格', undefined, { timeout: 5000 });

  // One township of the county: the township's monthly view.
  await click(choices('考核范围').find((c) => c.text === '杨和镇')!.el);
  await settle();
  expect(net.ticketCalls('assessment').at(-1)?.data).toMatchObject({ jurisdiction: 'yongning', townshipId: 'yongning.t.yanghe' });
  expect(screen.getByText('乡镇（街道）月度考核：本辖区小区的物业服务企业')).toBeTruthy();
  await click(choices('考核范围').find((c) => c.text === '全部乡镇（街道）')!.el);
  await settle();
  expect(net.ticketCalls('assessment').at(-1)?.data).not.toHaveProperty('townshipId');

  await click(segment('季度考核'));
  await screen.findByText('93分 · 优秀', undefined, { timeout: 5000 });
  const asked = net.ticketCalls('assessmentQuarter')[0]?.data;
  expect(String(asked?.quarter)).toMatch(/^\d{4}-Q[1-4]$/);
  expect(asked?.townshipId).toBeUndefined();
  const card = document.querySelector('[data-company="pc-hengan"]') as HTMLElement;
  expect(within(card).getByText('各月：10月 100分 · 11月 86分')).toBeTruthy();
  expect(within(card).getByText('“九不准”违规：25/30')).toBeTruthy();
  expect(screen.getByText('县（市）级季度考核与复核：辖区全部物业服务企业，按本季度各月考核结果计')).toBeTruthy();

  await click('上一季度');
  await settle();
  const prev = net.ticketCalls('assessmentQuarter')[1]?.data;
  expect(prev?.quarter).not.toBe(asked?.quarter);
});

it('a street officer is offered no township choice (its own township is its view)', async () => {
  signIn({ id: 'u-street', name: '老张', roles: ['street'] });
  fakeNetwork({
    'ticket.home': () => ({ user: { id: 'u-street', name: '老张', roles: ['street'], grants: [{ role: 'street', jurisdiction: 'yongning', streets: ['yongning.t.yanghe'] }] } }),
    'ticket.assessment': (data) => ({ ...answer(String(data.month)), view: 'township', townships: ['yongning.t.yanghe'] }),
  });
  render(<CompaniesPage />);
  await screen.findByText('66分 · 合格', undefined, { timeout: 5000 });
  expect([...document.querySelectorAll('.staff-field__label')].map((l) => l.textContent)).not.toContain('考核范围');
  expect(screen.getByText('乡镇（街道）月度考核：本辖区小区的物业服务企业')).toBeTruthy();
});
