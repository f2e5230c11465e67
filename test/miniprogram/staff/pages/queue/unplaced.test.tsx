/**
 * 待关联小区 with the network faked at fetch: a street officer places a jurisdiction-level ticket (an
 * Open311 report with no estate within 1 km) into an estate, from the list and from the ticket page:
 * estates of the ticket's jurisdiction, nearest to the report first, sent with the ticket's version.
 */
import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import QueuePage from '../../../../../miniprogram/staff/pages/queue/index';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import type { EstateItem } from '../../../../../miniprogram/staff/lib/types';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { STREET_ID, makeEvent, makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, north, settle, signIn, summaryOf, viewOf } from '../../support';

const REPORTED_AT = { lat: 38.3, lng: 106.26 };

const ESTATES: EstateItem[] = [
  { id: 'yongning.e.far', name: '远山小区', jurisdiction: 'yongning', townshipId: STREET_ID, address: '远山路1号', location: north(REPORTED_AT, 3000) },
  { id: 'yongning.e.near', name: '近水花园', jurisdiction: 'yongning', townshipId: STREET_ID, address: '近水路2号', location: north(REPORTED_AT, 1200) },
  { id: 'wuzhong.e.other', name: '外县小区', jurisdiction: 'wuzhong', townshipId: 'wuzhong.t.x', address: '外县路3号', location: north(REPORTED_AT, 100) },
];

function unplaced(overrides: Partial<Ticket> = {}): Ticket {
  return makeTicket({
    estateId: null,
    streetId: null,
    gridId: null,
    propertyCompanyId: null,
    location: REPORTED_AT,
    state: 'submitted',
    version: 1,
    holder: { kind: 'street', ids: [] },
    ...overrides,
  });
}

beforeEach(() => {
  jest.restoreAllMocks();
  signIn({ id: 'u-street-1', name: '赵敏', roles: ['street'] });
});

describe('placing a ticket into an estate (fetch faked)', () => {
  it('places a ticket from the 待关联小区 list, nearest estate of its jurisdiction first, with its version', async () => {
    const ticket = unplaced();
    const placed = { ...ticket, estateId: 'yongning.e.near', streetId: STREET_ID, version: 2 };
    let queue = [ticket];
    const net = fakeNetwork({
      'ticket.queue': () => ({ items: queue.map(summaryOf), total: queue.length }),
      'ticket.detail': () => viewOf(ticket, []),
      'report.estates': () => ({ items: ESTATES }),
      'ticket.placeEstate': () => {
        queue = [];
        return viewOf(placed, [], [makeEvent(ticket), makeEvent(placed, { action: 'place-estate', from: 'submitted', to: 'submitted', note: '关联小区：近水花园' })]);
      },
    });
    const title = jest.spyOn(Taro, 'setNavigationBarTitle').mockImplementation((async () => ({ errMsg: 'ok' })) as never);
    setPageQuery({ view: 'street-unplaced' }, '/staff/pages/queue/index');
    render(<QueuePage />);
    await settle();

    expect(net.ticketCalls('queue')[0]?.data).toEqual({ view: 'street-unplaced', limit: 100 });
    expect(title).toHaveBeenCalledWith({ title: '待关联小区' });
    const row = document.querySelector<HTMLElement>('.ticket-row')!;
    expect(within(row).getByText(/^未关联小区 · /)).toBeTruthy();

    await click(within(row).getByText('关联小区'));
    expect(net.ticketCalls('detail').map((c) => c.data)).toEqual([{ ticketId: ticket.id }]);
    const estates = choices('关联到小区');
    expect(estates.map((c) => c.text)).toEqual(['近水花园团结西路街道办事处 · 距上报位置 1.2 公里', '远山小区团结西路街道办事处 · 距上报位置 3.0 公里']);

    await click('确认关联小区');
    expect(screen.getByText('请选择要关联的小区')).toBeTruthy();
    expect(net.ticketCalls('placeEstate')).toHaveLength(0);

    await click(estates[0]!.el);
    await click('确认关联小区');
    expect(net.ticketCalls('placeEstate').map((c) => c.data)).toEqual([{ ticketId: ticket.id, version: 1, estateId: 'yongning.e.near' }]);
    expect(net.ticketCalls('queue')).toHaveLength(2);
    expect(screen.getByText('暂无工单')).toBeTruthy();
  });

  it('places a ticket from its page, which then shows the estate and the 关联小区 event', async () => {
    const ticket = unplaced();
    const placed = { ...ticket, estateId: 'yongning.e.far', streetId: STREET_ID, version: 2 };
    const net = fakeNetwork({
      'ticket.detail': () => viewOf(ticket, []),
      'report.estates': () => ({ items: ESTATES }),
      'ticket.placeEstate': () =>
        viewOf(placed, [], [makeEvent(ticket), makeEvent(placed, { action: 'place-estate', from: 'submitted', to: 'submitted', note: '关联小区：远山小区' })]),
    });
    setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
    render(<StaffTicketPage />);
    await settle();
    expect(screen.getByText('小区：未关联小区')).toBeTruthy();

    await click(choices('关联到小区')[1]!.el);
    await click('确认关联小区');
    expect(net.ticketCalls('placeEstate').map((c) => c.data)).toEqual([{ ticketId: ticket.id, version: 1, estateId: 'yongning.e.far' }]);
    expect(screen.getByText('小区：远山小区')).toBeTruthy();
    expect(screen.queryByText('确认关联小区')).toBeNull();
    expect([...document.querySelectorAll('.timeline__head')].map((h) => h.textContent)).toEqual(['提交', '关联小区']);
  });

  it('is not offered to a grid worker', async () => {
    signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] });
    fakeNetwork({ 'ticket.detail': () => viewOf(unplaced(), []), 'report.estates': () => ({ items: ESTATES }) });
    setPageQuery({ id: 't-x' }, '/staff/pages/ticket/index');
    render(<StaffTicketPage />);
    await settle();
    expect(screen.getByText('小区：未关联小区')).toBeTruthy();
    expect(screen.queryByText('确认关联小区')).toBeNull();
  });
});
