import { createCloudbaseStore, loadCloudbase } from '../../cloudfunctions/_adapters/cloudbase/store';
import { declaredCollections } from '../../cloudfunctions/_deploy/resources';
import { CloudbaseLoopback, observedQueries } from '../support/cloudbase-loopback';
import { uncoveredQueries } from '../support/index-coverage';
import { describeStoreContract } from './store.contract';

describeStoreContract('CloudBase (real @cloudbase/node-sdk against the loopback CloudBase server)', async () => {
  const loopback = await CloudbaseLoopback.start();
  const app = loadCloudbase(loopback.sdkOptions());
  return { store: createCloudbaseStore(app), cleanup: () => loopback.close() };
});

/*
 * Declared after the contract suite, so it runs last: every query the suite made the adapter send
 * (the loopback logs them process-wide) must be served by an index of the deploy configuration.
 */
describe('CloudBase deploy configuration covers every query of the contract suite', () => {
  it('each collection queried is declared and each query starts an index of cloudfunctions/_deploy/resources.ts', () => {
    expect(observedQueries.length).toBeGreaterThan(50);
    const declared = new Map(declaredCollections().map((c) => [c.name as string, c.indexes]));
    expect(uncoveredQueries(observedQueries, declared)).toEqual([]);
  });
});
