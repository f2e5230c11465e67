import type { Holder, Ticket, TicketEvent, TicketState } from '../../../shared/domain/ticket';
import type { ActorRole, LifecycleAction, TransitionInput } from '../../../shared/lifecycle/actions';
import { allowedActions, applyTransition, checkVersion } from '../../../shared/lifecycle/apply';
import type { TicketDraft } from '../../../shared/lifecycle/draft';
import { DomainError } from '../../../shared/lifecycle/errors';
import {
  AT,
  GRID,
  HERE,
  LATER,
  REPORTER,
  STREET,
  UNIT_CO,
  UNIT_LEAD,
  UNIT_OTHER,
  UNIT_POLICE,
  actorAs,
  baseTicket,
  command,
  draft,
  prepared,
  ticketIn,
} from './fixtures';

function step(
  ticket: Ticket | TicketDraft,
  action: LifecycleAction,
  role: ActorRole,
  input?: TransitionInput,
  seq = 2,
  unitId?: string,
): { ticket: Ticket; event: TicketEvent } {
  const cmd = command(action, role, input);
  if (unitId) cmd.actor = { ...cmd.actor, unitId };
  return applyTransition(ticket, cmd, { eventId: `ev-${seq}`, seq });
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('happy path: submit → accept → whistle → acknowledge → arrive → resolve → verify → confirm → rate', () => {
  const path: [LifecycleAction, ActorRole, TicketState, Holder][] = [
    ['submit', 'resident', 'submitted', { kind: 'grid', ids: [GRID] }],
    ['accept', 'grid', 'accepted', { kind: 'grid', ids: [GRID] }],
    ['whistle', 'grid', 'whistled', { kind: 'units', ids: [UNIT_LEAD] }],
    ['acknowledge', 'department', 'acknowledged', { kind: 'units', ids: [UNIT_LEAD] }],
    ['arrive', 'department', 'on_site', { kind: 'units', ids: [UNIT_LEAD] }],
    ['resolve', 'department', 'resolved', { kind: 'grid', ids: [GRID] }],
    ['verify', 'grid', 'verified', { kind: 'resident', ids: [REPORTER] }],
    ['confirm', 'resident', 'closed', { kind: 'none', ids: [] }],
    ['rate', 'resident', 'closed', { kind: 'none', ids: [] }],
  ];
  let ticket: Ticket | TicketDraft = draft();
  const events: TicketEvent[] = [];
  for (const [i, [action, role, state, holder]] of path.entries()) {
    it(`${i + 1}. ${action} by ${role} → ${state}, held by ${holder.kind}`, () => {
      const r = step(ticket, action, role, undefined, i + 1);
      expect(r.ticket.state).toBe(state);
      expect(r.ticket.holder).toEqual(holder);
      expect(r.ticket.version).toBe(i + 1);
      expect(r.event.from).toBe(i === 0 ? null : events[i - 1]?.to);
      ticket = r.ticket;
      events.push(r.event);
    });
  }

  it('numbers the events 1..9 and chains from/to', () => {
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(events.map((e) => e.action)).toEqual(path.map((p) => p[0]));
    for (let i = 1; i < events.length; i++) expect(events[i]?.from).toBe(events[i - 1]?.to);
  });

  it('leaves the ticket closed, rated, resolved by the lead unit', () => {
    const t = ticket as Ticket;
    expect(t).toMatchObject({ state: 'closed', closedAt: AT, resolvedBy: UNIT_LEAD, assignedUnits: [UNIT_LEAD], acknowledgedUnits: [UNIT_LEAD] });
    expect(t.rating).toEqual({ score: 4, fixed: true, comment: '处理及时', at: AT });
    expect(t.afterPhotos).toEqual(['file-after-2']);
  });
});

describe('submit', () => {
  it('turns a draft into version 1 with times set and records the report on the event', () => {
    const { ticket, event } = step(draft(), 'submit', 'resident', {}, 1);
    expect(ticket).toMatchObject({ state: 'submitted', version: 1, createdAt: AT, updatedAt: AT, closedAt: null });
    expect(event).toEqual({
      id: 'ev-1',
      ticketId: 't-1',
      seq: 1,
      at: AT,
      actor: actorAs('resident'),
      action: 'submit',
      from: null,
      to: 'submitted',
      note: '消防通道旁车辆长期乱停',
      photos: ['file-before-1'],
      location: HERE,
    });
  });

  it('goes to the street when the estate has no grid', () => {
    const d = { ...draft(), gridId: null };
    expect(step(d, 'submit', 'resident', {}, 1).ticket.holder).toEqual({ kind: 'street', ids: [STREET] });
  });

  it('does not change the input ticket', () => {
    const before = ticketIn('submitted') as Ticket;
    const copy = JSON.parse(JSON.stringify(before)) as Ticket;
    step(before, 'whistle', 'grid');
    expect(before).toEqual(copy);
  });
});

describe('effects and holders', () => {
  it('reject: rejected, nobody holds it, reason recorded', () => {
    const { ticket, event } = step(ticketIn('accepted'), 'reject', 'street', { reason: '重复投诉' });
    expect(ticket.holder).toEqual({ kind: 'none', ids: [] });
    expect(event.note).toBe('重复投诉');
    expect(event.payload).toEqual({ reason: '重复投诉' });
  });

  it('appeal: back to submitted, once per ticket', () => {
    const { ticket } = step(ticketIn('rejected'), 'appeal', 'resident', { reason: '请复查' });
    expect(ticket).toMatchObject({ state: 'submitted', appealed: true, holder: { kind: 'grid', ids: [GRID] } });
    const again = step(ticket, 'reject', 'grid', { reason: '仍不属实' }).ticket;
    expect(codeOf(() => step(again, 'appeal', 'resident', { reason: '再申诉' }))).toBe('TICKET.APPEAL_USED');
  });

  it('merge: records the original ticket', () => {
    const { ticket, event } = step(ticketIn('submitted'), 'merge', 'grid', { duplicateOf: ' t-0 ' });
    expect(ticket).toMatchObject({ state: 'merged', mergedInto: 't-0', holder: { kind: 'none', ids: [] } });
    expect(event.payload).toEqual({ duplicateOf: 't-0' });
  });

  it('handle: by the property company, held by the grid, who handled it recorded', () => {
    const { ticket, event } = step(ticketIn('accepted'), 'handle', 'property');
    expect(ticket.holder).toEqual({ kind: 'grid', ids: [GRID] });
    expect(event.payload).toMatchObject({ handledBy: 'property' });
  });

  it('settle: verified, resident holds it, photos and check-in on the event, no resolving unit', () => {
    const { ticket, event } = step(ticketIn('reopened'), 'settle', 'grid', {
      photos: ['a1', 'a1', ' '],
      note: '已处理',
      location: { lat: 38.2745, lng: 106.23 },
      reason: '车辆已移至路口',
    });
    expect(ticket).toMatchObject({ state: 'verified', resolvedBy: null, afterPhotos: ['a1'], holder: { kind: 'resident', ids: [REPORTER] } });
    expect(event.photos).toEqual(['a1']);
    expect(event.location).toEqual({ lat: 38.2745, lng: 106.23 });
    // computed from the two points when the caller gave none: ~500 m
    expect(event.payload?.distanceMeters).toBeGreaterThan(480);
    expect(event.payload?.distanceMeters).toBeLessThan(520);
    expect(event.payload?.reason).toBe('车辆已移至路口');
  });

  it('whistle: assigns the units, clears earlier reports, keeps the previous units on the event', () => {
    const { ticket, event } = step(ticketIn('reopened'), 'whistle', 'grid', { units: [UNIT_OTHER, UNIT_CO], reason: '改由市场监管与住建处理' });
    expect(ticket).toMatchObject({ assignedUnits: [UNIT_OTHER, UNIT_CO], acknowledgedUnits: [], holder: { kind: 'units', ids: [UNIT_OTHER, UNIT_CO] } });
    expect(event.payload).toEqual({ units: [UNIT_OTHER, UNIT_CO], reason: '改由市场监管与住建处理', previousUnits: [UNIT_LEAD] });
  });

  it('acknowledge: a second unit reports in and the state stays acknowledged', () => {
    const first = step(ticketIn('whistled', { assignedUnits: [UNIT_LEAD, UNIT_CO] }), 'acknowledge', 'department', { officerName: '王强' }, 3).ticket;
    const { ticket, event } = step(first, 'acknowledge', 'police', { officerName: '李警官' }, 4, UNIT_CO);
    expect(ticket.acknowledgedUnits).toEqual([UNIT_LEAD, UNIT_CO]);
    expect(event).toMatchObject({ from: 'acknowledged', to: 'acknowledged', payload: { officerName: '李警官', unitId: UNIT_CO } });
    expect(ticket.holder).toEqual({ kind: 'units', ids: [UNIT_LEAD, UNIT_CO] });
  });

  it('resolve: the resolving unit is recorded and the grid holds it to verify', () => {
    const { ticket, event } = step(ticketIn('on_site'), 'resolve', 'department');
    expect(ticket).toMatchObject({ resolvedBy: UNIT_LEAD, afterPhotos: ['file-after-2'], holder: { kind: 'grid', ids: [GRID] } });
    expect(event).toMatchObject({ note: '已贴单并拖移车辆', photos: ['file-after-2'], payload: { unitId: UNIT_LEAD } });
  });

  it('return: goes to the street with the reason code', () => {
    const { ticket, event } = step(ticketIn('whistled'), 'return', 'department', { reasonCode: 'wrong-address', reason: '不在本辖区' });
    expect(ticket.holder).toEqual({ kind: 'street', ids: [STREET] });
    expect(event.payload).toEqual({ reasonCode: 'wrong-address', reason: '不在本辖区', unitId: UNIT_LEAD });
  });

  it('reroute: whistled to the new units; a new route replaces the frozen one', () => {
    const route = { lead: [{ id: UNIT_OTHER, name: '县市场监管局' }], responsible: [], basis: [] };
    const { ticket, event } = step(ticketIn('returned'), 'reroute', 'street', { units: [UNIT_OTHER], reason: '改派', route });
    expect(ticket).toMatchObject({ state: 'whistled', assignedUnits: [UNIT_OTHER], route, holder: { kind: 'units', ids: [UNIT_OTHER] } });
    expect(event.payload).toMatchObject({ previousUnits: [UNIT_LEAD], route });
  });

  it('extension: request sets the pending request, approval clears it and records it for the deadline', () => {
    const requested = step(ticketIn('on_site'), 'request-extension', 'department', { until: LATER, reason: '需协调' }, 3);
    expect(requested.ticket.pendingExtension).toEqual({ unitId: UNIT_LEAD, until: LATER, reason: '需协调', requestedAt: AT });
    expect(requested.ticket.state).toBe('on_site');
    expect(requested.ticket.holder).toEqual(ticketIn('on_site').holder);
    const approved = step(requested.ticket, 'approve-extension', 'street', {}, 4);
    expect(approved.ticket.pendingExtension).toBeNull();
    expect(approved.event.payload).toEqual({ extension: { unitId: UNIT_LEAD, until: LATER, reason: '需协调', requestedAt: AT } });
    expect(approved.ticket.deadlines).toEqual(requested.ticket.deadlines);
  });

  it('refuse-extension clears the request too', () => {
    const { ticket } = step(prepared('refuse-extension', 'acknowledged'), 'refuse-extension', 'street');
    expect(ticket.pendingExtension).toBeNull();
  });

  it('verify-fail: back to acknowledged, held by the unit that resolved it only', () => {
    const t = ticketIn('resolved', { assignedUnits: [UNIT_CO, UNIT_LEAD], resolvedBy: UNIT_LEAD });
    const { ticket } = step(t, 'verify-fail', 'grid', { reason: '未整改到位' });
    expect(ticket).toMatchObject({ state: 'acknowledged', afterPhotos: [], holder: { kind: 'units', ids: [UNIT_LEAD] } });
  });

  it('auto-close: closed by the system', () => {
    const { ticket, event } = applyTransition(ticketIn('resolved'), { action: 'auto-close', actor: actorAs('system'), at: AT }, { eventId: 'e', seq: 9 });
    expect(ticket).toMatchObject({ state: 'closed', closedAt: AT, holder: { kind: 'none', ids: [] } });
    expect(event.actor).toEqual({ userId: 'system', role: 'system' });
  });

  it('reopen: back to the unit that resolved it, closedAt cleared', () => {
    const { ticket } = step(ticketIn('closed'), 'reopen', 'resident');
    expect(ticket).toMatchObject({ state: 'reopened', closedAt: null, afterPhotos: [], holder: { kind: 'units', ids: [UNIT_LEAD] } });
  });

  it('reopen: back to the grid when the grid settled it', () => {
    const settled = step(ticketIn('accepted'), 'settle', 'grid', undefined, 3).ticket;
    const { ticket } = step(settled, 'reopen', 'resident', undefined, 4);
    expect(ticket.holder).toEqual({ kind: 'grid', ids: [GRID] });
    expect(ticket.resolvedBy).toBeNull();
  });

  it('rate: once', () => {
    const rated = step(ticketIn('closed'), 'rate', 'resident', { score: 2, fixed: false }).ticket;
    expect(rated.rating).toEqual({ score: 2, fixed: false, at: AT });
    expect(codeOf(() => step(rated, 'rate', 'resident', { score: 5, fixed: true }, 3))).toBe('TICKET.ALREADY_RATED');
  });

  it.each(['supervise', 'escalate', 'mark-overdue', 'reply'] as const)('%s moves nothing (state and holder kept)', (action) => {
    const before = ticketIn('acknowledged') as Ticket;
    const role: ActorRole = action === 'supervise' ? 'leadership' : action === 'reply' ? 'police' : 'system';
    const { ticket, event } = step(before, action, role);
    expect(ticket.state).toBe('acknowledged');
    expect(ticket.holder).toEqual(before.holder);
    expect(ticket.assignedUnits).toEqual(before.assignedUnits);
    expect(event).toMatchObject({ from: 'acknowledged', to: 'acknowledged', action });
  });

  it('escalate: one level at a time by default, recorded on the ticket and the event', () => {
    const one = step(ticketIn('whistled'), 'escalate', 'system', { step: 'ack' }).ticket;
    expect(one.escalation).toBe(1);
    const two = step(one, 'escalate', 'street', { note: '多次催办未报到' }, 3);
    expect(two.ticket.escalation).toBe(2);
    expect(two.event.payload).toEqual({ level: 2 });
    expect(two.event.note).toBe('多次催办未报到');
  });

  it('mark-overdue records the missed step only', () => {
    const { ticket, event } = step(ticketIn('whistled'), 'mark-overdue', 'system', { step: 'ack' });
    expect(event.payload).toEqual({ step: 'ack' });
    expect(ticket.escalation).toBe(0);
  });

  it('claim: the police station becomes a handler that has reported in', () => {
    const { ticket, event } = step(ticketIn('whistled'), 'claim', 'police');
    expect(ticket).toMatchObject({
      state: 'acknowledged',
      claimedBy: UNIT_POLICE,
      assignedUnits: [UNIT_LEAD, UNIT_POLICE],
      acknowledgedUnits: [UNIT_POLICE],
      holder: { kind: 'units', ids: [UNIT_LEAD, UNIT_POLICE] },
    });
    expect(event.payload).toEqual({ officerName: '李警官', unitId: UNIT_POLICE });
  });

  it('mediate: parties are stored masked', () => {
    const { event } = step(ticketIn('on_site'), 'mediate', 'police', { parties: ['张三', '欧阳娜娜'], outcome: 'agreed', agreement: '互相让位' });
    expect(event.payload).toEqual({ parties: ['张*', '欧***'], outcome: 'agreed', agreement: '互相让位', unitId: UNIT_LEAD });
    expect(JSON.stringify(event)).not.toContain('张三');
  });

  it('handover: whistled to the new units', () => {
    const { ticket } = step(ticketIn('acknowledged'), 'handover', 'police', { units: [UNIT_OTHER], reason: '属市场监管' });
    expect(ticket).toMatchObject({ state: 'whistled', assignedUnits: [UNIT_OTHER], acknowledgedUnits: [], holder: { kind: 'units', ids: [UNIT_OTHER] } });
  });

  it('returned tickets without a street go to the leadership office', () => {
    const { ticket } = step(ticketIn('whistled', { streetId: null }), 'return', 'department');
    expect(ticket.holder).toEqual({ kind: 'leadership', ids: ['yongning'] });
  });
});

describe('checkVersion', () => {
  it('passes on the current version', () => {
    expect(() => checkVersion(baseTicket({ version: 4 }), 4)).not.toThrow();
  });

  it('throws TICKET.VERSION_CONFLICT on a stale version', () => {
    expect(codeOf(() => checkVersion(baseTicket({ version: 4 }), 3))).toBe('TICKET.VERSION_CONFLICT');
    expect(codeOf(() => checkVersion(baseTicket({ version: 4 }), 5))).toBe('TICKET.VERSION_CONFLICT');
  });

  it('a ticket changed by another step no longer matches the version the client read', () => {
    const read = ticketIn('submitted') as Ticket;
    const changed = step(read, 'accept', 'grid').ticket;
    expect(codeOf(() => checkVersion(changed, read.version))).toBe('TICKET.VERSION_CONFLICT');
  });
});

describe('allowedActions', () => {
  it('lists the grid worker actions on a submitted ticket', () => {
    expect(allowedActions(ticketIn('submitted'), 'grid').sort()).toEqual(['accept', 'merge', 'reject', 'whistle'].sort());
  });

  it('lists submit for a resident on a draft and nothing for admin anywhere', () => {
    expect(allowedActions(draft(), 'resident')).toEqual(['submit']);
    for (const state of ['submitted', 'acknowledged', 'resolved', 'closed'] as const) expect(allowedActions(ticketIn(state), 'admin')).toEqual([]);
  });

  it('hides appeal once used and rate once rated', () => {
    expect(allowedActions(ticketIn('rejected'), 'resident')).toEqual(['appeal']);
    expect(allowedActions(ticketIn('rejected', { appealed: true }), 'resident')).toEqual([]);
    expect(allowedActions(ticketIn('closed'), 'resident').sort()).toEqual(['rate', 'reopen']);
    expect(allowedActions(ticketIn('closed', { rating: { score: 5, fixed: true, at: AT } }), 'resident')).toEqual(['reopen']);
  });

  it('offers extension decisions to the street only while a request is pending', () => {
    expect(allowedActions(ticketIn('on_site'), 'street')).not.toContain('approve-extension');
    expect(allowedActions(prepared('approve-extension', 'on_site'), 'street')).toEqual(
      expect.arrayContaining(['approve-extension', 'refuse-extension', 'supervise', 'escalate']),
    );
  });

  it('evaluates unit checks when the unit is given', () => {
    const t = ticketIn('whistled');
    expect(allowedActions(t, 'department', { unitId: UNIT_LEAD }).sort()).toEqual(['acknowledge', 'return']);
    expect(allowedActions(t, 'department', { unitId: UNIT_OTHER })).toEqual([]);
    expect(allowedActions(t, 'department').sort()).toEqual(['acknowledge', 'return']);
  });

  it('drops escalate at the top level', () => {
    expect(allowedActions(ticketIn('whistled', { escalation: 2 }), 'system')).toEqual(['mark-overdue']);
  });
});
