/**
 * The cache rule of the live registry (cloudfunctions/_app/usecases/live-registry.ts, issue 19 §4)
 * on CloudBase: two warm containers of one environment (the real @cloudbase/node-sdk against the
 * loopback server, each with its own directory cache and a test clock for it). A county created
 * and activated through the admin function in one container is unknown to the other's reports
 * until its cached reads expire (60 s); then the other container routes it. 示例县 is a test
 * fixture, not a real place.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudbaseStore, loadCloudbase } from '../../../../cloudfunctions/_adapters/cloudbase/store';
import type { AppDeps } from '../../../../cloudfunctions/_app/context';
import { admin } from '../../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../../cloudfunctions/_app/functions/report';
import { refreshRegistry, revisionOf } from '../../../../cloudfunctions/_app/usecases/live-registry';
import { handleOpen311 } from '../../../../cloudfunctions/_app/open311';
import type { User } from '../../../../shared/domain/directory';
import { REGISTRY } from '../../../../shared/jurisdictions';
import { regionOf } from '../../../../shared/sla/regional-holidays';
import type { Store } from '../../../../shared/ports/store';
import { fixedClock } from '../../../../local/store/clock';
import { DiskFileStore } from '../../../../local/store/files';
import { randomIds } from '../../../../local/store/ids';
import { openSqliteStore } from '../../../../local/store/sqlite-store';
import { CloudbaseLoopback } from '../../../support/cloudbase-loopback';
import { identityOf, newKey, NOW, REPORT } from '../../../support/app';
import { LIST_V1, listXlsx, SHILI_DOCUMENT } from '../../../fixtures/county/shili-lists';

jest.setTimeout(60_000);

const cityAdmin: User = { id: 'u-admin-yc', openid: null, name: '银川管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'yinchuan' }], demo: false };
const resident: User = { id: 'u-res-sl', openid: 'openid-res-sl', name: '示例县居民', phone: null, grants: [], demo: false };
const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/county', name)).toString('base64');

/**
 * 示例县's list with its 其他 row (a created county's list must have one: docs/COUNTY.md), worded as
 * the fixture words it; kept here too so that the test does not depend on which fixture revision
 * carries the row.
 */
const LIST = [...LIST_V1.filter((r) => r[1] !== '其他'), ['9', '其他', '示例县住房和城乡建设局', '属地乡镇(街道)', `《${SHILI_DOCUMENT}》四：清单未列明的问题由县住房和城乡建设局会同属地乡镇(街道)办理。`] as const];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'live-registry-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function depsOf(store: Store, name: string): AppDeps {
  const clock = fixedClock(NOW);
  return { store, files: new DiskFileStore(join(dir, name), { clock }), content: { checkText: async () => ({ ok: true }) }, clock, ids: randomIds(), config: { platform: 'cloudbase', reportsPerHour: 10 } };
}

describe('a county created in one CloudBase container reaches another when its cached reads expire', () => {
  it('container B refuses a report there within the minute, then routes it by the imported list', async () => {
    const loopback = await CloudbaseLoopback.start();
    try {
      let ms = 0;
      const cache = { ttlMs: 60_000, now: () => ms };
      const a = depsOf(createCloudbaseStore(loadCloudbase(loopback.sdkOptions()), { directoryCache: cache }), 'a');
      const b = depsOf(createCloudbaseStore(loadCloudbase(loopback.sdkOptions()), { directoryCache: cache }), 'b');
      for (const u of [cityAdmin, resident]) await a.store.putUser(u);
      const submit = async () =>
        ((await report(b, { identity: identityOf(resident) }, { action: 'submit', data: { ...REPORT, estateId: 'sl-shhy', location: { lat: 38.4801, lng: 106.2102 }, idempotencyKey: newKey() } })).envelope as {
          data?: { ticket: { route: { list: { listId: string } } } };
          error?: { code: string };
        });
      // Container B is warm: it has read the (empty) created jurisdictions and active versions.
      expect((await submit()).error?.code).toBe('NOT_FOUND');

      const call = async (action: string, data: unknown) => {
        const res = (await admin(a, { identity: identityOf(cityAdmin) }, { action, data })).envelope as { data?: { version?: { versionId: string } }; error?: unknown };
        expect(res.error).toBeUndefined();
        return res.data;
      };
      await call('createJurisdiction', { id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan' });
      await call('importUnits', { jurisdiction: 'shili', fileName: 'u.csv', contentBase64: fixture('shili-units.csv') });
      const imported = await call('importList', { jurisdiction: 'shili', fileName: 'l.xlsx', contentBase64: (await listXlsx(LIST)).toString('base64'), document: SHILI_DOCUMENT });
      await call('activateList', { jurisdiction: 'shili', versionId: imported!.version!.versionId, effectiveFrom: '2026-11-23' });
      await call('putPropertyCompany', { id: 'pc-shili', name: '示例物业服务有限公司', jurisdiction: 'shili' });
      await call('importEstates', { jurisdiction: 'shili', fileName: 'e.csv', contentBase64: fixture('shili-estates.csv') });

      // Within the minute B still answers from what it read before: the estate is unknown to it.
      ms = 59_999;
      expect((await submit()).error?.code).toBe('NOT_FOUND');
      ms = 60_000;
      const routed = await submit();
      expect(routed.error).toBeUndefined();
      expect(routed.data?.ticket.route.list.listId).toBe('shili');
    } finally {
      await loopback.close();
    }
  });
});

describe('refreshRegistry', () => {
  it('installs the created jurisdictions once live, and the bundled registry again for a store without them', async () => {
    const withCounty = openSqliteStore(join(dir, 'a.sqlite'));
    const empty = openSqliteStore(join(dir, 'b.sqlite'));
    try {
      const a = depsOf(withCounty, 'a');
      await withCounty.putUser(cityAdmin);
      const run = (action: string, data: unknown) => admin(a, { identity: identityOf(cityAdmin) }, { action, data });
      await run('createJurisdiction', { id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan' });
      await run('importUnits', { jurisdiction: 'shili', fileName: 'u.csv', contentBase64: fixture('shili-units.csv') });
      await refreshRegistry(a);
      // Created and with units, but no active list: not a jurisdiction the app routes or scopes yet.
      expect(REGISTRY.list('shili')).toBeUndefined();
      const imported = (await run('importList', { jurisdiction: 'shili', fileName: 'l.xlsx', contentBase64: (await listXlsx(LIST)).toString('base64'), document: SHILI_DOCUMENT })).envelope as { data: { version: { versionId: string } } };
      await run('activateList', { jurisdiction: 'shili', versionId: imported.data.version.versionId, effectiveFrom: '2026-12-01' });
      await refreshRegistry(a);
      // Live from activation for names and scopes (its reports route from 2026-12-01).
      expect(REGISTRY.chain('shili').map((l) => l.id)).toEqual(['shili', 'yinchuan']);
      expect(REGISTRY.list('yinchuan')?.name).toBe('银川市');
      // Its SLA calendar is its city's region's (Ningxia's days off), as the SLA policy reads it.
      expect(regionOf('shili')).toBe(regionOf('yinchuan'));
      expect(regionOf('shili')).toBeDefined();
      await refreshRegistry(depsOf(empty, 'b'));
      expect(REGISTRY.list('shili')).toBeUndefined();
      expect([...REGISTRY.lists.keys()]).toEqual(['yinchuan', 'yongning', 'wuzhong', 'qitai']);
      // Open311 (GeoReport v2) answers from the store it serves, whatever the last call installed.
      const georeport = async (d: AppDeps) => (await handleOpen311(d, { method: 'GET', path: 'requests.json', query: { jurisdiction_id: 'shili' }, body: {} }, { apiKey: 'k-test' })).status;
      expect(await georeport(a)).toBe(200);
      expect(await georeport(depsOf(empty, 'b'))).toBe(404);
    } finally {
      withCounty.close();
      empty.close();
    }
  });

  it('the revision moves with a jurisdiction’s update and with an activation, and only then', () => {
    const j = { id: 'shili', updatedAt: '2026-11-23T01:00:00.000Z' } as Parameters<typeof revisionOf>[0][number];
    const v = { jurisdiction: 'shili', versionId: 'shili.v1', activatedAt: '2026-11-23T02:00:00.000Z' } as Parameters<typeof revisionOf>[1][number];
    const base = revisionOf([j], [v]);
    expect(revisionOf([{ ...j }], [{ ...v }])).toBe(base);
    expect(revisionOf([{ ...j, updatedAt: '2026-11-23T03:00:00.000Z' }], [v])).not.toBe(base);
    expect(revisionOf([j], [v, { ...v, versionId: 'shili.v2' }])).not.toBe(base);
  });
});
