/** Admin rights are per jurisdiction; a city admin also manages its counties (DESIGN.md §7). */
import type { Identity } from '../../../shared/domain/roles';
import { administeredJurisdictions, administers, managesStaff, townshipJurisdiction, unitJurisdiction } from '../../../shared/permissions/admin-scope';

const adminOf = (...jurisdictions: string[]): Identity => ({ userId: 'a', name: 'a', grants: jurisdictions.map((jurisdiction) => ({ role: 'admin', jurisdiction })) });

it.each([
  ['yinchuan', 'yinchuan', true],
  ['yinchuan', 'yongning', true],
  ['yongning', 'yinchuan', false],
  ['wuzhong', 'qitai', false],
  ['qitai', 'qitai', true],
  ['qitai', 'atlantis', false],
])('an admin of %s administers %s: %s', (grant, target, expected) => {
  expect(administers(adminOf(grant), target)).toBe(expected);
});

it('a non-admin grant in the jurisdiction gives no admin rights', () => {
  expect(administers({ userId: 'g', name: 'g', grants: [{ role: 'grid', jurisdiction: 'yongning' }] }, 'yongning')).toBe(false);
});

it('lists the jurisdictions an identity administers', () => {
  expect(administeredJurisdictions(adminOf('yinchuan')).sort()).toEqual(['yinchuan', 'yongning']);
  expect(administeredJurisdictions(adminOf('yongning'))).toEqual(['yongning']);
  expect(administeredJurisdictions({ userId: 'r', name: 'r', grants: [] })).toEqual([]);
});

it('finds the jurisdiction whose list names a unit or a township', () => {
  expect(unitJurisdiction('yongning.zjj')).toBe('yongning');
  expect(unitJurisdiction('qitai.gaj')).toBe('qitai');
  expect(unitJurisdiction('nowhere.zjj')).toBeUndefined();
  expect(townshipJurisdiction('wuzhong.t.shengli')).toBe('wuzhong');
  expect(townshipJurisdiction('nowhere')).toBeUndefined();
});

it('manages staff whose every grant lies where it acts, never a resident (no grants)', () => {
  const staff = (...js: string[]) => ({ grants: js.map((jurisdiction) => ({ jurisdiction })) });
  expect(managesStaff(adminOf('yinchuan'), staff('yongning', 'yinchuan'))).toBe(true);
  expect(managesStaff(adminOf('yongning'), staff('yongning', 'yinchuan'))).toBe(false);
  expect(managesStaff(adminOf('yongning'), staff())).toBe(false);
});
