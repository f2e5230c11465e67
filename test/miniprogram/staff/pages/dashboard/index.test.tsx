/**
 * Dashboard (统计与通报) with the network faked at fetch: `ticket.metrics` by department / street /
 * category / month, rates as percentages ('—' without a denominator), P50/P90 in 小时/分钟, overdue
 * counts, the backend's ranking order, and each metric's definition from shared/metrics.
 */
import { render, screen, within } from '@testing-library/react';
import DashboardPage from '../../../../../miniprogram/staff/pages/dashboard/index';
import type { MetricsAnswer } from '../../../../../miniprogram/staff/lib/types';
import { METRIC_DEFINITIONS, type MetricsRow } from '../../../../../shared/metrics/definitions';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, Refusal, settle, signIn } from '../../support';

function row(key: string, overrides: Partial<MetricsRow> = {}): MetricsRow {
  return {
    key,
    counts: { tickets: 10, whistled: 8, ackDenominator: 8, ackOnTime: 6, fixAnswered: 5, fixed: 4, rated: 5, satisfied: 5, resolveDenominator: 7, resolvedOnTime: 7, overdueOpen: 2 },
    rates: { responseRate: 0.75, resolutionRate: 0.8, satisfactionRate: 1, onTimeRate: 1 },
    ackMinutes: { samples: 6, p50: 25, p90: 95 },
    resolveMinutes: { samples: 7, p50: 1440, p90: 4380 },
    ...overrides,
  };
}

const DEPARTMENTS: MetricsAnswer = {
  rows: [
    row('yongning.zjj'),
    row('yongning.zhzf', {
      counts: { tickets: 3, whistled: 3, ackDenominator: 0, ackOnTime: 0, fixAnswered: 0, fixed: 0, rated: 0, satisfied: 0, resolveDenominator: 0, resolvedOnTime: 0, overdueOpen: 0 },
      rates: { responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null },
      ackMinutes: { samples: 0, p50: null, p90: null },
      resolveMinutes: { samples: 0, p50: null, p90: null },
    }),
  ],
  definitions: METRIC_DEFINITIONS,
  tickets: 13,
};

/** An option of the 排名依据 segmented control. */
function segment(label: string): HTMLElement {
  const group = document.querySelector('[role="radiogroup"][aria-label="排名依据"]');
  const el = [...(group?.querySelectorAll<HTMLElement>('[role="radio"]') ?? [])].find((o) => o.textContent === label);
  if (!el) throw new Error(`no option ${label}`);
  return el;
}

function card(name: string): HTMLElement {
  const el = [...document.querySelectorAll('.metric-row__name')].find((n) => n.textContent === name)?.closest('.metric-row');
  if (!(el instanceof HTMLElement)) throw new Error(`no row ${name}`);
  return el;
}

function figure(root: HTMLElement, label: string): string {
  const metric = within(root).getByText(label).closest('.metric');
  return metric?.querySelector('.metric__value')?.textContent ?? '';
}

async function openDashboard(routes: Parameters<typeof fakeNetwork>[0]) {
  const net = fakeNetwork(routes);
  setPageQuery({}, '/staff/pages/dashboard/index');
  render(<DashboardPage />);
  await settle();
  return net;
}

beforeEach(() => signIn({ id: 'u-lead-1', name: '周主任', roles: ['leadership'] }));

describe('dashboard page (fetch faked)', () => {
  it('asks for metrics by department ranked by 响应率 and renders each row in that order', async () => {
    const net = await openDashboard({ 'ticket.metrics': () => DEPARTMENTS });
    expect(net.ticketCalls('metrics')[0]?.data).toEqual({ groupBy: 'department', rankBy: 'responseRate' });

    const names = [...document.querySelectorAll('.metric-row__name')].map((n) => n.textContent);
    expect(names).toEqual(['县住建局', '县综合执法局']);
    // 县综合执法局 has no 响应率: it is not ranked (issue 18: equal figures share a rank, no figure no rank).
    expect([...document.querySelectorAll('.metric-row__rank')].map((n) => n.textContent)).toEqual(['1', '—']);

    const first = card('县住建局');
    expect(figure(first, '响应率')).toBe('75.0%');
    expect(within(first).getByText('6/8')).toBeTruthy();
    expect(figure(first, '解决率')).toBe('80.0%');
    expect(figure(first, '满意率')).toBe('100.0%');
    expect(figure(first, '按时办结率')).toBe('100.0%');
    expect(figure(first, '报到用时 P50')).toBe('25分钟');
    expect(figure(first, '报到用时 P90')).toBe('1小时35分钟');
    expect(figure(first, '办结用时 P50')).toBe('24小时');
    expect(figure(first, '办结用时 P90')).toBe('3天1小时');
    expect(figure(first, '超期未结')).toBe('2 件');

    const second = card('县综合执法局');
    for (const label of ['响应率', '解决率', '满意率', '按时办结率', '报到用时 P50', '办结用时 P90']) expect(figure(second, label)).toBe('—');
    expect(figure(second, '超期未结')).toBe('0 件');
  });

  it('ties share a rank (1, 1, 3) and a unit\'s 未报到 tickets are listed on its row', async () => {
    const answer: MetricsAnswer = {
      ...DEPARTMENTS,
      rows: [row('yongning.zjj'), row('yongning.zhzf'), row('yongning.yjgl', { rates: { responseRate: 0.5, resolutionRate: null, satisfactionRate: null, onTimeRate: null }, missedAck: ['YN-20261206-0004'] })],
    };
    await openDashboard({ 'ticket.metrics': () => answer });
    expect([...document.querySelectorAll('.metric-row__rank')].map((n) => n.textContent)).toEqual(['1', '1', '3']);
    expect(within(card('县应急管理局')).getByText('未报到 1 件：YN-20261206-0004')).toBeTruthy();
    expect(within(card('县住建局')).queryByText(/未报到/)).toBeNull();
    expect(screen.getByText(/排名规则：数值相同的并列同一名次/)).toBeTruthy();
  });

  it('shows every metric definition from shared/metrics', async () => {
    await openDashboard({ 'ticket.metrics': () => DEPARTMENTS });
    for (const def of Object.values(METRIC_DEFINITIONS)) expect(screen.getByText(def.definition)).toBeTruthy();
  });

  it('switches grouping and ranking; months come as a trend without a ranking', async () => {
    const net = await openDashboard({
      'ticket.metrics': (data) => {
        if (data.groupBy === 'street') return { ...DEPARTMENTS, rows: [row('yongning.t.tuanjiexilu'), row('(无属地)')] };
        if (data.groupBy === 'category') return { ...DEPARTMENTS, rows: [row('fly-wire')] };
        if (data.groupBy === 'month') return { ...DEPARTMENTS, rows: [row('2026-10'), row('2026-11')] };
        return DEPARTMENTS;
      },
    });
    await click('街道');
    expect(net.ticketCalls('metrics').at(-1)?.data).toEqual({ groupBy: 'street', rankBy: 'responseRate' });
    expect(card('团结西路街道办事处')).toBeTruthy();
    expect(card('(无属地)')).toBeTruthy();

    // The ranking is one choice of several: a segmented control (a radio group), not checkboxes.
    const option = segment('按时办结率');
    await click(option);
    expect(net.ticketCalls('metrics').at(-1)?.data).toEqual({ groupBy: 'street', rankBy: 'onTimeRate' });
    expect(segment('按时办结率').getAttribute('aria-checked')).toBe('true');
    expect(segment('响应率').getAttribute('aria-checked')).toBe('false');

    await click('类别');
    expect(net.ticketCalls('metrics').at(-1)?.data).toEqual({ groupBy: 'category', rankBy: 'onTimeRate' });
    expect(card('飞线充电')).toBeTruthy();

    await click('月份');
    expect(net.ticketCalls('metrics').at(-1)?.data).toEqual({ groupBy: 'month' });
    expect([...document.querySelectorAll('.metric-row__name')].map((n) => n.textContent)).toEqual(['2026年10月', '2026年11月']);
    expect(document.querySelectorAll('.metric-row__rank')).toHaveLength(0);
  });

  it('shows the refusal when the user may not see statistics', async () => {
    await openDashboard({
      'ticket.metrics': () => {
        throw new Refusal('AUTH.FORBIDDEN', '仅领导小组办公室、街道和部门可查看统计');
      },
    });
    expect(screen.getByText('仅领导小组办公室、街道和部门可查看统计')).toBeTruthy();
  });
});
