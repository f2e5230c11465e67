/**
 * Staff queue page with the network faked at fetch: the grid worker's 新工单 list (backend order,
 * overdue marked red, urgent marked 紧急, countdown per row, estate names; the grid tabs are in
 * tabs.test.tsx), the department inbox, and the
 * street officer's in-place work: re-route a returned ticket, decide an extension, 督办 and 升级.
 */
import { render, screen, within } from '@testing-library/react';
import QueuePage from '../../../../../miniprogram/staff/pages/queue/index';
import { REGISTRY } from '../../../../../shared/jurisdictions';
import { allowedActions } from '../../../../../shared/lifecycle';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { CO_UNIT, LEAD_UNIT, STREET_ID, makeEvent, makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { actionButtons, choices, click, fakeNetwork, STAFF_KEY, fromNow, settle, signIn, summaryOf, type, viewOf, type FakeNetwork } from '../../support';

async function openQueue(view: string, tickets: Ticket[], routes: Parameters<typeof fakeNetwork>[0] = {}): Promise<FakeNetwork> {
  const net = fakeNetwork({
    'ticket.queue': () => ({ items: tickets.map(summaryOf), total: tickets.length }),
    'report.estates': () => ({ items: [{ id: 'yongning.e.jinxiu', name: '锦绣花园' }] }),
    ...routes,
  });
  setPageQuery({ view }, '/staff/pages/queue/index');
  render(<QueuePage />);
  await settle();
  return net;
}

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.ticket-row')];
}

beforeEach(() => jest.restoreAllMocks());

describe('staff queue page, grid worker (fetch faked)', () => {
  beforeEach(() => signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] }));

  it("asks for the 'new' view (the home counter's list) and lists rows in the backend's order with category, estate, state and countdown", async () => {
    const late = makeTicket({ category: 'parking', priority: 'normal', state: 'submitted', deadlines: [{ step: 'triage', due: fromNow(-45), overdueAt: fromNow(-45) }] });
    const urgent = makeTicket({ category: 'fly-wire', priority: 'urgent', state: 'submitted', deadlines: [{ step: 'triage', due: fromNow(20) }] });
    const normal = makeTicket({ category: 'garbage', priority: 'normal', state: 'accepted', deadlines: [{ step: 'triage', due: fromNow(-200), metAt: fromNow(-210) }] });
    const net = await openQueue('new', [late, urgent, normal]);

    expect(net.ticketCalls('queue')[0]?.data).toEqual({ view: 'new', limit: 100 });
    expect(screen.getByText('共 3 件，其中 1 件已超时')).toBeTruthy();
    const [first, second, third] = rows();
    expect(within(first!).getByText('车辆乱停乱放')).toBeTruthy();
    expect(within(first!).getByText('已超时')).toBeTruthy();
    expect(first!.className).toContain('ticket-row--overdue');
    expect(within(first!).getByText(/^受理已超时 4\d分钟$/)).toBeTruthy();
    expect(within(first!).getByText('待受理')).toBeTruthy();
    expect(within(first!).getByText(new RegExp(`^锦绣花园 · ${late.no}`))).toBeTruthy();

    expect(within(second!).getByText('飞线充电')).toBeTruthy();
    expect(within(second!).getByText('紧急')).toBeTruthy();
    expect(within(second!).queryByText('已超时')).toBeNull();
    expect(within(second!).getByText(/^受理剩余 (19|20)分钟$/)).toBeTruthy();

    expect(within(third!).queryByText('紧急')).toBeNull();
    expect(within(third!).getByText('已受理')).toBeTruthy();
    expect(within(third!).getByText('无进行中的时限')).toBeTruthy();
    // Grid rows open the ticket page; nothing is offered in place.
    expect(screen.queryByText('办理')).toBeNull();
  });

  it('says so when the queue is empty', async () => {
    await openQueue('new', []);
    expect(screen.getByText('暂无工单')).toBeTruthy();
  });
});

describe('staff queue page, department inbox (fetch faked)', () => {
  it("asks for the 'unit' view and shows each deadline's countdown", async () => {
    signIn({ id: 'u-dept-1', name: '李强', roles: ['department'] });
    const t = makeTicket({ state: 'whistled', assignedUnits: [LEAD_UNIT], deadlines: [{ step: 'ack', due: fromNow(90) }, { step: 'resolve', due: fromNow(3000) }] });
    const net = await openQueue('unit', [t]);
    expect(net.ticketCalls('queue')[0]?.data).toMatchObject({ view: 'unit' });
    expect(screen.getByText('本单位待办')).toBeTruthy();
    expect(screen.getByText(/^报到剩余 1小时(29|30)分钟$/)).toBeTruthy();
    expect(screen.getByText('已吹哨')).toBeTruthy();
  });
});

describe('staff queue page, street officer (fetch faked)', () => {
  beforeEach(() => signIn({ id: 'u-street-1', name: '陈静', roles: ['street'] }));

  it('re-routes a returned ticket to chosen units with a reason, then reloads the list', async () => {
    const returned = makeTicket({ state: 'returned', version: 5, assignedUnits: [LEAD_UNIT], holder: { kind: 'street', ids: [STREET_ID] } });
    const returnEvent = makeEvent(returned, {
      action: 'return',
      from: 'whistled',
      to: 'returned',
      note: '不属于本局职责',
      actor: { userId: 'u-dept-1', role: 'department', unitId: LEAD_UNIT, name: '李强' },
      payload: { reasonCode: 'not-our-duty', reason: '不属于本局职责', unitId: LEAD_UNIT },
    });
    const net = await openQueue('street-returned', [returned], {
      'ticket.detail': () => viewOf(returned, allowedActions(returned, 'street'), [makeEvent(returned), returnEvent]),
      'ticket.reroute': () => viewOf({ ...returned, state: 'whistled', version: 6 }, []),
    });
    expect(net.ticketCalls('queue')[0]?.data).toMatchObject({ view: 'street-returned' });

    await click('办理');
    expect(net.ticketCalls('detail')[0]?.data).toEqual({ ticketId: returned.id });
    // Only the action this list is about, although the street may also supervise and escalate.
    expect(actionButtons()).toEqual(['重新派单']);
    expect(screen.getByText('当前处理：团结西路街道办事处')).toBeTruthy();
    await click('重新派单');
    expect(screen.getByText('退单单位：县住建局；原因：不属于本局职责')).toBeTruthy();

    const units = choices('重新派往的单位');
    const names = units.map((u) => u.text);
    // The routed units first, then the departments of Yongning and its parent Yinchuan.
    expect(names.slice(0, 3)).toEqual(['县住建局牵头', '县应急管理局责任', '团结西路街道办事处责任']);
    expect(names).toContain('县综合执法局');
    expect(names.some((n) => n.includes('领导小组办公室'))).toBe(false);
    expect(units.every((u) => !u.on)).toBe(true);

    await click('确认重新派单');
    expect(screen.getByText('请选择至少一个承办单位')).toBeTruthy();
    const enforcement = units.find((u) => u.text === '县综合执法局')!;
    await click(enforcement.el);
    await type('派单理由', '经核实属违规搭建，由综合执法局牵头');
    await click('确认重新派单');

    const enforcementId = REGISTRY.list('yongning')!.departments.find((d) => d.name === '县综合执法局')!.id;
    expect(net.ticketCalls('reroute').map((c) => c.data)).toEqual([
      { idempotencyKey: STAFF_KEY, ticketId: returned.id, version: 5, units: [enforcementId], reason: '经核实属违规搭建，由综合执法局牵头' },
    ]);
    expect(net.ticketCalls('queue')).toHaveLength(2);
  });

  it('approves an extension with the ticket version, and refuses one only with a reason', async () => {
    const pending = { unitId: LEAD_UNIT, until: '2026-12-08T09:30:00.000Z', reason: '等待配件', requestedAt: fromNow(-30) };
    const a = makeTicket({ state: 'acknowledged', version: 6, assignedUnits: [LEAD_UNIT], acknowledgedUnits: [LEAD_UNIT], pendingExtension: pending });
    const b = makeTicket({ state: 'on_site', version: 9, assignedUnits: [CO_UNIT], acknowledgedUnits: [CO_UNIT], pendingExtension: { ...pending, unitId: CO_UNIT } });
    const net = await openQueue('street-extensions', [a, b], {
      'ticket.detail': (data) => {
        const t = data.ticketId === a.id ? a : b;
        return viewOf(t, allowedActions(t, 'street'));
      },
      'ticket.approveExtension': () => viewOf({ ...a, pendingExtension: null, version: 7 }, []),
      'ticket.refuseExtension': () => viewOf({ ...b, pendingExtension: null, version: 10 }, []),
    });

    const [rowA, rowB] = rows();
    // The request is on the row before anything is opened.
    expect(within(rowA!).getByText('县住建局申请延期至 2026-12-08 17:30，理由：等待配件')).toBeTruthy();
    await click(within(rowA!).getByText('办理'));
    expect(actionButtons(rowA!)).toEqual(['批准延期', '驳回延期']);
    await click(within(rowA!).getByText('批准延期'));
    // Shown again in the form that decides it.
    expect(within(rowA!).getAllByText('县住建局申请延期至 2026-12-08 17:30，理由：等待配件')).toHaveLength(2);
    await click(within(rowA!).getByText('确认批准延期'));
    expect(net.ticketCalls('approveExtension').map((c) => c.data)).toEqual([{ idempotencyKey: STAFF_KEY, ticketId: a.id, version: 6 }]);

    await click(within(rowB!).getByText('办理'));
    await click(within(rowB!).getByText('驳回延期'));
    await click(within(rowB!).getByText('确认驳回延期'));
    expect(net.ticketCalls('refuseExtension')).toHaveLength(0);
    await type('不予延期的原因', '配件可本地采购，请按期办结', rowB!);
    await click(within(rowB!).getByText('确认驳回延期'));
    expect(net.ticketCalls('refuseExtension').map((c) => c.data)).toEqual([{ idempotencyKey: STAFF_KEY, ticketId: b.id, version: 9, reason: '配件可本地采购，请按期办结' }]);
  });

  it('supervises (督办) an overdue ticket with a note and escalates one to the leadership office', async () => {
    const overdue = makeTicket({
      state: 'whistled',
      version: 4,
      assignedUnits: [LEAD_UNIT],
      deadlines: [{ step: 'ack', due: fromNow(-180), overdueAt: fromNow(-175) }],
    });
    const net = await openQueue('street-overdue', [overdue], {
      'ticket.detail': () => viewOf(overdue, allowedActions(overdue, 'street')),
      'ticket.supervise': () => viewOf({ ...overdue, version: 5 }, []),
      'ticket.escalate': () => viewOf({ ...overdue, version: 5, escalation: 2 }, []),
    });
    expect(net.ticketCalls('queue')[0]?.data).toMatchObject({ view: 'street-overdue' });
    expect(rows()[0]!.className).toContain('ticket-row--overdue');
    expect(screen.getByText(/^报到已超时 3小时/)).toBeTruthy();

    await click('办理');
    expect(actionButtons()).toEqual(['督办', '升级']);
    await click('督办');
    await click('确认督办');
    expect(net.ticketCalls('supervise')).toHaveLength(0);
    expect(screen.getByText('请填写督办意见')).toBeTruthy();
    await type('督办意见', '请县住建局立即报到并于今日到场');
    await click('确认督办');
    expect(net.ticketCalls('supervise').map((c) => c.data)).toEqual([{ idempotencyKey: STAFF_KEY, ticketId: overdue.id, version: 4, note: '请县住建局立即报到并于今日到场' }]);

    await click('办理');
    await click('升级');
    expect(screen.getByText('升级至：永宁县2023年物业提升“123”专项行动领导小组办公室')).toBeTruthy();
    await type('升级原因', '超时三小时仍未报到');
    await click('确认升级');
    expect(net.ticketCalls('escalate').map((c) => c.data)).toEqual([{ idempotencyKey: STAFF_KEY, ticketId: overdue.id, version: 4, reason: '超时三小时仍未报到' }]);
  });
});
