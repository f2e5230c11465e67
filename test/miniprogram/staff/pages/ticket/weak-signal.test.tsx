/**
 * Weak signal on the staff ticket page (issue 18 §4): "A staff action and its photos are kept on the
 * device when the network fails, shown as 待发送, and sent once when it returns." The network is a
 * fake at fetch (the platform edge): while `offline`, every request but a local photo read fails as
 * a browser's fetch does (TypeError). The page, the outbox in Taro storage (localStorage in jsdom) and
 * shared/ are real; the page is rendered again from scratch to stand for a reload.
 */
import { cleanup, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import { loadOutbox, STAFF_OUTBOX_KEY } from '../../../../../miniprogram/drafts/staff-outbox';
import { allowedActions } from '../../../../../shared/lifecycle';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, fromNow, north, pickPhotos, placeDevice, Refusal, settle, signIn, STAFF_KEY, type, viewOf, type FakeNetwork } from '../../support';

let offline = false;

function accepted(): Ticket {
  return makeTicket({ state: 'accepted', version: 2, deadlines: [{ step: 'triage', due: fromNow(-5), metAt: fromNow(-10) }] });
}

function submitted(): Ticket {
  return makeTicket({ state: 'submitted', version: 1 });
}

/** The fake network, with the connection cut while `offline` (local photo reads still work: they are on the phone). */
function network(ticket: Ticket): FakeNetwork {
  const net = fakeNetwork({
    'ticket.detail': () => viewOf(ticket, allowedActions(ticket, 'grid')),
    'report.estates': () => ({ items: [{ id: ticket.estateId, name: '锦绣花园' }] }),
  });
  const inner = globalThis.fetch;
  (globalThis as { fetch: unknown }).fetch = jest.fn(async (input: unknown, init?: unknown) => {
    const url = String(input);
    if (url.startsWith('data:')) return { ok: true, status: 200, blob: async () => new Blob(['jpeg-bytes'], { type: 'image/jpeg' }) };
    if (offline && !url.startsWith('blob:')) throw new TypeError('Failed to fetch');
    return (inner as (i: unknown, n?: unknown) => Promise<unknown>)(input, init);
  });
  return net;
}

async function open(ticket: Ticket): Promise<void> {
  cleanup();
  setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
  render(<StaffTicketPage />);
  await settle(6);
}

async function fillSettle(ticket: Ticket): Promise<void> {
  placeDevice(north(ticket.location!, 30));
  pickPhotos(['blob:after-1']);
  await click('就地办结');
  await click('定位打卡');
  await click('拍照/选择照片');
  await type('处置说明', '已拆除飞线，告知居民使用充电桩');
}

beforeEach(() => {
  offline = false;
  Taro.clearStorageSync();
  signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] });
  jest.restoreAllMocks();
});

it('a settle whose photo upload and call both fail is kept 待发送 with its photo on the phone, survives a reload, and is sent once, with one key, when the network returns', async () => {
  const ticket = accepted();
  const net = network(ticket);
  await open(ticket);
  net.on('ticket.settle', () => viewOf({ ...ticket, state: 'verified', version: 3 }, []));

  offline = true; // the basement: no signal from here on
  await fillSettle(ticket);
  expect(screen.getByText('已上传 0 张，1 张暂存手机（发送时上传）（点照片可删除）')).toBeTruthy();
  await click('确认就地办结');
  await settle(6);
  expect(screen.getByText('待发送 · 就地办结')).toBeTruthy();
  expect(screen.getByText('网络不给力，操作已保存在手机上，网络恢复后会自动发送')).toBeTruthy();
  expect(screen.getByText('有待发送的操作，发送成功后才能继续办理')).toBeTruthy();
  const [queued] = loadOutbox();
  expect(queued).toMatchObject({ ticketId: ticket.id, action: 'settle', status: 'pending', data: { ticketId: ticket.id, version: 2, note: '已拆除飞线，告知居民使用充电桩' } });
  // The blob: URL dies with the page; the photo is kept in storage itself.
  expect(queued?.photos?.[0]?.path).toMatch(/^data:image\/jpeg;base64,/);
  expect(queued?.photos?.[0]?.id).toBeUndefined();
  expect(net.uploads).toBe(0);

  // The app is closed and opened again, still without signal: still 待发送.
  await open(ticket);
  expect(screen.getByText('待发送 · 就地办结')).toBeTruthy();
  expect(loadOutbox().map((i) => i.key)).toEqual([queued!.key]);

  // Signal is back: the photo goes up first, then the action, once, with the key made at the first attempt.
  offline = false;
  await click('立即重试发送');
  await settle(6);
  expect(net.uploads).toBe(1);
  expect(net.ticketCalls('settle').map((c) => c.data)).toEqual([
    { idempotencyKey: queued!.key, ticketId: ticket.id, version: 2, note: '已拆除飞线，告知居民使用充电桩', photos: ['f-after-1'], location: expect.anything() as unknown },
  ]);
  expect(screen.queryByText('待发送 · 就地办结')).toBeNull();
  expect(loadOutbox()).toEqual([]);
  expect(Taro.getStorageSync(STAFF_OUTBOX_KEY)).toBe('');
  expect(screen.getByText('已核验')).toBeTruthy();
});

it('a retry whose first answer was lost sends the same key again, and the server answer (the first result) clears it', async () => {
  const ticket = accepted();
  const net = network(ticket);
  await open(ticket);
  let answered = 0;
  net.on('ticket.settle', () => {
    answered += 1;
    // The first request reaches the server, but its answer is lost on the way back.
    if (answered === 1) throw new TypeError('connection reset');
    return viewOf({ ...ticket, state: 'verified', version: 3 }, []);
  });
  await fillSettle(ticket);
  await click('确认就地办结');
  await settle(6);
  expect(screen.getByText('待发送 · 就地办结')).toBeTruthy();
  await click('立即重试发送');
  await settle(6);
  const keys = net.ticketCalls('settle').map((c) => c.data.idempotencyKey);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toEqual(STAFF_KEY);
  expect(keys[1]).toBe(keys[0]);
  // The photo was uploaded once, at the first attempt; the retry names the same file.
  expect(net.uploads).toBe(1);
  expect(net.ticketCalls('settle')[1]?.data.photos).toEqual(['f-after-1']);
  expect(loadOutbox()).toEqual([]);
});

it('an action the server refuses when sent later is shown as 未能发送 with the reason, and can be dropped', async () => {
  const ticket = submitted();
  const net = network(ticket);
  await open(ticket);
  offline = true;
  await click('受理');
  await click('确认受理');
  await settle(6);
  expect(screen.getByText('待发送 · 受理')).toBeTruthy();

  // Meanwhile a colleague took the ticket: the queued 受理 is now stale.
  net.on('ticket.accept', () => {
    throw new Refusal('TICKET.VERSION_CONFLICT', '工单已被他人更新，请刷新后重试');
  });
  offline = false;
  await click('立即重试发送');
  await settle(6);
  expect(screen.getByText('未能发送 · 受理')).toBeTruthy();
  expect(screen.getByText('工单已被他人更新，请刷新后重试')).toBeTruthy();
  expect(net.ticketCalls('accept')).toHaveLength(1);
  await click('放弃此操作');
  expect(screen.queryByText('未能发送 · 受理')).toBeNull();
  expect(loadOutbox()).toEqual([]);
  // The person decides again from the ticket: its buttons are back.
  expect(screen.getByText('受理')).toBeTruthy();
});

it("another person signed in on the same phone does not send or see the first person's 待发送 action", async () => {
  const ticket = submitted();
  const net = network(ticket);
  await open(ticket);
  offline = true;
  await click('受理');
  await click('确认受理');
  await settle(6);
  expect(loadOutbox()).toHaveLength(1);

  offline = false;
  signIn({ id: 'u-grid-2', name: '李娜', roles: ['grid'] });
  net.on('ticket.accept', () => viewOf({ ...ticket, state: 'accepted', version: 3 }, []));
  await open(ticket);
  expect(screen.queryByText('待发送 · 受理')).toBeNull();
  // The offline attempt never left the phone; the second person's page sent nothing either.
  expect(net.ticketCalls('accept')).toHaveLength(0);
  expect(loadOutbox()).toHaveLength(1);
});
