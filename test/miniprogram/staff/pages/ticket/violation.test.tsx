/**
 * Staff ticket page, 认定违反九不准 with the network faked at fetch: offered to street and 住建 officers
 * on a ticket whose estate has a property company, items suggested by the category first, sent with
 * the item, the note and the ticket's version; hidden after an AUTH refusal, for other roles and on
 * categories no item speaks of (飞线充电).
 */
import { cleanup, render, screen } from '@testing-library/react';
import StaffTicketPage from '../../../../../miniprogram/staff/pages/ticket/index';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { NINE_PROHIBITIONS } from '../../../../../shared/ledger';
import { makeEvent, makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { choices, click, fakeNetwork, Refusal, settle, signIn, type, viewOf } from '../../support';

function whistled(overrides: Partial<Ticket> = {}): Ticket {
  return makeTicket({ category: 'illegal-fee', priority: 'normal', state: 'whistled', version: 3, ...overrides });
}

async function openTicket(ticket: Ticket, routes: Parameters<typeof fakeNetwork>[0] = {}) {
  const net = fakeNetwork({ 'ticket.detail': () => viewOf(ticket, []), ...routes });
  setPageQuery({ id: ticket.id }, '/staff/pages/ticket/index');
  render(<StaffTicketPage />);
  await settle();
  return net;
}

beforeEach(() => {
  jest.restoreAllMocks();
  signIn({ id: 'u-street-1', name: '赵敏', roles: ['street'] });
});

describe('认定违反九不准 on the staff ticket page (fetch faked)', () => {
  it('lists the nine items with the category’s suggestion first and sends item, note and version', async () => {
    const ticket = whistled();
    const confirmed = { ...ticket, version: 4 };
    const events = [
      makeEvent(ticket),
      makeEvent(confirmed, {
        action: 'violation-confirmed',
        from: 'whistled',
        to: 'whistled',
        actor: { userId: 'u-street-1', role: 'street', name: '赵敏', unitId: ticket.streetId! },
        note: `认定物业服务企业违反“九不准”第7条：${NINE_PROHIBITIONS[6]!.text}`,
      }),
    ];
    const net = await openTicket(ticket, {
      'ticket.confirmViolation': () => ({ violation: { id: `v:${ticket.id}:7`, item: 7 }, ledger: { companyId: ticket.propertyCompanyId, year: 2026, count: 2, breaches: 2 } }),
    });
    await click('认定违反九不准');
    const items = choices('违反条款');
    expect(items).toHaveLength(9);
    // illegal-fee (擅自涨价、乱收费) points to item 7 (擅自涨价、乱收费以及违规签订《物业服务合同》): first, marked 建议.
    expect(items[0]!.text).toBe(`第7条 ${NINE_PROHIBITIONS[6]!.text}建议`);
    expect(items.slice(1).map((c) => c.text.slice(0, 3))).toEqual(['第1条', '第2条', '第3条', '第4条', '第5条', '第6条', '第8条', '第9条']);

    await click('确认认定');
    expect(screen.getByText('请选择违反的“九不准”条款')).toBeTruthy();
    expect(net.ticketCalls('confirmViolation')).toHaveLength(0);

    await click(items[0]!.el);
    await type('认定说明', '物业擅自上调停车费，经现场核实属实');
    net.on('ticket.detail', () => viewOf(confirmed, [], events));
    await click('确认认定');
    expect(net.ticketCalls('confirmViolation').map((c) => c.data)).toEqual([
      { ticketId: ticket.id, item: 7, note: '物业擅自上调停车费，经现场核实属实', version: 3 },
    ]);
    expect(screen.getByText('已记入“九不准”台账：该企业2026年度累计违反 2 条，适用第2档（降星）')).toBeTruthy();
    // The ticket is read again: the timeline carries the confirmation.
    expect(net.ticketCalls('detail')).toHaveLength(2);
    expect([...document.querySelectorAll('.timeline__head')].map((h) => h.textContent)).toContain('认定违反九不准');
  });

  it('asks for the note the schema requires before sending', async () => {
    const net = await openTicket(whistled());
    await click('认定违反九不准');
    await click(choices('违反条款')[0]!.el);
    await click('确认认定');
    expect(screen.getByText('请填写认定说明')).toBeTruthy();
    expect(net.ticketCalls('confirmViolation')).toHaveLength(0);
  });

  it('hides the action after an AUTH refusal (a department officer of another unit)', async () => {
    signIn({ id: 'u-dept-1', name: '李强', roles: ['department'] });
    const net = await openTicket(whistled(), {
      'ticket.confirmViolation': () => {
        throw new Refusal('AUTH.FORBIDDEN', '仅属地街道或住建部门可以认定“九不准”违规');
      },
    });
    await click('认定违反九不准');
    await click(choices('违反条款')[0]!.el);
    await type('认定说明', '经核实属实');
    await click('确认认定');
    expect(net.ticketCalls('confirmViolation')).toHaveLength(1);
    expect(screen.queryByText('“九不准”认定')).toBeNull();
    expect(screen.queryByText('认定违反九不准')).toBeNull();
    expect(screen.queryByText('确认认定')).toBeNull();
  });

  it('is not offered to a grid worker, nor on a ticket whose estate has no property company', async () => {
    signIn({ id: 'u-grid-1', name: '王芳', roles: ['grid'] });
    await openTicket(whistled());
    expect(screen.getByText('当前处理：本小区网格员')).toBeTruthy();
    expect(screen.queryByText('认定违反九不准')).toBeNull();

    signIn({ id: 'u-street-1', name: '赵敏', roles: ['street'] });
    cleanup();
    await openTicket(whistled({ propertyCompanyId: null }));
    expect(screen.queryByText('认定违反九不准')).toBeNull();
  });

  it('is not offered on a 飞线充电 ticket: a resident’s wire is no breach of the company’s nine items', async () => {
    await openTicket(whistled({ category: 'fly-wire', priority: 'urgent' }));
    expect(screen.getByText('飞线充电')).toBeTruthy();
    expect(screen.queryByText('“九不准”认定')).toBeNull();
    expect(screen.queryByText('认定违反九不准')).toBeNull();
  });
});
