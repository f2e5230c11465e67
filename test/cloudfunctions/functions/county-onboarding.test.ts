/**
 * Issue 19 §4 end to end through the real `admin` and `report` functions on SQLite: an admin of
 * Yinchuan creates 示例县 (a test fixture, not a real place: test/fixtures/county/README.md) under
 * the city, imports its units (townships among them), its list, activates it, imports its estates
 * and grids; then a resident's report there routes by the imported list and cites its row. Who may
 * do it is tested by the attacks it stops: another county's admin, a county admin reaching up to
 * the city, staff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { User } from '../../../shared/domain/directory';
import { REGISTRY } from '../../../shared/jurisdictions';
import { identityOf, makeApp, newKey, REPORT, type TestApp } from '../../support/app';
import { LIST_BAD, LIST_V1, listXlsx, SHILI, SHILI_DOCUMENT } from '../../fixtures/county/shili-lists';

const cityAdmin: User = { id: 'u-admin-yc', openid: null, name: '银川管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'yinchuan' }], demo: false };
const wuzhongAdmin: User = { id: 'u-admin-wz', openid: null, name: '吴忠管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'wuzhong' }], demo: false };
const resident: User = { id: 'u-res-sl', openid: 'openid-res-sl', name: '示例县居民', phone: null, grants: [], demo: false };

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/county', name));
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

/**
 * 示例县's list with its 其他 row (a created county's list must have one: docs/COUNTY.md), worded as
 * the fixture words it; kept here too so that the test does not depend on which fixture revision
 * carries the row.
 */
const LIST = [...LIST_V1.filter((r) => r[1] !== '其他'), ['9', '其他', '示例县住房和城乡建设局', '属地乡镇(街道)', `《${SHILI_DOCUMENT}》四：清单未列明的问题由县住房和城乡建设局会同属地乡镇(街道)办理。`] as const];

let app: TestApp;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const as = async (u: User, action: string, data: unknown): Promise<{ data?: any; error?: { code: string; message: string; issues?: Array<{ path: string; code: string; message: string }> } }> =>
  (await admin(app.deps, { identity: identityOf(u) }, { action, data })).envelope as never;
const create = (u: User, over: Record<string, unknown> = {}) => as(u, 'createJurisdiction', { id: SHILI.id, name: SHILI.name, level: 'county', parent: 'yinchuan', ...over });
const importUnits = (u: User) => as(u, 'importUnits', { jurisdiction: SHILI.id, fileName: '示例县单位表.csv', contentBase64: b64(fixture('shili-units.csv')) });

beforeEach(async () => {
  app = await makeApp();
  for (const u of [cityAdmin, wuzhongAdmin, resident]) await app.store.putUser(u);
});
afterEach(() => app.close());

describe('a new county from nothing to a routed report', () => {
  it('create → units → list → activate → estates → grids → a report routed by the imported row', async () => {
    expect(await create(cityAdmin)).toEqual({ ok: true, data: { id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan' } });
    const status = async (u: User = cityAdmin) => ((await as(u, 'jurisdictions', {})).data as Array<{ id: string }>);
    expect((await status()).map((j) => j.id)).toEqual(['yinchuan', 'yongning', 'shili']);
    expect((await status()).at(-1)).toEqual({ id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan', created: true, units: 0, townships: 0, live: false, routingNow: null });
    // Yongning's admin is not shown the new county, Wuzhong's sees only its own.
    expect((await app.call(admin, 'admin', 'jurisdictions', {})).data.map((j: { id: string }) => j.id)).toEqual(['yongning']);
    expect((await status(wuzhongAdmin)).map((j) => j.id)).toEqual(['wuzhong']);

    const units = await importUnits(cityAdmin);
    expect(units.error).toBeUndefined();
    expect(units.data.townships).toEqual([
      { id: 'shili.t1', name: '示例街道' },
      { id: 'shili.t2', name: '示例东镇' },
      { id: 'shili.t3', name: '示例西乡' },
    ]);
    expect(units.data.departments).toHaveLength(12);
    expect(units.data.departments[2]).toEqual({ id: 'shili.u3', name: '示例县住房和城乡建设局', kind: 'housing', level: 'county' });
    // The contacts go to the noticeboard's 执法部门职责及联系人公告牌.
    expect(await app.store.listUnitContacts(['shili.u3'])).toEqual([{ unitId: 'shili.u3', name: '示例县住房和城乡建设局', phone: '0000-1000003', contactPerson: '王建', complaintPhone: '0000-1000103' }]);

    // Not live yet: no estates, and a report could not route.
    const early = await as(cityAdmin, 'importEstates', { jurisdiction: 'shili', fileName: '小区.csv', contentBase64: b64(fixture('shili-estates.csv')) });
    expect(early.error?.code).toBe('JURISDICTION.NOT_LIVE');

    const imported = await as(cityAdmin, 'importList', { jurisdiction: 'shili', fileName: '示例县责任清单.xlsx', contentBase64: b64(await listXlsx(LIST)), document: SHILI_DOCUMENT });
    expect(imported.error).toBeUndefined();
    const preview = imported.data.preview as Array<{ category: string; current: { lead: string[] }; draft: { lead: string[]; basis: string[] } }>;
    const fly = preview.find((r) => r.category === 'fly-wire')!;
    expect(fly.current.lead).toEqual([]);
    expect(fly.draft.lead).toEqual(['示例县住房和城乡建设局', '示例县应急管理局']);
    expect(fly.draft.basis).toEqual([`《${SHILI_DOCUMENT}》一(1)`]);
    // A created county's list must have a 其他 row (docs/COUNTY.md): a category neither 示例县's list
    // nor Yinchuan's names goes to it.
    expect(preview.find((r) => r.category === 'noise')!.draft.lead).toEqual(['示例县住房和城乡建设局']);
    expect((await as(cityAdmin, 'listVersions', { jurisdiction: 'shili' })).data.routingNow).toBeNull();

    const { versionId } = imported.data.version;
    expect((await as(cityAdmin, 'activateList', { jurisdiction: 'shili', versionId, effectiveFrom: '2026-11-23' })).data.version.status).toBe('active');
    expect((await as(cityAdmin, 'listVersions', { jurisdiction: 'shili' })).data.routingNow).toBe(versionId);
    expect((await status()).at(-1)).toMatchObject({ units: 12, townships: 3, live: true, routingNow: versionId });

    expect((await as(cityAdmin, 'putPropertyCompany', { id: 'pc-shili', name: '示例物业服务有限公司', jurisdiction: 'shili' })).error).toBeUndefined();
    const estates = await as(cityAdmin, 'importEstates', { jurisdiction: 'shili', fileName: '小区.csv', contentBase64: b64(fixture('shili-estates.csv')) });
    expect(estates.error).toBeUndefined();
    expect(estates.data.estates).toEqual([
      { id: 'sl-shhy', name: '示例花园', townshipId: 'shili.t1' },
      { id: 'sl-shjy', name: '示例家园', townshipId: 'shili.t1' },
      { id: 'sl-dzya', name: '东镇雅苑', townshipId: 'shili.t2' },
    ]);

    const grids = await as(cityAdmin, 'importGrids', { jurisdiction: 'shili', fileName: '网格.csv', contentBase64: b64(fixture('shili-grids.csv')) });
    expect(grids.error).toBeUndefined();
    expect(grids.data.grids).toEqual([
      { id: 'shili.g1', name: '示例街道第一网格', jurisdiction: 'shili', townshipId: 'shili.t1', estateIds: ['sl-shhy', 'sl-shjy'] },
      { id: 'shili.g2', name: '示例东镇第一网格', jurisdiction: 'shili', townshipId: 'shili.t2', estateIds: ['sl-dzya'] },
      { id: 'shili.g3', name: '示例西乡第一网格', jurisdiction: 'shili', townshipId: 'shili.t3', estateIds: [] },
    ]);
    expect((await app.store.getGrid('shili.g1'))?.estateIds).toEqual(['sl-shhy', 'sl-shjy']);

    const submitted = (await report(app.deps, { identity: identityOf(resident) }, {
      action: 'submit',
      data: { ...REPORT, estateId: 'sl-shhy', location: { lat: 38.4801, lng: 106.2102 }, idempotencyKey: newKey() },
    })).envelope as { data?: { ticket: { jurisdiction: string; gridId: string | null; route: { lead: Array<{ id: string; name: string }>; responsible: Array<{ name: string }>; basis: Array<{ source: string; item: string; text: string }>; list: { listId: string; versionId: string; rowId: string } } } }; error?: unknown };
    expect(submitted.error).toBeUndefined();
    const t = submitted.data!.ticket;
    expect(t.jurisdiction).toBe('shili');
    expect(t.route.lead.map((u) => [u.id, u.name])).toEqual([
      ['shili.u3', '示例县住房和城乡建设局'],
      ['shili.u5', '示例县应急管理局'],
    ]);
    // The estate's own township (属地) is named, then the 消防救援大队, as row 1 writes them.
    expect(t.route.responsible.map((u) => u.name)).toEqual(['示例街道', '示例县消防救援大队']);
    expect(t.route.basis).toEqual([{ source: SHILI_DOCUMENT, item: '一(1)', text: '飞线充电由县住房和城乡建设局、县应急管理局牵头，属地乡镇(街道)、县消防救援大队配合。' }]);
    expect(t.route.list).toEqual({ listId: 'shili', versionId, rowId: `${versionId}.r2` });
    // The app's registry now knows the county: its parent, its units (names on every staff answer).
    expect(REGISTRY.list('shili')?.parent).toBe('yinchuan');
    expect(REGISTRY.department('shili.u3')?.name).toBe('示例县住房和城乡建设局');

    // Unit scope and the bulletin work for it: its lead unit's officer opens the ticket, Yongning's
    // housing officer cannot; its leadership office reads its month, Yongning's cannot.
    const id = (submitted.data!.ticket as unknown as { id: string }).id;
    const officer: User = { id: 'u-sl-zjj', openid: null, name: '示例县住建局·王建', phone: null, grants: [{ role: 'department', jurisdiction: 'shili', units: ['shili.u3'] }], demo: false };
    const leadership: User = { id: 'u-sl-lead', openid: null, name: '示例县领导小组办公室', phone: null, grants: [{ role: 'leadership', jurisdiction: 'shili' }], demo: false };
    for (const u of [officer, leadership]) await app.store.putUser(u);
    const call = async (u: User | 'housing' | 'leadership', action: string, data: unknown) =>
      typeof u === 'string' ? app.call(ticket, u, action, data) : ((await ticket(app.deps, { identity: identityOf(u) }, { action, data })).envelope as { data?: { tables: { overall: { counts: { tickets: number } } } }; error?: { code: string } });
    expect((await call(officer, 'detail', { ticketId: id })).error).toBeUndefined();
    expect((await call('housing', 'detail', { ticketId: id })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await call(leadership, 'bulletin', { jurisdiction: 'shili', month: '2026-11' })).data?.tables.overall.counts.tickets).toBe(1);
    expect((await call('leadership', 'bulletin', { jurisdiction: 'shili', month: '2026-11' })).error?.code).toBe('AUTH.FORBIDDEN');
  });

  it('activated from tomorrow: estates may be registered today, but a report there is refused until the list takes effect', async () => {
    await create(cityAdmin);
    await importUnits(cityAdmin);
    const { versionId } = (await as(cityAdmin, 'importList', { jurisdiction: 'shili', fileName: 'l.xlsx', contentBase64: b64(await listXlsx(LIST)), document: SHILI_DOCUMENT })).data.version;
    await as(cityAdmin, 'activateList', { jurisdiction: 'shili', versionId, effectiveFrom: '2026-11-24' });
    await as(cityAdmin, 'putPropertyCompany', { id: 'pc-shili', name: '示例物业服务有限公司', jurisdiction: 'shili' });
    expect((await as(cityAdmin, 'importEstates', { jurisdiction: 'shili', fileName: '小区.csv', contentBase64: b64(fixture('shili-estates.csv')) })).error).toBeUndefined();
    const submit = async () =>
      ((await report(app.deps, { identity: identityOf(resident) }, { action: 'submit', data: { ...REPORT, estateId: 'sl-shhy', location: { lat: 38.4801, lng: 106.2102 }, idempotencyKey: newKey() } })).envelope as { data?: { ticket: { route: { list: { versionId: string } } } }; error?: { code: string } });
    // NOW is 2026-11-23 10:00 in Beijing.
    expect((await submit()).error?.code).toBe('ROUTE.UNKNOWN_JURISDICTION');
    app.clock.set('2026-11-23T16:00:00.000Z'); // 2026-11-24 00:00 in Beijing
    expect((await submit()).data?.ticket.route.list.versionId).toBe(versionId);
  });

  it('a list for a created county without a 其他 row is refused with the other errors, and nothing is stored', async () => {
    await create(cityAdmin);
    await importUnits(cityAdmin);
    const res = await as(cityAdmin, 'importList', { jurisdiction: 'shili', fileName: '清单.xlsx', contentBase64: b64(await listXlsx(LIST_BAD.filter((r) => r[1] !== '其他'))), document: SHILI_DOCUMENT });
    expect(res.error?.code).toBe('LIST.INVALID_ROWS');
    expect(res.error?.issues?.map((i) => [i.path, i.code])).toEqual([
      ['1.问题', 'LIST.NO_OTHER_ROW'],
      ['3.问题', 'LIST.UNKNOWN_CATEGORY'],
      ['5.牵头单位', 'LIST.UNKNOWN_UNIT'],
      ['7.牵头单位', 'LIST.EMPTY_LEAD'],
    ]);
    expect(await app.store.listListVersions({})).toEqual([]);
  });

  it('a units file with bad rows answers every error with row and column and stores nothing', async () => {
    await create(cityAdmin);
    const bad = ['单位名称,类别,层级,联系人,电话,投诉举报电话', '示例县住房和城乡建设局,住建部门,县级,王建,0000-1000003,', '示例县住房和城乡建设局,住建部门,,,,', '示例县某某中心,服务中心,,,,', '示例县公安局,公安部门,省级,钱警,电话待定,'].join('\n');
    const res = await as(cityAdmin, 'importUnits', { jurisdiction: 'shili', fileName: '单位.csv', contentBase64: b64(bad) });
    expect(res.error?.code).toBe('UNITS.INVALID_ROWS');
    expect(res.error?.issues?.map((i) => [i.path, i.code])).toEqual([
      ['1.类别', 'UNITS.NO_TOWNSHIP'],
      ['1.类别', 'UNITS.NO_LEADERSHIP'],
      ['3.单位名称', 'UNITS.DUPLICATE_NAME'],
      ['4.类别', 'UNITS.UNKNOWN_KIND'],
      ['5.层级', 'UNITS.UNKNOWN_LEVEL'],
      ['5.电话', 'UNITS.BAD_PHONE'],
    ]);
    const [stored] = await app.store.listJurisdictions();
    expect([stored?.departments, stored?.townships]).toEqual([[], []]);
  });
});

describe('who may create and fill a jurisdiction (DESIGN.md §7: a city admin manages its counties, not the reverse)', () => {
  it('a county admin cannot create a county under the city above it, nor another county’s admin', async () => {
    // PEOPLE.admin administers Yongning only.
    expect((await app.call(admin, 'admin', 'createJurisdiction', { id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan' })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await create(wuzhongAdmin)).error?.code).toBe('AUTH.FORBIDDEN');
    for (const who of ['resident', 'leadership', 'housing', 'grid'] as const) {
      expect((await app.call(admin, who, 'createJurisdiction', { id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan' })).error?.code).toBe('AUTH.FORBIDDEN');
    }
    expect(await app.store.listJurisdictions()).toEqual([]);
  });

  it('no top-level jurisdiction from the app, no id taken twice (a bundled one included), no county under a county', async () => {
    expect((await create(cityAdmin, { parent: undefined })).error?.code).toBe('JURISDICTION.PARENT_REQUIRED');
    expect((await create(cityAdmin, { id: 'yongning' })).error?.code).toBe('JURISDICTION.EXISTS');
    expect((await create(cityAdmin, { parent: 'yongning' })).error?.code).toBe('JURISDICTION.BAD_PARENT');
    expect((await create(cityAdmin, { parent: 'atlantis' })).error?.code).toBe('NOT_FOUND');
    await create(cityAdmin);
    expect((await create(cityAdmin, { name: '示例县二' })).error?.code).toBe('JURISDICTION.EXISTS');
    expect((await app.store.listJurisdictions()).map((j) => j.name)).toEqual(['示例县']);
  });

  it('only the city’s admin (or 示例县’s own) may import its units, list or grids: Yongning’s and Wuzhong’s admins are refused and nothing changes', async () => {
    await create(cityAdmin);
    const before = JSON.stringify(await app.store.listJurisdictions());
    expect((await app.call(admin, 'admin', 'importUnits', { jurisdiction: 'shili', fileName: 'u.csv', contentBase64: b64(fixture('shili-units.csv')) })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await importUnits(wuzhongAdmin)).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await as(wuzhongAdmin, 'importList', { jurisdiction: 'shili', fileName: 'l.xlsx', contentBase64: b64(await listXlsx(LIST)), document: SHILI_DOCUMENT })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await as(wuzhongAdmin, 'importGrids', { jurisdiction: 'shili', fileName: 'g.csv', contentBase64: b64(fixture('shili-grids.csv')) })).error?.code).toBe('AUTH.FORBIDDEN');
    expect(JSON.stringify(await app.store.listJurisdictions())).toBe(before);
    // 示例县's own admin (invited later) may.
    const own: User = { id: 'u-admin-sl', openid: null, name: '示例县管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'shili' }], demo: false };
    expect((await importUnits(own)).error).toBeUndefined();
    // A bundled county's units come with its list.
    expect((await as(cityAdmin, 'importUnits', { jurisdiction: 'yongning', fileName: 'u.csv', contentBase64: b64(fixture('shili-units.csv')) })).error?.code).toBe('JURISDICTION.BUNDLED');
  });
});
