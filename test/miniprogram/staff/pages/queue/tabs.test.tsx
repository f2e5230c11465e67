/**
 * 网格工单 in tabs with search (issue 18 §4), network faked at fetch (a FAKE backend that answers
 * ticket.queue by the tab's states, the search and an offset cursor, as the function does). The
 * issue: "After 吹哨 or a police 认领, the ticket leaves the grid worker's queue … The queue has no
 * tabs, filter or search." Here: 待受理 first, a whistled and a claimed ticket under 处理中, the
 * number shown is the answer's total, 加载更多 pages on with the cursor, search by number or text,
 * and the 待发送 banner of the weak-signal outbox on the queue page. Every tab shows its own number
 * (the answer's counts) and a row shows the latest reply (issue 18).
 */
import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import QueuePage from '../../../../../miniprogram/staff/pages/queue/index';
import { putOutboxItem, type StaffOutboxItem } from '../../../../../miniprogram/drafts/staff-outbox';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { QUEUE_TABS, TAB_STATES, type QueueTab } from '../../../../../shared/queue/tabs';
import { makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, settle, signIn, summaryOf, type, type FakeNetwork } from '../../support';

/** FAKE backend of ticket.queue with a tab: the tab's states, q as number prefix or text, offset paging, every tab's count. */
function tabBackend(tickets: Ticket[]) {
  return (data: Record<string, unknown>) => {
    const q = typeof data.q === 'string' ? data.q : '';
    const matching = (tab: QueueTab) => {
      const inTab = tickets.filter((t) => TAB_STATES[tab].includes(t.state));
      return q ? inTab.filter((t) => t.no.startsWith(q.toUpperCase()) || t.description.includes(q)) : inTab;
    };
    const counts = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, matching(tab).length]));
    const found = matching(data.tab as QueueTab);
    const offset = typeof data.after === 'string' ? Number(data.after) : 0;
    const limit = Number(data.limit);
    const page = found.slice(offset, offset + limit);
    return { items: page.map((t) => ({ ...summaryOf(t), descriptionLine: t.description })), total: found.length, counts, next: offset + limit < found.length ? String(offset + limit) : null };
  };
}

async function openGrid(tickets: Ticket[], query: Record<string, string> = {}): Promise<FakeNetwork> {
  const net = fakeNetwork({ 'ticket.queue': tabBackend(tickets), 'report.estates': () => ({ items: [{ id: 'yongning.e.jinxiu', name: '锦绣花园' }] }) });
  setPageQuery({ view: 'grid', ...query }, '/staff/pages/queue/index');
  render(<QueuePage />);
  await settle(6);
  return net;
}

const rows = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('.ticket-row')];
/** A tab by its label; its number follows once the first answer is in (处理中 2). */
const tabButton = (label: string): HTMLElement => screen.getByRole('radio', { name: new RegExp(`^${label}( \\d+)?$`) });

const fresh = makeTicket({ state: 'submitted', category: 'garbage', description: '5号楼门口垃圾堆放三天无人清运' });
const whistled = makeTicket({ state: 'whistled', category: 'fly-wire', description: '3号楼2单元有人从窗户拉电线给电动车充电', assignedUnits: ['yongning.zjj'] });
const claimed = makeTicket({ state: 'acknowledged', category: 'public-order', description: '楼下有人深夜聚众喧哗', claimedBy: 'yongning.gaj' });
const resolved = makeTicket({
  state: 'resolved',
  category: 'fly-wire',
  description: '地下车库电动车飞线充电',
  lastReply: { action: 'resolve', side: 'staff', label: '办结说明', role: 'department', unitId: 'yongning.zjj', unitName: '县住建局', text: '已拆除飞线，恢复正常用电', at: '2026-11-23T06:30:00.000Z', seq: 6 },
});

beforeEach(() => {
  Taro.clearStorageSync();
  signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] });
});

describe('grid queue tabs (fetch faked)', () => {
  it('opens on 待受理 with its total, the rows and their first description line', async () => {
    const net = await openGrid([fresh, whistled, claimed, resolved]);
    expect(net.ticketCalls('queue')[0]?.data).toEqual({ view: 'grid', tab: 'pending', limit: 20 });
    expect(tabButton('待受理').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('待受理：共 1 件')).toBeTruthy();
    expect(rows()).toHaveLength(1);
    expect(within(rows()[0]!).getByText('5号楼门口垃圾堆放三天无人清运')).toBeTruthy();
  });

  it('after 吹哨 and a police 认领 the grid worker finds both under 处理中', async () => {
    const net = await openGrid([fresh, whistled, claimed, resolved]);
    await click(tabButton('处理中'));
    await settle();
    expect(net.ticketCalls('queue').at(-1)?.data).toEqual({ view: 'grid', tab: 'handling', limit: 20 });
    expect(screen.getByText('处理中：共 2 件')).toBeTruthy();
    expect(rows().map((r) => within(r).getByText(/^锦绣花园 · /).textContent)).toEqual([expect.stringContaining(whistled.no), expect.stringContaining(claimed.no)]);
    expect(within(rows()[0]!).getByText('已吹哨')).toBeTruthy();
    await click(tabButton('待核验'));
    await settle();
    expect(screen.getByText('待核验：共 1 件')).toBeTruthy();
    await click(tabButton('已完成'));
    await settle();
    expect(screen.getByText('暂无已完成的工单')).toBeTruthy();
  });

  it('every tab shows its number from the answer, and the numbers follow a search', async () => {
    await openGrid([fresh, whistled, claimed, resolved]);
    expect(screen.getAllByRole('radio').map((r) => r.textContent)).toEqual(['待受理 1', '处理中 2', '待核验 1', '已完成 0']);
    await type('搜索工单', '飞线');
    await click('搜索');
    await settle();
    // 地下车库电动车飞线充电 (待核验) matches; the whistled 拉电线 report does not.
    expect(screen.getAllByRole('radio').map((r) => r.textContent)).toEqual(['待受理 0', '处理中 0', '待核验 1', '已完成 0']);
  });

  it('a row shows the latest reply: its kind, the unit, the time and the words', async () => {
    await openGrid([fresh, whistled, claimed, resolved], { tab: 'verify' });
    const reply = rows()[0]!.querySelector('.ticket-row__reply');
    expect(reply?.textContent).toMatch(/^最新回复 · 办结说明 · 县住建局 · .+：已拆除飞线，恢复正常用电$/);
    await click(tabButton('待受理'));
    await settle();
    // Nobody has replied to the fresh report: no reply line.
    expect(rows()[0]!.querySelector('.ticket-row__reply')).toBeNull();
  });

  it('opens the tab the link names', async () => {
    const net = await openGrid([fresh, whistled], { tab: 'handling' });
    expect(net.ticketCalls('queue')[0]?.data).toMatchObject({ tab: 'handling' });
    expect(tabButton('处理中').getAttribute('aria-checked')).toBe('true');
  });

  it('searches the tab by number or text, says when nothing matches, and clears', async () => {
    const net = await openGrid([fresh, whistled, claimed, resolved], { tab: 'handling' });
    await type('搜索工单', whistled.no);
    await click('搜索');
    await settle();
    expect(net.ticketCalls('queue').at(-1)?.data).toEqual({ view: 'grid', tab: 'handling', limit: 20, q: whistled.no });
    expect(screen.getByText(`处理中 · 搜索“${whistled.no}”：共 1 件`)).toBeTruthy();
    await type('搜索工单', '停车');
    await click('搜索');
    await settle();
    expect(screen.getByText('没有找到符合条件的工单')).toBeTruthy();
    await click('清除');
    await settle();
    expect(net.ticketCalls('queue').at(-1)?.data).toEqual({ view: 'grid', tab: 'handling', limit: 20 });
    expect(screen.getByText('处理中：共 2 件')).toBeTruthy();
  });

  it('pages on with the cursor: 加载更多 until every counted ticket is listed', async () => {
    const many = Array.from({ length: 25 }, (_, i) => makeTicket({ state: 'whistled', description: `第${i + 1}件：楼道堆放杂物` }));
    const net = await openGrid(many, { tab: 'handling' });
    expect(rows()).toHaveLength(20);
    expect(screen.getByText('处理中：共 25 件')).toBeTruthy();
    await click('加载更多（已显示 20 / 25 件）');
    await settle();
    expect(net.ticketCalls('queue').at(-1)?.data).toEqual({ view: 'grid', tab: 'handling', limit: 20, after: '20' });
    expect(rows()).toHaveLength(25);
    expect(screen.queryByText(/加载更多/)).toBeNull();
  });
});

describe('the 待发送 banner on the queue page (weak signal)', () => {
  it('lists an action kept on the phone with its ticket number while the network is down', async () => {
    const item: StaffOutboxItem = {
      key: 'rkeyFromFirstAttempt02',
      owner: 'u-grid-1',
      ticketId: whistled.id,
      ticketNo: whistled.no,
      action: 'verify',
      label: '核验',
      data: { ticketId: whistled.id, version: 3 },
      photos: null,
      status: 'pending',
      attempts: 1,
      lastError: '网络不给力，操作已保存在手机上，网络恢复后会自动发送',
      queuedAt: '2026-11-23T02:00:00.000Z',
    };
    putOutboxItem(item);
    const inner = globalThis.fetch;
    const net = fakeNetwork({ 'ticket.queue': tabBackend([whistled]) });
    const faked = globalThis.fetch as (i: unknown, n?: unknown) => Promise<unknown>;
    (globalThis as { fetch: unknown }).fetch = jest.fn(async (input: unknown, init?: unknown) => {
      if (String(input) === '/api/ticket' && String((init as { body?: string })?.body).includes('"verify"')) throw new TypeError('Failed to fetch');
      return faked(input, init);
    });
    setPageQuery({ view: 'grid' }, '/staff/pages/queue/index');
    render(<QueuePage />);
    await settle(6);
    expect(screen.getByText(`待发送 · 核验 · ${whistled.no}`)).toBeTruthy();
    expect(screen.getByText('立即重试发送')).toBeTruthy();
    expect(net.ticketCalls('verify')).toHaveLength(0);
    (globalThis as { fetch: unknown }).fetch = inner;
  });
});
