/**
 * Directory reads go through DocCache (local/store/doc-cache.ts): a cached read must never outlive
 * a write, whether this connection or another one made it, and callers never share an object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DocCache } from '../../../local/store/doc-cache';
import { openSqliteStore, type SqliteStore } from '../../../local/store/sqlite-store';
import { makeEstate, makeUser } from '../../support/fixtures';

let dir: string;
let file: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xqcs-doc-cache-'));
  file = join(dir, 'store.db');
  store = openSqliteStore(file);
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('DocCache', () => {
  it('reads through `load` once until it is cleared', () => {
    const db = new Database(':memory:');
    const cache = new DocCache(db);
    let loads = 0;
    const load = () => {
      loads += 1;
      return [`{"n":${loads}}`];
    };
    expect(cache.docs('q', [1], load)).toEqual(['{"n":1}']);
    expect(cache.docs('q', [1], load)).toEqual(['{"n":1}']);
    expect(cache.docs('q', [2], load)).toEqual(['{"n":2}']);
    cache.clear();
    expect(cache.docs('q', [1], load)).toEqual(['{"n":3}']);
    db.close();
  });
});

describe('directory reads through the cache', () => {
  it('hands every caller its own object', async () => {
    const estate = makeEstate();
    await store.putEstate(estate);
    const a = await store.getEstate(estate.id);
    if (!a) throw new Error('estate missing');
    a.name = '改过的名字';
    expect((await store.getEstate(estate.id))?.name).toBe(estate.name);
  });

  it('sees this connection’s writes at once (users, their grants, policies, missing rows)', async () => {
    const user = makeUser({ grants: [{ role: 'grid', jurisdiction: 'yongning', estates: ['e-1'] }] });
    expect(await store.getUser(user.id)).toBeNull();
    await store.putUser(user);
    expect((await store.getUser(user.id))?.name).toBe(user.name);
    expect((await store.listUsers({ jurisdiction: 'yongning', role: 'grid' })).map((u) => u.id)).toEqual([user.id]);
    await store.putUser({ ...user, name: '李娜', grants: [{ role: 'resident', jurisdiction: 'yongning' }] });
    expect((await store.getUser(user.id))?.name).toBe('李娜');
    expect(await store.listUsers({ jurisdiction: 'yongning', role: 'grid' })).toEqual([]);
    expect(await store.getSlaPolicy('yongning')).toBeNull();
    await store.putSlaPolicy('yongning', { reopenDays: 9 });
    expect(await store.getSlaPolicy('yongning')).toEqual({ reopenDays: 9 });
  });

  it('sees a write committed by another connection to the same file', async () => {
    const estate = makeEstate();
    await store.putEstate(estate);
    expect((await store.getEstate(estate.id))?.name).toBe(estate.name);
    const other = new Database(file);
    other
      .prepare('UPDATE estates SET doc = ? WHERE id = ?')
      .run(JSON.stringify({ ...estate, name: '另一个进程改的' }), estate.id);
    other.close();
    expect((await store.getEstate(estate.id))?.name).toBe('另一个进程改的');
  });
});
