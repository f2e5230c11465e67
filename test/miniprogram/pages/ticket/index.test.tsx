/**
 * The ticket page in jsdom against a fake backend (global fetch replaced, support/fake-backend.ts):
 * the timeline, the running deadline, and confirm / reopen / rate sent with the ticket's version,
 * each offered only when the backend lists it in `actions`.
 */
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import TicketPage from '../../../../miniprogram/pages/ticket/index';
import type { TicketView } from '../../../../miniprogram/components/resident-api';
import type { LifecycleAction } from '../../../../shared/lifecycle/actions';
import type { Ticket } from '../../../../shared/domain/ticket';
import { makeEvent, makeTicket } from '../../../support/fixtures';
import { FakeBackendError, installFakeBackend, type FakeBackend } from '../../support/fake-backend';
import { clickAndSettle, settle, typeInto } from '../../support/render';
import { setPageQuery } from '../../support/taro';

let backend: FakeBackend;

function view(overrides: Partial<Ticket>, actions: LifecycleAction[]): TicketView {
  const ticket = makeTicket({ id: 't-100', no: 'YN-20261123-0100', ...overrides });
  const submitted = makeEvent({ ...ticket, version: 1, updatedAt: '2026-11-23T02:00:00.000Z', state: 'submitted' });
  const whistled = makeEvent(
    { ...ticket, version: 2, updatedAt: '2026-11-23T02:20:00.000Z', state: 'whistled' },
    { action: 'whistle', actor: { userId: 'u-grid-1', role: 'grid', name: '王芳' }, from: 'accepted', note: '需要执法部门处理' },
  );
  const acked = makeEvent(
    { ...ticket, version: 3, updatedAt: '2026-11-23T02:40:00.000Z', state: 'acknowledged' },
    { action: 'acknowledge', actor: { userId: 'u-dept-1', role: 'department', unitId: 'yongning.zjj', name: '李强' }, from: 'whistled' },
  );
  return { ticket, events: [acked, submitted, whistled], actions };
}

function button(text: string | RegExp): HTMLElement {
  const el = screen.getByText(text).closest('taro-button-core');
  if (!(el instanceof HTMLElement)) throw new Error(`no button ${String(text)}`);
  return el;
}

async function renderPage(): Promise<ReturnType<typeof render>> {
  const result = render(<TicketPage />);
  await settle();
  return result;
}

beforeEach(() => {
  backend = installFakeBackend();
  setPageQuery({ id: 't-100' }, '/pages/ticket/index');
});

afterEach(() => backend.restore());

it('shows every event of the timeline in order, with action, role, unit and Beijing time', async () => {
  backend.on('report.detail', view({ state: 'acknowledged', version: 3 }, []));
  const { container } = await renderPage();
  await screen.findByText('YN-20261123-0100', { exact: false });
  const items = [...container.querySelectorAll('.timeline__item')];
  expect(items.map((el) => el.getAttribute('data-action'))).toEqual(['submit', 'whistle', 'acknowledge']);
  expect(items.map((el) => el.querySelector('.timeline__head')?.textContent)).toEqual(['提交', '派单给承办单位', '承办单位接单']);
  expect(items[1]?.querySelector('.timeline__who')?.textContent).toBe('网格员 · 王芳');
  expect(items[2]?.querySelector('.timeline__who')?.textContent).toBe('部门 · 县住建局 · 李强');
  expect(items[2]?.querySelector('.timeline__time')?.textContent).toBe('2026-11-23 10:40');
  expect(screen.getByText('需要执法部门处理')).toBeTruthy();
  expect(backend.callsOf('report.detail')[0]?.data).toEqual({ ticketId: 't-100' });
});

it('shows the running deadline with a countdown and marks an overdue step', async () => {
  const due = new Date(Date.now() - 90 * 60_000).toISOString();
  backend.on('report.detail', view({ state: 'whistled', deadlines: [{ step: 'triage', due: '2026-11-23T02:30:00.000Z', metAt: '2026-11-23T02:10:00.000Z' }, { step: 'ack', due, overdueAt: due }] }, []));
  await renderPage();
  await screen.findByText(/^部门报到：/);
  expect(screen.getByText(/^已超时 1小时(29|30)分钟$/)).toBeTruthy();
  expect(screen.getByText('超时')).toBeTruthy();
});

it('offers no resident action the backend does not list', async () => {
  backend.on('report.detail', view({ state: 'acknowledged' }, []));
  await renderPage();
  await screen.findByText('办理过程');
  expect(screen.queryByText('已解决')).toBeNull();
  expect(screen.queryByText('没有解决，申请重办')).toBeNull();
  expect(screen.queryByText('评价办理结果')).toBeNull();
});

it('confirms the fix with report.confirm and the ticket version', async () => {
  backend.on('report.detail', view({ state: 'resolved', version: 5 }, ['confirm', 'reopen']));
  backend.on('report.confirm', view({ state: 'closed', version: 6 }, ['rate', 'reopen']));
  await renderPage();
  await clickAndSettle(await waitFor(() => button('已解决')));
  expect(backend.callsOf('report.confirm').map((c) => c.data)).toEqual([{ ticketId: 't-100', version: 5 }]);
  expect(await screen.findByText('已确认问题解决，感谢您的反馈')).toBeTruthy();
  // The answer's actions replace the buttons: rating is now open, confirming is not.
  expect(screen.getByText('评价办理结果')).toBeTruthy();
  expect(screen.queryByText('已解决')).toBeNull();
});

it('reopens with a reason through report.reopen and the ticket version; an empty reason is refused first', async () => {
  backend.on('report.detail', view({ state: 'resolved', version: 5 }, ['confirm', 'reopen']));
  backend.on('report.reopen', view({ state: 'reopened', version: 6 }, []));
  const { container } = await renderPage();
  await clickAndSettle(await waitFor(() => button('没有解决，申请重办')));
  await clickAndSettle(button('提交重办申请'));
  expect(screen.getByText('请填写原因')).toBeTruthy();
  expect(backend.callsOf('report.reopen')).toHaveLength(0);

  await typeInto(container, 'reason', '车辆仍然停在消防通道上');
  await clickAndSettle(button('提交重办申请'));
  expect(backend.callsOf('report.reopen').map((c) => c.data)).toEqual([{ ticketId: 't-100', version: 5, reason: '车辆仍然停在消防通道上' }]);
  expect(await screen.findByText('已申请重办，工单已退回承办单位重新处理')).toBeTruthy();
});

it('rates 1–5 with a comment through report.rate and the ticket version', async () => {
  backend.on('report.detail', view({ state: 'closed', version: 7 }, ['rate', 'reopen']));
  backend.on('report.rate', view({ state: 'closed', version: 8, rating: { score: 4, fixed: true, comment: '处理及时', at: '2026-11-24T02:00:00.000Z' } }, []));
  const { container } = await renderPage();
  await screen.findByText('评价办理结果');

  await clickAndSettle(button('提交评价'));
  expect(screen.getByText('请选择1至5星')).toBeTruthy();
  expect(backend.callsOf('report.rate')).toHaveLength(0);

  await clickAndSettle(screen.getByLabelText('4星'));
  expect(screen.getByText('基本满意')).toBeTruthy();
  await typeInto(container, 'comment', '处理及时');
  await clickAndSettle(button('提交评价'));
  expect(backend.callsOf('report.rate').map((c) => c.data)).toEqual([{ ticketId: 't-100', version: 7, score: 4, fixed: true, comment: '处理及时' }]);
  expect(await screen.findByText('感谢您的评价')).toBeTruthy();
  expect(screen.getByText('我的评价')).toBeTruthy();
});

it('reloads the ticket after a version conflict and says so in Chinese', async () => {
  backend.on('report.detail', view({ state: 'resolved', version: 5 }, ['confirm']));
  backend.on('report.confirm', new FakeBackendError('TICKET.VERSION_CONFLICT', 'ticket t-100 is at version 6', undefined, 409));
  await renderPage();
  await clickAndSettle(await waitFor(() => button('已解决')));
  expect(await screen.findByText('工单刚刚有了新进展，已为您刷新，请确认后再操作')).toBeTruthy();
  expect(backend.callsOf('report.detail')).toHaveLength(2);
});

it('asks to sign in, in Chinese, when the backend says so', async () => {
  backend.on('report.detail', new FakeBackendError('AUTH.UNAUTHENTICATED', 'unauthenticated', undefined, 401));
  await renderPage();
  expect(await screen.findByText('请先登录后再操作')).toBeTruthy();
});

it('says 待您确认 at the top when the fix waits for the resident, in the resident\'s words', async () => {
  backend.on('report.detail', view({ state: 'resolved', version: 5, assignedUnits: ['yongning.zjj'] }, ['confirm', 'reopen']));
  const { container } = await renderPage();
  expect(await screen.findByText('待您确认')).toBeTruthy();
  expect(screen.getByText('已办结待您确认')).toBeTruthy();
  // The banner comes first, and the confirm card comes before the timeline.
  const page = container.querySelector('.ticket') as HTMLElement;
  expect(page.firstElementChild?.getAttribute('data-testid')).toBe('your-turn');
  const order = [...page.querySelectorAll('.ticket__actions, .timeline')];
  expect(order.map((el) => el.className.split(' ')[0])).toEqual(['card', 'timeline']);
});

it('names the dispatched unit and shows no 待您确认 before the fix', async () => {
  backend.on('report.detail', view({ state: 'acknowledged', assignedUnits: ['yongning.zjj'] }, []));
  await renderPage();
  expect(await screen.findByText('已派单给县住建局')).toBeTruthy();
  expect(screen.queryByText('已报到')).toBeNull();
  expect(screen.queryByText('待您确认')).toBeNull();
});

it('offers no reopen once the resident confirmed, even when the backend still lists it', async () => {
  const closed = view({ state: 'closed', version: 6, closedAt: new Date().toISOString() }, ['rate', 'reopen']);
  const confirmEvent = makeEvent(closed.ticket, { action: 'confirm', actor: { userId: 'u-resident-1', role: 'resident' }, from: 'resolved', seq: 10 });
  backend.on('report.detail', { ...closed, events: [...closed.events, confirmEvent] });
  await renderPage();
  expect(await screen.findByText('评价办理结果')).toBeTruthy();
  expect(screen.getByText('已完成')).toBeTruthy();
  expect(screen.queryByText('没有解决，申请重办')).toBeNull();
  expect(screen.queryByText('待您确认')).toBeNull();
});

it('still offers reopen on a ticket closed without the resident (auto-close) within the window, not after it', async () => {
  backend.on('report.detail', view({ state: 'closed', version: 6, closedAt: new Date(Date.now() - 2 * 86_400_000).toISOString() }, ['rate', 'reopen']));
  const first = await renderPage();
  expect(await screen.findByText('没有解决，申请重办')).toBeTruthy();
  first.unmount();
  backend.on('report.detail', view({ state: 'closed', version: 6, closedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() }, ['rate', 'reopen']));
  await renderPage();
  await screen.findByText('评价办理结果');
  expect(screen.queryByText('没有解决，申请重办')).toBeNull();
});

it('hides reopen right after the resident confirms here', async () => {
  backend.on('report.detail', view({ state: 'resolved', version: 5 }, ['confirm', 'reopen']));
  backend.on('report.confirm', view({ state: 'closed', version: 6, closedAt: new Date().toISOString() }, ['rate', 'reopen']));
  await renderPage();
  await clickAndSettle(await waitFor(() => button('已解决')));
  expect(await screen.findByText('已确认问题解决，感谢您的反馈')).toBeTruthy();
  expect(screen.queryByText('没有解决，申请重办')).toBeNull();
});

it('offers a way back when the ticket may not be shown', async () => {
  backend.on('report.detail', new FakeBackendError('AUTH.FORBIDDEN', 'forbidden', undefined, 403));
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  await renderPage();
  expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy();
  await clickAndSettle(button('返回'));
  expect(redirect).toHaveBeenCalledWith({ url: '/pages/mine/index' });
  redirect.mockRestore();
});
