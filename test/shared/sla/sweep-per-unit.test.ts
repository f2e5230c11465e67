/**
 * Issue 18 §1: the sweep marks and 督办s every whistled handling unit that misses its own 报到
 * deadline, each on its own, although another unit's 报到 came first; coordinating units carry no
 * 报到 clock.
 */
import { route } from '../../../shared/routing/route';
import { DEFAULT_SLA_POLICY } from '../../../shared/sla/policy';
import { deadlinesAfter, unitsOwingAck } from '../../../shared/sla/progress';
import { sweepPlan, unitsMissingAck } from '../../../shared/sla/sweep';
import { deadline, history, makeTicket, T } from '../metrics/fixtures';

const A = 'yongning.zjj';
const B = 'yongning.yjgl';
const whistled = (over: Parameters<typeof makeTicket>[1] = {}) =>
  makeTicket('s', { state: 'acknowledged', priority: 'urgent', assignedUnits: [A, B], acknowledgedUnits: [A], deadlines: [deadline('ack', 40), deadline('resolve', 1440)], ...over });

describe('the 报到 deadline is met once every handling unit has reported in', () => {
  it('the first unit\'s 报到 leaves it open, the last one meets it', () => {
    const t = whistled({ acknowledgedUnits: [A] });
    const afterA = deadlinesAfter(t, history('s', [['acknowledge', 20, { unitId: A }]])[0]!, DEFAULT_SLA_POLICY);
    expect(afterA.find((d) => d.step === 'ack')?.metAt).toBeUndefined();
    const afterB = deadlinesAfter({ ...t, acknowledgedUnits: [A, B], deadlines: afterA }, history('s', [['acknowledge', 30, { unitId: B }]])[0]!, DEFAULT_SLA_POLICY);
    expect(afterB.find((d) => d.step === 'ack')?.metAt).toBe(T(30));
  });

  it('a coordinating unit never owes it', () => {
    const decision = route({ jurisdiction: 'wuzhong', category: 'renovation', estate: { jurisdiction: 'wuzhong', areaId: 'wuzhong.litong', townshipId: 'wuzhong.t.shengli' } });
    const t = makeTicket('c', { route: { lead: decision.lead, responsible: decision.responsible, basis: [] }, assignedUnits: ['wuzhong.litong.government', 'wuzhong.zjj'], acknowledgedUnits: ['wuzhong.zjj'] });
    expect(unitsOwingAck(t)).toEqual([]);
  });
});

describe('sweepPlan per unit', () => {
  it('before the deadline: nothing', () => {
    expect(sweepPlan(whistled(), T(40), DEFAULT_SLA_POLICY, [])).toEqual([]);
  });

  it('after it: one mark per unit still owing its 报到 (the one that reported in is left alone), then the escalation', () => {
    const plan = sweepPlan(whistled(), T(41), DEFAULT_SLA_POLICY, []);
    expect(plan).toEqual([
      { action: 'mark-overdue', step: 'ack', unitId: B },
      { action: 'escalate', level: 1, target: 'street' },
    ]);
  });

  it('both owing: one mark each, in whistle order; no separate ticket-level mark', () => {
    const plan = sweepPlan(whistled({ acknowledgedUnits: [] }), T(41), DEFAULT_SLA_POLICY, []);
    expect(plan.filter((s) => s.action === 'mark-overdue')).toEqual([
      { action: 'mark-overdue', step: 'ack', unitId: A },
      { action: 'mark-overdue', step: 'ack', unitId: B },
    ]);
  });

  it('a unit already marked since the last dispatch is not marked again; a new whistle starts afresh', () => {
    const marked = history('s', [['whistle', 0, { payload: { units: [A, B] } }], ['mark-overdue', 41, { payload: { step: 'ack', units: [B] } }]]);
    const t = whistled({ deadlines: [deadline('ack', 40, { overdueAt: T(41) }), deadline('resolve', 1440)] });
    expect(unitsMissingAck(t, marked, T(50))).toEqual([]);
    const rewhistled = history('s', [['mark-overdue', 41, { payload: { step: 'ack', units: [B] } }], ['whistle', 45, { payload: { units: [A, B] } }]]);
    expect(unitsMissingAck(t, rewhistled, T(50))).toEqual([B]);
  });

  it('without the events, a unit is marked only while the 报到 deadline itself is unmarked', () => {
    const t = whistled({ deadlines: [deadline('ack', 40, { overdueAt: T(41) }), deadline('resolve', 1440)] });
    expect(sweepPlan(t, T(50), DEFAULT_SLA_POLICY).filter((s) => s.action === 'mark-overdue')).toEqual([]);
    expect(sweepPlan(whistled(), T(50), DEFAULT_SLA_POLICY)).toContainEqual({ action: 'mark-overdue', step: 'ack', unitId: B });
  });

  it('once the ticket is resolved, no unit is marked for 报到', () => {
    expect(unitsMissingAck(whistled({ state: 'resolved' }), [], T(50))).toEqual([]);
  });
});
