import { estatesInScope, jurisdictionChoices, offersPlacing, offersViolation } from '../../../../miniprogram/staff/lib/scope';
import type { EstateItem } from '../../../../miniprogram/staff/lib/types';
import type { RoleGrant } from '../../../../shared/domain/roles';
import { REGISTRY } from '../../../../shared/jurisdictions';
import { LEAD_UNIT, STREET_ID } from '../../../support/fixtures';

const at = { lat: 38.28, lng: 106.25 };
const estate = (id: string, jurisdiction: string, townshipId: string): EstateItem => ({ id, name: id, jurisdiction, townshipId, address: '', location: at });
const ESTATES = [estate('a', 'yongning', STREET_ID), estate('b', 'yongning', 'yongning.t.other'), estate('c', 'wuzhong', 'wuzhong.t.x')];

describe('estatesInScope', () => {
  it('offers every estate when the grants are unknown', () => {
    expect(estatesInScope(ESTATES, null).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('narrows by the grant: street → its streets; police → its estates; leadership → its jurisdiction', () => {
    const street: RoleGrant = { role: 'street', jurisdiction: 'yongning', streets: [STREET_ID] };
    const police: RoleGrant = { role: 'police', jurisdiction: 'yongning', estates: ['b'] };
    const leadership: RoleGrant = { role: 'leadership', jurisdiction: 'wuzhong' };
    expect(estatesInScope(ESTATES, [street]).map((e) => e.id)).toEqual(['a']);
    expect(estatesInScope(ESTATES, [police]).map((e) => e.id)).toEqual(['b']);
    expect(estatesInScope(ESTATES, [leadership]).map((e) => e.id)).toEqual(['c']);
    expect(estatesInScope(ESTATES, [{ role: 'department', jurisdiction: 'yongning', units: [LEAD_UNIT] }])).toEqual([]);
  });
});

describe('jurisdictionChoices', () => {
  it('offers every responsibility list without grants', () => {
    expect(jurisdictionChoices(null).map((c) => c.key)).toEqual([...REGISTRY.lists.keys()]);
  });

  it('offers a grant’s jurisdiction and its child jurisdictions', () => {
    const children = [...REGISTRY.lists.values()].filter((l) => l.parent === 'yinchuan').map((l) => l.id);
    expect(children.length).toBeGreaterThan(0);
    expect(jurisdictionChoices([{ role: 'leadership', jurisdiction: 'yinchuan' }]).map((c) => c.key).sort()).toEqual(['yinchuan', ...children].sort());
    expect(jurisdictionChoices([{ role: 'street', jurisdiction: 'yongning', streets: [STREET_ID] }])).toEqual([{ key: 'yongning', label: '永宁县' }]);
  });
});

describe('offersViolation / offersPlacing', () => {
  const ticket = { propertyCompanyId: 'pc-1', streetId: STREET_ID, estateId: 'a' };

  it('offers 认定 to street and department roles on a ticket with a property company', () => {
    expect(offersViolation(['street'], null, ticket)).toBe(true);
    expect(offersViolation(['department'], null, ticket)).toBe(true);
    expect(offersViolation(['grid', 'police'], null, ticket)).toBe(false);
    expect(offersViolation(['street'], null, { ...ticket, propertyCompanyId: null })).toBe(false);
  });

  it('with grants: the ticket’s street, or a 住建 unit', () => {
    expect(offersViolation(['street'], [{ role: 'street', jurisdiction: 'yongning', streets: ['yongning.t.other'] }], ticket)).toBe(false);
    expect(offersViolation(['street'], [{ role: 'street', jurisdiction: 'yongning', streets: [STREET_ID] }], ticket)).toBe(true);
    expect(offersViolation(['department'], [{ role: 'department', jurisdiction: 'yongning', units: [LEAD_UNIT] }], ticket)).toBe(true); // 县住建局
    expect(offersViolation(['department'], [{ role: 'department', jurisdiction: 'yongning', units: ['yongning.yjj'] }], ticket)).toBe(false);
  });

  it('offers 关联小区 on a ticket without an estate to street, leadership and admin', () => {
    expect(offersPlacing(['street'], { estateId: null })).toBe(true);
    expect(offersPlacing(['leadership'], { estateId: null })).toBe(true);
    expect(offersPlacing(['grid', 'department'], { estateId: null })).toBe(false);
    expect(offersPlacing(['street'], { estateId: 'a' })).toBe(false);
  });
});
