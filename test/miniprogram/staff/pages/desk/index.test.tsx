/**
 * Police owner-group desk (业主群警务台) with the network faked at fetch: the 'police-desk' view,
 * 认领 with the officer named, 调解 record with the outcomes the `mediate` action accepts, public reply
 * and hand-over — each with the ticket's version.
 */
import { render, screen } from '@testing-library/react';
import PoliceDeskPage from '../../../../../miniprogram/staff/pages/desk/index';
import { TicketInputs } from '../../../../../shared/actions/ticket';
import { MEDIATION_OUTCOME_LABELS, allowedActions } from '../../../../../shared/lifecycle';
import type { Ticket } from '../../../../../shared/domain/ticket';
import { makeTicket } from '../../../../support/fixtures';
import { setPageQuery } from '../../../support/taro';
import { actionButtons, primaryButton, choices, click, fakeNetwork, STAFF_KEY, fromNow, settle, signIn, summaryOf, type, viewOf } from '../../support';

const STATION = 'yongning.gaj.pcs-yanghe';

async function openDesk(ticket: Ticket, routes: Parameters<typeof fakeNetwork>[0] = {}, query: Record<string, string> = {}) {
  const net = fakeNetwork({
    'ticket.queue': () => ({ items: [summaryOf(ticket)], total: 1 }),
    'ticket.detail': () => viewOf(ticket, allowedActions(ticket, 'police', { unitId: STATION })),
    ...routes,
  });
  setPageQuery(query, '/staff/pages/desk/index');
  render(<PoliceDeskPage />);
  await settle();
  return net;
}

beforeEach(() => {
  signIn({ id: 'u-police-1', name: '马警官', roles: ['police'] });
  jest.restoreAllMocks();
});

describe('police desk page (fetch faked)', () => {
  it("asks for the 'police-desk' view (with the group when opened from one) and lists its tickets", async () => {
    const dispute = makeTicket({ category: 'dispute', priority: 'normal', deadlines: [{ step: 'triage', due: fromNow(100) }] });
    const net = await openDesk(dispute, {}, { groupId: 'g-123' });
    expect(net.ticketCalls('queue')[0]?.data).toEqual({ view: 'police-desk', limit: 100, groupId: 'g-123' });
    expect(screen.getByText('邻里/物业纠纷')).toBeTruthy();
  });

  it('passes the owner group picked among the bound groups of the officer’s estates to the queue', async () => {
    const dispute = makeTicket({ category: 'dispute', priority: 'normal' });
    const groups = [
      { id: 'og:1', estateId: dispute.estateId!, name: '锦绣花园业主群' },
      { id: 'og:2', estateId: dispute.estateId!, name: '锦绣花园业主二群' },
    ];
    const net = await openDesk(dispute, {
      'ticket.queue': (data) => ({ items: [summaryOf(dispute)], total: 1, groups: data.groupId ? groups.filter((g) => g.id === data.groupId) : groups }),
      'report.estates': () => ({ items: [{ id: dispute.estateId, name: '锦绣花园' }] }),
    });
    expect(net.ticketCalls('queue').map((c) => c.data)).toEqual([{ view: 'police-desk', limit: 100 }]);
    expect(net.ticketCalls('resolveGroup')).toHaveLength(0);
    const picker = choices('业主群');
    expect(picker.map((c) => c.text)).toEqual(['全部业主群', '锦绣花园业主群锦绣花园', '锦绣花园业主二群锦绣花园']);
    expect(picker[0]!.on).toBe(true);

    await click(picker[2]!.el);
    expect(net.ticketCalls('queue').at(-1)?.data).toEqual({ view: 'police-desk', limit: 100, groupId: 'og:2' });
    // The filtered answer names one group; the picker keeps all of them.
    expect(choices('业主群').map((c) => c.on)).toEqual([false, false, true]);

    await click(choices('业主群')[0]!.el);
    expect(net.ticketCalls('queue').at(-1)?.data).toEqual({ view: 'police-desk', limit: 100 });
  });

  it('claims a dispute with the officer name prefilled', async () => {
    const dispute = makeTicket({ category: 'dispute', priority: 'normal', state: 'submitted', version: 1 });
    const net = await openDesk(dispute, {
      'ticket.claim': () => viewOf({ ...dispute, state: 'acknowledged', version: 2, claimedBy: STATION }, []),
    });
    await click('办理');
    // Claim and public reply from the desk; mediation and hand-over come once the station holds the ticket.
    expect(actionButtons()).toEqual(['认领', '回复']);
    await click('认领');
    await click('确认认领');
    expect(net.ticketCalls('claim').map((c) => c.data)).toEqual([{ idempotencyKey: STAFF_KEY, ticketId: dispute.id, version: 1, officerName: '马警官' }]);
    expect(net.ticketCalls('queue')).toHaveLength(2);
  });

  it('records a mediation: parties, an accepted outcome, and the agreement it requires', async () => {
    const claimed = makeTicket({
      category: 'dispute',
      priority: 'normal',
      state: 'acknowledged',
      version: 2,
      assignedUnits: [STATION],
      acknowledgedUnits: [STATION],
      claimedBy: STATION,
    });
    const net = await openDesk(claimed, { 'ticket.mediate': () => viewOf({ ...claimed, version: 3 }, []) });
    await click('办理');
    expect(actionButtons()).toEqual(['调解', '回复', '移交']);
    expect(primaryButton()).toBe('调解');
    await click('调解');
    const outcomes = choices('调解结果');
    expect(outcomes.map((o) => o.text)).toEqual(TicketInputs.mediate.shape.outcome.options.map((o) => MEDIATION_OUTCOME_LABELS[o]));

    await type('当事人', '张三、李四');
    await click(outcomes[0]!.el); // 达成协议
    await click('确认调解');
    expect(screen.getByText('请填写调解当事人、调解结果和协议内容')).toBeTruthy();
    expect(net.ticketCalls('mediate')).toHaveLength(0);

    await type('协议内容', '双方同意车位按原划线使用，张三赔偿李四后视镜维修费300元');
    await click('确认调解');
    expect(net.ticketCalls('mediate').map((c) => c.data)).toEqual([
      {
        idempotencyKey: STAFF_KEY,
        ticketId: claimed.id,
        version: 2,
        parties: ['张三', '李四'],
        outcome: 'agreed',
        agreement: '双方同意车位按原划线使用，张三赔偿李四后视镜维修费300元',
      },
    ]);
  });

  it('posts a public reply and hands a ticket over to a department', async () => {
    const claimed = makeTicket({ category: 'parking', priority: 'normal', state: 'acknowledged', version: 2, assignedUnits: [STATION], acknowledgedUnits: [STATION], claimedBy: STATION });
    const net = await openDesk(claimed, {
      'ticket.reply': () => viewOf({ ...claimed, version: 3 }, []),
      'ticket.handover': () => viewOf({ ...claimed, state: 'whistled', version: 3 }, []),
    });
    await click('办理');
    await click('回复');
    await type('公开回复', '民警已到场，正在协调挪车');
    await click('确认回复');
    expect(net.ticketCalls('reply')[0]?.data).toEqual({ idempotencyKey: STAFF_KEY, ticketId: claimed.id, version: 2, text: '民警已到场，正在协调挪车' });

    await click('办理');
    await click('移交');
    const units = choices('移交给的单位');
    await click(units[0]!.el);
    await type('移交原因', '占道经营属综合执法职责');
    await click('确认移交');
    expect(net.ticketCalls('handover')[0]?.data).toEqual({ idempotencyKey: STAFF_KEY, ticketId: claimed.id, version: 2, units: [claimed.route.lead[0]!.id], reason: '占道经营属综合执法职责' });
  });
});
