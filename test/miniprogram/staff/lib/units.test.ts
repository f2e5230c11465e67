/** Unit names and choices of the staff forms come from the responsibility lists (REGISTRY) and the ticket's route. */
import { holderText, leadershipOfficeName, rerouteCandidates, unitName, whistleCandidates } from '../../../../miniprogram/staff/lib/units';
import { REGISTRY } from '../../../../shared/jurisdictions';
import { CO_UNIT, LEAD_UNIT, STREET_ID, makeTicket } from '../../../support/fixtures';

describe('unitName', () => {
  it('takes the directory name, then the route name, then the township name, else the id', () => {
    expect(unitName('yongning.zjj')).toBe('县住建局');
    const ticket = makeTicket({ route: { lead: [{ id: 'x.local', name: '兴庆区住建局' }], responsible: [], basis: [] } });
    expect(unitName('x.local', ticket)).toBe('兴庆区住建局');
    expect(unitName('yongning.t.tuanjiexilu')).toBe(REGISTRY.list('yongning')!.townships.find((t) => t.id === 'yongning.t.tuanjiexilu')!.name);
    expect(unitName('nowhere.unit')).toBe('nowhere.unit');
  });
});

describe('holderText', () => {
  it('names the units and whether each reported in', () => {
    const t = makeTicket({ state: 'acknowledged', assignedUnits: [LEAD_UNIT, CO_UNIT], acknowledgedUnits: [LEAD_UNIT], holder: { kind: 'units', ids: [LEAD_UNIT, CO_UNIT] } });
    expect(holderText(t.holder, t)).toBe('县住建局（已报到）、县应急管理局（待报到）');
  });
  it('names the street, the leadership office, the resident and nobody', () => {
    const t = makeTicket();
    expect(holderText({ kind: 'street', ids: [STREET_ID] }, t)).toBe('团结西路街道办事处');
    expect(holderText({ kind: 'leadership', ids: ['yongning'] }, t)).toBe(leadershipOfficeName('yongning'));
    expect(holderText({ kind: 'resident', ids: ['u'] }, t)).toBe('居民（待确认）');
    expect(holderText({ kind: 'none', ids: [] }, t)).toBe('无（已结束）');
    expect(holderText({ kind: 'grid', ids: ['g'] }, t)).toBe('本小区网格员');
  });
});

describe('unit choices', () => {
  it('whistle: the routed lead units first, then the co-responsible ones', () => {
    expect(whistleCandidates(makeTicket()).map((u) => u.id)).toEqual([LEAD_UNIT, CO_UNIT, STREET_ID]);
  });

  it('re-route: routed units, then every department of the jurisdiction chain but the leadership office', () => {
    const ids = rerouteCandidates(makeTicket()).map((u) => u.id);
    expect(ids.slice(0, 3)).toEqual([LEAD_UNIT, CO_UNIT, STREET_ID]);
    expect(new Set(ids).size).toBe(ids.length);
    const chain = REGISTRY.chain('yongning').flatMap((l) => l.departments);
    for (const d of chain) expect(ids.includes(d.id)).toBe(d.kind !== 'leadership');
  });

  it('re-route never offers a property company for a complaint about property conduct', () => {
    const ids = rerouteCandidates(makeTicket({ category: 'illegal-fee' }));
    const kinds = ids.map((u) => REGISTRY.department(u.id)?.kind);
    expect(kinds).not.toContain('property');
  });
});
