/**
 * Staff home (工作台) with the network faked at fetch: the user and roles, counts that open the right
 * queue per role, entries per role, and the unread hand-overs with mark-read.
 */
import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffHomePage from '../../../../../miniprogram/staff/pages/home/index';
import type { HomeAnswer } from '../../../../../miniprogram/staff/lib/types';
import { makeOutbox } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, settle, signIn } from '../../support';

function homeAnswer(roles: string[], overrides: Partial<HomeAnswer> = {}): HomeAnswer {
  const unread = [
    makeOutbox({ id: 'm-1', ticketId: 't-9', kind: 'whistled', title: '新吹哨工单', body: '飞线充电 · 锦绣花园', recipientUserId: 'u-1' }),
    makeOutbox({ id: 'm-2', ticketId: 't-8', kind: 'returned', title: '工单被退回', body: '县住建局退单：非本单位职责', recipientUserId: 'u-1' }),
  ];
  return { user: { id: 'u-1', name: '王芳', roles }, counts: { new: 3, dueSoon: 2, overdue: 1, open: 9, unread: unread.length }, unread, ...overrides };
}

async function openHome(answer: HomeAnswer) {
  const net = fakeNetwork({ 'ticket.home': () => answer, 'ticket.markRead': (data) => ({ read: (data.ids as string[]).length }) });
  const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((async () => ({ errMsg: 'navigateTo:ok' })) as never);
  setPageQuery({}, '/staff/pages/home/index');
  render(<StaffHomePage />);
  await settle();
  return { net, navigate };
}

function card(label: string): HTMLElement {
  const el = screen.getByText(label).closest('.staff-count');
  if (!(el instanceof HTMLElement)) throw new Error(`no card ${label}`);
  return el;
}

beforeEach(() => {
  jest.restoreAllMocks();
  signIn({ id: 'u-1', name: '王芳', roles: ['grid'] });
});

describe('staff home page (fetch faked)', () => {
  it('shows the user, role labels and the four counts', async () => {
    const { net } = await openHome(homeAnswer(['grid', 'street']));
    expect(net.ticketCalls('home')).toHaveLength(1);
    expect(screen.getByText('王芳')).toBeTruthy();
    expect(screen.getByText('网格员')).toBeTruthy();
    expect(screen.getByText('社区/街道')).toBeTruthy();
    expect(within(card('新工单')).getByText('3')).toBeTruthy();
    expect(within(card('即将超时')).getByText('2')).toBeTruthy();
    expect(within(card('已超时')).getByText('1')).toBeTruthy();
    expect(within(card('未读交办')).getByText('2')).toBeTruthy();
    expect(card('已超时').className).toContain('staff-count--alert');
  });

  it.each([
    [['grid'], { 新工单: 'grid', 即将超时: 'grid', 已超时: 'street-overdue' }],
    [['department'], { 新工单: 'unit', 即将超时: 'unit', 已超时: 'street-overdue' }],
    [['police'], { 新工单: 'unit', 即将超时: 'unit', 已超时: 'street-overdue' }],
    [['leadership'], { 新工单: 'all', 即将超时: 'all', 已超时: 'street-overdue' }],
  ])('for %j the count cards open the queue views %j', async (roles, expected) => {
    const { navigate } = await openHome(homeAnswer(roles));
    for (const [label, view] of Object.entries(expected)) {
      navigate.mockClear();
      await click(card(label));
      expect(navigate).toHaveBeenCalledWith({ url: `/staff/pages/queue/index?view=${view}` });
    }
  });

  it('opens the list each counter counts when the backend names it (issue 18: counter = list)', async () => {
    const { navigate } = await openHome(homeAnswer(['department'], { views: { new: 'new', dueSoon: 'due-soon', overdue: 'overdue' } }));
    for (const [label, view] of Object.entries({ 新工单: 'new', 即将超时: 'due-soon', 已超时: 'overdue' })) {
      navigate.mockClear();
      await click(card(label));
      expect(navigate).toHaveBeenCalledWith({ url: `/staff/pages/queue/index?view=${view}` });
    }
  });

  it('lists the entries of each role held', async () => {
    await openHome(homeAnswer(['street']));
    expect(screen.getByText('退单待重新派单')).toBeTruthy();
    expect(screen.getByText('延期申请审批')).toBeTruthy();
    expect(screen.getByText('超时工单督办')).toBeTruthy();
    expect(screen.queryByText('业主群警务台')).toBeNull();
  });

  it('opens the 待关联小区 list and the owner-group binding for a street officer', async () => {
    const { navigate } = await openHome(homeAnswer(['street']));
    await click('待关联小区的工单');
    expect(navigate).toHaveBeenCalledWith({ url: '/staff/pages/queue/index?view=street-unplaced' });
    await click('业主群绑定');
    expect(navigate).toHaveBeenCalledWith({ url: '/staff/pages/groups/index' });
  });

  it('opens the police desk and the dashboard for a police officer', async () => {
    const { navigate } = await openHome(homeAnswer(['police']));
    await click('业主群警务台');
    expect(navigate).toHaveBeenCalledWith({ url: '/staff/pages/desk/index' });
    await click('统计与通报');
    expect(navigate).toHaveBeenCalledWith({ url: '/staff/pages/dashboard/index' });
  });

  it('marks one hand-over read, then all, and opens the ticket of a tapped one', async () => {
    const { net, navigate } = await openHome(homeAnswer(['grid']));
    expect(screen.getByText('新吹哨工单')).toBeTruthy();
    const first = screen.getByText('新吹哨工单').closest('.staff-message') as HTMLElement;
    await click(within(first).getByText('标为已读'));
    expect(net.ticketCalls('markRead').map((c) => c.data)).toEqual([{ ids: ['m-1'] }]);
    expect(screen.queryByText('新吹哨工单')).toBeNull();
    expect(within(card('未读交办')).getByText('1')).toBeTruthy();

    await click('工单被退回');
    expect(net.ticketCalls('markRead').map((c) => c.data)).toEqual([{ ids: ['m-1'] }, { ids: ['m-2'] }]);
    expect(navigate).toHaveBeenCalledWith({ url: '/staff/pages/ticket/index?id=t-8' });
    expect(screen.getByText('没有未读的交办消息')).toBeTruthy();
  });

  it('marks every hand-over read at once', async () => {
    const { net } = await openHome(homeAnswer(['grid']));
    await click('全部标为已读');
    expect(net.ticketCalls('markRead').map((c) => c.data)).toEqual([{ ids: ['m-1', 'm-2'] }]);
    expect(within(card('未读交办')).getByText('0')).toBeTruthy();
  });
});
