import { handoversFor } from '../../../shared/notify/handover';
import { route } from '../../../shared/routing/route';
import { DEFAULT_SLA_POLICY } from '../../../shared/sla/policy';
import { coordinatingLeads, sweepPlan } from '../../../shared/sla/sweep';
import { deadline, history, makeTicket, T } from '../metrics/fixtures';

// DESIGN.md §6 / issue 16 §3: "Coordinating leads are informed and are the escalation target."
// Wuzhong renovation in a 利通区 estate: 利通区人民政府 coordinates, 市住建局 handles.
const decision = route({ jurisdiction: 'wuzhong', category: 'renovation', estate: { jurisdiction: 'wuzhong', areaId: 'wuzhong.litong', townshipId: 'wuzhong.t.shengli' } });
const routed = { lead: decision.lead, responsible: decision.responsible, basis: decision.basis };
const GOV = 'wuzhong.litong.government';
const HOUSING = 'wuzhong.zjj';

const late = (over: Parameters<typeof makeTicket>[1]) =>
  makeTicket('s', { jurisdiction: 'wuzhong', category: 'renovation', route: routed, state: 'whistled', assignedUnits: [GOV, HOUSING], deadlines: [deadline('ack', 120), deadline('resolve', 9000)], ...over });

describe('the sweep’s escalation target', () => {
  it('the route’s coordinating lead is named on the escalation when a handling unit is late; it is never marked for 报到', () => {
    const plan = sweepPlan(late({}), T(130), DEFAULT_SLA_POLICY, []);
    expect(plan).toEqual([
      { action: 'mark-overdue', step: 'ack', unitId: HOUSING },
      { action: 'escalate', level: 1, target: 'street', units: [GOV] },
    ]);
  });

  it('the escalation to the leadership office names it too', () => {
    const plan = sweepPlan(late({ escalation: 1, deadlines: [deadline('ack', 120, { overdueAt: T(125) }), deadline('resolve', 9000)] }), T(120 + 24 * 60 * 3 + 1), DEFAULT_SLA_POLICY, history('s', [['mark-overdue', 125, { payload: { step: 'ack', units: [HOUSING] } }]]));
    expect(plan).toContainEqual({ action: 'escalate', level: 2, target: 'leadership', units: [GOV] });
  });

  it('a late triage (the grid’s step, before any whistle) names no unit', () => {
    const plan = sweepPlan(late({ state: 'accepted', assignedUnits: [], deadlines: [deadline('triage', 120)] }), T(130), DEFAULT_SLA_POLICY, []);
    expect(plan).toEqual([
      { action: 'mark-overdue', step: 'triage' },
      { action: 'escalate', level: 1, target: 'street' },
    ]);
  });

  it('a route without a coordinating lead escalates as before', () => {
    const parking = route({ jurisdiction: 'yongning', category: 'parking', estate: { jurisdiction: 'yongning', areaId: null, townshipId: 'yongning.t.tuanjiexilu' } });
    expect(parking.lead.some((u) => u.kind === 'coordinating')).toBe(false);
    expect(coordinatingLeads({ state: 'whistled', route: { lead: parking.lead, responsible: parking.responsible, basis: parking.basis } })).toEqual([]);
  });
});

describe('who hears of the escalation', () => {
  const escalated = (role: 'system' | 'street') => {
    const [e] = history('s', [['escalate', 130, { payload: { level: 1, units: [GOV] } }]]);
    return { ...e!, actor: { userId: role, role } };
  };

  it('the sweep’s escalation reaches the street and 督办s the coordinating lead', () => {
    const hs = handoversFor(late({}), escalated('system') as never);
    expect(hs.map((h) => [h.audience, h.unitIds ?? null, h.title])).toEqual([
      ['street', null, '超时工单已升级至街道'],
      ['units', [GOV], '督办：承办单位已超时'],
    ]);
  });

  it('units on an escalation by anyone but the system are ignored', () => {
    expect(handoversFor(late({}), escalated('street') as never).map((h) => h.audience)).toEqual(['street']);
  });
});
