/**
 * Issue 17 §2 budgets with the live registry (usecases/live-registry.ts, issue 19 §4): a container
 * whose cache is cold (or expired, once a minute) reads the created jurisdictions and the active
 * list versions alongside the identity lookup (cloudbase/main.ts callWithIdentity), so that call is
 * no deeper than the same call warm. Counted on the loopback through the real @cloudbase/node-sdk
 * (test/bench/cloudbase-requests.ts openScene: each answer held 100 ms so that requests sent
 * together overlap).
 */
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import { openScene, type CloudbaseScene } from '../../../bench/cloudbase-requests';

jest.setTimeout(60_000);

let scene: CloudbaseScene;
beforeAll(async () => {
  scene = await openScene({ latencyMs: 100 });
});
afterAll(() => scene.close());

it('a cold ticket.home (police) is as deep as the warm one; the two reads are sent once per call at most', async () => {
  const cold = (await scene.measure(ticket, 'police', 'home')).profile;
  const warm = (await scene.measure(ticket, 'police', 'home')).profile;
  expect(warm.databaseDepth).toBe(2);
  expect(cold.databaseDepth).toBe(warm.databaseDepth);
  // Cold: the jurisdictions and the active versions read once each (not again by the router's refresh).
  expect(cold.database - warm.database).toBe(2);
});
