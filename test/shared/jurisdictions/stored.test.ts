/**
 * Created jurisdictions joining the bundled lists (shared/jurisdictions/stored.ts, issue 19 §4).
 * 示例县 is a test fixture, not a real place; its version rows cite the fixture's made-up document.
 */
import { BUNDLED_REGISTRY } from '../../../shared/jurisdictions';
import { directoryRegistry, routingRegistry, storedListsAt, type StoredJurisdiction } from '../../../shared/jurisdictions/stored';
import type { ListVersion } from '../../../shared/jurisdictions/versions';
import { route } from '../../../shared/routing/route';

const DOC = '示例县物业管理责任清单(测试样例)';
const BASE = [...BUNDLED_REGISTRY.lists.values()];
const SHILI: StoredJurisdiction = {
  id: 'shili',
  name: '示例县',
  level: 'county',
  parent: 'yinchuan',
  departments: [
    { id: 'shili.u1', name: '示例县人民政府', level: 'county', kind: 'government' },
    { id: 'shili.u2', name: '示例县住房和城乡建设局', level: 'county', kind: 'housing' },
    { id: 'shili.u3', name: '示例县消防救援大队', level: 'county', kind: 'fire' },
  ],
  townships: [{ id: 'shili.t1', name: '示例街道' }],
  leadershipOffice: 'shili.u1',
  createdAt: '2026-11-23T01:00:00.000Z',
  createdBy: 'u-admin-yc',
  updatedAt: '2026-11-23T01:00:00.000Z',
  updatedBy: 'u-admin-yc',
};
const version = (versionId: string, lead: string, effectiveFrom: string, activatedAt: string): ListVersion => ({
  jurisdiction: 'shili',
  versionId,
  status: 'active',
  effectiveFrom,
  sources: [DOC],
  rows: [
    { id: `${versionId}.r2`, seq: '1', categories: ['fly-wire'], basis: [{ source: DOC, item: '一(1)', text: '飞线充电由县住房和城乡建设局牵头。' }], lead: [lead], responsible: ['township'] },
    { id: `${versionId}.r3`, seq: '2', categories: ['other'], basis: [{ source: DOC, item: '四', text: '清单未列明的问题由县住房和城乡建设局办理。' }], lead: ['shili.u2'], responsible: [] },
  ],
  defaultRow: { id: `${versionId}.r3.default`, basis: [{ source: DOC, item: '四', text: '清单未列明的问题由县住房和城乡建设局办理。' }], lead: ['shili.u2'], responsible: [] },
  createdAt: activatedAt,
  createdBy: 'u-admin-yc',
  activatedAt,
  activatedBy: 'u-admin-yc',
});
const V1 = version('shili.v1', 'shili.u2', '2026-12-01', '2026-11-23T02:00:00.000Z');
const V2 = version('shili.v2', 'shili.u3', '2027-01-01', '2026-12-15T02:00:00.000Z');

describe('storedListsAt + routingRegistry', () => {
  it('a created county routes from the China-time day its first version takes effect, by the version of that day', () => {
    const at = (instant: string) => routingRegistry(BASE, storedListsAt([SHILI], [V1, V2], instant)).registry;
    // 2026-11-30 23:59 in Beijing: nothing in effect yet.
    expect(at('2026-11-30T15:59:00.000Z').list('shili')).toBeUndefined();
    const dec = at('2026-11-30T16:00:00.000Z');
    const d = route({ jurisdiction: 'shili', category: 'fly-wire' }, dec);
    expect([d.lead.map((u) => u.name), d.versionId, d.rowId]).toEqual([['示例县住房和城乡建设局'], 'shili.v1', 'shili.v1.r2']);
    expect(route({ jurisdiction: 'shili', category: 'fly-wire' }, at('2027-01-01T00:00:00.000Z')).lead.map((u) => u.name)).toEqual(['示例县消防救援大队']);
    // A category neither 示例县's list nor Yinchuan's covers goes to its 其他 row (the version's default).
    expect(BUNDLED_REGISTRY.rowFor('yinchuan', 'noise')).toBeUndefined();
    const noise = route({ jurisdiction: 'shili', category: 'noise' }, dec);
    expect([noise.lead.map((u) => u.name), noise.basis[0]?.item]).toEqual([['示例县住房和城乡建设局'], '四']);
    // Yinchuan's rows apply to its new county where its own list is silent (DESIGN.md §5).
    expect(route({ jurisdiction: 'shili', category: 'garbage' }, dec).listId).toBe('yinchuan');
  });

  it('a county without its units, or whose parent is not there, is left out and named; the others still load', () => {
    const noUnits = { ...SHILI, id: 'kong', departments: [], townships: [], leadershipOffice: null };
    expect(storedListsAt([noUnits], [{ ...V1, jurisdiction: 'kong' }], '2026-12-02T00:00:00.000Z')).toEqual([]);
    const orphan = { ...SHILI, id: 'gu', parent: 'nowhere' };
    const { registry, skipped } = routingRegistry(BASE, storedListsAt([SHILI, orphan], [V1, { ...V1, jurisdiction: 'gu' }], '2026-12-02T00:00:00.000Z'));
    expect(skipped).toEqual(['gu']);
    expect(registry.list('shili')?.name).toBe('示例县');
    // A list that names a unit its directory lacks does not load: left out, not fatal.
    const broken = { ...SHILI, id: 'huai', departments: SHILI.departments.filter((d) => d.id !== 'shili.u2') };
    expect(routingRegistry(BASE, storedListsAt([broken], [{ ...V1, jurisdiction: 'huai' }], '2026-12-02T00:00:00.000Z')).skipped).toEqual(['huai']);
  });
});

describe('directoryRegistry', () => {
  it('holds a created county once a version is active (any effective day), with the latest activated rows; a draft is not enough', () => {
    expect(directoryRegistry(BASE, [SHILI], []).registry.list('shili')).toBeUndefined();
    const { registry } = directoryRegistry(BASE, [SHILI], [V2, V1]);
    expect(registry.list('shili')?.versionId).toBe('shili.v2');
    expect(registry.chain('shili').map((l) => l.id)).toEqual(['shili', 'yinchuan']);
    expect(registry.department('shili.u3')?.name).toBe('示例县消防救援大队');
  });
});
