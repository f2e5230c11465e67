/**
 * 12345工单催办督办 with the network faked at fetch (issue 20 §6): the center's tickets from
 * ticket.hotlineTickets; 催办 (ticket.hotlineUrge) and 督办 (ticket.supervise, with the ticket's
 * version and a staff key) are two separate actions, each with its own note; a closed ticket offers
 * neither; a refusal is shown in words; 加载更多 pages on with the cursor.
 */
import { render, screen } from '@testing-library/react';
import HotlineQueuePage from '../../../../../miniprogram/staff/pages/hotline-queue/index';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { click, fakeNetwork, Refusal, settle, signIn, STAFF_KEY, type } from '../../support';

const WHISTLED: Ticket = { ...makeTicket({ state: 'whistled', assignedUnits: ['yongning.zjj'] }), id: 't-1', no: 'YN-20261123-0001', version: 4 };
const CLOSED: Ticket = { ...makeTicket({ state: 'closed', assignedUnits: ['yongning.zjj'] }), id: 't-2', no: 'YN-20261120-0003', version: 9 };
const LATER: Ticket = { ...makeTicket({ state: 'acknowledged', assignedUnits: ['yongning.yjgl'] }), id: 't-3', no: 'YN-20261101-0002', version: 5 };
/** A ticket the resident reopened: the reason is its latest reply (Ticket.lastReply, as the backend keeps it). */
const REOPENED: Ticket = {
  ...makeTicket({ state: 'reopened', assignedUnits: ['yongning.zjj'] }),
  id: 't-4',
  no: 'YN-20261122-0005',
  version: 8,
  lastReply: { action: 'reopen', side: 'resident', label: '居民申请重办', role: 'resident', text: '电线又拉上了，没有解决', at: '2026-11-23T04:00:00.000Z', seq: 8 },
};

const row = (no: string) => document.querySelector(`[data-ticket="${no}"]`) as HTMLElement;
// Taro's H5 Button is the custom element <taro-button-core>.
const buttonsIn = (el: HTMLElement) => [...el.querySelectorAll('taro-button-core')].map((b) => (b.textContent ?? '').trim());

async function open(routes: Parameters<typeof fakeNetwork>[0] = {}) {
  signIn({ id: 'u-12345', name: '12345热线·坐席', roles: ['hotline'] });
  const net = fakeNetwork({
    'ticket.hotlineTickets': (data) => (data.after ? { items: [LATER], next: null } : { items: [WHISTLED, CLOSED], next: 'c-1' }),
    ...routes,
  });
  setPageQuery({}, '/staff/pages/hotline-queue/index');
  render(<HotlineQueuePage />);
  await screen.findByText('YN-20261123-0001', undefined, { timeout: 5000 });
  return net;
}

describe('12345工单催办督办 page', () => {
  it('a row shows the latest reply (a resident\'s reopen reason, as 居民); a row nobody replied to shows none', async () => {
    await open({ 'ticket.hotlineTickets': () => ({ items: [REOPENED, WHISTLED], next: null }) });
    expect(row('YN-20261122-0005').querySelector('.ticket-row__reply')?.textContent).toMatch(/^最新回复 · 居民申请重办 · 居民 · .+：电线又拉上了，没有解决$/);
    expect(row('YN-20261123-0001').querySelector('.ticket-row__reply')).toBeNull();
  });

  it('lists the tickets with their units; an open one offers 催办 and 督办, a closed one neither', async () => {
    const net = await open();
    expect(net.ticketCalls('hotlineTickets')[0]?.data).toEqual({ limit: 20 });
    expect(row('YN-20261123-0001').textContent).toContain('承办：县住建局');
    expect(buttonsIn(row('YN-20261123-0001'))).toEqual(['催办', '督办']);
    expect(buttonsIn(row('YN-20261120-0003'))).toEqual([]);
    await click('加载更多');
    await settle();
    expect(net.ticketCalls('hotlineTickets')[1]?.data).toEqual({ limit: 20, after: 'c-1' });
    expect(row('YN-20261101-0002').textContent).toContain('承办：县应急管理局');
  });

  it('催办 sends ticket.hotlineUrge with its note; 督办 sends ticket.supervise with the version and a key: two different calls', async () => {
    const net = await open({
      'ticket.hotlineUrge': () => ({ ticket: WHISTLED, notified: 1 }),
      'ticket.supervise': () => ({ ticket: WHISTLED, events: [], actions: [] }),
    });
    await click('催办');
    await type('催办意见', '市民再次来电，请尽快处理');
    await click('确认催办');
    await settle();
    expect(net.ticketCalls('hotlineUrge').map((c) => c.data)).toEqual([{ ticketId: 't-1', note: '市民再次来电，请尽快处理' }]);
    expect(net.ticketCalls('supervise')).toEqual([]);
    expect(screen.getByText('YN-20261123-0001 已催办')).toBeTruthy();

    await click('督办');
    await type('督办意见', '已超过承诺时限，请说明原因');
    await click('确认督办');
    await settle();
    expect(net.ticketCalls('supervise').map((c) => c.data)).toEqual([{ ticketId: 't-1', version: 4, note: '已超过承诺时限，请说明原因', idempotencyKey: STAFF_KEY }]);
    expect(net.ticketCalls('hotlineUrge')).toHaveLength(1);
    expect(screen.getByText('YN-20261123-0001 已督办')).toBeTruthy();
  });

  it('a refusal is shown in words, and the note stays for another try', async () => {
    await open({
      'ticket.hotlineUrge': () => {
        throw new Refusal('HOTLINE.NO_UNITS', '工单尚未派至承办单位，暂不能催办');
      },
    });
    await click('催办');
    await type('催办意见', '请尽快处理');
    await click('确认催办');
    await settle();
    expect(screen.getByText('工单尚未派至承办单位，暂不能催办')).toBeTruthy();
    expect(screen.getByText('确认催办')).toBeTruthy();
  });
});
