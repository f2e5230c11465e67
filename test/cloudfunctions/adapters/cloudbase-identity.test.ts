/**
 * Issue 14 §2: the CloudBase identity adapter, through the real @cloudbase/node-sdk 3.18.3 against
 * the loopback server. Before the fix a resident's user id was `wx:<openid>`: it went into tickets,
 * timelines, upload paths and every handler's answer. Now a first-time resident gets a user record
 * with an opaque id from the id source, bound to the openid, and every later call finds that record.
 *
 * Platform behaviour relied on: `doc(id).set()` is database.modifyDocument with upsert
 * (@cloudbase/database document.js `set`), and a service answer carrying `code` is thrown by the
 * SDK's request (@cloudbase/node-sdk dist/utils/tcbapirequester.js `request`: `if (result?.code)
 * return processReturn(result)`), so a second user with the same openid fails on the unique
 * `users.openid_unique` index with DATABASE_DUPLICATE_WRITE, which the loopback server enforces from
 * the deploy declaration.
 */
import { cloudbaseDeps, cloudbaseMain, identityFor, userForOpenid } from '../../../cloudfunctions/_adapters/cloudbase/main';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { AppDeps } from '../../../cloudfunctions/_app/context';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../../local/store/sqlite-store';
import { randomIds } from '../../../local/store/ids';
import { JINXIU_DOC } from '../../support/fixtures';

let loopback: CloudbaseLoopback;
let deps: AppDeps;

beforeEach(async () => {
  loopback = await CloudbaseLoopback.start();
  deps = cloudbaseDeps(loopback.sdkOptions());
});

afterEach(async () => {
  await loopback.close();
});

const usersWith = (openid: string) => loopback.docs('users').filter((u) => u.openid === openid);
const wxContext = (openid: string) => ({ environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: 'wx-test' }) });

describe('identityFor: a resident by openid', () => {
  it('gives a first-time resident an opaque user id, stored with the openid on a user record only', async () => {
    const openid = 'oRESIDENT-first-0001';
    const identity = await identityFor(deps, openid);
    expect(identity).not.toBeNull();
    const userId = identity!.userId;
    expect(userId).not.toBe(`wx:${openid}`);
    expect(userId.startsWith('wx:')).toBe(false);
    expect(userId).not.toContain(openid);
    expect(userId).not.toContain('RESIDENT');
    expect(identity).toEqual({ userId, openid, grants: [] });
    expect(usersWith(openid)).toEqual([{ _id: userId, id: userId, openid, name: '', phone: null, grants: [], demo: false }]);
  });

  it('finds the same user on every later call', async () => {
    const openid = 'oRESIDENT-again';
    const first = await identityFor(deps, openid);
    const again = await identityFor(deps, openid);
    const third = await identityFor(cloudbaseDeps(loopback.sdkOptions()), openid);
    expect(again!.userId).toBe(first!.userId);
    expect(third!.userId).toBe(first!.userId);
    expect(usersWith(openid)).toHaveLength(1);
  });

  it('makes one user of concurrent first calls (the unique openid index refuses the others)', async () => {
    const openid = 'oRESIDENT-race';
    const identities = await Promise.all(Array.from({ length: 8 }, () => identityFor(cloudbaseDeps(loopback.sdkOptions()), openid)));
    expect(new Set(identities.map((i) => i!.userId)).size).toBe(1);
    expect(usersWith(openid)).toHaveLength(1);
    expect(usersWith(openid)[0]!._id).toBe(identities[0]!.userId);
    // The losers were refused by the index, not by luck.
    expect(loopback.requests.some((r) => r.action === 'database.modifyDocument' && r.error === 'DATABASE_DUPLICATE_WRITE')).toBe(true);
  });

  it('gives different residents different ids', async () => {
    const a = await identityFor(deps, 'oRESIDENT-a');
    const b = await identityFor(deps, 'oRESIDENT-b');
    expect(a!.userId).not.toBe(b!.userId);
  });

  it('answers a bound staff member with their record and creates nothing', async () => {
    const grants = [{ role: 'grid', jurisdiction: 'yongning', estates: ['yn-jinxiu'] }];
    loopback.seed('users', [{ _id: 'u-grid-1', id: 'u-grid-1', openid: 'oSTAFF', name: '网格员小李', phone: null, grants, demo: false }]);
    expect(await identityFor(deps, 'oSTAFF')).toEqual({ userId: 'u-grid-1', name: '网格员小李', openid: 'oSTAFF', grants });
    expect(loopback.docs('users')).toHaveLength(1);
  });

  it('has no identity without an openid (timer triggers)', async () => {
    expect(await identityFor(deps, null)).toBeNull();
    expect(loopback.docs('users')).toEqual([]);
  });
});

describe('cloudbaseMain: the openid never leaves the user record', () => {
  it('a resident’s submit stores and answers the opaque id; no ticket, event or answer holds the openid', async () => {
    const openid = 'oRESIDENT-submit-7788';
    loopback.seed('estates', [JINXIU_DOC]);
    const reportMain = cloudbaseMain(report, loopback.sdkOptions());
    const ticketMain = cloudbaseMain(ticket, loopback.sdkOptions());
    const submitted = (await reportMain(
      { action: 'submit', data: { idempotencyKey: 'cb-identity-0001', estateId: 'yn-jinxiu', category: 'fly-wire', description: '3号楼有人从窗户拉电线给电动车充电' } },
      wxContext(openid),
    )) as { ok: boolean; data: { ticket: { id: string; reporter: { userId: string } } } };
    expect(submitted.ok).toBe(true);
    const [user] = usersWith(openid);
    expect(user).toBeDefined();
    expect(submitted.data.ticket.reporter.userId).toBe(user!._id);
    expect(loopback.docs('tickets').map((t) => (t.reporter as { userId: string }).userId)).toEqual([user!._id]);

    const home = (await ticketMain({ action: 'home', data: {} }, wxContext(openid))) as { data: { user: { id: string } } };
    expect(home.data.user.id).toBe(user!._id);
    const me = await reportMain({ action: 'me', data: {} }, wxContext(openid));
    const mine = await reportMain({ action: 'listMine', data: {} }, wxContext(openid));
    expect((mine as { data: { items: unknown[] } }).data.items).toHaveLength(1);

    for (const answer of [submitted, home, me, mine]) expect(JSON.stringify(answer)).not.toContain(openid);
    for (const collection of ['tickets', 'events', 'idempotency']) expect(JSON.stringify(loopback.docs(collection))).not.toContain(openid);
    expect(JSON.stringify(loopback.docs('users'))).toContain(openid);
  });
});

describe('userForOpenid on the SQLite store (the same Store port, openid UNIQUE)', () => {
  it('makes one user of concurrent first calls there too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xqcs-identity-'));
    const store = openSqliteStore(join(dir, 'store.sqlite'));
    try {
      const sqliteDeps = { ...deps, store, ids: randomIds() };
      const users = await Promise.all(Array.from({ length: 8 }, () => userForOpenid(sqliteDeps, 'oRESIDENT-sqlite')));
      expect(new Set(users.map((u) => u.id)).size).toBe(1);
      expect(users[0]!.id).not.toContain('oRESIDENT');
      expect(await store.getUserByOpenid('oRESIDENT-sqlite')).toEqual(users[0]);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
