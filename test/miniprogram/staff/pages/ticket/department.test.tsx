/**
 * Staff ticket page, department officer (部门), with the network faked at fetch: 报到 with the
 * officer named, 到场 check-in, 办结 with after-photos, 退单 with a reason code, 申请延期 with a
 * +08:00 instant — each sent with the ticket's version.
 */
import { render, screen } from '@testing-library/react';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import { RETURN_REASON_CODES, RETURN_REASON_LABELS, allowedActions } from '../../../../../shared/lifecycle';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { LEAD_UNIT, makeEvent, makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { actionButtons, choices, click, fakeNetwork, STAFF_KEY, fromNow, north, pick, pickPhotos, placeDevice, Refusal, settle, signIn, type, viewOf } from '../../support';

function whistled(overrides: Partial<Ticket> = {}): Ticket {
  return makeTicket({
    state: 'whistled',
    version: 3,
    assignedUnits: [LEAD_UNIT],
    holder: { kind: 'units', ids: [LEAD_UNIT] },
    deadlines: [
      { step: 'triage', due: fromNow(-60), metAt: fromNow(-70) },
      { step: 'ack', due: fromNow(25) },
      { step: 'resolve', due: fromNow(60 * 24) },
    ],
    ...overrides,
  });
}

function acknowledged(overrides: Partial<Ticket> = {}): Ticket {
  return whistled({ state: 'acknowledged', version: 4, acknowledgedUnits: [LEAD_UNIT], ...overrides });
}

async function openTicket(ticket: Ticket) {
  const net = fakeNetwork({ 'ticket.detail': () => viewOf(ticket, allowedActions(ticket, 'department', { unitId: LEAD_UNIT })) });
  setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
  render(<StaffTicketPage />);
  await settle();
  return net;
}

beforeEach(() => {
  signIn({ id: 'u-dept-1', name: '李强', roles: ['department'] });
  jest.restoreAllMocks();
});

describe('staff ticket page, department officer (fetch faked)', () => {
  it('shows the countdown to the 报到 deadline and the unit holding the ticket', async () => {
    await openTicket(whistled());
    expect(screen.getByText('当前处理：县住建局（待报到）')).toBeTruthy();
    expect(screen.getByText(/报到时限：.* · 报到剩余 2\d分钟/)).toBeTruthy();
    expect(actionButtons()).toEqual(['报到', '退单']);
  });

  it('reports in (报到) with the officer name prefilled from the signed-in user', async () => {
    const ticket = whistled();
    const net = await openTicket(ticket);
    const after = acknowledged();
    net.on('ticket.acknowledge', () =>
      viewOf(after, allowedActions(after, 'department', { unitId: LEAD_UNIT }), [
        makeEvent(ticket),
        makeEvent(after, { action: 'acknowledge', from: 'whistled', to: 'acknowledged', actor: { userId: 'u-dept-1', role: 'department', unitId: LEAD_UNIT, name: '李强' }, payload: { officerName: '李强', unitId: LEAD_UNIT } }),
      ]),
    );
    await click('报到');
    await click('确认报到');
    expect(net.ticketCalls('acknowledge').map((c) => c.data)).toEqual([{ idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 3, officerName: '李强' }]);
    // The new view: the holder line, the timeline entry and the next actions.
    expect(screen.getByText('当前处理：县住建局（已报到）')).toBeTruthy();
    expect(screen.getByText('部门 · 李强 · 县住建局')).toBeTruthy();
    expect(screen.getByText('报到人员：李强')).toBeTruthy();
    expect(actionButtons()).toEqual(['到场', '办结', '退单', '申请延期']);
  });

  it('lets another officer be named at 报到', async () => {
    const ticket = whistled();
    const net = await openTicket(ticket);
    net.on('ticket.acknowledge', () => viewOf(acknowledged(), []));
    await click('报到');
    await type('报到人员姓名', '赵敏');
    await type('报到说明', '30分钟内到场');
    await click('确认报到');
    expect(net.ticketCalls('acknowledge')[0]?.data).toEqual({ idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 3, officerName: '赵敏', note: '30分钟内到场' });
  });

  it('arrives with a location check-in', async () => {
    const ticket = acknowledged();
    const net = await openTicket(ticket);
    net.on('ticket.arrive', () => viewOf({ ...ticket, state: 'on_site', version: 5 }, []));
    placeDevice(north(ticket.location!, 30));
    await click('到场');
    await click('定位打卡');
    await click('确认到场');
    const sent = net.ticketCalls('arrive')[0]?.data;
    expect(sent).toMatchObject({ ticketId: ticket.id, version: 4 });
    expect((sent?.location as { lat: number }).lat).toBeCloseTo(north(ticket.location!, 30).lat, 6);
  });

  it('resolves with after-photos and a note', async () => {
    const ticket = acknowledged();
    const net = await openTicket(ticket);
    net.on('ticket.resolve', () => viewOf({ ...ticket, state: 'resolved', version: 5 }, []));
    pickPhotos(['blob:a', 'blob:b']);
    await click('办结');
    await type('办理结果', '已拆除私拉电线并张贴安全提示');
    await click('确认办结');
    expect(screen.getByText('请上传整改后照片')).toBeTruthy();
    expect(net.ticketCalls('resolve')).toHaveLength(0);

    await click('拍照/选择照片');
    expect(net.uploads).toBe(2);
    await click('确认办结');
    expect(net.ticketCalls('resolve').map((c) => c.data)).toEqual([
      { idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 4, photos: ['f-after-1', 'f-after-2'], note: '已拆除私拉电线并张贴安全提示' },
    ]);
  });

  it('returns (退单) with a reason code from RETURN_REASON_LABELS and a reason', async () => {
    const ticket = whistled();
    const net = await openTicket(ticket);
    net.on('ticket.return', () => viewOf({ ...ticket, state: 'returned', version: 4 }, []));
    await click('退单');
    expect(choices('退单原因类别').map((c) => c.text)).toEqual(RETURN_REASON_CODES.map((c) => RETURN_REASON_LABELS[c]));
    await type('具体原因', '该楼栋属于开发区管辖');
    await click('确认退单');
    expect(screen.getByText('请选择退单原因')).toBeTruthy();
    expect(net.ticketCalls('return')).toHaveLength(0);

    await click(choices('退单原因类别')[1]!.el);
    await click('确认退单');
    expect(net.ticketCalls('return').map((c) => c.data)).toEqual([
      { idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 3, reasonCode: 'wrong-address', reason: '该楼栋属于开发区管辖' },
    ]);
  });

  it('requests an extension to a picked date and time, sent as a +08:00 instant', async () => {
    const ticket = acknowledged();
    const net = await openTicket(ticket);
    net.on('ticket.requestExtension', () => viewOf(ticket, []));
    await click('申请延期');
    await click('确认申请延期');
    expect(screen.getByText('请选择延期后的办结日期')).toBeTruthy();
    await pick('延期至（日期）', '2026-12-08');
    await pick('延期至（时间）', '17:30');
    await type('延期原因', '需更换消防管道配件，厂家供货需一周');
    await click('确认申请延期');
    expect(net.ticketCalls('requestExtension').map((c) => c.data)).toEqual([
      { idempotencyKey: STAFF_KEY, ticketId: ticket.id, version: 4, until: '2026-12-08T17:30:00+08:00', reason: '需更换消防管道配件，厂家供货需一周' },
    ]);
  });

  it('shows the server refusal in Chinese', async () => {
    const ticket = acknowledged();
    const net = await openTicket(ticket);
    net.on('ticket.requestExtension', () => {
      throw new Refusal('SLA.EXTENSION_TOO_LONG', '延期最多 15 个工作日，最晚至 2026-12-14 10:00');
    });
    await click('申请延期');
    await pick('延期至（日期）', '2027-02-01');
    await type('延期原因', '需要很久');
    await click('确认申请延期');
    expect(screen.getByText('延期最多 15 个工作日，最晚至 2026-12-14 10:00')).toBeTruthy();
  });
});
