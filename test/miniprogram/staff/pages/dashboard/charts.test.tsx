/**
 * 统计与通报 for leadership (issue 18 §5: "The jurisdiction's 三率 headline with month-over-month
 * change", "the monthly trend of the 三率 and ranking bars", "The bulletin month defaults to the last
 * month with tickets"), with the network faked at fetch. The charts are drawn with views, so what a
 * person reads — the figures, the bar lengths — is checked in the DOM.
 */
import { render, screen, within } from '@testing-library/react';
import DashboardPage from '../../../../../miniprogram/staff/pages/dashboard/index';
import type { MetricsAnswer } from '../../../../../miniprogram/staff/lib/types';
import { METRIC_DEFINITIONS, type MetricsRow } from '../../../../../shared/metrics/definitions';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, pick, settle, signIn } from '../../support';

type Rates = MetricsRow['rates'];

function row(key: string, rates: Partial<Rates> = {}, overrides: Partial<MetricsRow> = {}): MetricsRow {
  return {
    key,
    counts: { tickets: 10, whistled: 8, ackDenominator: 8, ackOnTime: 6, fixAnswered: 5, fixed: 4, rated: 5, satisfied: 5, resolveDenominator: 7, resolvedOnTime: 7, overdueOpen: 2 },
    rates: { responseRate: 0.75, resolutionRate: 0.8, satisfactionRate: 1, onTimeRate: 1, ...rates },
    ackMinutes: { samples: 6, p50: 25, p90: 95 },
    resolveMinutes: { samples: 7, p50: 1440, p90: 4380 },
    ...overrides,
  };
}

const answer = (rows: MetricsRow[]): MetricsAnswer => ({ rows, definitions: METRIC_DEFINITIONS, tickets: rows.reduce((n, r) => n + r.counts.tickets, 0) });

async function openDashboard(months: MetricsRow[], departments: MetricsRow[] = [row('yongning.zjj')]) {
  const net = fakeNetwork(
    { 'ticket.metrics': (data) => answer(data.groupBy === 'month' ? months : departments), 'ticket.ledger': () => ({ year: 2026, companies: [] }) },
    { bulletin: (params) => ({ body: 'PK', headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="b-${params.get('month')}.xlsx"` } }) },
  );
  setPageQuery({}, '/staff/pages/dashboard/index');
  render(<DashboardPage />);
  await settle();
  return net;
}

function headlineFigure(label: string): { value: string; change: string } {
  const box = document.querySelector<HTMLElement>('.dash-headline');
  if (!box) throw new Error('no headline');
  const figure = within(box).getByText(label).closest('.dash-headline__figure');
  return { value: figure?.querySelector('.dash-headline__value')?.textContent ?? '', change: figure?.querySelector('.dash-headline__change')?.textContent ?? '' };
}

beforeEach(() => {
  jest.restoreAllMocks();
  Object.assign(URL, { createObjectURL: () => 'blob:fake', revokeObjectURL: () => undefined });
  signIn({ id: 'u-lead-1', name: '周主任', roles: ['leadership'] });
});

describe('the 三率 headline', () => {
  it('shows the latest month with tickets and each rate’s change on the month before, in percentage points', async () => {
    const net = await openDashboard([
      row('2026-10', { responseRate: 0.5, resolutionRate: 0.9, satisfactionRate: 1 }),
      row('2026-11', { responseRate: 0.75, resolutionRate: 0.8, satisfactionRate: 1 }),
    ]);
    expect(net.ticketCalls('metrics').map((c) => c.data)).toContainEqual({ groupBy: 'month' });
    expect(screen.getByText('2026年11月 三率')).toBeTruthy();
    expect(headlineFigure('响应率')).toEqual({ value: '75.0%', change: '↑ 较上月上升25.0个百分点' });
    expect(headlineFigure('解决率')).toEqual({ value: '80.0%', change: '↓ 较上月下降10.0个百分点' });
    expect(headlineFigure('满意率')).toEqual({ value: '100.0%', change: '较上月持平' });
  });

  it('compares with the calendar month before only: a gap or a missing figure is said, not bridged', async () => {
    await openDashboard([row('2026-08', { responseRate: 0.2 }), row('2026-11', { responseRate: 0.75, satisfactionRate: null })]);
    expect(screen.getByText('2026年11月 三率')).toBeTruthy();
    expect(headlineFigure('响应率')).toEqual({ value: '75.0%', change: '上月无可比数据' });
    // No rated ticket this month: nothing to show or compare.
    expect(headlineFigure('满意率')).toEqual({ value: '—', change: '本月暂无数据' });
  });

  it('is not shown without any month with tickets', async () => {
    await openDashboard([]);
    expect(document.querySelector('.dash-headline')).toBeNull();
    expect(screen.queryByText('三率月度趋势')).toBeNull();
  });
});

describe('the 三率 monthly trend', () => {
  it('draws one column chart per rate over the last six months, each column as tall as its rate, the figure written above it', async () => {
    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    await openDashboard(months.map((m, i) => row(m, { responseRate: (i + 1) / 10, resolutionRate: i === 6 ? null : 0.5 })));
    const charts = [...document.querySelectorAll<HTMLElement>('.dash-trend__chart')];
    expect(charts.map((c) => c.querySelector('.dash-trend__title')?.textContent)).toEqual(['响应率', '解决率', '满意率']);

    const [response, resolution] = charts;
    const columns = [...response!.querySelectorAll<HTMLElement>('.dash-trend__column')];
    expect(columns.map((c) => c.querySelector('.dash-trend__month')?.textContent)).toEqual(['6月', '7月', '8月', '9月', '10月', '11月']);
    expect(columns.map((c) => c.querySelector('.dash-trend__value')?.textContent)).toEqual(['20.0%', '30.0%', '40.0%', '50.0%', '60.0%', '70.0%']);
    expect(columns.map((c) => c.querySelector<HTMLElement>('.dash-trend__bar')?.style.height)).toEqual(['20%', '30%', '40%', '50%', '60%', '70%']);

    // A month without the figure shows '—' and no column, not a zero.
    const november = [...resolution!.querySelectorAll<HTMLElement>('.dash-trend__column')].at(-1)!;
    expect(november.querySelector('.dash-trend__value')?.textContent).toBe('—');
    expect(november.querySelector('.dash-trend__bar')).toBeNull();
  });
});

describe('the ranking bars', () => {
  const departments = [
    row('yongning.zjj', { responseRate: 0.9 }, { counts: { ...row('x').counts, overdueOpen: 1 } }),
    row('yongning.zhzf', { responseRate: 0.9 }, { counts: { ...row('x').counts, overdueOpen: 4 } }),
    row('yongning.yjgl', { responseRate: 0.45 }, { counts: { ...row('x').counts, overdueOpen: 2 } }),
    row('yongning.sj', { responseRate: null }, { counts: { ...row('x').counts, overdueOpen: 0 } }),
  ];

  function bars() {
    return [...document.querySelectorAll<HTMLElement>('.dash-bars__row')].map((r) => ({
      rank: r.querySelector('.dash-bars__rank')?.textContent,
      name: r.querySelector('.dash-bars__name')?.textContent,
      value: r.querySelector('.dash-bars__value')?.textContent,
      width: r.querySelector<HTMLElement>('.dash-bars__bar')?.style.width ?? null,
    }));
  }

  it('draws a rate as its own share of the width, ties share a rank, and a unit without the figure has no bar', async () => {
    await openDashboard([], departments);
    expect(screen.getByText('响应率排名')).toBeTruthy();
    expect(bars()).toEqual([
      { rank: '1', name: '县住建局', value: '90.0%', width: '90%' },
      { rank: '1', name: '县综合执法局', value: '90.0%', width: '90%' },
      { rank: '3', name: '县应急管理局', value: '45.0%', width: '45%' },
      { rank: '—', name: expect.any(String), value: '—', width: null },
    ]);
  });

  it('measures counts against the largest shown when the ranking changes to 超期未结', async () => {
    await openDashboard([], departments);
    const option = [...document.querySelectorAll<HTMLElement>('[role="radio"]')].find((o) => o.textContent === '超期未结');
    await click(option!);
    expect(screen.getByText('超期未结排名')).toBeTruthy();
    const widths = Object.fromEntries(bars().map((b) => [b.value, b.width]));
    expect(widths).toEqual({ '1 件': '25%', '4 件': '100%', '2 件': '50%', '0 件': '0%' });
  });
});

describe('the bulletin month', () => {
  it('defaults to the last month with tickets', async () => {
    const net = await openDashboard([row('2026-09'), row('2026-10')]);
    expect(screen.getByText('2026年10月', { selector: '.staff-picker' })).toBeTruthy();
    await click('下载XLSX');
    expect(net.downloads[0]?.params.get('month')).toBe('2026-10');
  });

  it('keeps a month the user picked', async () => {
    const net = await openDashboard([row('2026-10')]);
    await pick('通报月份', '2026-08');
    await click('下载CSV');
    expect(net.downloads[0]?.params.get('month')).toBe('2026-08');
  });
});
