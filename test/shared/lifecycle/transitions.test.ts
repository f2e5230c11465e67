import { TICKET_STATES, type Ticket, type TicketState } from '../../../shared/domain/ticket';
import { LIFECYCLE_ACTIONS, type ActorRole, type LifecycleAction, type TransitionInput } from '../../../shared/lifecycle/actions';
import { applyTransition, type TransitionCommand } from '../../../shared/lifecycle/apply';
import type { TicketDraft } from '../../../shared/lifecycle/draft';
import { DomainError } from '../../../shared/lifecycle/errors';
import { OPEN_STATES, TRANSITIONS } from '../../../shared/lifecycle/transitions';
import { AT, command, HUMAN_ROLES, prepared, ticketIn, UNIT_CO, UNIT_LEAD, UNIT_OTHER, VALID_INPUT, actorAs } from './fixtures';

const FIELD: ActorRole[] = ['grid', 'street'];
const UNIT: ActorRole[] = ['department', 'police'];
const OPEN: TicketState[] = ['submitted', 'accepted', 'handling', 'whistled', 'acknowledged', 'on_site', 'resolved', 'verified', 'reopened', 'returned'];

/** The specification, written out independently of shared/lifecycle/transitions.ts. */
const SPEC: Record<LifecycleAction, { from: (TicketState | null)[]; to: TicketState | 'same'; roles: ActorRole[] }> = {
  submit: { from: [null], to: 'submitted', roles: ['resident'] },
  accept: { from: ['submitted'], to: 'accepted', roles: FIELD },
  reject: { from: ['submitted', 'accepted'], to: 'rejected', roles: FIELD },
  appeal: { from: ['rejected'], to: 'submitted', roles: ['resident'] },
  merge: { from: ['submitted', 'accepted'], to: 'merged', roles: FIELD },
  handle: { from: ['accepted'], to: 'handling', roles: ['grid', 'street', 'property'] },
  settle: { from: ['accepted', 'handling', 'reopened'], to: 'verified', roles: FIELD },
  whistle: { from: ['submitted', 'accepted', 'handling', 'reopened'], to: 'whistled', roles: FIELD },
  acknowledge: { from: ['whistled', 'acknowledged'], to: 'acknowledged', roles: UNIT },
  arrive: { from: ['acknowledged'], to: 'on_site', roles: UNIT },
  resolve: { from: ['acknowledged', 'on_site', 'reopened'], to: 'resolved', roles: UNIT },
  return: { from: ['whistled', 'acknowledged'], to: 'returned', roles: UNIT },
  reroute: { from: ['returned'], to: 'whistled', roles: ['street'] },
  'request-extension': { from: ['acknowledged', 'on_site'], to: 'same', roles: UNIT },
  'approve-extension': { from: ['acknowledged', 'on_site'], to: 'same', roles: ['street'] },
  'refuse-extension': { from: ['acknowledged', 'on_site'], to: 'same', roles: ['street'] },
  verify: { from: ['resolved'], to: 'verified', roles: FIELD },
  'verify-fail': { from: ['resolved'], to: 'acknowledged', roles: FIELD },
  confirm: { from: ['resolved', 'verified'], to: 'closed', roles: ['resident'] },
  'auto-close': { from: ['resolved', 'verified'], to: 'closed', roles: ['system'] },
  reopen: { from: ['resolved', 'verified', 'closed'], to: 'reopened', roles: ['resident'] },
  rate: { from: ['closed'], to: 'same', roles: ['resident'] },
  // 12345 催办、督办 (004 三(一)3: "…工单的催办、督办和统计分析工作"), issue 20 §6.
  supervise: { from: OPEN, to: 'same', roles: ['street', 'leadership', 'hotline'] },
  escalate: { from: OPEN, to: 'same', roles: ['system', 'street'] },
  'mark-overdue': { from: OPEN, to: 'same', roles: ['system'] },
  claim: { from: ['submitted', 'accepted', 'whistled'], to: 'acknowledged', roles: ['police'] },
  reply: { from: OPEN, to: 'same', roles: ['police'] },
  mediate: { from: ['acknowledged', 'on_site'], to: 'same', roles: ['police'] },
  handover: { from: ['acknowledged', 'on_site'], to: 'whistled', roles: ['police'] },
};

const ALL_STATES: (TicketState | null)[] = [null, ...TICKET_STATES];
const ALL_ACTORS: ActorRole[] = [...HUMAN_ROLES, 'system'];

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('transition table (DESIGN.md §6)', () => {
  it('has a row for exactly the 29 actions other modules rely on', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...LIFECYCLE_ACTIONS].sort());
    expect(LIFECYCLE_ACTIONS).toHaveLength(29);
  });

  it('counts closed, rejected and merged as the only non-open states', () => {
    expect([...OPEN_STATES].sort()).toEqual([...OPEN].sort());
  });

  it.each(LIFECYCLE_ACTIONS.map((a) => [a]))('row %s matches the specification', (action) => {
    const rule = TRANSITIONS[action];
    expect([...rule.from].sort()).toEqual([...SPEC[action].from].sort());
    expect(rule.to).toBe(SPEC[action].to);
    expect([...rule.roles].sort()).toEqual([...SPEC[action].roles].sort());
  });

  it('gives admin no lifecycle action', () => {
    expect(Object.values(TRANSITIONS).filter((r) => r.roles.includes('admin'))).toEqual([]);
  });
});

const LEGAL = LIFECYCLE_ACTIONS.flatMap((action) =>
  SPEC[action].from.flatMap((from) => SPEC[action].roles.map((role) => [action, from, role] as const)),
);

describe('every legal (action, from-state, role)', () => {
  it.each(LEGAL)('%s from %s by %s', (action, from, role) => {
    const before = prepared(action, from);
    const { ticket, event } = applyTransition(before, command(action, role), { eventId: 'ev-x', seq: 7 });
    const expectedTo = SPEC[action].to === 'same' ? from : SPEC[action].to;
    expect(ticket.state).toBe(expectedTo);
    expect(ticket.version).toBe(before.version + 1);
    expect(ticket.updatedAt).toBe(AT);
    expect(event).toMatchObject({ id: 'ev-x', ticketId: before.id, seq: 7, at: AT, action, from, to: expectedTo });
    expect(event.actor.role).toBe(role);
    // deadlines belong to the use case
    expect(ticket.deadlines).toEqual(before.deadlines);
  });
});

const ILLEGAL = LIFECYCLE_ACTIONS.flatMap((action) =>
  ALL_STATES.filter((s) => !SPEC[action].from.includes(s)).map((state) => [action, state] as const),
);

describe('every illegal (state, action) pair', () => {
  it('is the complement of the legal pairs', () => {
    expect(ILLEGAL.length + LIFECYCLE_ACTIONS.reduce((n, a) => n + SPEC[a].from.length, 0)).toBe(LIFECYCLE_ACTIONS.length * ALL_STATES.length);
  });

  it.each(ILLEGAL)('%s from %s → TICKET.INVALID_TRANSITION', (action, state) => {
    const role = SPEC[action].roles[0] as ActorRole;
    expect(codeOf(() => applyTransition(prepared(action, state), command(action, role), { eventId: 'e', seq: 2 }))).toBe('TICKET.INVALID_TRANSITION');
  });

  it('rejects an unknown action the same way', () => {
    const cmd = { ...command('accept', 'grid'), action: 'teleport' } as unknown as TransitionCommand;
    expect(codeOf(() => applyTransition(ticketIn('submitted'), cmd, { eventId: 'e', seq: 2 }))).toBe('TICKET.INVALID_TRANSITION');
  });
});

const WRONG_ROLES = LIFECYCLE_ACTIONS.flatMap((action) =>
  ALL_ACTORS.filter((r) => !SPEC[action].roles.includes(r)).map((role) => [action, role] as const),
);

describe('role restrictions', () => {
  it.each(WRONG_ROLES)('%s by %s → TICKET.FORBIDDEN_ROLE', (action, role) => {
    const from = SPEC[action].from[0] as TicketState | null;
    expect(codeOf(() => applyTransition(prepared(action, from), command(action, role), { eventId: 'e', seq: 2 }))).toBe('TICKET.FORBIDDEN_ROLE');
  });
});

interface Case {
  ticket: Ticket | TicketDraft;
  cmd: TransitionCommand;
}

function valid(action: LifecycleAction, from?: TicketState): Case {
  const state = from ?? (SPEC[action].from[0] as TicketState | null);
  return { ticket: prepared(action, state), cmd: command(action, SPEC[action].roles[0] as ActorRole) };
}
const withInput = (c: Case, patch: Partial<Record<keyof TransitionInput, unknown>>): Case => ({
  ...c,
  cmd: { ...c.cmd, input: { ...c.cmd.input, ...patch } as TransitionInput },
});
const without = (c: Case, key: keyof TransitionInput): Case => {
  const input = { ...c.cmd.input };
  delete input[key];
  return { ...c, cmd: { ...c.cmd, input } };
};
const withTicket = (c: Case, patch: Partial<Ticket>): Case => ({ ...c, ticket: { ...c.ticket, ...patch } as Ticket });
const withUnit = (c: Case, unitId: string | undefined): Case => {
  const { unitId: _drop, ...actor } = c.cmd.actor;
  return { ...c, cmd: { ...c.cmd, actor: unitId ? { ...actor, unitId } : actor } };
};

const REQUIREMENT_CASES: [LifecycleAction, string, string, Case][] = [
  ['reject', 'no reason', 'TICKET.MISSING_REASON', without(valid('reject'), 'reason')],
  ['reject', 'blank reason', 'TICKET.MISSING_REASON', withInput(valid('reject'), { reason: '   ' })],
  ['appeal', 'no reason', 'TICKET.MISSING_REASON', without(valid('appeal'), 'reason')],
  ['appeal', 'second appeal', 'TICKET.APPEAL_USED', withTicket(valid('appeal'), { appealed: true })],
  ['merge', 'no duplicateOf', 'TICKET.MISSING_DUPLICATE', without(valid('merge'), 'duplicateOf')],
  ['merge', 'merged into itself', 'TICKET.INVALID_DUPLICATE', withInput(valid('merge'), { duplicateOf: 't-1' })],
  ['settle', 'no after-photos', 'TICKET.MISSING_PHOTOS', withInput(valid('settle'), { photos: [] })],
  ['settle', 'no note', 'TICKET.MISSING_NOTE', without(valid('settle'), 'note')],
  ['settle', 'no check-in', 'TICKET.MISSING_LOCATION', without(without(valid('settle'), 'location'), 'distanceMeters')],
  ['settle', 'check-in 201 m away without reason', 'TICKET.MISSING_REASON', withInput(valid('settle'), { distanceMeters: 201 })],
  [
    'settle',
    'check-in far away (computed) without reason',
    'TICKET.MISSING_REASON',
    without(withInput(valid('settle'), { location: { lat: 38.28, lng: 106.23 } }), 'distanceMeters'),
  ],
  ['whistle', 'no units', 'TICKET.MISSING_UNITS', withInput(valid('whistle'), { units: [] })],
  ['whistle', 'units differ from the lead, no reason', 'TICKET.MISSING_REASON', withInput(valid('whistle'), { units: [UNIT_LEAD, UNIT_OTHER] })],
  ['acknowledge', 'no officer name', 'TICKET.MISSING_OFFICER', without(valid('acknowledge'), 'officerName')],
  ['acknowledge', 'actor without unit', 'TICKET.MISSING_UNIT', withUnit(valid('acknowledge'), undefined)],
  ['acknowledge', 'unit not assigned', 'TICKET.UNIT_NOT_ASSIGNED', withUnit(valid('acknowledge'), UNIT_OTHER)],
  ['acknowledge', 'unit already reported in', 'TICKET.ALREADY_ACKNOWLEDGED', withTicket(valid('acknowledge'), { acknowledgedUnits: [UNIT_LEAD] })],
  ['arrive', 'no location', 'TICKET.MISSING_LOCATION', without(valid('arrive'), 'location')],
  ['arrive', 'check-in 201 m away without reason', 'TICKET.MISSING_REASON', withInput(valid('arrive'), { distanceMeters: 201 })],
  ['arrive', 'check-in far away (computed) without reason', 'TICKET.MISSING_REASON', withInput(valid('arrive'), { location: { lat: 38.28, lng: 106.23 } })],
  ['arrive', 'actor without unit', 'TICKET.MISSING_UNIT', withUnit(valid('arrive'), undefined)],
  ['arrive', 'unit not assigned', 'TICKET.UNIT_NOT_ASSIGNED', withUnit(valid('arrive'), UNIT_OTHER)],
  [
    'arrive',
    'unit did not report in',
    'TICKET.NOT_ACKNOWLEDGED',
    withTicket(valid('arrive'), { assignedUnits: [UNIT_LEAD, UNIT_CO], acknowledgedUnits: [UNIT_CO] }),
  ],
  ['resolve', 'no after-photos', 'TICKET.MISSING_PHOTOS', without(valid('resolve'), 'photos')],
  ['resolve', 'no note', 'TICKET.MISSING_NOTE', without(valid('resolve'), 'note')],
  ['resolve', 'actor without unit', 'TICKET.MISSING_UNIT', withUnit(valid('resolve'), undefined)],
  ['resolve', 'unit not assigned', 'TICKET.UNIT_NOT_ASSIGNED', withUnit(valid('resolve'), UNIT_OTHER)],
  [
    'resolve',
    'reopened ticket resolved by another assigned unit',
    'TICKET.UNIT_NOT_ASSIGNED',
    withTicket(valid('resolve', 'reopened'), { assignedUnits: [UNIT_LEAD, UNIT_CO], resolvedBy: UNIT_CO }),
  ],
  ['return', 'no reason code', 'TICKET.INVALID_REASON_CODE', without(valid('return'), 'reasonCode')],
  ['return', 'unknown reason code', 'TICKET.INVALID_REASON_CODE', withInput(valid('return'), { reasonCode: 'lazy' })],
  ['return', 'no reason text', 'TICKET.MISSING_REASON', without(valid('return'), 'reason')],
  ['return', 'actor without unit', 'TICKET.MISSING_UNIT', withUnit(valid('return'), undefined)],
  ['return', 'unit not assigned', 'TICKET.UNIT_NOT_ASSIGNED', withUnit(valid('return'), UNIT_OTHER)],
  ['reroute', 'no units', 'TICKET.MISSING_UNITS', without(valid('reroute'), 'units')],
  ['reroute', 'no reason', 'TICKET.MISSING_REASON', without(valid('reroute'), 'reason')],
  ['request-extension', 'until not after now', 'TICKET.INVALID_UNTIL', withInput(valid('request-extension'), { until: AT })],
  ['request-extension', 'until not a date', 'TICKET.INVALID_UNTIL', withInput(valid('request-extension'), { until: 'next week' })],
  ['request-extension', 'no reason', 'TICKET.MISSING_REASON', without(valid('request-extension'), 'reason')],
  [
    'request-extension',
    'a request is already pending',
    'TICKET.EXTENSION_PENDING',
    withTicket(valid('request-extension'), { pendingExtension: { unitId: UNIT_LEAD, until: '2026-03-09T00:00:00.000Z', reason: 'x', requestedAt: AT } }),
  ],
  ['request-extension', 'actor without unit', 'TICKET.MISSING_UNIT', withUnit(valid('request-extension'), undefined)],
  ['request-extension', 'unit not assigned', 'TICKET.UNIT_NOT_ASSIGNED', withUnit(valid('request-extension'), UNIT_OTHER)],
  ['request-extension', 'unit has not reported in', 'TICKET.NOT_ACKNOWLEDGED', withTicket(valid('request-extension'), { acknowledgedUnits: [] })],
  ['approve-extension', 'nothing pending', 'TICKET.NO_PENDING_EXTENSION', withTicket(valid('approve-extension'), { pendingExtension: null })],
  ['refuse-extension', 'nothing pending', 'TICKET.NO_PENDING_EXTENSION', withTicket(valid('refuse-extension'), { pendingExtension: null })],
  ['refuse-extension', 'no reason', 'TICKET.MISSING_REASON', without(valid('refuse-extension'), 'reason')],
  ['verify-fail', 'no reason', 'TICKET.MISSING_REASON', without(valid('verify-fail'), 'reason')],
  ['reopen', 'window closed', 'TICKET.WINDOW_CLOSED', withInput(valid('reopen'), { withinWindow: false })],
  ['reopen', 'window not stated', 'TICKET.WINDOW_CLOSED', without(valid('reopen'), 'withinWindow')],
  ['reopen', 'no reason', 'TICKET.MISSING_REASON', without(valid('reopen'), 'reason')],
  ['rate', 'score 0', 'TICKET.INVALID_RATING', withInput(valid('rate'), { score: 0 })],
  ['rate', 'score 6', 'TICKET.INVALID_RATING', withInput(valid('rate'), { score: 6 })],
  ['rate', 'score 3.5', 'TICKET.INVALID_RATING', withInput(valid('rate'), { score: 3.5 })],
  ['rate', 'fixed not stated', 'TICKET.INVALID_RATING', without(valid('rate'), 'fixed')],
  ['rate', 'already rated', 'TICKET.ALREADY_RATED', withTicket(valid('rate'), { rating: { score: 5, fixed: true, at: AT } })],
  ['supervise', 'no note', 'TICKET.MISSING_NOTE', without(valid('supervise'), 'note')],
  ['escalate', 'already at the top', 'TICKET.ALREADY_ESCALATED', withTicket(valid('escalate'), { escalation: 2 })],
  ['escalate', 'to the level it is at', 'TICKET.ALREADY_ESCALATED', withInput(withTicket(valid('escalate'), { escalation: 1 }), { level: 1 })],
  ['mark-overdue', 'no step', 'TICKET.INVALID_STEP', without(valid('mark-overdue'), 'step')],
  ['mark-overdue', 'unknown step', 'TICKET.INVALID_STEP', withInput(valid('mark-overdue'), { step: 'lunch' })],
  ['claim', 'no officer name', 'TICKET.MISSING_OFFICER', without(valid('claim'), 'officerName')],
  ['claim', 'actor without unit', 'TICKET.MISSING_UNIT', withUnit(valid('claim'), undefined)],
  ['reply', 'no reply text', 'TICKET.MISSING_NOTE', withInput(valid('reply'), { reply: ' ' })],
  ['mediate', 'no parties', 'TICKET.MISSING_MEDIATION', withInput(valid('mediate'), { parties: [] })],
  ['mediate', 'unknown outcome', 'TICKET.MISSING_MEDIATION', withInput(valid('mediate'), { outcome: 'shrug' })],
  ['mediate', 'agreed without agreement text', 'TICKET.MISSING_MEDIATION', without(valid('mediate'), 'agreement')],
  ['mediate', 'actor without unit', 'TICKET.MISSING_UNIT', withUnit(valid('mediate'), undefined)],
  ['mediate', 'unit not assigned', 'TICKET.UNIT_NOT_ASSIGNED', withUnit(valid('mediate'), UNIT_OTHER)],
  ['handover', 'no units', 'TICKET.MISSING_UNITS', withInput(valid('handover'), { units: [' '] })],
  ['handover', 'no reason', 'TICKET.MISSING_REASON', without(valid('handover'), 'reason')],
  ['handover', 'actor without unit', 'TICKET.MISSING_UNIT', withUnit(valid('handover'), undefined)],
  ['handover', 'unit not assigned', 'TICKET.UNIT_NOT_ASSIGNED', withUnit(valid('handover'), UNIT_OTHER)],
];

describe('requirements', () => {
  it.each(REQUIREMENT_CASES)('%s with %s → %s', (_action, _what, code, c) => {
    expect(codeOf(() => applyTransition(c.ticket, c.cmd, { eventId: 'e', seq: 2 }))).toBe(code);
  });

  it('exercises every requirement named in the table', () => {
    const hit = new Set<string>();
    for (const [action, , , c] of REQUIREMENT_CASES) {
      try {
        applyTransition(c.ticket, c.cmd, { eventId: 'e', seq: 2 });
      } catch (e) {
        if (e instanceof DomainError) hit.add(`${action}:${String(e.details?.check)}`);
      }
    }
    const named = Object.values(TRANSITIONS).flatMap((r) => r.requires.map((check) => `${r.action}:${check}`));
    expect(named.filter((k) => !hit.has(k))).toEqual([]);
  });

  it.each([
    ['settle far away with a reason', withInput(valid('settle'), { distanceMeters: 850, reason: '车主已驶离，在物业办公室处理' })],
    ['settle at exactly 200 m', withInput(valid('settle'), { distanceMeters: 200 })],
    ['arrive far away with a reason', withInput(valid('arrive'), { distanceMeters: 850, reason: '现场无信号，在小区门口打卡' })],
    ['settle on a ticket without location and no distance', without(withTicket(valid('settle'), { location: null }), 'distanceMeters')],
    ['whistle to other units with a reason', withInput(valid('whistle'), { units: [UNIT_OTHER], reason: '该车辆停在市政道路' })],
    ['whistle to the lead units in another order', withInput(withTicket(valid('whistle'), { route: { ...ticketIn('submitted').route, lead: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] } }), { units: ['b', 'a'] })],
    ['mediation that failed, without agreement', withInput(without(valid('mediate'), 'agreement'), { outcome: 'failed' })],
    ['escalate straight to level 2', withInput(valid('escalate'), { level: 2 })],
  ] as const)('accepts %s', (_what, c) => {
    expect(() => applyTransition(c.ticket, c.cmd, { eventId: 'e', seq: 2 })).not.toThrow();
  });

  it('checks the state before the role and the role before the input', () => {
    expect(codeOf(() => applyTransition(ticketIn('closed'), command('reject', 'resident', {}), { eventId: 'e', seq: 2 }))).toBe(
      'TICKET.INVALID_TRANSITION',
    );
    expect(codeOf(() => applyTransition(ticketIn('submitted'), command('reject', 'resident', {}), { eventId: 'e', seq: 2 }))).toBe(
      'TICKET.FORBIDDEN_ROLE',
    );
  });

  it('gives every error a Chinese message', () => {
    try {
      applyTransition(ticketIn('submitted'), { action: 'reject', actor: actorAs('grid'), at: AT, input: {} }, { eventId: 'e', seq: 2 });
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has a valid input for every action', () => {
    expect(Object.keys(VALID_INPUT).sort()).toEqual([...LIFECYCLE_ACTIONS].sort());
  });
});
