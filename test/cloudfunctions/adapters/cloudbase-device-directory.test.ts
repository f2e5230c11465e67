/**
 * ticket.jurisdictionDirectory on CloudBase (issue 19): the real @cloudbase/node-sdk against the
 * loopback server, in a warm container. The router's live-registry read of the created
 * jurisdictions is the one the directory answers from (usecases/device-directory.ts): within the
 * directory cache's minute a warm call sends no database request at all, and after the minute only
 * the router's two reads (jurisdictions, active list versions) go out, the directory adding none. 示例县 is a test fixture, not a
 * real place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudbaseStore, loadCloudbase } from '../../../cloudfunctions/_adapters/cloudbase/store';
import type { AppDeps } from '../../../cloudfunctions/_app/context';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { User } from '../../../shared/domain/directory';
import { fixedClock } from '../../../local/store/clock';
import { DiskFileStore } from '../../../local/store/files';
import { randomIds } from '../../../local/store/ids';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';
import { identityOf, NOW } from '../../support/app';
import { onboardShili } from '../../fixtures/county/onboard-shili';

jest.setTimeout(60_000);

const cityAdmin: User = { id: 'u-admin-yc', openid: null, name: '银川管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'yinchuan' }], demo: false };
const shiliStreet: User = { id: 'u-street-sl', openid: null, name: '卫街', phone: null, grants: [{ role: 'street', jurisdiction: 'shili', streets: ['shili.t1'] }], demo: false };

it('a warm container answers the directory from the cached reads: no request within the minute, after it only the router’s two reads', async () => {
  const loopback = await CloudbaseLoopback.start();
  const dir = mkdtempSync(join(tmpdir(), 'cb-device-directory-'));
  try {
    let ms = 0;
    const clock = fixedClock(NOW);
    const store = createCloudbaseStore(loadCloudbase(loopback.sdkOptions()), { directoryCache: { ttlMs: 60_000, now: () => ms } });
    const deps: AppDeps = { store, files: new DiskFileStore(join(dir, 'files'), { clock }), content: { checkText: async () => ({ ok: true }) }, clock, ids: randomIds(), config: { platform: 'cloudbase', reportsPerHour: 10 } };
    await store.putUser(cityAdmin);
    await onboardShili(deps, cityAdmin, '2026-11-23');
    const ask = async () => (await ticket(deps, { identity: identityOf(shiliStreet) }, { action: 'jurisdictionDirectory', data: {} })).envelope as { ok: boolean; data: { lists: Array<{ id: string }> } };

    const first = await ask();
    expect(first.data.lists.map((l) => l.id)).toEqual(['shili']);
    loopback.clearRequests();
    expect(await ask()).toEqual(first);
    expect(loopback.actions()).toEqual([]);

    ms = 60_000;
    loopback.clearRequests();
    expect(await ask()).toEqual(first);
    // The router's refresh reads both again; the directory's own read of the jurisdictions is then cached.
    expect(loopback.requests.map((r) => [r.action, (r.body as { collectionName?: string }).collectionName])).toEqual([
      ['database.getDocument', 'jurisdictions'],
      ['database.getDocument', 'list_versions'],
    ]);
  } finally {
    await loopback.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
