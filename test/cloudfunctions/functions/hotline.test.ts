/**
 * The 12345 center through the `ticket` function (issue 20 §6), on the SQLite and CloudBase stores:
 * a file of 20 work orders imports, routes and exports; re-importing it changes nothing; the
 * caller's phone in the file reaches no answer and no stored record; only a hotline grant may
 * import, read the center's views or export.
 */
import ExcelJS from 'exceljs';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { report } from '../../../cloudfunctions/_app/functions/report';
import type { Identity } from '../../../shared/domain/roles';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, identityOf, makeApp, makeCloudbaseApp, NOW, OTHER_ESTATE, PEOPLE, type Person, type TestApp } from '../../support/app';

const HOTLINE: Identity = { userId: 'u-12345', name: '12345热线·坐席', grants: [{ role: 'hotline', jurisdiction: 'yongning' }] };
const HOTLINE_WUZHONG: Identity = { userId: 'u-12345-wz', grants: [{ role: 'hotline', jurisdiction: 'wuzhong' }] };
const CITY_HOTLINE: Identity = { userId: 'u-12345-yc', grants: [{ role: 'hotline', jurisdiction: 'yinchuan' }] };

const phone = (i: number) => `1391234${String(5600 + i).padStart(4, '0')}`;
const TEXTS = ['楼道里有人从窗户拉电线给电动车充电', '物业擅自上调停车费，每月多收50元', '消防通道被私家车堵死了', '小区垃圾桶满了没人清运', '电梯经常困人，物业不修'];
const ADDRESSES = ['永宁县团结西路锦绣花园5号楼2单元', '永宁县望远镇望远新村2栋', '锦绣花园北门'];

/** A 12345 export of n orders, with the caller's phone in a column of its own (as the real exports carry). */
function csvOf(n: number, from = 1): string {
  const lines = ['工单号,来电时间,诉求内容,地址,诉求类型,来电号码'];
  for (let i = from; i < from + n; i += 1) {
    const address = i === 20 ? '银川市兴庆区某小区' : (ADDRESSES[i % ADDRESSES.length] as string);
    lines.push(`GD202611${String(i).padStart(5, '0')},2026-11-2${i % 3} 0${i % 10}:15:00,"${TEXTS[i % TEXTS.length]}，来电人电话${phone(i)}",${address},物业管理,${phone(i)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('12345 on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  const as = async (identity: Identity | null, action: string, data: unknown) =>
    (await ticket(app.deps, { identity }, { action, data })).envelope as { ok: boolean; data?: any; error?: { code: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const allTickets = async () => (await app.store.queryTickets({ jurisdictions: ['yongning'] }, { limit: 100 })).items;
  const storeDump = async () => {
    const tickets = await allTickets();
    return JSON.stringify([tickets, await app.store.listEventsFor(tickets.map((t) => t.id))]);
  };

  beforeEach(async () => {
    app = (await make()) as TestApp<Store>;
  });
  afterEach(async () => app.close());

  it('a file of 20 orders imports, routes each like a report, keeps the 工单号, and re-importing it changes nothing', async () => {
    const first = await as(HOTLINE, 'hotlineImport', { format: 'csv', content: csvOf(20) });
    expect(first.error).toBeUndefined();
    expect([first.data.created, first.data.existing, first.data.problems]).toEqual([20, 0, []]);
    // Matched by address: 锦绣花园 by name, 望远新村 by name; order 20 is in another city: routed at jurisdiction level.
    const byNo = new Map(first.data.rows.map((r: { no: string }) => [r.no, r]));
    expect((byNo.get('GD20261100001') as { estate: string }).estate).toBe(OTHER_ESTATE.id);
    expect((byNo.get('GD20261100003') as { estate: string }).estate).toBe(ESTATE.id);
    expect(first.data.unmatched).toEqual(['GD20261100020']);
    const tickets = await allTickets();
    expect(tickets).toHaveLength(20);
    for (const t of tickets) {
      expect(t.state).toBe('submitted');
      expect(t.route.lead.length).toBeGreaterThan(0);
      expect(t.route.basis.length).toBeGreaterThan(0);
    }
    // Classified with the category suggestion (诉求类型 "物业管理" is none of our labels).
    const flyWire = tickets.find((t) => t.description.includes('拉电线'));
    expect(flyWire?.category).toBe('fly-wire');
    const submit = (await app.store.listEvents(flyWire!.id)).find((e) => e.action === 'submit');
    expect(submit?.payload).toMatchObject({ source: '12345', hotlineNo: expect.stringMatching(/^GD202611/) });

    const before = await storeDump();
    const again = await as(HOTLINE, 'hotlineImport', { format: 'csv', content: csvOf(20) });
    expect([again.data.created, again.data.existing]).toEqual([0, 20]);
    expect(await storeDump()).toBe(before);
    // Not even a ticket number was drawn: the next order takes the 21st number of the day.
    const next = await as(HOTLINE, 'hotlineImport', { format: 'csv', content: csvOf(1, 21) });
    expect(next.data.rows[0].ticketNo).toMatch(/-0021$/);
  });

  it('the caller’s phone reaches no answer and no stored record (in its column or typed into the text)', async () => {
    const res = await as(HOTLINE, 'hotlineImport', { format: 'csv', content: csvOf(3) });
    expect(csvOf(3)).toContain(`来电人电话${phone(1)}`);
    const ids = res.data.rows.map((r: { ticketId: string }) => r.ticketId);
    const answers: unknown[] = [res];
    answers.push(await as(HOTLINE, 'hotlineTickets', {}));
    answers.push(await as(HOTLINE, 'hotlineStats', {}));
    answers.push(await as(HOTLINE, 'hotlineExport', {}));
    for (const who of Object.keys(PEOPLE) as Person[]) {
      for (const id of ids) answers.push(await as(identityOf(PEOPLE[who]), 'detail', { ticketId: id }));
      answers.push(await as(identityOf(PEOPLE[who]), 'queue', { view: 'all' }));
      answers.push((await report(app.deps, { identity: identityOf(PEOPLE[who]) }, { action: 'listMine', data: {} })).envelope);
    }
    const text = JSON.stringify(answers) + (await storeDump());
    for (let i = 1; i <= 3; i += 1) expect(text).not.toContain(phone(i));
    expect(text).toContain('来电人电话[电话已隐去]');
    // Nobody is the reporter of a 12345 order: no resident sees them as their own.
    expect(JSON.stringify(answers)).not.toContain('12345#');
  });

  it('exports 工单号, 承办单位, 办理结果, 办结时间, 满意度 as XLSX, read back', async () => {
    const res = await as(HOTLINE, 'hotlineImport', { format: 'csv', content: csvOf(3) });
    const settled = res.data.rows.find((r: { estate: string }) => r.estate === ESTATE.id) as { ticketId: string; no: string };
    const grid = identityOf(PEOPLE.grid);
    const v1 = (await app.store.getTicket(settled.ticketId))!.version;
    expect((await as(grid, 'accept', { ticketId: settled.ticketId, version: v1 })).ok).toBe(true);
    const photo = await app.photo('grid');
    const v2 = (await app.store.getTicket(settled.ticketId))!.version;
    const done = await as(grid, 'settle', { ticketId: settled.ticketId, version: v2, note: '已劝离并拆除飞线', photos: [photo], location: ESTATE.location });
    expect(done.error).toBeUndefined();

    const out = await as(HOTLINE, 'hotlineExport', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.data.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push([1, 2, 3, 4, 5].map((c) => row.getCell(c).text)));
    expect(rows[0]).toEqual(['工单号', '承办单位', '办理结果', '办结时间', '满意度']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['GD20261100001', 'GD20261100002', 'GD20261100003']);
    const row = rows.find((r) => r[0] === settled.no)!;
    // NOW is 2026-11-23T02:00Z = 10:00 in Beijing.
    expect(row).toEqual([settled.no, '网格员现场处置', expect.stringContaining('已劝离并拆除飞线'), '2026-11-23 10:00', '未评价']);
    const open = rows.find((r) => r[0] !== settled.no && r[0] !== '工单号')!;
    expect([open[3], open[4]]).toEqual(['', '未评价']);
    expect(NOW).toBe('2026-11-23T02:00:00.000Z');
  });

  it('statistics by unit, category and estate; the center may 督办 (supervise) a ticket of its jurisdiction', async () => {
    await as(HOTLINE, 'hotlineImport', { format: 'csv', content: csvOf(6) });
    const stats = await as(HOTLINE, 'hotlineStats', {});
    expect(stats.data.tickets).toBe(6);
    expect(stats.data.byEstate.reduce((n: number, r: { tickets: number }) => n + r.tickets, 0)).toBe(6);
    expect(stats.data.byEstate.map((r: { estateId: string }) => r.estateId).sort()).toEqual([ESTATE.id, OTHER_ESTATE.id].sort());
    expect(stats.data.byCategory.length).toBeGreaterThan(0);
    expect(Array.isArray(stats.data.byUnit)).toBe(true);
    const t = (await allTickets())[0]!;
    const sup = await as(HOTLINE, 'supervise', { ticketId: t.id, version: t.version, note: '12345督办：请尽快办理' });
    expect(sup.error).toBeUndefined();
    expect((await app.store.listEvents(t.id)).some((e) => e.action === 'supervise' && e.actor.role === 'hotline')).toBe(true);
  });

  it('only a hotline grant of the jurisdiction may import, list, count or export; a refused import writes nothing', async () => {
    for (const who of (Object.keys(PEOPLE) as Person[]).filter((p) => p !== 'hotline')) {
      for (const [action, data] of [
        ['hotlineImport', { format: 'csv', content: csvOf(2) }],
        ['hotlineTickets', {}],
        ['hotlineStats', {}],
        ['hotlineExport', {}],
      ] as const) {
        expect((await as(identityOf(PEOPLE[who]), action, data)).error?.code).toBe('AUTH.FORBIDDEN');
      }
    }
    expect((await as(HOTLINE_WUZHONG, 'hotlineImport', { format: 'csv', content: csvOf(2), jurisdiction: 'yongning' })).error?.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await as(null, 'hotlineImport', { format: 'csv', content: csvOf(2) })).error?.code).toBe('AUTH.UNAUTHENTICATED');
    expect(await allTickets()).toHaveLength(0);
    // Yinchuan's center covers its county.
    expect((await as(CITY_HOTLINE, 'hotlineImport', { format: 'csv', content: csvOf(1), jurisdiction: 'yongning' })).data.created).toBe(1);
  });

  it('the desk’s staff home answers (its entry to the 12345 page is on the home screen)', async () => {
    const home = await as(HOTLINE, 'home', {});
    expect(home.error).toBeUndefined();
    expect(home.data.user.roles).toEqual(['hotline']);
  });

  it('bad files are 4xx with a stable code and no change', async () => {
    expect((await as(HOTLINE, 'hotlineImport', { format: 'xlsx', content: 'bm90IGEgemlw' })).error?.code).toBe('INPUT.INVALID');
    expect((await as(HOTLINE, 'hotlineImport', { format: 'pdf', content: 'x' })).error?.code).toBe('INPUT.INVALID');
    const noColumns = await as(HOTLINE, 'hotlineImport', { format: 'csv', content: '工单号,内容\r\nGD1,x\r\n' });
    expect(noColumns.data.problems[0].message).toMatch(/^缺少列/);
    expect(await allTickets()).toHaveLength(0);
  });

  it('imports the same orders from an XLSX export', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    for (const line of csvOf(2).trim().split('\r\n')) ws.addRow(line.split(',').map((c) => c.replace(/^"|"$/g, '')));
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await as(HOTLINE, 'hotlineImport', { format: 'xlsx', content });
    expect(res.data.created).toBe(2);
    expect((await as(HOTLINE, 'hotlineImport', { format: 'csv', content: csvOf(2) })).data.existing).toBe(2);
  });
});
