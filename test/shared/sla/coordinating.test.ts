import { route } from '../../../shared/routing/route';
import { DEFAULT_SLA_POLICY } from '../../../shared/sla/policy';
import { deadlinesAfter } from '../../../shared/sla/progress';
import { deadline, history, makeTicket, T } from '../metrics/fixtures';

// DESIGN.md §6: only handling units carry the 报到 clock; coordinating leads (县(市)区人民政府) do not.
const decision = route({ jurisdiction: 'wuzhong', category: 'renovation', estate: { jurisdiction: 'wuzhong', areaId: 'wuzhong.litong', townshipId: 'wuzhong.t.shengli' } });
const routed = { lead: decision.lead, responsible: decision.responsible, basis: decision.basis };
const GOV = 'wuzhong.litong.government';
const HOUSING = 'wuzhong.zjj';

const eventOf = (action: string, minutes: number, extra: { unitId?: string; payload?: Record<string, unknown> } = {}) =>
  history('s', [[action, minutes, extra]])[0]!;

describe('the 报到 clock and coordinating units', () => {
  it('the route makes the county government a coordinating lead here', () => {
    expect(decision.lead.find((u) => u.id === GOV)?.kind).toBe('coordinating');
    expect(decision.lead.find((u) => u.id === HOUSING)?.kind).toBe('handling');
  });

  it('a whistle to a coordinating and a handling unit sets the 报到 deadline', () => {
    const t = makeTicket('s', { route: routed, state: 'whistled', assignedUnits: [GOV, HOUSING], deadlines: [deadline('triage', 120)] });
    const steps = deadlinesAfter(t, eventOf('whistle', 10, { payload: { units: [GOV, HOUSING] } }), DEFAULT_SLA_POLICY).map((d) => d.step);
    expect(steps).toContain('ack');
  });

  it('a whistle to coordinating units only sets no 报到 deadline (nobody there reports in), but keeps the resolve deadline', () => {
    const t = makeTicket('s', { route: routed, state: 'whistled', assignedUnits: [GOV], deadlines: [deadline('triage', 120)] });
    const steps = deadlinesAfter(t, eventOf('whistle', 10, { payload: { units: [GOV] } }), DEFAULT_SLA_POLICY).map((d) => d.step);
    expect(steps).not.toContain('ack');
    expect(steps).toContain('resolve');
  });

  it('the government acknowledging does not meet the handling units’ 报到 deadline; the handling unit’s does', () => {
    const base = makeTicket('s', { route: routed, state: 'acknowledged', assignedUnits: [GOV, HOUSING], deadlines: [deadline('ack', 40), deadline('resolve', 9000)] });
    const byGov = deadlinesAfter(base, eventOf('acknowledge', 5, { unitId: GOV }), DEFAULT_SLA_POLICY);
    expect(byGov.find((d) => d.step === 'ack')?.metAt).toBeUndefined();
    const byHousing = deadlinesAfter({ ...base, deadlines: byGov }, eventOf('acknowledge', 20, { unitId: HOUSING }), DEFAULT_SLA_POLICY);
    expect(byHousing.find((d) => d.step === 'ack')?.metAt).toBe(T(20));
  });
});
