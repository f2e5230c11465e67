/**
 * CloudbaseLoopback.busyMs: the time the fake spends answering, which the 1 M bench subtracts from
 * a call's wall time (test/bench/cloudbase-facts.ts). It must grow with the fake's own work (a
 * scan of many documents) and leave out the latency wait that stands in for the network.
 */
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';
import { loadCloudbase } from '../../../cloudfunctions/_adapters/cloudbase/store';

let loopback: CloudbaseLoopback;
beforeEach(async () => {
  loopback = await CloudbaseLoopback.start();
});
afterEach(() => loopback.close());

it('counts the time spent scanning documents, not the latency wait', async () => {
  const db = loadCloudbase(loopback.sdkOptions()).database();
  loopback.seedUnchecked(
    'tickets',
    Array.from({ length: 50_000 }, (_, i) => ({ _id: `t${i}`, jurisdiction: i % 2 ? 'yongning' : 'qitai', createdAt: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z` })),
  );
  // A count over 50,000 documents: the fake scans every one (CloudBase would use an index).
  const before = loopback.busyMs;
  const started = performance.now();
  const { total } = await db.collection('tickets').where({ jurisdiction: 'yongning' }).count();
  const wall = performance.now() - started;
  const scan = loopback.busyMs - before;
  expect(total).toBe(25_000);
  expect(scan).toBeGreaterThan(0);
  expect(scan).toBeLessThanOrEqual(wall);

  // The same request with every answer held 300 ms: the wait is not the fake's work.
  loopback.latencyMs = 300;
  const heldFrom = loopback.busyMs;
  const heldStarted = performance.now();
  await db.collection('tickets').where({ jurisdiction: 'yongning' }).count();
  const heldWall = performance.now() - heldStarted;
  const held = loopback.busyMs - heldFrom;
  expect(heldWall).toBeGreaterThanOrEqual(300);
  expect(held).toBeLessThan(heldWall - 250);
});
