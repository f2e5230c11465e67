import { createCloudbaseStore, loadCloudbase } from '../../cloudfunctions/_adapters/cloudbase/store';
import { declaredCollections } from '../../cloudfunctions/_deploy/resources';
import { CloudbaseLoopback, observedQueries } from '../support/cloudbase-loopback';
import { uncoveredQueries } from '../support/index-coverage';
import { describeJurisdictionContract, makeJurisdiction } from './jurisdictions.contract';

describeJurisdictionContract('CloudBase (real @cloudbase/node-sdk against the loopback CloudBase server)', async () => {
  const loopback = await CloudbaseLoopback.start();
  const app = loadCloudbase(loopback.sdkOptions());
  return { store: createCloudbaseStore(app), cleanup: () => loopback.close() };
});

describe('CloudBase deploy configuration covers every query of the jurisdiction contract suite', () => {
  it('jurisdictions is declared and each query starts an index of cloudfunctions/_deploy/resources.ts', () => {
    expect(observedQueries.filter((q) => q.collection === 'jurisdictions').length).toBeGreaterThan(2);
    const declared = new Map(declaredCollections().map((c) => [c.name as string, c.indexes]));
    expect(uncoveredQueries(observedQueries, declared)).toEqual([]);
  });
});

describe('CloudBase: created jurisdictions are kept per warm container by the directory cache rule', () => {
  it('another container’s new jurisdiction is seen once the TTL has passed; this container’s own put at once', async () => {
    const loopback = await CloudbaseLoopback.start();
    try {
      let ms = 0;
      const a = createCloudbaseStore(loadCloudbase(loopback.sdkOptions()), { directoryCache: { ttlMs: 60_000, now: () => ms } });
      const b = createCloudbaseStore(loadCloudbase(loopback.sdkOptions()), { directoryCache: { ttlMs: 60_000, now: () => ms } });
      expect(await a.listJurisdictions()).toEqual([]);
      const created = makeJurisdiction();
      await b.putJurisdiction(created);
      ms = 59_999;
      expect(await a.listJurisdictions()).toEqual([]);
      ms = 60_000;
      expect(await a.listJurisdictions()).toEqual([created]);
      const renamed = makeJurisdiction({ name: '示例县二', updatedAt: '2026-12-06T02:00:00.000Z' });
      await a.putJurisdiction(renamed);
      expect(await a.listJurisdictions()).toEqual([renamed]);
    } finally {
      await loopback.close();
    }
  });
});
