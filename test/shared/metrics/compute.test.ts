import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { computeMetrics, computeMetricsFromRecords, computeMetricsSet } from '../../../shared/metrics/compute';
import { factsRecord } from '../../../shared/metrics/facts';
import type { GroupBy, MetricsRow } from '../../../shared/metrics/definitions';
import { deadline, history, makeTicket, runInTz, T, type Step } from './fixtures';

/** Tickets with their histories, as computeMetrics takes them. */
function build(specs: Array<[Ticket, Step[]]>): { tickets: Ticket[]; events: TicketEvent[] } {
  return { tickets: specs.map(([t]) => t), events: specs.flatMap(([t, steps]) => history(t.id, steps)) };
}

function only(rows: MetricsRow[]): MetricsRow {
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

function run(specs: Array<[Ticket, Step[]]>, nowMinutes: number, groupBy: GroupBy = 'all'): MetricsRow[] {
  return computeMetrics({ ...build(specs), now: T(nowMinutes), groupBy });
}

const whistleTo = (...units: string[]): Step => ['whistle', 0, { payload: { units } }];

describe('响应率 (responseRate)', () => {
  // 报到 deadline T(30), report at T(120):
  // a acked at 10 (on time), b at 30 (on time: at the deadline), c at 45 (late),
  // d never (deadline passed), e never (its deadline T(200) not yet passed), f never whistled.
  // Denominator a, b, c, d = 4; numerator a, b = 2 → 2/4. Ack minutes [10, 30, 45]: p50 rank ⌈1.5⌉=2 → 30, p90 rank ⌈2.7⌉=3 → 45.
  const ack30 = [deadline('ack', 30)];
  const specs: Array<[Ticket, Step[]]> = [
    [makeTicket('a', { deadlines: ack30 }), [['submit', 0], whistleTo('u1'), ['acknowledge', 10, { unitId: 'u1' }]]],
    [makeTicket('b', { deadlines: ack30 }), [['submit', 0], whistleTo('u1'), ['acknowledge', 30, { unitId: 'u1' }]]],
    [makeTicket('c', { deadlines: ack30 }), [['submit', 0], whistleTo('u1'), ['acknowledge', 45, { unitId: 'u1' }]]],
    [makeTicket('d', { deadlines: ack30 }), [['submit', 0], whistleTo('u1')]],
    [makeTicket('e', { deadlines: [deadline('ack', 200)] }), [['submit', 0], whistleTo('u1')]],
    [makeTicket('f', { deadlines: ack30 }), [['submit', 0]]],
  ];

  it('counts on-time 报到 over whistled tickets acknowledged or past the deadline: 2/4', () => {
    const row = only(run(specs, 120));
    expect(row.counts).toMatchObject({ tickets: 6, whistled: 5, ackDenominator: 4, ackOnTime: 2 });
    expect(row.rates.responseRate).toBe(0.5);
    expect(row.ackMinutes).toEqual({ samples: 3, p50: 30, p90: 45 });
  });

  it('takes e into the denominator once its deadline has passed: 2/5', () => {
    const row = only(run(specs, 201));
    expect(row.counts.ackDenominator).toBe(5);
    expect(row.rates.responseRate).toBe(0.4);
  });

  it('leaves out a whistled ticket merged before anyone acknowledged it', () => {
    const row = only(run([[makeTicket('m', { state: 'merged', deadlines: [deadline('ack', 30)] }), [whistleTo('u1')]]], 120));
    expect(row.counts).toMatchObject({ whistled: 1, ackDenominator: 0 });
    expect(row.rates.responseRate).toBeNull();
  });

  it('leaves out a ticket whose only unit returned it (退单) within the deadline, in its unit row too', () => {
    const specs1: Array<[Ticket, Step[]]> = [
      [makeTicket('r', { state: 'returned', deadlines: [deadline('ack', 30)] }), [whistleTo('u6'), ['return', 10, { unitId: 'u6' }]]],
    ];
    expect(only(run(specs1, 120)).counts.ackDenominator).toBe(0);
    expect(only(run(specs1, 120, 'department'))).toMatchObject({ key: 'u6', counts: { tickets: 1, ackDenominator: 0 } });
  });
});

describe('解决率 (resolutionRate): a reopen counts as "not fixed"', () => {
  // r1 rated fixed; r2 rated not fixed; r3 reopened, then rated fixed (still not fixed: it was reopened);
  // r4 reopened, never rated; r5 no answer. Answered r1–r4 = 4; fixed r1 = 1 → 1/4.
  // 满意率 on the same tickets: rated r1 (5), r2 (2), r3 (4) → 2/3.
  const specs: Array<[Ticket, Step[]]> = [
    [makeTicket('r1', { state: 'closed', rating: { fixed: true, score: 5, at: T(90) } }), [['rate', 90, { payload: { fixed: true, score: 5 } }]]],
    [makeTicket('r2', { state: 'closed', rating: { fixed: false, score: 2, at: T(90) } }), [['rate', 90, { payload: { fixed: false, score: 2 } }]]],
    [
      makeTicket('r3', { state: 'closed', rating: { fixed: true, score: 4, at: T(300) } }),
      [['resolve', 40], ['reopen', 50], ['resolve', 200], ['rate', 300, { payload: { fixed: true, score: 4 } }]],
    ],
    [makeTicket('r4', { state: 'reopened' }), [['resolve', 40], ['reopen', 50]]],
    [makeTicket('r5', { state: 'resolved' }), [['resolve', 40]]],
  ];

  it('is fixed / (rated or reopened) = 1/4', () => {
    const row = only(run(specs, 1000));
    expect(row.counts).toMatchObject({ fixAnswered: 4, fixed: 1, rated: 3, satisfied: 2 });
    expect(row.rates.resolutionRate).toBe(0.25);
    expect(row.rates.satisfactionRate).toBeCloseTo(2 / 3, 12);
  });

  it('uses the last rate event when Ticket.rating is empty', () => {
    const row = only(run([[makeTicket('r6', { state: 'reopened' }), [['rate', 90, { payload: { fixed: true, score: 3 } }]]]], 1000));
    expect(row.counts).toMatchObject({ rated: 1, fixAnswered: 1, fixed: 1, satisfied: 0 });
  });
});

describe('满意率 (satisfactionRate)', () => {
  it('counts 满意 (5) and 基本满意 (4) over rated tickets: scores 5, 4, 3, 1 → 2/4', () => {
    const scores = [5, 4, 3, 1] as const;
    const specs: Array<[Ticket, Step[]]> = scores.map((score, i) => [
      makeTicket(`s${i}`, { state: 'closed', rating: { fixed: true, score, at: T(90) } }),
      [],
    ]);
    const row = only(run([...specs, [makeTicket('unrated'), []]], 1000));
    expect(row.counts).toMatchObject({ tickets: 5, rated: 4, satisfied: 2 });
    expect(row.rates.satisfactionRate).toBe(0.5);
    expect(row.rates.resolutionRate).toBe(1); // all four said fixed
  });
});

describe('按时办结率 (onTimeRate) and resolve times', () => {
  // Resolve deadline T(1000), report at T(2000):
  // t1 resolved at 500 (on time; its re-resolution after a reopen does not count), 500 min;
  // t2 settled on site at 1000 (on time: at the deadline), no submit event → from createdAt T(0), 1000 min;
  // t3 submitted at 10, resolved at 1500 (late), 1490 min; t4 never resolved (missed);
  // t5 never resolved, deadline T(3000) (pending); t6 rejected (left out);
  // t7 no resolve deadline, resolved at 200 (left out of the rate, 200 min still a sample).
  // Denominator t1–t4 = 4, numerator t1, t2 = 2 → 0.5.
  // Minutes [500, 1000, 1490, 200] sorted [200, 500, 1000, 1490]: p50 rank 2 → 500, p90 rank ⌈3.6⌉=4 → 1490.
  const due = [deadline('resolve', 1000)];
  const specs: Array<[Ticket, Step[]]> = [
    [makeTicket('t1', { deadlines: due }), [['submit', 0], ['resolve', 500], ['reopen', 600], ['resolve', 1800]]],
    [makeTicket('t2', { deadlines: due }), [['accept', 5], ['settle', 1000]]],
    [makeTicket('t3', { deadlines: due }), [['submit', 10], ['resolve', 1500]]],
    [makeTicket('t4', { deadlines: due }), [['submit', 0]]],
    [makeTicket('t5', { deadlines: [deadline('resolve', 3000)] }), [['submit', 0]]],
    [makeTicket('t6', { state: 'rejected', deadlines: due }), [['submit', 0], ['reject', 20]]],
    [makeTicket('t7'), [['submit', 0], ['resolve', 200]]],
  ];

  it('is resolved on time / (resolved or past the deadline) = 2/4', () => {
    const row = only(run(specs, 2000));
    expect(row.counts).toMatchObject({ tickets: 7, resolveDenominator: 4, resolvedOnTime: 2 });
    expect(row.rates.onTimeRate).toBe(0.5);
    expect(row.resolveMinutes).toEqual({ samples: 4, p50: 500, p90: 1490 });
  });

  it('judges against the extended deadline (the last resolve entry)', () => {
    const extended = [deadline('resolve', 1000), deadline('resolve', 2000)];
    const row = only(run([[makeTicket('x', { deadlines: extended }), [['submit', 0], ['resolve', 1500]]]], 3000));
    expect(row.counts).toMatchObject({ resolveDenominator: 1, resolvedOnTime: 1 });
  });
});

describe('overdueOpen', () => {
  it('counts open tickets with a deadline overdue at now', () => {
    // Report at T(100). Counted: o1 (overdueAt set, even though met later), o2 (due 60, not met).
    // Not counted: o3 (met in time), o4 closed, o5 not yet due, o6 rejected, o7 merged,
    // o8 (only its confirm window passed: the resident's, not a staff duty).
    const row = only(
      run(
        [
          [makeTicket('o1', { deadlines: [deadline('ack', 30, { overdueAt: T(35), metAt: T(50) })] }), []],
          [makeTicket('o2', { state: 'whistled', deadlines: [deadline('resolve', 60)] }), []],
          [makeTicket('o3', { deadlines: [deadline('ack', 30, { metAt: T(20) })] }), []],
          [makeTicket('o4', { state: 'closed', deadlines: [deadline('ack', 30, { overdueAt: T(35) })] }), []],
          [makeTicket('o5', { deadlines: [deadline('resolve', 500)] }), []],
          [makeTicket('o6', { state: 'rejected', deadlines: [deadline('triage', 30, { overdueAt: T(35) })] }), []],
          [makeTicket('o7', { state: 'merged', deadlines: [deadline('triage', 30, { overdueAt: T(35) })] }), []],
          [makeTicket('o8', { state: 'resolved', deadlines: [deadline('confirm', 90)] }), []],
        ],
        100,
      ),
    );
    expect(row.counts.overdueOpen).toBe(2);
  });
});

describe('grouping by department', () => {
  // Report at T(100); 报到 deadline T(30) unless said.
  // A whistled to u1 and u2: u1 acks at 10 (on time), u2 at 50 (late); rated 5.
  // B whistled to u1: never acked (missed).  C never whistled: in no department row.
  // D whistled to u3, which returns it at 20; re-routed to u4 at 25 with a new 报到 deadline T(85);
  //   u4 acks at 40: on time, 15 min. u3 returned in time: left out.
  // E whistled to u5, which returns it at 60 (after the deadline, never acked): missed.
  const specs: Array<[Ticket, Step[]]> = [
    [
      makeTicket('A', { deadlines: [deadline('ack', 30)], rating: { fixed: true, score: 5, at: T(90) } }),
      [whistleTo('u1', 'u2'), ['acknowledge', 10, { unitId: 'u1' }], ['acknowledge', 50, { unitId: 'u2' }]],
    ],
    [makeTicket('B', { deadlines: [deadline('ack', 30)] }), [whistleTo('u1')]],
    [makeTicket('C', { deadlines: [deadline('ack', 30)] }), [['submit', 0]]],
    [
      makeTicket('D', { deadlines: [deadline('ack', 30), deadline('ack', 85)] }),
      [whistleTo('u3'), ['return', 20, { unitId: 'u3' }], ['reroute', 25, { payload: { units: ['u4'] } }], ['acknowledge', 40, { unitId: 'u4' }]],
    ],
    [makeTicket('E', { deadlines: [deadline('ack', 30)] }), [whistleTo('u5'), ['return', 60, { unitId: 'u5' }]]],
  ];

  it('counts a two-unit ticket in both units, each with its own 报到', () => {
    const rows = run(specs, 100, 'department');
    expect(rows.map((r) => r.key)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));

    // u1: A on time, B missed → 1/2; ack minutes [10]. A's rating counts in u1 and u2.
    expect(byKey.u1!.counts).toMatchObject({ tickets: 2, whistled: 2, ackDenominator: 2, ackOnTime: 1, rated: 1, satisfied: 1 });
    expect(byKey.u1!.rates.responseRate).toBe(0.5);
    expect(byKey.u1!.ackMinutes).toEqual({ samples: 1, p50: 10, p90: 10 });
    // u2: A late → 0/1; 50 min.
    expect(byKey.u2!.counts).toMatchObject({ tickets: 1, ackDenominator: 1, ackOnTime: 0, rated: 1, satisfied: 1 });
    expect(byKey.u2!.rates.responseRate).toBe(0);
    expect(byKey.u2!.ackMinutes.p50).toBe(50);
    // u3: returned in time → no denominator.
    expect(byKey.u3!.counts).toMatchObject({ tickets: 1, ackDenominator: 0 });
    expect(byKey.u3!.rates.responseRate).toBeNull();
    expect(byKey.u3!.ackMinutes).toEqual({ samples: 0, p50: null, p90: null });
    // u4: on time against the deadline in force, 40 − 25 = 15 min from its own dispatch.
    expect(byKey.u4!.rates.responseRate).toBe(1);
    expect(byKey.u4!.ackMinutes.p50).toBe(15);
    // u5: returned late, never acked → 0/1.
    expect(byKey.u5!.counts).toMatchObject({ ackDenominator: 1, ackOnTime: 0 });
  });

  it('overall, uses the first 报到 of any unit: A and D on time, B and E missed → 2/4', () => {
    const row = only(run(specs, 100, 'all'));
    expect(row.counts).toMatchObject({ tickets: 5, whistled: 4, ackDenominator: 4, ackOnTime: 2 });
    // Samples: A whistle 0 → 10, D whistle 0 → 40.
    expect(row.ackMinutes).toEqual({ samples: 2, p50: 10, p90: 40 });
  });
});

describe('grouping by street, category and month', () => {
  it('groups by street, with the no-street key for a null streetId, sorted by key', () => {
    const rows = run(
      [
        [makeTicket('1', { streetId: 'street-1' }), []],
        [makeTicket('2', { streetId: null }), []],
        [makeTicket('3', { streetId: 'street-2' }), []],
        [makeTicket('4', { streetId: 'street-1' }), []],
      ],
      100,
      'street',
    );
    expect(rows.map((r) => [r.key, r.counts.tickets])).toEqual([
      ['(无属地)', 1],
      ['street-1', 2],
      ['street-2', 1],
    ]);
  });

  it('groups by category code', () => {
    const rows = run(
      [
        [makeTicket('1', { category: 'parking' }), []],
        [makeTicket('2', { category: 'fire-lane' }), []],
        [makeTicket('3', { category: 'parking' }), []],
      ],
      100,
      'category',
    );
    expect(rows.map((r) => [r.key, r.counts.tickets])).toEqual([
      ['fire-lane', 1],
      ['parking', 2],
    ]);
  });

  const monthTickets = [
    makeTicket('late-oct', { createdAt: '2026-10-31T15:59:59.999Z' }), // 23:59:59.999 on 31 Oct in Shanghai
    makeTicket('nov-1', { createdAt: '2026-10-31T16:30:00.000Z' }), // 00:30 on 1 Nov in Shanghai
    makeTicket('nov-30', { createdAt: '2026-11-30T15:59:00.000Z' }), // 23:59 on 30 Nov in Shanghai
  ];

  it('groups by the Asia/Shanghai month of createdAt', () => {
    const rows = computeMetrics({ tickets: monthTickets, events: [], now: '2026-12-01T00:00:00.000Z', groupBy: 'month' });
    expect(rows.map((r) => [r.key, r.counts.tickets])).toEqual([
      ['2026-10', 1],
      ['2026-11', 2],
    ]);
  });

  it.each([
    ['UTC', 16],
    ['America/Los_Angeles', 9],
    ['Asia/Shanghai', 0],
  ])('gives the same months when the process runs in %s (local hour of 16:30Z: %i)', (tz, hour) => {
    const script = `
      const { computeMetrics } = require('./shared/metrics/compute');
      const { makeTicket } = require('./test/shared/metrics/fixtures');
      const tickets = ${JSON.stringify(monthTickets.map((t) => [t.id, t.createdAt]))}.map(([id, createdAt]) => makeTicket(id, { createdAt }));
      const rows = computeMetrics({ tickets, events: [], now: '2026-12-01T00:00:00.000Z', groupBy: 'month' });
      console.log(JSON.stringify({ hour: new Date('2026-10-31T16:30:00.000Z').getHours(), rows: rows.map((r) => [r.key, r.counts.tickets]) }));
    `;
    expect(runInTz(tz, script)).toEqual({
      hour,
      rows: [
        ['2026-10', 1],
        ['2026-11', 2],
      ],
    });
  });
});

describe('empty denominators and odd input', () => {
  it("gives one 'all' row of zeros and null rates for no tickets", () => {
    expect(computeMetrics({ tickets: [], events: [], now: T(0), groupBy: 'all' })).toEqual([
      {
        key: 'all',
        counts: {
          tickets: 0,
          whistled: 0,
          ackDenominator: 0,
          ackOnTime: 0,
          fixAnswered: 0,
          fixed: 0,
          rated: 0,
          satisfied: 0,
          resolveDenominator: 0,
          resolvedOnTime: 0,
          overdueOpen: 0,
        },
        rates: { responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null },
        ackMinutes: { samples: 0, p50: null, p90: null },
        resolveMinutes: { samples: 0, p50: null, p90: null },
      },
    ]);
  });

  it.each<GroupBy>(['department', 'street', 'category', 'month'])('gives no rows by %s for no tickets', (groupBy) => {
    expect(computeMetrics({ tickets: [], events: [], now: T(0), groupBy })).toEqual([]);
  });

  it('gives null rates for a ticket with nothing to measure yet', () => {
    const row = only(run([[makeTicket('new'), [['submit', 0]]]], 10));
    expect(row.counts.tickets).toBe(1);
    expect(row.rates).toEqual({ responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null });
  });

  it('ignores events of other tickets, event order, and a repeated ticket', () => {
    const t = makeTicket('k', { deadlines: [deadline('ack', 30)] });
    const own = history('k', [whistleTo('u1'), ['acknowledge', 10, { unitId: 'u1' }]]);
    const stranger = history('zz', [['acknowledge', 1, { unitId: 'u1' }]]);
    const row = only(computeMetrics({ tickets: [t, t], events: [own[1]!, ...stranger, own[0]!], now: T(100), groupBy: 'all' }));
    expect(row.counts).toMatchObject({ tickets: 1, ackDenominator: 1, ackOnTime: 1 });
    expect(row.ackMinutes.p50).toBe(10);
  });

  it('rejects a report time without a zone', () => {
    expect(() => computeMetrics({ tickets: [], events: [], now: '2026-03-02T00:00:00', groupBy: 'all' })).toThrow(RangeError);
  });
});

describe('computeMetricsSet: several groupings in one pass', () => {
  // A mix: two units, returns and re-routes, ratings, a reopen, an open overdue ticket, no street.
  const specs: Array<[Ticket, Step[]]> = [
    [
      makeTicket('A', { state: 'closed', streetId: 'street-1', category: 'parking', deadlines: [deadline('ack', 30), deadline('resolve', 300)], rating: { fixed: true, score: 5, at: T(90) } }),
      [['submit', 0], whistleTo('u1', 'u2'), ['acknowledge', 10, { unitId: 'u1' }], ['acknowledge', 50, { unitId: 'u2' }], ['resolve', 80]],
    ],
    [makeTicket('B', { streetId: 'street-2', category: 'garbage', deadlines: [deadline('ack', 30)] }), [['submit', 0], whistleTo('u1')]],
    [makeTicket('C', { streetId: null, category: 'parking', state: 'handling', deadlines: [deadline('resolve', 60)] }), [['submit', 0]]],
    [
      makeTicket('D', { state: 'closed', streetId: 'street-1', category: 'noise', deadlines: [deadline('ack', 30), deadline('ack', 85)] }),
      [['submit', 0], whistleTo('u3'), ['return', 20, { unitId: 'u3' }], ['reroute', 25, { payload: { units: ['u4'] } }], ['acknowledge', 40, { unitId: 'u4' }], ['reopen', 70]],
    ],
  ];
  const input = { ...build(specs), now: T(120) };
  const groupBys: GroupBy[] = ['all', 'department', 'street', 'category', 'month'];

  it('gives each grouping exactly the rows computeMetrics gives it alone', () => {
    const set = computeMetricsSet({ ...input, groupBys });
    expect(Object.keys(set).sort()).toEqual([...groupBys].sort());
    for (const groupBy of groupBys) expect(set[groupBy]).toEqual(computeMetrics({ ...input, groupBy }));
    // Not vacuous: the groupings differ.
    expect(set.department.map((r) => r.key)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(set.street.map((r) => r.key)).toEqual(['(无属地)', 'street-1', 'street-2']);
    expect(set.all[0]!.counts).toMatchObject({ tickets: 4, whistled: 3, overdueOpen: 2 });
  });

  it('keeps the rules of one call: a repeated ticket counts once, a repeated grouping is computed once, no tickets still give one all row', () => {
    const twice = computeMetricsSet({ ...input, tickets: [...input.tickets, ...input.tickets], groupBys: ['all', 'all', 'category'] });
    expect(twice.all).toEqual(computeMetrics({ ...input, groupBy: 'all' }));
    expect(twice.category).toEqual(computeMetrics({ ...input, groupBy: 'category' }));
    const empty = computeMetricsSet({ tickets: [], events: [], now: T(0), groupBys: ['all', 'street'] });
    expect(empty.all).toHaveLength(1);
    expect(empty.all[0]!.counts.tickets).toBe(0);
    expect(empty.street).toEqual([]);
  });
});

describe('computeMetricsFromRecords: the same rows from the stored facts records', () => {
  // Closed and open tickets, two units, a return and re-route, ratings, a reopen, no street, two months.
  const specs: Array<[Ticket, Step[]]> = [
    [
      makeTicket('A', { state: 'closed', streetId: 'street-1', category: 'parking', deadlines: [deadline('ack', 30), deadline('resolve', 300)], rating: { fixed: true, score: 5, at: T(90) } }),
      [['submit', 0], whistleTo('u1', 'u2'), ['acknowledge', 10, { unitId: 'u1' }], ['acknowledge', 50, { unitId: 'u2' }], ['resolve', 80]],
    ],
    [makeTicket('B', { streetId: 'street-2', category: 'garbage', deadlines: [deadline('ack', 30), deadline('resolve', 200)] }), [['submit', 0], whistleTo('u1')]],
    [makeTicket('C', { streetId: null, state: 'handling', deadlines: [deadline('resolve', 60)], createdAt: T(-50_000) }), [['submit', -50_000]]],
    [
      makeTicket('D', { state: 'reopened', category: 'noise', deadlines: [deadline('ack', 30), deadline('ack', 85), deadline('resolve', 400)] }),
      [['submit', 0], whistleTo('u3'), ['return', 20, { unitId: 'u3' }], ['reroute', 25, { payload: { units: ['u4'] } }], ['acknowledge', 40, { unitId: 'u4' }], ['rate', 60, { payload: { fixed: true, score: 3 } }], ['reopen', 70]],
    ],
    [makeTicket('E', { state: 'rejected', deadlines: [deadline('triage', 30)] }), [['submit', 0], ['reject', 20]]],
  ];
  const { tickets, events } = build(specs);
  const records = tickets.map((t) => factsRecord(t, events.filter((e) => e.ticketId === t.id)));
  const groupBys: GroupBy[] = ['all', 'department', 'street', 'category', 'month'];

  it.each([
    ['before any deadline passed', 5],
    ['after some passed', 120],
    ['after all passed', 100_000],
  ])('equals computeMetricsSet on the tickets and events, %s (records do not depend on the time)', (_when, minutes) => {
    const now = T(minutes);
    const fromRecords = computeMetricsFromRecords({ records: JSON.parse(JSON.stringify(records)), now, groupBys });
    expect(fromRecords).toEqual(computeMetricsSet({ tickets, events, now, groupBys }));
  });

  it('counts a repeated record once, and gives one all row for none', () => {
    const now = T(120);
    expect(computeMetricsFromRecords({ records: [...records, ...records], now, groupBys: ['all'] }).all).toEqual(computeMetrics({ tickets, events, now, groupBy: 'all' }));
    expect(computeMetricsFromRecords({ records: [], now, groupBys: ['all'] }).all[0]!.counts.tickets).toBe(0);
    // Not vacuous: open tickets turn overdue between the two times.
    const early = computeMetricsFromRecords({ records, now: T(5), groupBys: ['all'] }).all[0]!;
    const late = computeMetricsFromRecords({ records, now: T(100_000), groupBys: ['all'] }).all[0]!;
    expect([early.counts.overdueOpen, late.counts.overdueOpen]).toEqual([0, 3]);
  });
});
