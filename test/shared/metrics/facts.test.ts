import { deadlineInForce, factsRecord, historyOrder, judge, overdueOpenAt, stepMinutes, ticketFacts, type StepFact } from '../../../shared/metrics/facts';
import { instantMs } from '../../../shared/metrics/instant';
import { deadline, history, makeTicket, T, type Step } from './fixtures';

const ms = (minutes: number): number => instantMs(T(minutes));
const whistle = (at: number, units: string[]): Step => ['whistle', at, { payload: { units } }];
const step = (over: Partial<StepFact>): StepFact => ({ startAt: ms(0), doneAt: null, due: ms(30), excused: false, ...over });

describe('judge', () => {
  const now = ms(100);
  it.each<[string, string, Partial<StepFact>]>([
    ['done before the deadline', 'on-time', { doneAt: ms(10) }],
    ['done exactly at the deadline', 'on-time', { doneAt: ms(30) }],
    ['done after the deadline', 'late', { doneAt: ms(31) }],
    ['not done, deadline passed', 'missed', {}],
    ['not done, deadline not yet passed', 'pending', { due: ms(200) }],
    ['not done, deadline exactly now (not passed)', 'pending', { due: ms(100) }],
    ['no deadline, done', 'excluded', { due: null, doneAt: ms(10) }],
    ['excused, not done', 'excluded', { excused: true }],
    ['excused but done: judged on the time', 'late', { excused: true, doneAt: ms(40) }],
  ])('%s → %s', (_name, verdict, over) => {
    expect(judge(step(over), now)).toBe(verdict);
  });
});

describe('stepMinutes', () => {
  it('measures start → done in minutes', () => {
    expect(stepMinutes(step({ startAt: ms(5), doneAt: ms(47.5) }))).toBe(42.5);
  });
  it('is null when not done, start unknown, or negative', () => {
    expect(stepMinutes(step({}))).toBeNull();
    expect(stepMinutes(step({ startAt: null, doneAt: ms(5) }))).toBeNull();
    expect(stepMinutes(step({ startAt: ms(10), doneAt: ms(5) }))).toBeNull();
  });
});

describe('deadlineInForce', () => {
  it('takes the last entry for the step (the one in force)', () => {
    const ds = [deadline('ack', 30), deadline('resolve', 500), deadline('ack', 90)];
    expect(deadlineInForce(ds, 'ack')?.due).toBe(T(90));
    expect(deadlineInForce(ds, 'resolve')?.due).toBe(T(500));
    expect(deadlineInForce(ds, 'arrive')).toBeUndefined();
  });
});

describe('historyOrder', () => {
  it('orders by seq, whatever the input order', () => {
    const events = history('t', [['submit', 0], ['whistle', 5], ['acknowledge', 9]]);
    expect(historyOrder([events[2]!, events[0]!, events[1]!]).map((e) => e.action)).toEqual(['submit', 'whistle', 'acknowledge']);
  });
});

describe('ticketFacts', () => {
  const now = ms(100);

  it('reads whistle, per-unit acks and first resolution from the events', () => {
    const t = makeTicket('t1', { deadlines: [deadline('ack', 30), deadline('resolve', 600)] });
    const facts = ticketFacts(
      t,
      history('t1', [
        ['submit', 0],
        ['whistle', 2, { payload: { units: ['u1', 'u2'] } }],
        ['acknowledge', 20, { unitId: 'u2' }],
        ['acknowledge', 40, { unitId: 'u1' }],
        ['acknowledge', 45, { unitId: 'u1' }], // a second 报到 of u1 does not move its first
        ['resolve', 80, { unitId: 'u1' }],
        ['resolve', 95, { unitId: 'u1' }],
      ]),
      now,
    );
    expect(facts.whistled).toBe(true);
    expect(facts.ack).toEqual({ startAt: ms(2), doneAt: ms(20), due: ms(30), excused: false });
    expect([...facts.unitAcks.keys()]).toEqual(['u1', 'u2']);
    expect(facts.unitAcks.get('u1')?.doneAt).toBe(ms(40));
    expect(facts.unitAcks.get('u2')?.doneAt).toBe(ms(20));
    expect(facts.resolve).toEqual({ startAt: ms(0), doneAt: ms(80), due: ms(600), excused: false });
  });

  it('counts a handover as a dispatch and a police claim as a report-in', () => {
    const t = makeTicket('t7', { deadlines: [deadline('ack', 30)] });
    const facts = ticketFacts(
      t,
      history('t7', [
        whistle(0, ['police-1']),
        ['claim', 12, { unitId: 'police-1' }],
        ['handover', 50, { unitId: 'police-1', payload: { units: ['u7'] } }],
        ['acknowledge', 70, { unitId: 'u7' }],
      ]),
      now,
    );
    expect(facts.ack?.doneAt).toBe(ms(12));
    expect(facts.unitAcks.get('police-1')).toMatchObject({ startAt: ms(0), doneAt: ms(12) });
    expect(facts.unitAcks.get('u7')).toMatchObject({ startAt: ms(50), doneAt: ms(70) });
  });

  it('falls back to assignedUnits when a whistle names no units', () => {
    const t = makeTicket('t2', { assignedUnits: ['u9'] });
    const facts = ticketFacts(t, history('t2', [['whistle', 1]]), now);
    expect([...facts.unitAcks.keys()]).toEqual(['u9']);
  });

  it('is not whistled without a whistle event, even with assignedUnits', () => {
    const t = makeTicket('t3', { assignedUnits: ['u9'] });
    const facts = ticketFacts(t, history('t3', [['submit', 0], ['settle', 30]]), now);
    expect(facts.whistled).toBe(false);
    expect(facts.ack).toBeNull();
    expect(facts.unitAcks.size).toBe(0);
    expect(facts.resolve.doneAt).toBe(ms(30));
  });

  it('takes the rating from the ticket, else from the last valid rate event', () => {
    const rated = makeTicket('t4', { rating: { fixed: true, score: 5, at: T(90) } });
    expect(ticketFacts(rated, history('t4', [['rate', 50, { payload: { fixed: false, score: 1 } }]]), now).rating).toEqual({ fixed: true, score: 5 });

    const fromEvents = ticketFacts(
      makeTicket('t5'),
      history('t5', [
        ['rate', 50, { payload: { fixed: false, score: 2 } }],
        ['rate', 60, { payload: { fixed: true, score: 9 } }], // invalid score: ignored
      ]),
      now,
    );
    expect(fromEvents.rating).toEqual({ fixed: false, score: 2 });
  });

  it('excuses a unit that returned the ticket in time without acknowledging, not one that returned late', () => {
    const t = makeTicket('t6', { deadlines: [deadline('ack', 30)] });
    const facts = ticketFacts(
      t,
      history('t6', [
        ['whistle', 0, { payload: { units: ['early', 'late'] } }],
        ['return', 30, { unitId: 'early' }],
        ['return', 31, { unitId: 'late' }],
      ]),
      now,
    );
    expect(facts.unitAcks.get('early')?.excused).toBe(true);
    expect(facts.unitAcks.get('late')?.excused).toBe(false);
    expect(facts.ack?.excused).toBe(false); // not every unit returned in time
  });
});

describe('factsRecord', () => {
  const route = {
    lead: [{ id: 'u1', name: '县住建局' }],
    responsible: [
      { id: 'u2', name: '县应急管理局' },
      { id: 'u1', name: '县住建局（重复）' },
      { id: 'street-1', name: '团结西路街道' },
    ],
    basis: [],
  };
  const events = history('r1', [['submit', 0], whistle(5, ['u1', 'u2']), ['acknowledge', 20, { unitId: 'u1' }], ['resolve', 60], ['rate', 70, { payload: { fixed: true, score: 4 } }]]);

  it('holds ticketFacts without overdueOpen, the fields the groupings read, and the route\'s unit names', () => {
    const t = makeTicket('r1', { state: 'handling', streetId: 'street-9', category: 'noise', route, deadlines: [deadline('ack', 30), deadline('resolve', 50)] });
    const facts = ticketFacts(t, events, ms(100));
    const record = factsRecord(t, events);
    expect(record).toEqual({
      ticketId: 'r1',
      no: 'YN-20260302-r1',
      jurisdiction: 'yongning',
      createdAt: T(0),
      streetId: 'street-9',
      category: 'noise',
      openDeadlines: t.deadlines,
      whistled: true,
      ack: facts.ack,
      unitAcks: [...facts.unitAcks],
      participants: ['u1'],
      resolve: facts.resolve,
      rating: { fixed: true, score: 4 },
      reopened: false,
      unitNames: [
        ['u1', '县住建局'],
        ['u2', '县应急管理局'],
        ['street-1', '团结西路街道'],
      ],
    });
    // Plain JSON: it survives the store's round trip unchanged.
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    // overdueOpen is judged later, at the time of the report, from the open ticket's deadlines.
    expect(overdueOpenAt(record.openDeadlines, ms(40))).toBe(facts.overdueOpen);
    expect(overdueOpenAt(record.openDeadlines, ms(40))).toBe(true);
    expect(overdueOpenAt(record.openDeadlines, ms(10))).toBe(false);
  });

  it('keeps no deadlines for a finished ticket: never overdue-open', () => {
    const closed = makeTicket('r1', { state: 'closed', route, deadlines: [deadline('resolve', 50)] });
    const record = factsRecord(closed, events);
    expect(record.openDeadlines).toBeNull();
    expect(overdueOpenAt(record.openDeadlines, ms(1000))).toBe(false);
    expect(ticketFacts(closed, events, ms(1000)).overdueOpen).toBe(false);
  });
});
