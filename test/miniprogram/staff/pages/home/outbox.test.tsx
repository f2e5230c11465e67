/**
 * Staff home and the weak-signal outbox (issue 18 §4): an action kept on the phone (待发送) is listed
 * with its ticket number and sent, with the key made at its first attempt, when the home page shows
 * (the app comes to the front), and the page's counts are read again. Network faked at fetch.
 */
import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffHomePage from '../../../../../miniprogram/staff/pages/home/index';
import { loadOutbox, putOutboxItem, type StaffOutboxItem } from '../../../../../miniprogram/drafts/staff-outbox';
import type { HomeAnswer } from '../../../../../miniprogram/staff/lib/types';
import { setPageQuery } from '../../../support/taro';
import { fakeNetwork, settle, signIn } from '../../support';

const HOME: HomeAnswer = { user: { id: 'u-grid-1', name: '王芳', roles: ['grid'] }, counts: { new: 0, dueSoon: 0, overdue: 0, open: 1, unread: 0 }, unread: [] };

function queued(owner: string): StaffOutboxItem {
  return {
    key: 'rkeyFromFirstAttempt01',
    owner,
    ticketId: 't-1',
    ticketNo: 'YN-20261123-0001',
    action: 'accept',
    label: '受理',
    data: { ticketId: 't-1', version: 1, note: '已电话联系居民' },
    photos: null,
    status: 'pending',
    attempts: 1,
    lastError: '网络不给力，操作已保存在手机上，网络恢复后会自动发送',
    queuedAt: '2026-11-23T02:00:00.000Z',
  };
}

beforeEach(() => {
  Taro.clearStorageSync();
  signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] });
});

it('sends the 待发送 action when the home page shows, with its first key, and reads the counts again', async () => {
  putOutboxItem(queued('u-grid-1'));
  const net = fakeNetwork({ 'ticket.home': () => HOME, 'ticket.accept': () => ({ ticket: { id: 't-1' }, events: [], actions: [] }) });
  setPageQuery({}, '/staff/pages/home/index');
  render(<StaffHomePage />);
  await settle(6);
  expect(net.ticketCalls('accept').map((c) => c.data)).toEqual([{ ticketId: 't-1', version: 1, note: '已电话联系居民', idempotencyKey: 'rkeyFromFirstAttempt01' }]);
  expect(loadOutbox()).toEqual([]);
  expect(screen.queryByText(/待发送 · 受理/)).toBeNull();
  expect(net.calls.filter((c) => c.action === 'home').length).toBeGreaterThanOrEqual(2);
});

it('lists an action still waiting with its ticket number while the network is down', async () => {
  putOutboxItem(queued('u-grid-1'));
  const net = fakeNetwork({ 'ticket.home': () => HOME });
  const inner = globalThis.fetch as (i: unknown, n?: unknown) => Promise<unknown>;
  (globalThis as { fetch: unknown }).fetch = jest.fn(async (input: unknown, init?: unknown) => {
    if (String(input) === '/api/ticket' && String((init as { body?: string })?.body).includes('"accept"')) throw new TypeError('Failed to fetch');
    return inner(input, init);
  });
  setPageQuery({}, '/staff/pages/home/index');
  render(<StaffHomePage />);
  await settle(6);
  expect(screen.getByText('待发送 · 受理 · YN-20261123-0001')).toBeTruthy();
  expect(loadOutbox()).toHaveLength(1);
  expect(net.ticketCalls('accept')).toHaveLength(0);
});
