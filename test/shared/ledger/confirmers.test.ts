import type { Identity, RoleGrant } from '../../../shared/domain/roles';
import { REGISTRY } from '../../../shared/jurisdictions';
import { housingScope, mayConfirmViolation } from '../../../shared/ledger';

const options = { parentOf: (j: string) => REGISTRY.list(j)?.parent ?? null };
const who = (...grants: RoleGrant[]): Identity => ({ userId: 'u', grants });
const YN_TICKET = { jurisdiction: 'yongning', streetId: 'yongning.t.tuanjiexilu' };
const YC_TICKET = { jurisdiction: 'yinchuan', streetId: 'yinchuan.t.funingjie' };

describe('housingScope', () => {
  it('knows the lists’ 住建 departments, the district units routing makes, and nothing else', () => {
    expect(housingScope('yongning.zjj')).toEqual({ kind: 'list' });
    expect(housingScope('yinchuan.zjj')).toEqual({ kind: 'list' });
    expect(housingScope('yinchuan.xingqing.housing')).toEqual({ kind: 'area', areaId: 'yinchuan.xingqing' });
    expect(housingScope('yinchuan.local.housing')).toEqual({ kind: 'jurisdiction', jurisdiction: 'yinchuan' });
    expect(housingScope('yongning.gaj')).toBeNull();
    expect(housingScope('yinchuan.xingqing.police')).toBeNull();
    expect(housingScope('nowhere.housing')).toBeNull();
  });
});

describe('mayConfirmViolation', () => {
  it('a street officer of the ticket’s street may, as the street unit', () => {
    expect(mayConfirmViolation(who({ role: 'street', jurisdiction: 'yongning', streets: ['yongning.t.tuanjiexilu'] }), YN_TICKET, null, options)).toEqual({
      ok: true,
      role: 'street',
      unitId: 'yongning.t.tuanjiexilu',
    });
  });

  it('a street officer of another street may not (out of scope)', () => {
    const r = mayConfirmViolation(who({ role: 'street', jurisdiction: 'yongning', streets: ['yongning.t.wangyuan'] }), YN_TICKET, null, options);
    expect(r).toMatchObject({ ok: false, code: 'AUTH.OUT_OF_SCOPE' });
  });

  it('the county 住建局 may in its county; the city 住建局 in the county of its city too', () => {
    expect(mayConfirmViolation(who({ role: 'department', jurisdiction: 'yongning', units: ['yongning.zjj'] }), YN_TICKET, null, options)).toMatchObject({ ok: true, unitId: 'yongning.zjj' });
    expect(mayConfirmViolation(who({ role: 'department', jurisdiction: 'yinchuan', units: ['yinchuan.zjj'] }), YN_TICKET, null, options)).toMatchObject({ ok: true, unitId: 'yinchuan.zjj' });
    expect(mayConfirmViolation(who({ role: 'department', jurisdiction: 'qitai', units: ['qitai.zjj'] }), YN_TICKET, null, options)).toMatchObject({ ok: false, code: 'AUTH.OUT_OF_SCOPE' });
  });

  it('a district 住建部门 only for estates of its district', () => {
    const xingqing = who({ role: 'department', jurisdiction: 'yinchuan', units: ['yinchuan.xingqing.housing'] });
    expect(mayConfirmViolation(xingqing, YC_TICKET, { areaId: 'yinchuan.xingqing' }, options)).toMatchObject({ ok: true, role: 'department' });
    expect(mayConfirmViolation(xingqing, YC_TICKET, { areaId: 'yinchuan.jinfeng' }, options)).toMatchObject({ ok: false, code: 'AUTH.OUT_OF_SCOPE' });
  });

  it('other departments, police, grid workers, leadership, property companies and residents may not', () => {
    for (const g of [
      { role: 'department', jurisdiction: 'yongning', units: ['yongning.yjgl'] },
      { role: 'police', jurisdiction: 'yongning', units: ['yongning.gaj'], estates: ['yn-jinxiu'] },
      { role: 'grid', jurisdiction: 'yongning', estates: ['yn-jinxiu'] },
      { role: 'leadership', jurisdiction: 'yongning' },
      { role: 'property', jurisdiction: 'yongning', company: 'pc-hengan', estates: ['yn-jinxiu'] },
    ] as RoleGrant[]) {
      expect(mayConfirmViolation(who(g), YN_TICKET, null, options)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(mayConfirmViolation(who(), YN_TICKET, null, options)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});
