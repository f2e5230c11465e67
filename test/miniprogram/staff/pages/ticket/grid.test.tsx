/**
 * Staff ticket page, grid worker (网格员), with the network faked at fetch: triage, 吹哨 with the
 * routed lead units pre-filled, 就地办结 with the 200 m check-in rule, verification, and only the
 * buttons the ticket view's `actions` list.
 */
import { render, screen } from '@testing-library/react';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import { allowedActions } from '../../../../../shared/lifecycle';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { CO_UNIT, LEAD_UNIT, STREET_ID, makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { actionButtons, primaryButton, choices, click, fakeNetwork, STAFF_KEY, field, fromNow, north, pickPhotos, placeDevice, Refusal, settle, signIn, type, viewOf } from '../../support';

function accepted(overrides: Partial<Ticket> = {}): Ticket {
  return makeTicket({ state: 'accepted', version: 2, deadlines: [{ step: 'triage', due: fromNow(-5), metAt: fromNow(-10) }], ...overrides });
}

async function openTicket(ticket: Ticket, actions = allowedActions(ticket, 'grid')) {
  const net = fakeNetwork({
    'ticket.detail': () => viewOf(ticket, actions),
    'report.estates': () => ({ items: [{ id: ticket.estateId, name: '锦绣花园' }] }),
  });
  setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
  render(<StaffTicketPage />);
  await settle();
  return net;
}

beforeEach(() => {
  signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] });
  jest.restoreAllMocks();
});

describe('staff ticket page, grid worker (fetch faked)', () => {
  it('loads the ticket by id and shows the estate name, the holder and a button per allowed action', async () => {
    const ticket = accepted();
    const net = await openTicket(ticket);
    expect(net.ticketCalls('detail')[0]?.data).toEqual({ ticketId: ticket.id });
    expect(screen.getByText('小区：锦绣花园')).toBeTruthy();
    expect(screen.getByText('当前处理：本小区网格员')).toBeTruthy();
    // allowedActions(accepted, grid): reject, merge, handle, settle, whistle.
    // The step that moves it on (就地办结, before calling departments in) is the full-width button on top.
    expect(actionButtons()).toEqual(['就地办结', '驳回', '合并', '处置', '吹哨']);
    expect(primaryButton()).toBe('就地办结');
  });

  it('shows only the buttons whose action the view lists', async () => {
    const ticket = makeTicket({ state: 'resolved', version: 7, resolvedBy: LEAD_UNIT, assignedUnits: [LEAD_UNIT] });
    await openTicket(ticket, ['verify', 'verify-fail']);
    expect(actionButtons()).toEqual(['核验通过', '核验不通过']);
    expect(screen.queryByText('吹哨')).toBeNull();
    expect(screen.queryByText('就地办结')).toBeNull();
  });

  it('accepts a new ticket with its version', async () => {
    const ticket = makeTicket({ state: 'submitted', version: 1 });
    const net = await openTicket(ticket);
    net.on('ticket.accept', () => viewOf({ ...ticket, state: 'accepted', version: 2 }, allowedActions({ ...ticket, state: 'accepted' }, 'grid')));
    await click('受理');
    await type('受理说明', '已电话联系居民');
    await click('确认受理');
    expect(net.ticketCalls('accept').map((c) => c.data)).toEqual([{ idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 1, note: '已电话联系居民' }]);
    expect(actionButtons()).toContain('吹哨');
  });

  it('rejects only with a reason', async () => {
    const ticket = makeTicket({ state: 'submitted', version: 1 });
    const net = await openTicket(ticket);
    net.on('ticket.reject', () => viewOf({ ...ticket, state: 'rejected', version: 2 }, []));
    await click('驳回');
    await click('确认驳回');
    expect(net.ticketCalls('reject')).toHaveLength(0);
    expect(screen.getByText('请填写原因')).toBeTruthy();
    await type('驳回原因', '非本小区问题');
    await click('确认驳回');
    expect(net.ticketCalls('reject')[0]?.data).toEqual({ idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 1, reason: '非本小区问题' });
  });

  it('merges into another open ticket of the same estate', async () => {
    const ticket = makeTicket({ state: 'submitted', version: 1 });
    const original = makeTicket({ state: 'accepted', version: 3 });
    const net = await openTicket(ticket);
    net.on('ticket.queue', () => ({
      items: [
        { ...original, categoryLabel: '飞线充电', lead: original.route.lead, overdue: false },
        { ...makeTicket({ estateId: 'other-estate' }), categoryLabel: '飞线充电', overdue: false },
      ],
      total: 2,
    }));
    net.on('ticket.merge', () => viewOf({ ...ticket, state: 'merged', version: 2 }, []));
    await click('合并');
    const offered = choices('本小区的其他工单');
    expect(offered.map((c) => c.text)).toEqual([`${original.no} 飞线充电已受理`]);
    await click(offered[0]!.el);
    await click('确认合并');
    expect(net.ticketCalls('merge')[0]?.data).toEqual({ idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 1, duplicateOf: original.id });
  });

  it('whistles to the routed lead units, pre-filled, without a reason', async () => {
    const ticket = accepted();
    const net = await openTicket(ticket);
    net.on('ticket.whistle', () => viewOf({ ...ticket, state: 'whistled', version: 3, assignedUnits: [LEAD_UNIT] }, []));
    await click('吹哨');
    const units = choices('吹哨单位');
    // Lead first, then co-responsible units (the township included), each marked.
    expect(units.map((u) => [u.text, u.on])).toEqual([
      ['县住建局牵头', true],
      ['县应急管理局责任', false],
      ['团结西路街道办事处责任', false],
    ]);
    expect(screen.getByText('与责任清单牵头单位一致')).toBeTruthy();
    await click('确认吹哨');
    expect(net.ticketCalls('whistle').map((c) => c.data)).toEqual([{ idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 2, units: [LEAD_UNIT] }]);
    expect(screen.getByText('当前没有需要您办理的操作')).toBeTruthy();
  });

  it('requires a reason when the whistled units differ from the lead units', async () => {
    const ticket = accepted();
    const net = await openTicket(ticket);
    net.on('ticket.whistle', () => viewOf({ ...ticket, state: 'whistled', version: 3, assignedUnits: [LEAD_UNIT, CO_UNIT] }, []));
    await click('吹哨');
    await click(choices('吹哨单位')[1]!.el); // add 县应急管理局
    expect(field('调整单位的原因')).toBeTruthy();
    await click('确认吹哨');
    expect(net.ticketCalls('whistle')).toHaveLength(0);
    expect(screen.getByText('所选单位与责任清单的牵头单位不同，请填写原因')).toBeTruthy();

    await type('调整单位的原因', '涉及消防隐患，需应急局共同处置');
    await click('确认吹哨');
    expect(net.ticketCalls('whistle').map((c) => c.data)).toEqual([
      { idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 2, units: [LEAD_UNIT, CO_UNIT], reason: '涉及消防隐患，需应急局共同处置' },
    ]);
  });

  it('treats removing the lead unit as a change that needs a reason', async () => {
    const ticket = accepted();
    const net = await openTicket(ticket);
    await click('吹哨');
    await click(choices('吹哨单位')[2]!.el); // add the township
    await click(choices('吹哨单位')[0]!.el); // drop the lead unit
    await type('调整单位的原因', '属地街道可直接处置');
    net.on('ticket.whistle', () => viewOf({ ...ticket, state: 'whistled', version: 3, assignedUnits: [STREET_ID] }, []));
    await click('确认吹哨');
    expect(net.ticketCalls('whistle')[0]?.data).toMatchObject({ units: [STREET_ID], reason: '属地街道可直接处置' });
  });

  it('settles on site more than 200 m away only with a reason, sending location, photos and note', async () => {
    const ticket = accepted();
    const net = await openTicket(ticket);
    net.on('ticket.settle', () => viewOf({ ...ticket, state: 'verified', version: 3 }, []));
    placeDevice(north(ticket.location!, 350));
    pickPhotos(['blob:after-1']);

    await click('就地办结');
    expect(screen.getByText('尚未定位打卡')).toBeTruthy();
    await click('定位打卡');
    expect(screen.getByText(/距工单位置约 35\d 米/)).toBeTruthy();
    expect(screen.getByText('打卡位置距工单位置超过 200 米，请确认是否在现场，并填写原因')).toBeTruthy();

    await click('拍照/选择照片');
    expect(screen.getByText('已上传 1 张（点照片可删除）')).toBeTruthy();
    await type('处置说明', '已拆除飞线，告知居民使用充电桩');
    await click('确认就地办结');
    expect(net.ticketCalls('settle')).toHaveLength(0);
    expect(screen.getByText('打卡位置超出范围，请填写原因')).toBeTruthy();

    await type('超出范围的原因', '楼内无信号，在单元门口打卡');
    await click('确认就地办结');
    const sent = net.ticketCalls('settle').map((c) => c.data);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      ticketId: ticket.id,
      version: 2,
      photos: ['f-after-1'],
      note: '已拆除飞线，告知居民使用充电桩',
      farReason: '楼内无信号，在单元门口打卡',
    });
    const location = sent[0]?.location as { lat: number; lng: number };
    expect(location.lat).toBeCloseTo(north(ticket.location!, 350).lat, 6);
  });

  it('settles within 200 m without asking for a reason', async () => {
    const ticket = accepted();
    const net = await openTicket(ticket);
    net.on('ticket.settle', () => viewOf({ ...ticket, state: 'verified', version: 3 }, []));
    placeDevice(north(ticket.location!, 50));
    pickPhotos(['blob:after-1']);
    await click('就地办结');
    await click('定位打卡');
    expect(screen.queryByText(/超过 200 米/)).toBeNull();
    expect(() => field('超出范围的原因')).toThrow();
    await click('拍照/选择照片');
    await type('处置说明', '已清理');
    await click('确认就地办结');
    const sent = net.ticketCalls('settle')[0]?.data;
    expect(sent).toMatchObject({ version: 2, photos: ['f-after-1'], note: '已清理' });
    expect(sent).not.toHaveProperty('farReason');
  });

  it('does not settle without a check-in or an after-photo', async () => {
    const ticket = accepted();
    const net = await openTicket(ticket);
    placeDevice(north(ticket.location!, 10));
    await click('就地办结');
    await type('处置说明', '已清理');
    await click('确认就地办结');
    expect(screen.getByText('请先完成现场定位打卡')).toBeTruthy();
    await click('定位打卡');
    await click('确认就地办结');
    expect(screen.getByText('请上传处置后照片')).toBeTruthy();
    expect(net.ticketCalls('settle')).toHaveLength(0);
  });

  it('verifies a department resolution, or sends it back with a reason', async () => {
    const ticket = makeTicket({ state: 'resolved', version: 7, resolvedBy: LEAD_UNIT, assignedUnits: [LEAD_UNIT] });
    const net = await openTicket(ticket, ['verify', 'verify-fail']);
    net.on('ticket.verifyFail', () => viewOf({ ...ticket, state: 'acknowledged', version: 8 }, []));
    await click('核验不通过');
    await click('确认核验不通过');
    expect(net.ticketCalls('verifyFail')).toHaveLength(0);
    await type('不通过原因', '飞线仍在');
    await click('确认核验不通过');
    expect(net.ticketCalls('verifyFail')[0]?.data).toEqual({ idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 7, reason: '飞线仍在' });
  });

  it('reloads the ticket when someone else changed it first', async () => {
    const ticket = makeTicket({ state: 'submitted', version: 1 });
    const net = await openTicket(ticket);
    net.on('ticket.accept', () => {
      throw new Refusal('TICKET.VERSION_CONFLICT', '工单已被他人更新，请刷新后重试');
    });
    await click('受理');
    await click('确认受理');
    expect(screen.getByText('工单已被他人更新，已为您刷新，请核对后重试')).toBeTruthy();
    expect(net.ticketCalls('detail')).toHaveLength(2);
  });
});
