/**
 * Authorization matrix of the `admin` function (issue 14): every admin action × every role of
 * DESIGN.md §2 (test/support/app.ts PEOPLE) and an admin of another jurisdiction (Wuzhong), on
 * Yongning's records. Only Yongning's admin and the city's (Yinchuan manages its county) succeed;
 * everyone else is refused with an authorization code and the store is unchanged. It runs on both
 * store adapters: SQLite and CloudBase (the real @cloudbase/node-sdk against the loopback server).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import type { AppDeps } from '../../../cloudfunctions/_app/context';
import { createCloudbaseStore, loadCloudbase } from '../../../cloudfunctions/_adapters/cloudbase/store';
import type { User } from '../../../shared/domain/directory';
import type { Store } from '../../../shared/ports/store';
import { fixedClock } from '../../../local/store/clock';
import { DiskFileStore } from '../../../local/store/files';
import { randomIds } from '../../../local/store/ids';
import { openSqliteStore } from '../../../local/store/sqlite-store';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';
import { ESTATE, GRID, identityOf, NOW, PEOPLE } from '../../support/app';

const OTHER_ADMINS = {
  wuzhongAdmin: { id: 'u-admin-wz', openid: null, name: '吴忠管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'wuzhong' }], demo: false },
  cityAdmin: { id: 'u-admin-yc', openid: null, name: '银川管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'yinchuan' }], demo: false },
} satisfies Record<string, User>;
const EVERYONE: Record<string, User> = { ...PEOPLE, ...OTHER_ADMINS };
const ALLOWED = ['admin', 'cityAdmin'];
const DENIED = ['AUTH.FORBIDDEN', 'AUTH.UNAUTHENTICATED'];
const COMPANY = { id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning' };

/** What each write leaves in the store, to show a refused write changed nothing. */
const snapshot = async (store: Store) =>
  JSON.stringify([
    await store.getEstate(ESTATE.id),
    await store.getGrid(GRID.id),
    await store.getUser('u-new-staff'),
    await store.listPropertyCompanies('yongning'),
    await store.listUnitContacts(['yongning.zjj']),
    await store.getSlaPolicy('yongning'),
    await store.findOpenInvitation(PEOPLE.grid.id),
  ]);

const ROWS: Array<[string, Record<string, unknown>]> = [
  ['putEstate', { ...ESTATE, name: '锦绣花园（改）' }],
  ['putGrid', { ...GRID, name: '锦绣花园一网格' }],
  ['putUser', { id: 'u-new-staff', name: '新网格员', phone: null, grants: [{ role: 'grid', jurisdiction: 'yongning', estates: [ESTATE.id] }] }],
  ['putPropertyCompany', { ...COMPANY, name: '恒安物业（改）' }],
  ['putUnitContact', { unitId: 'yongning.zjj', name: '县住建局', phone: '0951-8000000' }],
  ['putSlaPolicy', { jurisdiction: 'yongning', policy: { confirmWindow: { unit: 'days', amount: 5 } } }],
  ['putWorkCalendar', { jurisdiction: 'yongning', year: 2026, daysOff: ['2026-05-27', '2026-05-28'], workdays: [], source: '自治区节假日安排通知（测试用）' }],
  ['workCalendar', { jurisdiction: 'yongning', year: 2026 }],
  ['listEstates', { jurisdiction: 'yongning' }],
  ['listUsers', { jurisdiction: 'yongning' }],
  ['directory', { jurisdiction: 'yongning' }],
  ['createInvitation', { userId: PEOPLE.grid.id }],
  ['estateCode', { estateId: ESTATE.id }],
  ['putDisclosure', { estateId: ESTATE.id, fields: { feeItems: '住宅1.2元/㎡·月' } }],
  ['putHouseholds', { estateId: ESTATE.id, households: 860 }],
  // The county-list reads; the list writes (importList, previewList, activateList, importEstates) run
  // per role in county-lists.test.ts, which needs an imported draft first.
  ['listVersions', { jurisdiction: 'yongning' }],
  ['listFile', { jurisdiction: 'yongning', kind: 'current' }],
];
/** Rows whose allowed callers differ: the estate's own property company publishes its 六公开 (issue 20 §5). */
const ROW_ALLOWED: Record<string, string[]> = { putDisclosure: [...ALLOWED, 'property'] };

interface Adapter {
  name: string;
  open(): Promise<{ store: Store; close(): Promise<void> }>;
}

const ADAPTERS: Adapter[] = [
  {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'xqcs-admin-'));
      const store = openSqliteStore(join(dir, 'store.sqlite'));
      return { store, close: async () => (store.close(), rmSync(dir, { recursive: true, force: true })) };
    },
  },
  {
    name: 'CloudBase',
    async open() {
      const loopback = await CloudbaseLoopback.start();
      return { store: createCloudbaseStore(loadCloudbase(loopback.sdkOptions())), close: () => loopback.close() };
    },
  },
];

describe.each(ADAPTERS)('admin actions on the $name store', (adapter) => {
  let store: Store;
  let close: () => Promise<void>;
  let deps: AppDeps;
  let filesDir: string;

  beforeEach(async () => {
    ({ store, close } = await adapter.open());
    filesDir = mkdtempSync(join(tmpdir(), 'xqcs-admin-files-'));
    deps = {
      store,
      files: new DiskFileStore(filesDir),
      content: { checkText: async () => ({ ok: true }) },
      clock: fixedClock(NOW),
      ids: randomIds(),
      config: { platform: 'local', reportsPerHour: 10 },
    } as AppDeps;
    await store.putPropertyCompany(COMPANY);
    await store.putEstate(ESTATE);
    await store.putGrid(GRID);
    for (const u of Object.values(EVERYONE)) await store.putUser(u);
  });

  afterEach(async () => {
    await close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  describe.each(ROWS)('%s', (action, data) => {
    it.each(Object.keys(EVERYONE))('%s', async (who) => {
      const user = EVERYONE[who] as User;
      const before = await snapshot(store);
      const res = (await admin(deps, { identity: identityOf(user) }, { action, data })).envelope as { ok: boolean; error?: { code: string } };
      if ((ROW_ALLOWED[action] ?? ALLOWED).includes(who)) {
        expect(res.error).toBeUndefined();
      } else {
        expect(DENIED).toContain(res.error?.code);
        expect(await snapshot(store)).toBe(before);
      }
    });
  });

  it('refuses every admin action without a signed-in caller', async () => {
    for (const [action, data] of ROWS) {
      const res = (await admin(deps, { identity: null }, { action, data })).envelope as { error?: { code: string } };
      expect(res.error?.code).toBe('AUTH.UNAUTHENTICATED');
    }
  });
});
