/**
 * admin.listEstates page by page (issue 19 §4: the print-all posters page reads every estate of the
 * chosen jurisdiction or township), on the SQLite and CloudBase stores through the real `admin`
 * function: 130 estates of 永宁县 come back in pages of at most 100, each estate once, with the
 * count; a township filter narrows them. Attacks: Wuzhong's admin asking for 永宁县 (403, no estate),
 * staff that is not an admin, a page size over 100 (400), a cursor naming no estate of the filter.
 */
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import type { Estate, User } from '../../../shared/domain/directory';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, identityOf, makeApp, makeCloudbaseApp, OTHER_ESTATE, type TestApp } from '../../support/app';

const wuzhongAdmin: User = { id: 'u-admin-wz', openid: null, name: '吴忠管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'wuzhong' }], demo: false };

/** 128 more estates of 永宁县, alternating between the two townships of the fixtures' estates. */
const MORE: Estate[] = Array.from({ length: 128 }, (_, i) => ({
  ...(i % 2 ? OTHER_ESTATE : ESTATE),
  id: `yn-p${String(i).padStart(3, '0')}`,
  name: `测试小区${String(i).padStart(3, '0')}`,
  sceneCode: `yn-p${String(i).padStart(3, '0')}`,
}));

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('admin.listEstates on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeAll(async () => {
    app = (await make()) as TestApp<Store>;
    for (const e of MORE) await app.store.putEstate(e);
    await app.store.putUser(wuzhongAdmin);
  });
  afterAll(async () => app.close());

  async function all(data: Record<string, unknown>) {
    const pages: Array<{ items: Estate[]; total: number; next: string | null }> = [];
    let after: string | null = null;
    do {
      const res = await app.call(admin, 'admin', 'listEstates', { ...data, ...(after ? { after } : {}) });
      expect(res.error).toBeUndefined();
      pages.push(res.data);
      after = res.data.next;
    } while (after);
    return pages;
  }

  it('reads all 130 estates of 永宁县 in pages of 100 and 30, each once, with the count on every page', async () => {
    const pages = await all({ jurisdiction: 'yongning', limit: 100 });
    expect(pages.map((p) => p.items.length)).toEqual([100, 30]);
    expect(pages.map((p) => p.total)).toEqual([130, 130]);
    const ids = pages.flatMap((p) => p.items.map((e) => e.id));
    expect(new Set(ids).size).toBe(130);
    expect(ids).toEqual(expect.arrayContaining([ESTATE.id, OTHER_ESTATE.id, 'yn-p000', 'yn-p127']));
  });

  it('narrows to one township: its 65 estates only', async () => {
    const pages = await all({ jurisdiction: 'yongning', township: OTHER_ESTATE.townshipId, limit: 40 });
    expect(pages.map((p) => p.items.length)).toEqual([40, 25]);
    const items = pages.flatMap((p) => p.items);
    expect(items.every((e) => e.townshipId === OTHER_ESTATE.townshipId)).toBe(true);
    expect(items).toHaveLength(65);
  });

  it('gives Wuzhong’s admin none of 永宁县’s estates (403), nor a grid worker', async () => {
    const res = (await admin(app.deps, { identity: identityOf(wuzhongAdmin) }, { action: 'listEstates', data: { jurisdiction: 'yongning', limit: 50 } })) as { status: number; envelope: { ok: boolean; data?: unknown; error?: { code: string } } };
    expect(res.status).toBe(403);
    expect(res.envelope.error?.code).toBe('AUTH.FORBIDDEN');
    expect(res.envelope.data).toBeUndefined();
    // Without a jurisdiction Wuzhong's admin gets Wuzhong's estates: none here, and nothing of 永宁县.
    const own = (await admin(app.deps, { identity: identityOf(wuzhongAdmin) }, { action: 'listEstates', data: { limit: 50 } })).envelope as { data: { items: Estate[]; total: number } };
    expect(own.data).toEqual({ items: [], total: 0, next: null });
    expect((await app.call(admin, 'grid', 'listEstates', { jurisdiction: 'yongning', limit: 50 })).error?.code).toBe('AUTH.FORBIDDEN');
  });

  it('refuses a page over 100 and a cursor that names no estate of the filter, with 400', async () => {
    expect((await app.call(admin, 'admin', 'listEstates', { jurisdiction: 'yongning', limit: 101 })).error?.code).toBe('INPUT.INVALID');
    expect((await app.call(admin, 'admin', 'listEstates', { jurisdiction: 'yongning', limit: 10, after: 'nope' })).error?.code).toBe('INPUT.INVALID');
    // A cursor from the other township is not one of this filter's estates.
    expect((await app.call(admin, 'admin', 'listEstates', { jurisdiction: 'yongning', township: ESTATE.townshipId, limit: 10, after: OTHER_ESTATE.id })).error?.code).toBe('INPUT.INVALID');
  });
});
