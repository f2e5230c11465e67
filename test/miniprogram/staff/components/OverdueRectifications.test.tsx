/**
 * 逾期未整改 card of the dashboard (issue 20 §1 "Overdue notices appear in the sweep and on
 * dashboards"), network faked at fetch: it asks the ledger for the overdue notices only, lists them
 * most overdue first with the estate's name, the issuing unit and the days past the deadline, counts
 * them per township (names from the bundled list), opens the estate's 整改台账, and hides itself
 * when the ledger refuses the caller (a property company: AUTH.FORBIDDEN).
 */
import Taro from '@tarojs/taro';
import { render, screen } from '@testing-library/react';
import { byTownship, daysOverdue, OverdueRectifications } from '../../../../miniprogram/staff/components/OverdueRectifications';
import DashboardPage from '../../../../miniprogram/staff/pages/dashboard/index';
import type { NoticeView } from '../../../../miniprogram/staff/lib/governance';
import { METRIC_DEFINITIONS } from '../../../../shared/metrics/definitions';
import { setPageQuery } from '../../support/taro';
import { click, fakeNetwork, Refusal, settle, signIn } from '../support';

const NOW = Date.parse('2026-12-06T04:00:00.000Z');

function overdue(over: Partial<NoticeView>): NoticeView {
  return {
    id: 'rn-1',
    no: 'ZG-YN-20261120-0001',
    estateId: 'yn-hsjy',
    townshipId: 'yongning.t.yanghe',
    companyId: 'pc-yn-anju',
    problem: '地下车库堆放杂物，占用消防通道',
    basis: '二(二)1(2)',
    measures: '',
    issuedAt: '2026-11-20T02:00:00.000Z',
    deadline: '2026-11-30T10:00:00.000Z',
    status: 'overdue',
    statusLabel: '逾期未整改',
    closedAt: null,
    overdueAt: '2026-11-30T10:05:00.000Z',
    issuerUnitId: 'yongning.zjj',
    answers: [],
    reviews: [],
    version: 2,
    ...over,
  };
}

const ITEMS = [
  overdue({ id: 'rn-2', no: 'ZG-YN-20261125-0001', estateId: 'yn-jx', townshipId: 'yongning.t.tuanjiexilu', problem: '消防栓无水', deadline: '2026-12-04T10:00:00.000Z' }),
  overdue({}),
  overdue({ id: 'rn-3', no: 'ZG-YN-20261126-0001', problem: '电梯年检过期', deadline: '2026-12-05T10:00:00.000Z' }),
];

const ESTATES = [
  { id: 'yn-hsjy', name: '和顺佳苑', jurisdiction: 'yongning', townshipId: 'yongning.t.yanghe', address: '', location: { lat: 38.28, lng: 106.25 } },
  { id: 'yn-jx', name: '锦绣花园', jurisdiction: 'yongning', townshipId: 'yongning.t.tuanjiexilu', address: '', location: { lat: 38.27, lng: 106.25 } },
];

const cards = () => [...document.querySelectorAll('.overdue-rect')].map((el) => el.textContent ?? '');

describe('逾期未整改 card', () => {
  beforeEach(() => signIn({ id: 'u-lead-1', name: '周主任', roles: ['leadership'] }));

  it('asks for overdue notices only and lists them most overdue first, with estate, issuer, deadline day and days overdue', async () => {
    const net = fakeNetwork({ 'report.estates': () => ({ items: ESTATES }), 'ticket.rectifications': () => ({ items: ITEMS, counts: { open: 0, answered: 0, accepted: 0, rejected: 0, overdue: 3 } }) });
    render(<OverdueRectifications now={NOW} />);
    await screen.findByText('共 3 件逾期未整改', undefined, { timeout: 5000 });
    expect(net.ticketCalls('rectifications').map((c) => c.data)).toEqual([{ statuses: ['overdue'] }]);
    // Deadlines 11-30, 12-04, 12-05 at 18:00 Beijing; now 12-06 12:00 Beijing: 5 d 18 h, 1 d 18 h, 18 h past, counted as begun days.
    expect(cards()).toEqual([
      '和顺佳苑逾期 6 天地下车库堆放杂物，占用消防通道ZG-YN-20261120-0001 · 县住建局下达 · 时限 2026-11-30',
      '锦绣花园逾期 2 天消防栓无水ZG-YN-20261125-0001 · 县住建局下达 · 时限 2026-12-04',
      '和顺佳苑逾期 1 天电梯年检过期ZG-YN-20261126-0001 · 县住建局下达 · 时限 2026-12-05',
    ]);
    expect(screen.getByText('杨和镇 2 件，团结西路街道办事处 1 件')).toBeTruthy();
  });

  it('a card opens the estate’s 整改台账', async () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    fakeNetwork({ 'report.estates': () => ({ items: ESTATES }), 'ticket.rectifications': () => ({ items: [ITEMS[0]], counts: { open: 0, answered: 0, accepted: 0, rejected: 0, overdue: 1 } }) });
    render(<OverdueRectifications now={NOW} />);
    await click(await screen.findByText('消防栓无水', undefined, { timeout: 5000 }));
    expect(nav).toHaveBeenCalledWith({ url: '/staff/pages/ledger/index?estateId=yn-jx' });
    nav.mockRestore();
  });

  it('says so when nothing is overdue', async () => {
    fakeNetwork({ 'ticket.rectifications': () => ({ items: [], counts: { open: 1, answered: 0, accepted: 0, rejected: 0, overdue: 0 } }) });
    render(<OverdueRectifications now={NOW} />);
    expect(await screen.findByText('暂无逾期未整改的整改通知', undefined, { timeout: 5000 })).toBeTruthy();
  });

  it('is hidden when the ledger refuses the caller', async () => {
    fakeNetwork({
      'ticket.rectifications': () => {
        throw new Refusal('AUTH.FORBIDDEN', '仅工作人员可以查看整改通知');
      },
    });
    render(<OverdueRectifications now={NOW} />);
    await settle(6);
    expect(screen.queryByText('逾期未整改的整改通知')).toBeNull();
  });

  it('is mounted on the leadership dashboard', async () => {
    fakeNetwork({
      'report.estates': () => ({ items: ESTATES }),
      'ticket.home': () => ({ user: { id: 'u-lead-1', name: '周主任', roles: ['leadership'], grants: [{ role: 'leadership', jurisdiction: 'yongning' }] }, counts: { new: 0, dueSoon: 0, overdue: 0, open: 0, unread: 0 }, unread: [] }),
      'ticket.metrics': () => ({ rows: [], definitions: METRIC_DEFINITIONS, tickets: 0 }),
      'ticket.ledger': () => ({ year: 2026, companies: [] }),
      'ticket.rectifications': () => ({ items: [ITEMS[1]], counts: { open: 0, answered: 0, accepted: 0, rejected: 0, overdue: 1 } }),
    });
    setPageQuery({}, '/staff/pages/dashboard/index');
    render(<DashboardPage />);
    expect(await screen.findByText('共 1 件逾期未整改', undefined, { timeout: 5000 })).toBeTruthy();
  });
});

describe('helpers', () => {
  it('counts whole days past the deadline, at least one', () => {
    expect(daysOverdue('2026-12-05T10:00:00.000Z', Date.parse('2026-12-05T10:01:00.000Z'))).toBe(1);
    expect(daysOverdue('2026-12-05T10:00:00.000Z', Date.parse('2026-12-07T10:00:00.000Z'))).toBe(2);
  });
  it('counts per township, largest first', () => {
    expect(byTownship(ITEMS)).toEqual([
      { townshipId: 'yongning.t.yanghe', name: '杨和镇', count: 2 },
      { townshipId: 'yongning.t.tuanjiexilu', name: '团结西路街道办事处', count: 1 },
    ]);
  });
});
