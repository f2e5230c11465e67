/**
 * The contract of JurisdictionStore (shared/ports/jurisdictions.ts, issue 19 §4): both adapters
 * (SQLite, CloudBase) run it. Each test opens a fresh, empty store. 示例县 is a test fixture, not a
 * real place.
 */
import { StoredJurisdictionSchema, type StoredJurisdiction } from '../../shared/jurisdictions/stored';
import type { Store } from '../../shared/ports/store';
import type { OpenedStore } from './store.contract';

export function makeJurisdiction(overrides: Partial<StoredJurisdiction> = {}): StoredJurisdiction {
  return StoredJurisdictionSchema.parse({
    id: 'shilixian',
    name: '示例县',
    level: 'county',
    parent: 'yinchuan',
    departments: [],
    townships: [],
    leadershipOffice: null,
    createdAt: '2026-12-06T01:00:00.000Z',
    createdBy: 'u-admin',
    updatedAt: '2026-12-06T01:00:00.000Z',
    updatedBy: 'u-admin',
    ...overrides,
  });
}

export function describeJurisdictionContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Jurisdiction store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(() => cleanup());

    it('an empty store has no created jurisdiction', async () => {
      expect(await store.listJurisdictions()).toEqual([]);
    });

    it('a put stores the whole record; a second put of the same id replaces it (its directory imported)', async () => {
      const created = makeJurisdiction();
      await store.putJurisdiction(created);
      expect(await store.listJurisdictions()).toEqual([created]);
      const withUnits = makeJurisdiction({
        departments: [{ id: 'shilixian.u1', name: '示例县住建局', level: 'county', kind: 'housing' }],
        townships: [{ id: 'shilixian.t1', name: '示例镇' }],
        leadershipOffice: 'shilixian.u1',
        updatedAt: '2026-12-06T02:00:00.000Z',
      });
      await store.putJurisdiction(withUnits);
      expect(await store.listJurisdictions()).toEqual([withUnits]);
    });

    it('lists in creation order, then by id (a parent before the counties created under it)', async () => {
      await store.putJurisdiction(makeJurisdiction({ id: 'b-county', parent: 'a-city', createdAt: '2026-12-06T03:00:00.000Z' }));
      await store.putJurisdiction(makeJurisdiction({ id: 'a-city', level: 'city', parent: null, createdAt: '2026-12-06T02:00:00.000Z' }));
      await store.putJurisdiction(makeJurisdiction({ id: 'a-county', parent: 'a-city', createdAt: '2026-12-06T03:00:00.000Z' }));
      expect((await store.listJurisdictions()).map((j) => j.id)).toEqual(['a-city', 'a-county', 'b-county']);
    });
  });
}
