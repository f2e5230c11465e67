/**
 * Issue 17 §2: the CloudBase store caches the directory's reference data per warm container
 * (directory-store.ts DirectoryCache). The rule under test:
 * - estates, grids, SLA policies, unit contacts and property companies are read once and trusted for
 *   at most 60 s; another container's change is seen after that;
 * - a directory write through this store drops the cache at once (read-your-writes);
 * - users and grants are never cached: a grant revoked in one container is refused on the next call
 *   in another container that had just used it.
 * Requests are counted on the loopback server (the real @cloudbase/node-sdk sends them).
 */
import { cloudbaseDeps } from '../../../cloudfunctions/_adapters/cloudbase/main';
import { createCloudbaseStore, loadCloudbase } from '../../../cloudfunctions/_adapters/cloudbase/store';
import { DIRECTORY_CACHE_TTL_MS } from '../../../cloudfunctions/_adapters/cloudbase/directory-store';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { report } from '../../../cloudfunctions/_app/functions/report';
import type { Store } from '../../../shared/ports/store';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';
import { ESTATE, GRID, PEOPLE, REPORT } from '../../support/app';
import { openScene, type CloudbaseScene } from '../../bench/cloudbase-requests';

describe('the directory cache of a CloudBase container', () => {
  let loopback: CloudbaseLoopback;
  let clockMs: number;
  let store: Store;
  let other: Store;

  beforeEach(async () => {
    loopback = await CloudbaseLoopback.start();
    clockMs = 1_000_000;
    const now = () => clockMs;
    store = createCloudbaseStore(loadCloudbase(loopback.sdkOptions()), { directoryCache: { now } });
    // Another warm container of the same environment (e.g. the admin function's).
    other = createCloudbaseStore(loadCloudbase(loopback.sdkOptions()), { directoryCache: { now } });
    await other.putEstate(ESTATE);
    await other.putGrid(GRID);
    await other.putSlaPolicy('yongning', { triageHours: 2 });
    loopback.clearRequests();
  });

  afterEach(async () => {
    await loopback.close();
  });

  it('reads estates, grids and the SLA policy once, then answers from memory (separate copies)', async () => {
    const first = await store.getEstate(ESTATE.id);
    expect(first).toEqual(ESTATE);
    expect(await store.listGrids({ estateId: ESTATE.id })).toEqual([GRID]);
    expect(await store.getSlaPolicy('yongning')).toEqual({ triageHours: 2 });
    const reads = loopback.requests.length;
    expect(reads).toBe(3);

    (first as { name: string }).name = 'changed by a caller';
    expect(await store.getEstate(ESTATE.id)).toEqual(ESTATE);
    expect(await store.listGrids({ estateId: ESTATE.id })).toEqual([GRID]);
    expect(await store.getSlaPolicy('yongning')).toEqual({ triageHours: 2 });
    expect(loopback.requests.length).toBe(reads);
  });

  it('drops everything on its own directory write: the next read sees the write', async () => {
    await store.getEstate(ESTATE.id);
    await store.getSlaPolicy('yongning');
    await store.putEstate({ ...ESTATE, name: '锦绣花园二期' });
    loopback.clearRequests();
    expect((await store.getEstate(ESTATE.id))?.name).toBe('锦绣花园二期');
    expect(await store.getSlaPolicy('yongning')).toEqual({ triageHours: 2 });
    expect(loopback.actions()).toEqual(['database.getDocument', 'database.getDocument']);
  });

  it('sees another container\'s write once its entry is 60 s old, not before', async () => {
    await store.getEstate(ESTATE.id);
    await other.putEstate({ ...ESTATE, name: '改名后的小区' });
    clockMs += DIRECTORY_CACHE_TTL_MS - 1;
    expect((await store.getEstate(ESTATE.id))?.name).toBe(ESTATE.name);
    clockMs += 1;
    expect((await store.getEstate(ESTATE.id))?.name).toBe('改名后的小区');
  });

  it('never caches users or grants', async () => {
    const grid = { ...PEOPLE.grid, openid: 'openid-grid' };
    await other.putUser(grid);
    loopback.clearRequests();
    for (let i = 0; i < 2; i++) {
      await store.getUser(grid.id);
      await store.getUserByOpenid('openid-grid');
      await store.listUsers({ jurisdiction: 'yongning', role: 'grid' });
    }
    expect(loopback.requests.length).toBe(6);
    await other.putUser({ ...grid, grants: [] });
    expect((await store.getUserByOpenid('openid-grid'))?.grants).toEqual([]);
    expect(await store.listUsers({ jurisdiction: 'yongning', role: 'grid' })).toEqual([]);
  });
});

describe('a revoked staff grant on CloudBase, with the directory cached', () => {
  let scene: CloudbaseScene;

  beforeEach(async () => {
    scene = await openScene({ latencyMs: 0 });
  });

  afterEach(async () => {
    await scene.close();
  });

  it('is refused on the very next call of the container that had just used it', async () => {
    const submitted = await scene.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: 'revoke-key-1' });
    expect(submitted.ok).toBe(true);
    const ticketId = (submitted.data as { ticket: { id: string } }).ticket.id;
    // The grid worker's container is warm: the home screen and the ticket were just read.
    expect((await scene.call(ticket, 'grid', 'home')).ok).toBe(true);
    expect((await scene.call(ticket, 'grid', 'detail', { ticketId })).ok).toBe(true);

    // An administrator revokes the grant through another container (another store, no shared memory).
    const admin = cloudbaseDeps(scene.loopback.sdkOptions());
    const stored = await admin.store.getUser(PEOPLE.grid.id);
    await admin.store.putUser({ ...stored!, grants: [] });

    const version = (await scene.deps.store.getTicket(ticketId))!.version;
    const accept = await scene.call(ticket, 'grid', 'accept', { ticketId, version });
    expect(accept.ok).toBe(false);
    expect(accept.error?.code).toBe('AUTH.FORBIDDEN');
    expect((await scene.deps.store.getTicket(ticketId))!.version).toBe(version);
    const detail = await scene.call(ticket, 'grid', 'detail', { ticketId });
    expect(detail.error?.code).toBe('AUTH.OUT_OF_SCOPE');
  });
});
