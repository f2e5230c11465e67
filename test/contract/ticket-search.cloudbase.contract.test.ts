import { createCloudbaseStore, loadCloudbase } from '../../cloudfunctions/_adapters/cloudbase/store';
import { declaredCollections } from '../../cloudfunctions/_deploy/resources';
import { CloudbaseLoopback, observedQueries } from '../support/cloudbase-loopback';
import { uncoveredQueries } from '../support/index-coverage';
import { describeTicketSearchContract } from './ticket-search.contract';

describeTicketSearchContract('CloudBase (real @cloudbase/node-sdk against the loopback CloudBase server)', async () => {
  const loopback = await CloudbaseLoopback.start();
  const app = loadCloudbase(loopback.sdkOptions());
  return { store: createCloudbaseStore(app), cleanup: () => loopback.close() };
});

describe('CloudBase deploy configuration covers every tab and search query', () => {
  it('each ticket query and count starts an index of cloudfunctions/_deploy/resources.ts', () => {
    const searches = observedQueries.filter((q) => q.collection === 'tickets' && q.action === 'database.calculateDocument');
    expect(searches.length).toBeGreaterThan(5);
    const declared = new Map(declaredCollections().map((c) => [c.name as string, c.indexes]));
    expect(uncoveredQueries(observedQueries, declared)).toEqual([]);
  });
});
