import { createCloudbaseStore, loadCloudbase } from '../../cloudfunctions/_adapters/cloudbase/store';
import { declaredCollections } from '../../cloudfunctions/_deploy/resources';
import { CloudbaseLoopback, observedQueries } from '../support/cloudbase-loopback';
import { uncoveredQueries } from '../support/index-coverage';
import { describeListVersionContract, makeVersion } from './list-versions.contract';

describeListVersionContract('CloudBase (real @cloudbase/node-sdk against the loopback CloudBase server)', async () => {
  const loopback = await CloudbaseLoopback.start();
  const app = loadCloudbase(loopback.sdkOptions());
  return { store: createCloudbaseStore(app), cleanup: () => loopback.close() };
});

describe('CloudBase deploy configuration covers every query of the list version contract suite', () => {
  it('list_versions is declared and each query starts an index of cloudfunctions/_deploy/resources.ts', () => {
    expect(observedQueries.filter((q) => q.collection === 'list_versions').length).toBeGreaterThan(4);
    const declared = new Map(declaredCollections().map((c) => [c.name as string, c.indexes]));
    expect(uncoveredQueries(observedQueries, declared)).toEqual([]);
  });
});

describe('CloudBase: the active versions are kept per warm container by the directory cache rule', () => {
  it('another container’s activation is seen within the TTL; this container’s own put at once', async () => {
    const loopback = await CloudbaseLoopback.start();
    try {
      let ms = 0;
      const a = createCloudbaseStore(loadCloudbase(loopback.sdkOptions()), { directoryCache: { ttlMs: 60_000, now: () => ms } });
      const b = createCloudbaseStore(loadCloudbase(loopback.sdkOptions()), { directoryCache: { ttlMs: 60_000, now: () => ms } });
      expect(await a.listListVersions({ status: 'active' })).toEqual([]);
      const v1 = makeVersion({ status: 'active', effectiveFrom: '2027-01-01' });
      await b.putListVersion(v1);
      // Drafts and filtered reads are never cached.
      expect(await a.listListVersions({})).toEqual([v1]);
      ms = 59_999;
      expect(await a.listListVersions({ status: 'active' })).toEqual([]);
      ms = 60_000;
      expect(await a.listListVersions({ status: 'active' })).toEqual([v1]);
      const v2 = makeVersion({ versionId: 'qitai.2027-2', status: 'active', effectiveFrom: '2027-06-01' });
      await a.putListVersion(v2);
      expect((await a.listListVersions({ status: 'active' })).map((v) => v.versionId)).toEqual(['qitai.2027-1', 'qitai.2027-2']);
    } finally {
      await loopback.close();
    }
  });
});
