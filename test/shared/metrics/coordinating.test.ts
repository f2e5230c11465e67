import { computeMetrics } from '../../../shared/metrics/compute';
import { coordinatingUnits, ticketFacts } from '../../../shared/metrics/facts';
import { instantMs } from '../../../shared/metrics/instant';
import { route } from '../../../shared/routing/route';
import { deadline, history, makeTicket, T } from './fixtures';

// DESIGN.md §6: "Only handling units carry the 报到 clock; coordinating leads (e.g. 县(市)区人民政府) are
// informed and are escalation targets, not measured on 报到."
const ms = (minutes: number): number => instantMs(T(minutes));
const now = ms(100);

// A Wuzhong fire lane in a 利通区 estate: the county government coordinates, 市消防救援局 and 市住建局 handle.
const decision = route({
  jurisdiction: 'wuzhong',
  category: 'fire-lane',
  estate: { jurisdiction: 'wuzhong', areaId: 'wuzhong.litong', townshipId: 'wuzhong.t.shengli' },
});
const GOV = 'wuzhong.litong.government';
const FIRE = 'wuzhong.xf';
const HOUSING = 'wuzhong.zjj';
const routed = { lead: decision.lead, responsible: decision.responsible, basis: decision.basis };

describe('coordinating units carry no 报到 clock', () => {
  it('reads the kind the route gives each unit', () => {
    const t = makeTicket('k', { route: routed });
    const coordinating = coordinatingUnits(t);
    expect(decision.lead.map((u) => u.id)).toEqual([GOV, FIRE, HOUSING]);
    expect(coordinating(GOV)).toBe(true);
    expect(coordinating(FIRE)).toBe(false);
    expect(coordinating('wuzhong.t.shengli')).toBe(false);
  });

  it('falls back on the unit id for a ticket routed before units had a kind', () => {
    const t = makeTicket('k', { route: { lead: [{ id: 'yinchuan.xingqing.government', name: '兴庆区人民政府' }, { id: 'x', name: 'X' }], responsible: [], basis: [] } });
    expect(coordinatingUnits(t)('yinchuan.xingqing.government')).toBe(true);
    expect(coordinatingUnits(t)('x')).toBe(false);
  });

  it('a government whistled with the handling leads that never reports in is not 未报到: no 报到 fact, no department row', () => {
    const t = makeTicket('c1', { route: routed, deadlines: [deadline('ack', 30), deadline('resolve', 600)] });
    const events = history('c1', [['submit', 0], ['whistle', 0, { payload: { units: [GOV, FIRE, HOUSING] } }], ['acknowledge', 10, { unitId: FIRE }], ['acknowledge', 20, { unitId: HOUSING }]]);
    const facts = ticketFacts(t, events, now);
    expect([...facts.unitAcks.keys()]).toEqual([FIRE, HOUSING]);

    const rows = computeMetrics({ tickets: [t], events, now: T(100), groupBy: 'department' });
    expect(rows.map((r) => r.key)).toEqual([FIRE, HOUSING].sort());
    for (const r of rows) expect(r.rates.responseRate).toBe(1);
    const all = computeMetrics({ tickets: [t], events, now: T(100), groupBy: 'all' })[0]!;
    expect(all.counts.ackDenominator).toBe(1);
    expect(all.rates.responseRate).toBe(1);
  });

  it('a handling unit that never reports in still counts as 未报到 beside a coordinating one', () => {
    const t = makeTicket('c2', { route: routed, deadlines: [deadline('ack', 30), deadline('resolve', 600)] });
    const events = history('c2', [['submit', 0], ['whistle', 0, { payload: { units: [GOV, FIRE] } }]]);
    const rows = computeMetrics({ tickets: [t], events, now: T(100), groupBy: 'department' });
    expect(rows.map((r) => [r.key, r.counts.ackDenominator, r.counts.ackOnTime])).toEqual([[FIRE, 1, 0]]);
  });

  it('the government’s acknowledgement is not the ticket’s 报到: the ticket stays late until a handling unit reports in', () => {
    const t = makeTicket('c3', { route: routed, deadlines: [deadline('ack', 30), deadline('resolve', 600)] });
    const events = history('c3', [['submit', 0], ['whistle', 0, { payload: { units: [GOV, FIRE] } }], ['acknowledge', 5, { unitId: GOV }], ['acknowledge', 50, { unitId: FIRE }]]);
    const facts = ticketFacts(t, events, now);
    expect(facts.ack?.doneAt).toBe(ms(50));
    const all = computeMetrics({ tickets: [t], events, now: T(100), groupBy: 'all' })[0]!;
    expect(all.counts.ackDenominator).toBe(1);
    expect(all.counts.ackOnTime).toBe(0);
    expect(all.ackMinutes.p50).toBe(50);
  });

  it('a ticket whistled to coordinating units only is left out of 响应率', () => {
    const t = makeTicket('c4', { route: routed, deadlines: [deadline('ack', 30), deadline('resolve', 600)] });
    const events = history('c4', [['submit', 0], ['whistle', 0, { payload: { units: [GOV] } }]]);
    const facts = ticketFacts(t, events, now);
    expect(facts.unitAcks.size).toBe(0);
    expect(facts.ack?.excused).toBe(true);
    const all = computeMetrics({ tickets: [t], events, now: T(100), groupBy: 'all' })[0]!;
    expect(all.counts.whistled).toBe(1);
    expect(all.counts.ackDenominator).toBe(0);
    expect(all.rates.responseRate).toBeNull();
  });
});
