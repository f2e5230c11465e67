/**
 * The contract of ListVersionStore (shared/ports/list-versions.ts, issue 19): both adapters
 * (SQLite, CloudBase) run it. Each test opens a fresh, empty store.
 */
import { ListVersionSchema, type ListVersion } from '../../shared/jurisdictions/versions';
import type { Store } from '../../shared/ports/store';
import type { OpenedStore } from './store.contract';

export function makeVersion(overrides: Partial<ListVersion> = {}): ListVersion {
  return ListVersionSchema.parse({
    jurisdiction: 'qitai',
    versionId: 'qitai.2027-1',
    status: 'draft',
    effectiveFrom: null,
    sources: ['奇台县物业管理责任清单(2027年版)'],
    rows: [
      {
        id: 'qitai.2027-1.1',
        seq: '1',
        problem: '飞线充电',
        categories: ['fly-wire'],
        basis: [{ source: '奇台县物业管理责任清单(2027年版)', item: '序号1', text: '整治居民飞线充电问题。' }],
        lead: ['qitai.xf'],
        responsible: ['township'],
      },
    ],
    createdAt: '2026-12-01T02:00:00.000Z',
    createdBy: 'u-admin',
    ...overrides,
  });
}

export function describeListVersionContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`List version store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(() => cleanup());

    it('an empty store has no versions (routing then falls back to the bundled lists)', async () => {
      expect(await store.listListVersions({})).toEqual([]);
    });

    it('putListVersion stores the whole version and replaces the one with the same jurisdiction and id (activation)', async () => {
      const draft = makeVersion();
      await store.putListVersion(draft);
      expect(await store.listListVersions({})).toEqual([draft]);
      const active = makeVersion({ status: 'active', effectiveFrom: '2027-01-01', activatedAt: '2026-12-02T00:00:00.000Z', activatedBy: 'u-admin' });
      await store.putListVersion(active);
      expect(await store.listListVersions({})).toEqual([active]);
    });

    it('listListVersions filters by status and jurisdictions, ordered by jurisdiction, then createdAt, then versionId', async () => {
      const a = makeVersion({ versionId: 'qitai.b', createdAt: '2026-12-01T03:00:00.000Z' });
      const b = makeVersion({ versionId: 'qitai.a', createdAt: '2026-12-01T03:00:00.000Z', status: 'active', effectiveFrom: '2027-01-01' });
      const c = makeVersion({ versionId: 'qitai.c', createdAt: '2026-11-01T03:00:00.000Z' });
      const y = makeVersion({ jurisdiction: 'yongning', versionId: 'yongning.x', createdAt: '2026-10-01T00:00:00.000Z', rows: [{ ...makeVersion().rows[0]!, lead: ['yongning.zjj'] }] });
      for (const v of [a, b, c, y]) await store.putListVersion(v);
      expect((await store.listListVersions({})).map((v) => v.versionId)).toEqual(['qitai.c', 'qitai.a', 'qitai.b', 'yongning.x']);
      expect((await store.listListVersions({ jurisdictions: ['yongning'] })).map((v) => v.versionId)).toEqual(['yongning.x']);
      expect((await store.listListVersions({ status: 'active' })).map((v) => v.versionId)).toEqual(['qitai.a']);
      expect(await store.listListVersions({ status: 'active', jurisdictions: ['yongning'] })).toEqual([]);
      expect(await store.listListVersions({ jurisdictions: [] })).toEqual([]);
    });
  });
}
