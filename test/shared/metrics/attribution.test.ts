/**
 * Issue 18 §1: per unit, 解决率, 满意率 and 按时办结率 count only for the units that took part in the
 * resolution (their own 报到/到场/办结 events); a co-lead that never reported in is 未报到 in 响应率 and
 * listed; equal figures share a rank (standard competition ranking, "1, 1, 3"). Hand-computed.
 */
import { computeMetrics, computeMetricsFromRecords } from '../../../shared/metrics/compute';
import { METRIC_DEFINITIONS, RANKING_RULE, type MetricsRow } from '../../../shared/metrics/definitions';
import { factsRecord, ticketFacts } from '../../../shared/metrics/facts';
import { instantMs } from '../../../shared/metrics/instant';
import { competitionRanks, rankRows } from '../../../shared/metrics/rank';
import { deadline, history, makeTicket, T, type Step } from './fixtures';

const ms = (minutes: number): number => instantMs(T(minutes));
const ZJJ = 'yongning.zjj';
const YJGL = 'yongning.yjgl';
const whistle = (at: number, units: string[]): Step => ['whistle', at, { payload: { units } }];

/**
 * YN-20261206-0004 of the issue: whistled at 10 to 住建局 and 应急管理局 (报到 due at 40, resolve
 * due at 600); only 住建局 acts: 报到 at 20, 到场 at 25, 办结 at 30; the resident rates it 满意 (5,
 * fixed) at 35 and the ticket is closed.
 */
function twoUnitWhistle() {
  const ticket = makeTicket('w', {
    no: 'YN-20261206-0004',
    state: 'closed',
    assignedUnits: [ZJJ, YJGL],
    acknowledgedUnits: [ZJJ],
    resolvedBy: ZJJ,
    deadlines: [deadline('ack', 40, { metAt: T(20) }), deadline('resolve', 600, { metAt: T(30) })],
    rating: { fixed: true, score: 5, at: T(35) },
  });
  const events = history('w', [
    ['submit', 0],
    whistle(10, [ZJJ, YJGL]),
    ['acknowledge', 20, { unitId: ZJJ }],
    ['arrive', 25, { unitId: ZJJ }],
    ['resolve', 30, { unitId: ZJJ }],
    ['confirm', 34],
    ['rate', 35, { payload: { fixed: true, score: 5 } }],
  ]);
  return { ticket, events };
}

const rowOf = (rows: MetricsRow[], key: string): MetricsRow => {
  const row = rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
};

describe('the two-unit whistle where one unit never reports in', () => {
  const { ticket, events } = twoUnitWhistle();

  it('before 应急管理局\'s 报到 deadline: it has no figure at all, so it cannot rank first', () => {
    const rows = computeMetrics({ tickets: [ticket], events, now: T(39), groupBy: 'department' });
    const yjgl = rowOf(rows, YJGL);
    // Was: 解决率, 满意率 and 按时办结率 100 % (1/1) for a unit that did nothing.
    expect(yjgl.rates).toEqual({ responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null });
    expect(yjgl.counts).toMatchObject({ tickets: 1, whistled: 1, ackDenominator: 0, fixAnswered: 0, rated: 0, resolveDenominator: 0 });
    expect(yjgl.missedAck).toEqual([]);
    const zjj = rowOf(rows, ZJJ);
    expect(zjj.rates).toEqual({ responseRate: 1, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 1 });
    for (const by of ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate'] as const) {
      expect(rankRows(rows, by).map((r) => r.key)).toEqual([ZJJ, YJGL]);
      expect(competitionRanks(rows, by)).toEqual(new Map([[YJGL, null], [ZJJ, 1]]));
    }
  });

  it('after its 报到 deadline: 未报到 in 响应率 (0/1), the ticket listed, still no resolution credit', () => {
    const rows = computeMetrics({ tickets: [ticket], events, now: T(41), groupBy: 'department' });
    const yjgl = rowOf(rows, YJGL);
    expect(yjgl.rates).toEqual({ responseRate: 0, resolutionRate: null, satisfactionRate: null, onTimeRate: null });
    expect(yjgl.counts).toMatchObject({ ackDenominator: 1, ackOnTime: 0 });
    expect(yjgl.missedAck).toEqual(['YN-20261206-0004']);
    expect(yjgl.resolveMinutes).toEqual({ samples: 0, p50: null, p90: null });
    expect(rowOf(rows, ZJJ).missedAck).toEqual([]);
    expect(competitionRanks(rows, 'responseRate')).toEqual(new Map([[YJGL, 2], [ZJJ, 1]]));
  });

  it('the ticket as a whole is unchanged: one street, category, month and overall row with full credit', () => {
    for (const groupBy of ['street', 'category', 'month', 'all'] as const) {
      const [row] = computeMetrics({ tickets: [ticket], events, now: T(41), groupBy });
      expect(row?.rates).toEqual({ responseRate: 1, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 1 });
      expect(row?.missedAck).toBeUndefined();
    }
  });

  it('the facts records give the same rows', () => {
    const fromEvents = computeMetrics({ tickets: [ticket], events, now: T(41), groupBy: 'department' });
    const record = JSON.parse(JSON.stringify(factsRecord(ticket, events)));
    expect(computeMetricsFromRecords({ records: [record], now: T(41), groupBys: ['department'] }).department).toEqual(fromEvents);
  });

  it('a facts record written before participants were kept credits the units that reported in', () => {
    const { participants: _dropped, no: _no, ...old } = factsRecord(ticket, events);
    const rows = computeMetricsFromRecords({ records: [old], now: T(41), groupBys: ['department'] }).department;
    expect(rowOf(rows, ZJJ).rates.satisfactionRate).toBe(1);
    expect(rowOf(rows, YJGL).rates.satisfactionRate).toBeNull();
    expect(rowOf(rows, YJGL).missedAck).toEqual(['w']);
  });
});

describe('who took part in the resolution', () => {
  const base = { state: 'closed' as const, assignedUnits: [ZJJ, YJGL], deadlines: [deadline('ack', 40), deadline('resolve', 600)], rating: { fixed: false, score: 2 as const, at: T(300) } };

  it.each<[string, Step[], string[]]>([
    ['both reported in; one resolved: both credited', [whistle(10, [ZJJ, YJGL]), ['acknowledge', 20, { unitId: ZJJ }], ['acknowledge', 30, { unitId: YJGL }], ['resolve', 200, { unitId: ZJJ }]], [ZJJ, YJGL]],
    ['one only arrived (到场 without a recorded 报到 of its own): credited', [whistle(10, [ZJJ, YJGL]), ['acknowledge', 20, { unitId: ZJJ }], ['arrive', 30, { unitId: YJGL }], ['resolve', 200, { unitId: ZJJ }]], [ZJJ, YJGL]],
    ['one reported in, then returned it (退单): not credited', [whistle(10, [ZJJ, YJGL]), ['acknowledge', 15, { unitId: YJGL }], ['return', 18, { unitId: YJGL }], ['acknowledge', 20, { unitId: ZJJ }], ['resolve', 200, { unitId: ZJJ }]], [ZJJ]],
    ['the grid settled it: no unit credited', [whistle(10, [ZJJ, YJGL]), ['settle', 200]], []],
  ])('%s', (_label, steps, credited) => {
    const t = makeTicket('p', base);
    const events = history('p', [['submit', 0], ...steps, ['rate', 300, { payload: { fixed: false, score: 2 } }]]);
    expect([...ticketFacts(t, events, ms(400)).participants].sort()).toEqual([...credited].sort());
    const rows = computeMetrics({ tickets: [t], events, now: T(400), groupBy: 'department' });
    for (const unit of [ZJJ, YJGL]) {
      // rated 2 (not satisfied), not fixed: 0 % where credited, no figure where not.
      expect({ unit, rates: rowOf(rows, unit).rates }).toMatchObject({ unit, rates: { satisfactionRate: credited.includes(unit) ? 0 : null, resolutionRate: credited.includes(unit) ? 0 : null } });
    }
  });

  it('a unit that reported in late but resolved in time is credited with 按时办结率 and judged late in 响应率', () => {
    const t = makeTicket('l', { ...base, assignedUnits: [ZJJ] });
    const events = history('l', [['submit', 0], whistle(10, [ZJJ]), ['acknowledge', 50, { unitId: ZJJ }], ['resolve', 200, { unitId: ZJJ }]]);
    const [row] = computeMetrics({ tickets: [t], events, now: T(400), groupBy: 'department' });
    expect(row?.rates).toMatchObject({ responseRate: 0, onTimeRate: 1 });
    expect(row?.missedAck).toEqual([]);
  });

  it('a police unit that claims a ticket has a department row and is credited when it resolves', () => {
    const t = makeTicket('c', { state: 'closed', assignedUnits: ['yongning.police'], deadlines: [deadline('ack', 40), deadline('resolve', 600)], rating: { fixed: true, score: 5, at: T(300) } });
    const events = history('c', [['submit', 0], ['claim', 10, { unitId: 'yongning.police' }], ['resolve', 100, { unitId: 'yongning.police' }], ['rate', 300, { payload: { fixed: true, score: 5 } }]]);
    const [row] = computeMetrics({ tickets: [t], events, now: T(400), groupBy: 'department' });
    expect(row?.key).toBe('yongning.police');
    expect(row?.rates).toEqual({ responseRate: 1, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 1 });
  });
});

describe('ties share a rank (standard competition ranking)', () => {
  const row = (key: string, responseRate: number | null, overdueOpen = 0): MetricsRow =>
    ({ key, counts: { overdueOpen }, rates: { responseRate, resolutionRate: null, satisfactionRate: null, onTimeRate: null }, ackMinutes: { samples: 0, p50: null, p90: null }, resolveMinutes: { samples: 0, p50: null, p90: null } }) as unknown as MetricsRow;

  it('1, 1, 3 for rates (higher is better); unranked without a figure', () => {
    const rows = [row('a', 0.5), row('b', 1), row('c', 1), row('d', null), row('e', 0.5), row('f', 0)];
    expect(Object.fromEntries(competitionRanks(rows, 'responseRate'))).toEqual({ b: 1, c: 1, a: 3, e: 3, f: 5, d: null });
  });

  it('1, 1, 3 for counts (lower is better)', () => {
    const rows = [row('a', null, 2), row('b', null, 0), row('c', null, 0), row('d', null, 5)];
    expect(Object.fromEntries(competitionRanks(rows, 'overdueOpen'))).toEqual({ b: 1, c: 1, a: 3, d: 4 });
  });

  it('the definitions say so', () => {
    expect(RANKING_RULE).toContain('1、1、3');
    expect(METRIC_DEFINITIONS.resolutionRate.definition).toContain('只计入参与办理的单位');
    expect(METRIC_DEFINITIONS.satisfactionRate.definition).toContain('只计入参与办理的单位');
    expect(METRIC_DEFINITIONS.onTimeRate.definition).toContain('只计入参与办理的单位');
    expect(METRIC_DEFINITIONS.responseRate.definition).toContain('未报到');
  });
});
