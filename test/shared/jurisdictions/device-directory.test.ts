/**
 * What a staff phone is given of the created jurisdictions (shared/jurisdictions/device-directory.ts,
 * issue 19): the ones the grants cover, each with its created ancestors, parents first, and a
 * revision that moves only with what was given. A created city 示例市 with two created counties
 * 示例县 and 示例东县 — test fixtures, not real places; rows cite a made-up document.
 */
import { BUNDLED_REGISTRY } from '../../../shared/jurisdictions';
import { deviceDirectory, deviceRegistry } from '../../../shared/jurisdictions/device-directory';
import { directoryRegistry, type StoredJurisdiction } from '../../../shared/jurisdictions/stored';
import type { ListVersion } from '../../../shared/jurisdictions/versions';
import type { RoleGrant } from '../../../shared/domain/roles';

const DOC = '示例市物业管理责任清单(测试样例)';
const BASE = [...BUNDLED_REGISTRY.lists.values()];
const AT = '2026-11-23T01:00:00.000Z';

function place(id: string, name: string, level: StoredJurisdiction['level'], parent: string | null): StoredJurisdiction {
  return {
    id,
    name,
    level,
    parent,
    departments: [
      { id: `${id}.u1`, name: `${name}人民政府`, level: level === 'city' ? 'city' : 'county', kind: 'government' },
      { id: `${id}.u2`, name: `${name}住房和城乡建设局`, level: level === 'city' ? 'city' : 'county', kind: 'housing' },
    ],
    townships: [{ id: `${id}.t1`, name: `${name}示例街道` }],
    leadershipOffice: `${id}.u1`,
    createdAt: AT,
    createdBy: 'u-operator',
    updatedAt: AT,
    updatedBy: 'u-operator',
  };
}

function active(j: string, versionId = `${j}.v1`): ListVersion {
  const other = { id: `${versionId}.r1`, seq: '1', categories: ['other' as const], basis: [{ source: DOC, item: '一', text: '清单未列明的问题由住房和城乡建设局办理。' }], lead: [`${j}.u2`], responsible: ['township'] };
  return { jurisdiction: j, versionId, status: 'active', effectiveFrom: '2026-11-23', sources: [DOC], rows: [other], defaultRow: { ...other, id: `${other.id}.default` }, createdAt: AT, createdBy: 'u-operator', activatedAt: AT, activatedBy: 'u-operator' };
}

const CITY = place('shishi', '示例市', 'city', null);
const COUNTY = place('shili', '示例县', 'county', 'shishi');
const SIBLING = place('shidong', '示例东县', 'county', 'shishi');
const STORED = [COUNTY, SIBLING, CITY];
const registryOf = (stored: StoredJurisdiction[], versions = stored.map((j) => active(j.id))) => directoryRegistry(BASE, stored, versions).registry;
const give = (grants: RoleGrant[], stored = STORED, versions?: ListVersion[]) => deviceDirectory(registryOf(stored, versions), stored, grants);
const ids = (grants: RoleGrant[]) => give(grants).lists.map((l) => l.id);

describe('deviceDirectory', () => {
  it('gives each covered created jurisdiction with its created parent, parents first', () => {
    expect(ids([{ role: 'grid', jurisdiction: 'shili', estates: ['e1'] }])).toEqual(['shishi', 'shili']);
    expect(ids([{ role: 'leadership', jurisdiction: 'shishi' }])).toEqual(['shishi', 'shili', 'shidong']);
    expect(ids([{ role: 'street', jurisdiction: 'shidong', streets: ['shidong.t1'] }])).toEqual(['shishi', 'shidong']);
  });

  it('gives a county nothing of its sibling, a bundled jurisdiction’s staff nothing, a resident grant nothing', () => {
    expect(ids([{ role: 'department', jurisdiction: 'shili', units: ['shili.u2'] }])).not.toContain('shidong');
    expect(ids([{ role: 'admin', jurisdiction: 'yinchuan' }, { role: 'leadership', jurisdiction: 'yongning' }])).toEqual([]);
    expect(ids([{ role: 'resident', jurisdiction: 'shili', estates: ['e1'] }])).toEqual([]);
  });

  it('what it gives loads on a phone into a registry with the county’s chain and names', () => {
    const phone = deviceRegistry(BASE, give([{ role: 'grid', jurisdiction: 'shili', estates: ['e1'] }]).lists);
    expect(phone.chain('shili').map((l) => l.id)).toEqual(['shili', 'shishi']);
    expect(phone.department('shili.u2')?.name).toBe('示例县住房和城乡建设局');
    expect(phone.list('shidong')).toBeUndefined();
    expect(phone.list('yongning')?.name).toBe('永宁县');
  });

  it('its revision moves with a re-imported unit table or an activated version of what it gives, and only then', () => {
    const grants: RoleGrant[] = [{ role: 'grid', jurisdiction: 'shili', estates: ['e1'] }];
    const base = give(grants).revision;
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(give(grants, [{ ...COUNTY }, { ...SIBLING }, { ...CITY }]).revision).toBe(base);
    expect(give(grants, [{ ...COUNTY, updatedAt: '2026-11-24T01:00:00.000Z' }, SIBLING, CITY]).revision).not.toBe(base);
    expect(give(grants, STORED, [active('shili', 'shili.v2'), active('shidong'), active('shishi')]).revision).not.toBe(base);
    // The sibling's changes are not this officer's.
    expect(give(grants, [COUNTY, { ...SIBLING, updatedAt: '2026-11-24T01:00:00.000Z' }, CITY], [active('shili'), active('shidong', 'shidong.v2'), active('shishi')]).revision).toBe(base);
  });
});
