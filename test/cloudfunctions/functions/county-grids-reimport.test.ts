/**
 * A grid table re-imported is the jurisdiction's whole grid set (issue 19 §4 "import its … grids"),
 * on the SQLite and CloudBase stores through the real `admin` function, for 永宁县 with the harness's
 * 锦绣花园网格 (bound by the grid worker's grant): a grid the new file leaves out is removed when
 * nothing binds it; when a staff grant or an open ticket still names it, the whole file is refused
 * with an error naming the grid (with any other row error, all at once) and nothing is stored.
 * Attacks: another county's admin (403), nothing changed.
 */
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import type { User } from '../../../shared/domain/directory';
import type { Store } from '../../../shared/ports/store';
import { GRID, identityOf, makeApp, makeCloudbaseApp, newKey, PEOPLE, REPORT, type TestApp } from '../../support/app';

const wuzhongAdmin: User = { id: 'u-admin-wz', openid: null, name: '吴忠管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'wuzhong' }], demo: false };
const HEADER = '网格名称,乡镇(街道),小区';
const JINXIU = '锦绣花园网格,团结西路街道办事处,锦绣花园';
const WANGYUAN = '望远第一网格,望远镇,望远新村';
const csv = (...rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`).toString('base64');

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('grid re-import on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = (await make({ reportsPerHour: 100 })) as TestApp<Store>;
    await app.store.putUser(wuzhongAdmin);
  });
  afterEach(async () => app.close());

  const importGrids = (contentBase64: string, who: 'admin' | User = 'admin') =>
    who === 'admin'
      ? app.call(admin, 'admin', 'importGrids', { jurisdiction: 'yongning', fileName: '网格.csv', contentBase64 })
      : admin(app.deps, { identity: identityOf(who) }, { action: 'importGrids', data: { jurisdiction: 'yongning', fileName: '网格.csv', contentBase64 } }).then((r) => r.envelope as { ok: boolean; data?: never; error?: { code: string } });
  const stored = async () => (await app.store.listGrids({ jurisdiction: 'yongning' })).map((g) => [g.id, g.name, g.estateIds]).sort();
  const issues = (res: { error?: unknown }) => ((res.error as { issues?: Array<{ path: string; code: string; message: string }> }).issues ?? []).map((i) => [i.path, i.code, i.message]);

  it('removes a grid the file leaves out when nothing binds it; the kept grid keeps its id', async () => {
    const first = await importGrids(csv(JINXIU, WANGYUAN));
    expect(first.error).toBeUndefined();
    expect(first.data.removed).toEqual([]);
    expect(await stored()).toEqual([
      [GRID.id, '锦绣花园网格', ['yn-jinxiu']],
      ['yongning.g1', '望远第一网格', ['yn-other']],
    ]);

    const again = await importGrids(csv(JINXIU));
    expect(again.error).toBeUndefined();
    expect(again.data.removed).toEqual([{ id: 'yongning.g1', name: '望远第一网格', townshipId: 'yongning.t.wangyuan' }]);
    expect(await stored()).toEqual([[GRID.id, '锦绣花园网格', ['yn-jinxiu']]]);
    expect(await app.store.getGrid('yongning.g1')).toBeNull();
  });

  it('refuses to drop a grid a grid worker’s grant still names: the error names it, nothing is stored', async () => {
    const before = await stored();
    const res = await importGrids(csv(WANGYUAN));
    expect(res.error?.code).toBe('GRIDS.INVALID_ROWS');
    expect(issues(res)).toEqual([['1.网格名称', 'GRIDS.REMOVED_GRID_IN_USE', '网格「锦绣花园网格」（团结西路街道办事处）不在表中，但仍有1名工作人员的授权：不能删除，请在表中保留该网格，或先调整授权、办结工单']]);
    expect(await stored()).toEqual(before);
  });

  it('refuses to drop a grid with an open ticket, together with the file’s other errors, and stores nothing', async () => {
    // The worker's grant no longer names the grid; a resident's report there is bound to it.
    await app.store.putUser({ ...PEOPLE.grid, grants: [{ role: 'grid', jurisdiction: 'yongning', estates: ['yn-jinxiu'], grids: [] }] });
    const submitted = await report(app.deps, { identity: identityOf(PEOPLE.resident) }, { action: 'submit', data: { ...REPORT, idempotencyKey: newKey() } });
    expect((submitted.envelope as { data: { ticket: { gridId: string } } }).data.ticket.gridId).toBe(GRID.id);
    const before = await stored();

    const res = await importGrids(csv(WANGYUAN, '望远第二网格,望远镇,不存在的小区'));
    expect(issues(res).map(([path, code]) => [path, code])).toEqual([
      ['1.网格名称', 'GRIDS.REMOVED_GRID_IN_USE'],
      ['3.小区', 'GRIDS.UNKNOWN_ESTATE'],
    ]);
    expect(issues(res)[0]![2]).toContain('网格「锦绣花园网格」（团结西路街道办事处）不在表中，但仍有1张未办结工单');
    expect(await stored()).toEqual(before);
  });

  it('another county’s admin is refused and nothing changes', async () => {
    const before = await stored();
    expect((await importGrids(csv(WANGYUAN), wuzhongAdmin)).error?.code).toBe('AUTH.FORBIDDEN');
    expect(await stored()).toEqual(before);
  });
});
