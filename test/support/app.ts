/**
 * Function-test harness: the real handlers and use cases on the real SQLite store in a temp dir.
 * Fakes only at the platform edge: the caller identity stands in for CloudBase's WeChat context
 * (a fake platform context), the clock is fixed, and content safety is a word list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from '../../cloudfunctions/_app/context';
import type { FunctionHandler } from '../../cloudfunctions/_app/router';
import type { Estate, Grid, User } from '../../shared/domain/directory';
import type { Identity, RoleGrant } from '../../shared/domain/roles';
import { fixedClock, type FixedClock } from '../../local/store/clock';
import { DiskFileStore } from '../../local/store/files';
import { randomIds } from '../../local/store/ids';
import { openSqliteStore, type SqliteStore } from '../../local/store/sqlite-store';
import { createCloudbaseStore, loadCloudbase } from '../../cloudfunctions/_adapters/cloudbase/store';
import type { Store } from '../../shared/ports/store';
import { CloudbaseLoopback } from './cloudbase-loopback';

export const NOW = '2026-11-23T02:00:00.000Z'; // Monday 10:00 in Beijing

export const ESTATE: Estate = {
  id: 'yn-jinxiu',
  name: '锦绣花园',
  jurisdiction: 'yongning',
  areaId: null,
  townshipId: 'yongning.t.tuanjiexilu',
  address: '永宁县团结西路88号',
  location: { lat: 38.2801, lng: 106.2532 },
  sceneCode: 'yn-jinxiu',
  propertyCompanyId: 'pc-hengan',
  propertyInfo: { servicePhone: '0951-8000001', feeStandard: '住宅1.2元/㎡·月', publicIncome: '2026年上半年广告收入1.2万元' },
};
export const OTHER_ESTATE: Estate = { ...ESTATE, id: 'yn-other', name: '望远新村', sceneCode: 'yn-other', townshipId: 'yongning.t.wangyuan', propertyCompanyId: 'pc-other' };
export const GRID: Grid = { id: 'yn-grid-1', name: '锦绣花园网格', jurisdiction: 'yongning', townshipId: ESTATE.townshipId, estateIds: [ESTATE.id] };

const g = (grant: Omit<RoleGrant, 'jurisdiction'> & { jurisdiction?: string }): RoleGrant => ({ jurisdiction: 'yongning', ...grant });
const user = (id: string, name: string, grants: RoleGrant[], openid: string | null = null): User => ({ id, openid, name, phone: null, grants, demo: true });

/** One identity per role (and the out-of-scope variants the matrix needs). */
export const PEOPLE = {
  resident: user('u-res-a', '居民甲', [], 'openid-res-a'),
  otherResident: user('u-res-b', '居民乙', [], 'openid-res-b'),
  grid: user('u-grid', '网格员小李', [g({ role: 'grid', estates: [ESTATE.id], grids: [GRID.id] })]),
  otherGrid: user('u-grid-x', '别处网格员', [g({ role: 'grid', estates: [OTHER_ESTATE.id] })]),
  street: user('u-street', '团结西路街道老张', [g({ role: 'street', streets: [ESTATE.townshipId] })]),
  otherStreet: user('u-street-x', '望远镇老王', [g({ role: 'street', streets: ['yongning.t.wangyuan'] })]),
  housing: user('u-zjj', '县住建局·王强', [g({ role: 'department', units: ['yongning.zjj'] })]),
  emergency: user('u-yjgl', '县应急管理局·赵敏', [g({ role: 'department', units: ['yongning.yjgl'] })]),
  market: user('u-sjj', '县市监局·钱峰', [g({ role: 'department', units: ['yongning.sjj'] })]),
  police: user('u-police', '县公安局·民警周', [g({ role: 'police', units: ['yongning.gaj'], estates: [ESTATE.id] })]),
  leadership: user('u-lead', '领导小组办公室', [g({ role: 'leadership' })]),
  admin: user('u-admin', '管理员', [g({ role: 'admin' })]),
  property: user('u-pc', '恒安物业·客服', [g({ role: 'property', company: 'pc-hengan', estates: [ESTATE.id] })]),
  // The 12345 center of the jurisdiction (issue 20 §6): sees every ticket, may 督办 (supervise).
  hotline: user('u-12345', '12345热线·坐席', [g({ role: 'hotline' })]),
} satisfies Record<string, User>;
export type Person = keyof typeof PEOPLE;

/**
 * More identities for the owner-group, bulletin and ledger tests. Kept out of PEOPLE (the
 * authorization matrix runs over every person there) and out of the store (hand-over recipients
 * stay as they are); `call` accepts them too.
 */
export const MORE_PEOPLE = {
  otherPolice: user('u-police-x', '望远派出所·民警吴', [g({ role: 'police', units: ['yongning.gaj'], estates: [OTHER_ESTATE.id] })]),
  otherProperty: user('u-pc-x', '望远物业·客服', [g({ role: 'property', company: 'pc-other', estates: [OTHER_ESTATE.id] })]),
  cityLeadership: user('u-lead-yc', '银川市领导小组办公室', [g({ role: 'leadership', jurisdiction: 'yinchuan' })]),
  qitaiLeadership: user('u-lead-qt', '奇台县领导小组办公室', [g({ role: 'leadership', jurisdiction: 'qitai' })]),
} satisfies Record<string, User>;
export type MorePerson = keyof typeof MORE_PEOPLE;
export type AnyPerson = Person | MorePerson;

function personOf(who: AnyPerson): User {
  return who in PEOPLE ? PEOPLE[who as Person] : MORE_PEOPLE[who as MorePerson];
}

export function identityOf(u: User): Identity {
  return { userId: u.id, name: u.name, ...(u.openid ? { openid: u.openid } : {}), grants: u.grants };
}

export interface TestApp<S extends Store = SqliteStore> {
  deps: AppDeps;
  store: S;
  clock: FixedClock;
  // Answers are read field by field in the tests; typing every action's answer here would only repeat the use cases.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(fn: FunctionHandler, who: AnyPerson | null, action: string, data?: unknown): Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>;
  /** A photo this person uploaded (the file store records the owner): what their submit, settle or resolve may name. */
  photo(who: AnyPerson): Promise<string>;
  close(): void | Promise<void>;
  /** makeCloudbaseApp only: the loopback server, to count the requests an action sent. */
  loopback?: CloudbaseLoopback;
}

/** The smallest bytes the file store takes for a JPEG (its magic number). */
export const TINY_JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** Text the fake content check rejects. */
export const BANNED_WORD = '违禁词';

export async function makeApp(opts: { reportsPerHour?: number } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'xqcs-fn-'));
  const store = openSqliteStore(join(dir, 'store.sqlite'));
  return harness(dir, store, opts, () => store.close());
}

/**
 * The same harness on the CloudBase store: the real @cloudbase/node-sdk against the loopback
 * CloudBase server (only the platform's HTTP edge is faked), for suites that run on both adapters.
 */
export async function makeCloudbaseApp(opts: { reportsPerHour?: number } = {}): Promise<TestApp<Store>> {
  const dir = mkdtempSync(join(tmpdir(), 'xqcs-fn-cb-'));
  const loopback = await CloudbaseLoopback.start();
  const store = createCloudbaseStore(loadCloudbase(loopback.sdkOptions()));
  return { ...(await harness(dir, store, opts, () => loopback.close())), loopback };
}

async function harness<S extends Store>(dir: string, store: S, opts: { reportsPerHour?: number }, closeStore: () => void | Promise<void>): Promise<TestApp<S>> {
  const clock = fixedClock(NOW);
  const deps: AppDeps = {
    store,
    files: new DiskFileStore(join(dir, 'files'), { clock }),
    content: { checkText: async (text) => (text.includes(BANNED_WORD) ? { ok: false, reason: '含有违禁内容' } : { ok: true }) },
    clock,
    ids: randomIds(),
    config: { platform: 'local', reportsPerHour: opts.reportsPerHour ?? 10 },
  };
  for (const e of [ESTATE, OTHER_ESTATE]) await store.putEstate(e);
  await store.putGrid(GRID);
  for (const u of Object.values(PEOPLE)) await store.putUser(u);
  return {
    deps,
    store,
    clock,
    async call(fn, who, action, data) {
      const res = await fn(deps, { identity: who ? identityOf(personOf(who)) : null }, { action, data });
      return res.envelope as never;
    },
    async photo(who) {
      return (await deps.files.put({ bytes: TINY_JPEG, contentType: 'image/jpeg', ownerUserId: personOf(who).id })).id;
    },
    async close() {
      await closeStore();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let keySeq = 0;
export const newKey = () => `key-${Date.now().toString(36)}-${(keySeq += 1)}`;

export const REPORT = {
  estateId: ESTATE.id,
  category: 'fly-wire',
  description: '地下车库3号楼有人从窗户拉电线给电动车充电',
  photos: [],
  location: { lat: 38.2802, lng: 106.2533 },
  contactPhone: '13800000001',
};
