/**
 * Issue 19 through the `admin` function: a county admin imports a revised 责任清单 (CSV or XLSX in the
 * 序号 / 问题 / 牵头单位 / 责任单位 / 依据 layout), previews every category, and activates it with an
 * effective date. The revision is a fixture (not a real document): 飞线充电 led by 县消防救援大队.
 */
import ExcelJS from 'exceljs';
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { REGISTRY } from '../../../shared/jurisdictions';
import { listToTable } from '../../../shared/lists/import';
import { toCsv } from '../../../shared/lists/csv';
import type { User } from '../../../shared/domain/directory';
import { identityOf, makeApp, newKey, REPORT, type TestApp } from '../../support/app';

const wuzhongAdmin: User = { id: 'u-admin-wz', openid: null, name: '吴忠管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'wuzhong' }], demo: false };

/** Yongning's list as exported, with the 飞线充电 row's lead changed. */
function revisedTable(): string[][] {
  const table = listToTable(REGISTRY.list('yongning')!, REGISTRY);
  const row = table.find((r) => r[1]!.includes('飞线充电'))!;
  row[2] = '县消防救援大队、县应急管理局';
  row[3] = '县公安局、县综合执法局、县住建局、属地乡镇(街道)';
  return table;
}
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const importCsv = (table: string[][], who: Parameters<TestApp['call']>[1] = 'admin') =>
  app.call(admin, who, 'importList', { jurisdiction: 'yongning', fileName: '永宁县责任清单.csv', contentBase64: b64(toCsv(table)), document: '永宁县物业管理责任清单(修订)' });

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

describe('admin.importList → previewList → activateList', () => {
  it('imports a CSV into a draft and previews every category, flagging only the changed one', async () => {
    const res = await importCsv(revisedTable());
    expect(res.error).toBeUndefined();
    expect(res.data.version).toMatchObject({ status: 'draft', effectiveFrom: null, rows: REGISTRY.list('yongning')!.rows.length });
    const preview = res.data.preview as Array<{ category: string; changed: boolean; leadChanged: boolean; current: { lead: string[] }; draft: { lead: string[] } }>;
    expect(preview).toHaveLength(33);
    // 002 二(二)1(6) covers these four categories: they change, and nothing else does.
    expect(preview.filter((r) => r.changed).map((r) => r.category)).toEqual(['fly-wire', 'fire-facility', 'hazmat', 'flood']);
    const fly = preview.find((r) => r.category === 'fly-wire')!;
    expect([fly.leadChanged, fly.current.lead, fly.draft.lead]).toEqual([true, ['县住建局', '县应急管理局'], ['县消防救援大队', '县应急管理局']]);
    expect(preview.find((r) => r.category === 'dog')!.changed).toBe(false);
    // Still a draft: reports route as before.
    const t = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
    expect(t.data.ticket.route.lead.map((u: { name: string }) => u.name)).toEqual(['县住建局', '县应急管理局']);
  });

  it('an import with three bad rows answers all three errors with row and column, and stores nothing', async () => {
    const table = revisedTable();
    table[2]![2] = '';
    table[3]![1] = '飞线冲电';
    table[4]![3] = '县城管局';
    const res = await importCsv(table);
    expect(res.error?.code).toBe('LIST.INVALID_ROWS');
    const issues = (res.error as unknown as { issues: Array<{ path: string; code: string }> }).issues;
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['3.牵头单位', 'LIST.EMPTY_LEAD'],
      ['4.问题', 'LIST.UNKNOWN_CATEGORY'],
      ['5.责任单位', 'LIST.UNKNOWN_UNIT'],
    ]);
    expect(await app.store.listListVersions({})).toEqual([]);
  });

  it('only the jurisdiction’s admin may import, preview or activate (another county’s admin, staff and residents are refused)', async () => {
    await app.store.putUser(wuzhongAdmin);
    for (const who of ['resident', 'housing', 'leadership', 'grid'] as const) expect((await importCsv(revisedTable(), who)).error?.code).toBe('AUTH.FORBIDDEN');
    const other = await admin(app.deps, { identity: identityOf(wuzhongAdmin) }, {
      action: 'importList',
      data: { jurisdiction: 'yongning', fileName: 'x.csv', contentBase64: b64(toCsv(revisedTable())), document: '某清单' },
    });
    expect((other.envelope as { error?: { code: string } }).error?.code).toBe('AUTH.FORBIDDEN');
    expect(await app.store.listListVersions({})).toEqual([]);
    const { versionId } = (await importCsv(revisedTable())).data.version;
    expect((await app.call(admin, 'leadership', 'activateList', { jurisdiction: 'yongning', versionId, effectiveFrom: '2026-11-24' })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.call(admin, 'admin', 'activateList', { jurisdiction: 'atlantis', versionId, effectiveFrom: '2026-11-24' })).error?.code).toBe('NOT_FOUND');
  });

  it('activates from today or later, never a past day; from its day new reports route by it and cite its row', async () => {
    const { versionId } = (await importCsv(revisedTable())).data.version;
    // NOW is 2026-11-23 10:00 in Beijing.
    expect((await app.call(admin, 'admin', 'activateList', { jurisdiction: 'yongning', versionId, effectiveFrom: '2026-11-22' })).error?.code).toBe('LIST.EFFECTIVE_IN_PAST');
    expect((await app.call(admin, 'admin', 'activateList', { jurisdiction: 'yongning', versionId, effectiveFrom: '2026-11-24' })).data.version).toMatchObject({ status: 'active', effectiveFrom: '2026-11-24' });
    expect((await app.call(admin, 'admin', 'activateList', { jurisdiction: 'yongning', versionId, effectiveFrom: '2026-11-24' })).error?.code).toBe('LIST.ALREADY_ACTIVE');
    expect((await app.call(admin, 'admin', 'listVersions', { jurisdiction: 'yongning' })).data.routingNow).toBe('yongning.bundled');

    app.clock.set('2026-11-23T16:00:00.000Z'); // 2026-11-24 00:00 in Beijing
    const t = (await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() })).data.ticket;
    expect(t.route.lead.map((u: { name: string }) => u.name)).toEqual(['县消防救援大队', '县应急管理局']);
    expect(t.route.basis[0].item).toBe('二(二)1(6)');
    expect(t.route.list.versionId).toBe(versionId);
    expect((await app.call(admin, 'admin', 'listVersions', { jurisdiction: 'yongning' })).data.routingNow).toBe(versionId);
  });

  it('the template, the filled example (Yongning) and the current list download as XLSX; the example imports back unchanged', async () => {
    const file = async (kind: string) => (await app.call(admin, 'admin', 'listFile', { jurisdiction: 'yongning', kind })).data;
    const read = async (b64data: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(b64data, 'base64') as unknown as ArrayBuffer);
      return wb.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? '')));
    };
    const template = await file('template');
    expect(template.fileName).toBe('责任清单模板.xlsx');
    expect(await read(template.contentBase64)).toEqual([['序号', '问题', '牵头单位', '责任单位', '依据']]);
    const example = await file('example');
    expect((await read(example.contentBase64))[1]![2]).toBe('县城乡公共事业服务中心');
    const res = await app.call(admin, 'admin', 'importList', { jurisdiction: 'yongning', fileName: example.fileName, contentBase64: example.contentBase64, document: '永宁县清单' });
    expect(res.error).toBeUndefined();
    expect((res.data.preview as Array<{ changed: boolean }>).some((r) => r.changed)).toBe(false);
    expect((await file('current')).fileName).toBe('责任清单-永宁县.xlsx');
    // A second import in the same second gets its own version id: the first draft stays.
    const second = await app.call(admin, 'admin', 'importList', { jurisdiction: 'yongning', fileName: example.fileName, contentBase64: example.contentBase64, document: '永宁县清单' });
    expect(second.data.version.versionId).toBe(`${res.data.version.versionId}-2`);
    expect(await app.store.listListVersions({ jurisdictions: ['yongning'] })).toHaveLength(2);
    expect((await app.call(admin, 'admin', 'importList', { jurisdiction: 'yongning', fileName: 'x.pdf', contentBase64: 'AAAA', document: '清单' })).error?.code).toBe('INPUT.INVALID');
  });
});

describe('admin.importEstates (CSV with coordinates, township and property company)', () => {
  const HEADER = ['小区编号', '小区名称', '区县', '乡镇(街道)', '地址', '纬度', '经度', '物业企业', '二维码场景值'];
  // Fixture estates, not real places.
  const ROW = ['yn-shili-1', '示例花园', '', '杨和镇', '杨和镇示例路1号', '38.2801', '106.2532', '', 'yn-shili-1'];
  const importEstates = (rows: string[][], who: Parameters<TestApp['call']>[1] = 'admin') =>
    app.call(admin, who, 'importEstates', { jurisdiction: 'yongning', fileName: 'estates.csv', contentBase64: b64(toCsv([HEADER, ...rows])) });

  it('registers every estate of a valid file; a resident can then find it by its scene code', async () => {
    const res = await importEstates([ROW, ['yn-shili-2', '示例小区', '', '望远镇', '望远镇示例街2号', '38.30', '106.21', '', 'yn-shili-2']]);
    expect(res.error).toBeUndefined();
    expect(res.data.imported).toBe(2);
    expect(await app.store.getEstateByScene('yn-shili-1')).toMatchObject({ id: 'yn-shili-1', jurisdiction: 'yongning', townshipId: 'yongning.t.yanghe', location: { lat: 38.2801, lng: 106.2532 } });
  });

  it('three bad rows: every error at once (four, in three rows), nothing written; other roles are refused', async () => {
    const before = await app.store.listEstates({});
    const res = await importEstates([
      ROW,
      ['yn-shili-2', '示例小区', '', '不存在镇', '某路', '38.3', '106.2', '', 'yn-shili-2'],
      ['yn-shili-3', '示例三', '', '杨和镇', '某路3号', '106.2', '38.3', '', 'yn-shili-3'],
      ['yn-shili-4', '示例四', '', '杨和镇', '某路4号', '38.3', '106.2', '没有这家物业', 'yn-shili-4'],
    ]);
    expect(res.error?.code).toBe('ESTATES.INVALID_ROWS');
    const issues = (res.error as unknown as { issues: Array<{ path: string; code: string }> }).issues;
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['3.乡镇(街道)', 'ESTATES.UNKNOWN_TOWNSHIP'],
      ['4.纬度', 'ESTATES.BAD_COORDINATE'],
      ['4.经度', 'ESTATES.BAD_COORDINATE'],
      ['5.物业企业', 'ESTATES.UNKNOWN_COMPANY'],
    ]);
    expect(await app.store.listEstates({})).toEqual(before);
    for (const who of ['resident', 'street', 'property'] as const) expect((await importEstates([ROW], who)).error?.code).toBe('AUTH.FORBIDDEN');
    expect(await app.store.getEstate('yn-shili-1')).toBeNull();
  });
});

describe('authorization: every county list action × every role of DESIGN.md §2 (only the jurisdiction’s admin)', () => {
  const HEADER = ['小区编号', '小区名称', '区县', '乡镇(街道)', '地址', '纬度', '经度', '物业企业', '二维码场景值'];
  const rows = (): Array<[string, Record<string, unknown>]> => [
    ['importList', { jurisdiction: 'yongning', fileName: 'l.csv', contentBase64: b64(toCsv(revisedTable())), document: '永宁县清单' }],
    ['previewList', { jurisdiction: 'yongning', versionId: 'yongning.seeded' }],
    ['activateList', { jurisdiction: 'yongning', versionId: 'yongning.seeded', effectiveFrom: '2026-12-01' }],
    ['listVersions', { jurisdiction: 'yongning' }],
    ['listFile', { jurisdiction: 'yongning', kind: 'current' }],
    ['importEstates', { jurisdiction: 'yongning', fileName: 'e.csv', contentBase64: b64(toCsv([HEADER, ['yn-shili-1', '示例花园', '', '杨和镇', '杨和镇示例路1号', '38.28', '106.25', '', 'yn-shili-1']])) }],
  ];
  it.each(['resident', 'grid', 'street', 'housing', 'police', 'leadership', 'property', 'admin'] as const)('%s', async (who) => {
    const seeded = (await importCsv(revisedTable())).data.version.versionId as string;
    for (const [action, data] of rows()) {
      const before = JSON.stringify([await app.store.listListVersions({}), await app.store.listEstates({})]);
      const res = await app.call(admin, who, action, { ...data, ...(data.versionId ? { versionId: seeded } : {}) });
      if (who === 'admin') expect({ action, error: res.error }).toEqual({ action, error: undefined });
      else {
        expect({ action, code: res.error?.code }).toEqual({ action, code: 'AUTH.FORBIDDEN' });
        expect(JSON.stringify([await app.store.listListVersions({}), await app.store.listEstates({})])).toBe(before);
      }
    }
    expect((await app.call(admin, null, 'listVersions', { jurisdiction: 'yongning' })).error?.code).toBe('AUTH.UNAUTHENTICATED');
  });
});
