import { createCloudbaseStore, loadCloudbase } from '../../cloudfunctions/_adapters/cloudbase/store';
import { declaredCollections } from '../../cloudfunctions/_deploy/resources';
import { CloudbaseLoopback, observedQueries } from '../support/cloudbase-loopback';
import { uncoveredQueries } from '../support/index-coverage';
import { describeBulletinJobContract } from './bulletin-jobs.contract';

describeBulletinJobContract('CloudBase (real @cloudbase/node-sdk against the loopback CloudBase server)', async () => {
  const loopback = await CloudbaseLoopback.start();
  const app = loadCloudbase(loopback.sdkOptions());
  return { store: createCloudbaseStore(app), cleanup: () => loopback.close() };
});

describe('CloudBase deploy configuration covers every query of the bulletin job contract suite', () => {
  it('bulletin_jobs is declared and each query starts an index of cloudfunctions/_deploy/resources.ts', () => {
    expect(observedQueries.filter((q) => q.collection === 'bulletin_jobs').length).toBeGreaterThan(0);
    const declared = new Map(declaredCollections().map((c) => [c.name as string, c.indexes]));
    expect(uncoveredQueries(observedQueries, declared)).toEqual([]);
  });
});
