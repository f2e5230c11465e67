import ExcelJS from 'exceljs';
import { bulletinDownload } from '../../../cloudfunctions/_app/bulletin-http';
import { ticket as ticketFn } from '../../../cloudfunctions/_app/functions/ticket';
import { monthRange, XLSX_CONTENT_TYPE } from '../../../cloudfunctions/_app/usecases/bulletin';
import type { FileStore } from '../../../shared/ports/platform';
import type { Deadline, Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { makeTicket } from '../../support/fixtures';
import { ESTATE, identityOf, makeApp, MORE_PEOPLE, OTHER_ESTATE, PEOPLE, type TestApp } from '../../support/app';

/**
 * 月通报 on a seeded month, every figure computed by hand below. Beijing time throughout.
 *
 * Now: 2026-12-01 10:00. Month: 2026-11 = [2026-11-01 00:00, 2026-12-01 00:00) Beijing.
 * Units: 住建 = yongning.zjj (县住建局), 应急 = yongning.yjgl (县应急管理局).
 * Streets: S1 = 团结西路街道办事处 (锦绣花园), S2 = 望远镇 (望远新村).
 *
 * T1 飞线充电, S1. Submitted 11-02 09:00; whistled 09:10 to 住建; 住建 reports in 09:30 (报到 due
 *    09:40: on time, 20 min); resolved 11-03 09:00 (due 11-03 09:00: on time, 1440 min from submit);
 *    rated 5, fixed. Closed.
 * T2 垃圾, S1. Submitted 11-05 10:00; whistled 10:30 to 住建 and 应急; 住建 reports in 13:00 (due 12:30:
 *    late, 150 min); 应急 never does (missed); resolved 11-12 10:00 (due 11-11 10:00: late, 10080
 *    min); rated 3, not fixed. Closed.
 * T3 纠纷, S2. Submitted 11-10 08:00; never whistled; the grid worker settles it 12:00 (due 11-17
 *    08:00: on time, 240 min); rated 4, fixed. Closed.
 * T4 垃圾, S2. Submitted 11-20 09:00; whistled 09:30 to 应急; nobody reports in (due 11:30, marked
 *    overdue: missed); not resolved (due 11-27 09:00: missed). Open, overdue.
 * T5 飞线充电, S1. Submitted 11-30 23:30 (the month's last half hour); not triaged (due 12-01 00:00:
 *    overdue); no resolve deadline yet. Open, overdue.
 * Left out: one submitted 10-31 23:59 (October), one 12-01 00:00 (December), one in 奇台县.
 *
 * Overall: 5 tickets, 3 whistled. 响应率: T1 on time, T2 late, T4 missed → 1/3. 解决率: answered T1 T2 T3,
 * fixed T1 T3 → 2/3. 满意率: rated T1 T2 T3, ≥4 T1 T3 → 2/3. 按时办结率: T1 T3 on time, T2 late, T4
 * missed (T5 has no deadline) → 2/4. 报到用时 [20, 150]: p50 = rank ⌈1⌉ = 20, p90 = rank ⌈1.8⌉ = 150.
 * 办结用时 [240, 1440, 10080]: p50 = rank 2 = 1440 (24 h), p90 = rank ⌈2.7⌉ = 10080 (168 h). 超期未结: T4 T5 = 2.
 * 综合得分 = (1/3 + 2/3 + 2/3) / 3 = 5/9.
 *
 * By department (a ticket counts for each unit it was whistled to, with that unit's own 报到):
 *  住建: T1 T2. 响应 1/2 (T1 on time, T2 late); 解决 1/2; 满意 1/2; 按时 1/2; 报到 [20, 150] → 20 / 150;
 *        办结 [1440, 10080] → 24 h / 168 h; 超期 0. 得分 0.5 → rank 1.
 *  应急: T2 T4. 响应 0/2 (both missed); 解决 0/1; 满意 0/1; 按时 0/2 (T2 late, T4 missed); 报到 none;
 *        办结 [10080] → 168 h / 168 h; 超期 1 (T4). 得分 0 → rank 2.
 * By street:
 *  S1: T1 T2 T5. 响应 1/2; 解决 1/2; 满意 1/2; 按时 1/2 (T5 excluded); 报到 20 / 150; 办结 24 / 168 h;
 *      超期 1 (T5). 得分 0.5 → rank 2.
 *  S2: T3 T4 (1 whistled). 响应 0/1; 解决 1/1; 满意 1/1; 按时 1/2; 报到 none; 办结 [240] → 4 h / 4 h;
 *      超期 1 (T4). 得分 (0 + 1 + 1) / 3 = 2/3 → rank 1.
 * By category (most tickets first, then code): fly-wire (T1 T5: 1, 1, 1, 1/1, 超期 1), garbage (T2 T4:
 * 0/2, 0/1, 0/1, 0/2, 超期 1), dispute (T3: 响应 —, 1, 1, 1, 超期 0).
 * Overdue list, earliest missed deadline first: T4 (报到、办结; due 11-20 11:30; 262 h late — 10 days
 * 22.5 h, floored), then T5 (受理; due 12-01 00:00; 10 h late).
 */

const NOW = '2026-12-01T02:00:00.000Z';
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const ZJJ = 'yongning.zjj';
const YJGL = 'yongning.yjgl';
const S1 = ESTATE.townshipId;
const S2 = OTHER_ESTATE.townshipId;
const REPORTER = { userId: 'u-reporter-secret', openid: 'openid-reporter-secret', phone: '13912345678', anonymous: false };
const DESCRIPTION = '我是3号楼301的住户，请尽快处理';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
  app.clock.set(NOW);
  await seedMonth();
});
afterEach(() => app.close());

/** Stores a ticket and its history: created with the first event, then one version per later event. */
async function seed(t: Ticket, events: Array<Omit<TicketEvent, 'id' | 'ticketId' | 'seq' | 'from' | 'to'>>) {
  const full: TicketEvent[] = events.map((e, i) => ({ ...e, id: `${t.id}-e${i + 1}`, ticketId: t.id, seq: i + 1, from: i === 0 ? null : 'submitted', to: t.state }));
  const [first, ...rest] = full;
  await app.store.createTicket({ ticket: { ...t, version: 1 }, event: first!, idempotencyKey: `seed-${t.id}`, outbox: [] });
  for (const [i, event] of rest.entries()) {
    await app.store.commitTransition({ next: { ...t, version: i + 2 }, expectedVersion: i + 1, event, outbox: [] });
  }
}

const resident = { userId: REPORTER.userId, role: 'resident' as const };
const grid = { userId: 'u-grid', role: 'grid' as const };
const unit = (unitId: string) => ({ userId: `u-${unitId}`, role: 'department' as const, unitId });
const route = (lead: string[], responsible: string[] = []) => ({
  lead: lead.map((id) => ({ id, name: id === ZJJ ? '县住建局' : id === YJGL ? '县应急管理局' : '永宁县人民政府' })),
  responsible: responsible.map((id) => ({ id, name: '县应急管理局' })),
  basis: [],
});
const d = (step: Deadline['step'], due: string, extra: Partial<Deadline> = {}): Deadline => ({ step, due: bj(due), ...extra });
const base = (id: string, no: string, created: string, overrides: Partial<Ticket>): Ticket =>
  makeTicket({ id, no, createdAt: bj(created), updatedAt: bj(created), reporter: REPORTER, description: DESCRIPTION, estateId: ESTATE.id, streetId: S1, propertyCompanyId: 'pc-hengan', ...overrides });

async function seedMonth() {
  await seed(
    base('t1', 'YN-20261102-0001', '2026-11-02 09:00', {
      category: 'fly-wire',
      state: 'closed',
      route: route([ZJJ]),
      assignedUnits: [ZJJ],
      acknowledgedUnits: [ZJJ],
      resolvedBy: ZJJ,
      deadlines: [d('ack', '2026-11-02 09:40', { metAt: bj('2026-11-02 09:30') }), d('resolve', '2026-11-03 09:00', { metAt: bj('2026-11-03 09:00') })],
      rating: { score: 5, fixed: true, at: bj('2026-11-04 09:00') },
      closedAt: bj('2026-11-04 09:00'),
    }),
    [
      { at: bj('2026-11-02 09:00'), actor: resident, action: 'submit' },
      { at: bj('2026-11-02 09:10'), actor: grid, action: 'whistle', payload: { units: [ZJJ] } },
      { at: bj('2026-11-02 09:30'), actor: unit(ZJJ), action: 'acknowledge' },
      { at: bj('2026-11-03 09:00'), actor: unit(ZJJ), action: 'resolve' },
      { at: bj('2026-11-04 09:00'), actor: resident, action: 'rate', payload: { score: 5, fixed: true } },
    ],
  );
  await seed(
    base('t2', 'YN-20261105-0002', '2026-11-05 10:00', {
      category: 'garbage',
      state: 'closed',
      route: route([ZJJ], [YJGL]),
      assignedUnits: [ZJJ, YJGL],
      acknowledgedUnits: [ZJJ],
      resolvedBy: ZJJ,
      deadlines: [d('ack', '2026-11-05 12:30', { metAt: bj('2026-11-05 13:00') }), d('resolve', '2026-11-11 10:00', { metAt: bj('2026-11-12 10:00') })],
      rating: { score: 3, fixed: false, at: bj('2026-11-13 10:00') },
      closedAt: bj('2026-11-13 10:00'),
    }),
    [
      { at: bj('2026-11-05 10:00'), actor: resident, action: 'submit' },
      { at: bj('2026-11-05 10:30'), actor: grid, action: 'whistle', payload: { units: [ZJJ, YJGL] } },
      { at: bj('2026-11-05 13:00'), actor: unit(ZJJ), action: 'acknowledge' },
      { at: bj('2026-11-12 10:00'), actor: unit(ZJJ), action: 'resolve' },
      { at: bj('2026-11-13 10:00'), actor: resident, action: 'rate', payload: { score: 3, fixed: false } },
    ],
  );
  await seed(
    base('t3', 'YN-20261110-0003', '2026-11-10 08:00', {
      category: 'dispute',
      state: 'closed',
      estateId: OTHER_ESTATE.id,
      streetId: S2,
      route: route(['yongning.gov']),
      deadlines: [d('resolve', '2026-11-17 08:00', { metAt: bj('2026-11-10 12:00') })],
      rating: { score: 4, fixed: true, at: bj('2026-11-11 08:00') },
      closedAt: bj('2026-11-11 08:00'),
    }),
    [
      { at: bj('2026-11-10 08:00'), actor: resident, action: 'submit' },
      { at: bj('2026-11-10 12:00'), actor: grid, action: 'settle' },
      { at: bj('2026-11-11 08:00'), actor: resident, action: 'rate', payload: { score: 4, fixed: true } },
    ],
  );
  await seed(
    base('t4', 'YN-20261120-0004', '2026-11-20 09:00', {
      category: 'garbage',
      state: 'whistled',
      estateId: OTHER_ESTATE.id,
      streetId: S2,
      route: route([YJGL]),
      assignedUnits: [YJGL],
      holder: { kind: 'units', ids: [YJGL] },
      deadlines: [d('ack', '2026-11-20 11:30', { overdueAt: bj('2026-11-20 11:30') }), d('resolve', '2026-11-27 09:00')],
    }),
    [
      { at: bj('2026-11-20 09:00'), actor: resident, action: 'submit' },
      { at: bj('2026-11-20 09:30'), actor: grid, action: 'whistle', payload: { units: [YJGL] } },
    ],
  );
  await seed(
    base('t5', 'YN-20261130-0005', '2026-11-30 23:30', {
      category: 'fly-wire',
      state: 'submitted',
      route: route([ZJJ]),
      deadlines: [d('triage', '2026-12-01 00:00')],
    }),
    [{ at: bj('2026-11-30 23:30'), actor: resident, action: 'submit' }],
  );
  // Outside the bulletin: October, December, another jurisdiction.
  await seed(base('t6', 'YN-20261031-0006', '2026-10-31 23:59', { deadlines: [d('triage', '2026-11-01 00:29')] }), [{ at: bj('2026-10-31 23:59'), actor: resident, action: 'submit' }]);
  await seed(base('t7', 'YN-20261201-0007', '2026-12-01 00:00', { deadlines: [d('triage', '2026-12-01 00:30')] }), [{ at: bj('2026-12-01 00:00'), actor: resident, action: 'submit' }]);
  await seed(base('t8', 'QT-20261115-0008', '2026-11-15 10:00', { jurisdiction: 'qitai', estateId: null, streetId: 'qitai.t.qitai', deadlines: [d('triage', '2026-11-15 10:30')] }), [
    { at: bj('2026-11-15 10:00'), actor: resident, action: 'submit' },
  ]);
}

const bulletin = (who: Parameters<TestApp['call']>[1], data: Record<string, unknown> = { jurisdiction: 'yongning', month: '2026-11' }) => app.call(ticketFn, who, 'bulletin', data);

describe('monthRange', () => {
  it('bounds a Beijing calendar month in UTC, across the year end', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
  });
});

describe('the bulletin tables (hand-computed above)', () => {
  it('overall', async () => {
    const res = await bulletin('leadership');
    expect(res.error).toBeUndefined();
    const { overall, scope, jurisdictionName } = res.data.tables;
    expect([scope, jurisdictionName]).toEqual(['全辖区', '永宁县']);
    expect(overall.counts).toMatchObject({ tickets: 5, whistled: 3, ackDenominator: 3, ackOnTime: 1, fixAnswered: 3, fixed: 2, rated: 3, satisfied: 2, resolveDenominator: 4, resolvedOnTime: 2, overdueOpen: 2 });
    expect(overall.rates.responseRate).toBeCloseTo(1 / 3);
    expect(overall.rates.resolutionRate).toBeCloseTo(2 / 3);
    expect(overall.rates.satisfactionRate).toBeCloseTo(2 / 3);
    expect(overall.rates.onTimeRate).toBe(0.5);
    expect(overall.ackMinutes).toEqual({ samples: 2, p50: 20, p90: 150 });
    expect(overall.resolveMinutes).toEqual({ samples: 3, p50: 1440, p90: 10080 });
  });

  it('departments, ranked by 综合得分', async () => {
    const { departments } = (await bulletin('leadership')).data.tables;
    expect(departments.map((r: { key: string; name: string; rank: number; score: number }) => [r.rank, r.key, r.name, r.score])).toEqual([
      [1, ZJJ, '县住建局', 0.5],
      [2, YJGL, '县应急管理局', 0],
    ]);
    const [zjj, yjgl] = departments;
    expect(zjj.metrics.rates).toEqual({ responseRate: 0.5, resolutionRate: 0.5, satisfactionRate: 0.5, onTimeRate: 0.5 });
    expect(zjj.metrics.ackMinutes).toEqual({ samples: 2, p50: 20, p90: 150 });
    expect(zjj.metrics.resolveMinutes).toEqual({ samples: 2, p50: 1440, p90: 10080 });
    expect(zjj.metrics.counts).toMatchObject({ tickets: 2, whistled: 2, overdueOpen: 0 });
    // 应急管理局 never reported in on t2 (co-lead) nor t4: 未报到 twice, listed, and no credit for the
    // resolution 住建局 did on t2 (issue 18: it showed 解决率/满意率/按时办结率 of t2 before).
    expect(yjgl.metrics.rates).toEqual({ responseRate: 0, resolutionRate: null, satisfactionRate: null, onTimeRate: null });
    expect(yjgl.metrics.counts).toMatchObject({ tickets: 2, ackDenominator: 2, ackOnTime: 0, fixAnswered: 0, rated: 0, resolveDenominator: 0, overdueOpen: 1 });
    expect(yjgl.metrics.ackMinutes).toEqual({ samples: 0, p50: null, p90: null });
    expect(yjgl.metrics.resolveMinutes).toEqual({ samples: 0, p50: null, p90: null });
    expect(yjgl.metrics.missedAck).toEqual(['YN-20261105-0002', 'YN-20261120-0004']);
    expect(zjj.metrics.missedAck).toEqual([]);
  });

  it('streets, ranked by 综合得分', async () => {
    const { streets } = (await bulletin('leadership')).data.tables;
    expect(streets.map((r: { key: string; name: string; rank: number }) => [r.rank, r.key, r.name])).toEqual([
      [1, S2, '望远镇'],
      [2, S1, '团结西路街道办事处'],
    ]);
    const [s2, s1] = streets;
    expect(s2.score).toBeCloseTo(2 / 3);
    expect(s2.metrics.rates).toEqual({ responseRate: 0, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 0.5 });
    expect(s2.metrics.resolveMinutes).toEqual({ samples: 1, p50: 240, p90: 240 });
    expect(s2.metrics.counts).toMatchObject({ tickets: 2, whistled: 1, overdueOpen: 1 });
    expect(s1.score).toBe(0.5);
    expect(s1.metrics.rates).toEqual({ responseRate: 0.5, resolutionRate: 0.5, satisfactionRate: 0.5, onTimeRate: 0.5 });
    expect(s1.metrics.counts).toMatchObject({ tickets: 3, whistled: 2, resolveDenominator: 2, overdueOpen: 1 });
  });

  it('categories, most tickets first, unranked', async () => {
    const { categories } = (await bulletin('leadership')).data.tables;
    expect(categories.map((r: { key: string; rank: null; metrics: { counts: { tickets: number; overdueOpen: number } } }) => [r.key, r.rank, r.metrics.counts.tickets, r.metrics.counts.overdueOpen])).toEqual([
      ['fly-wire', null, 2, 1],
      ['garbage', null, 2, 1],
      ['dispute', null, 1, 0],
    ]);
    expect(categories[0].metrics.rates).toEqual({ responseRate: 1, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 1 });
    expect(categories[1].metrics.rates).toEqual({ responseRate: 0, resolutionRate: 0, satisfactionRate: 0, onTimeRate: 0 });
    expect(categories[2].metrics.rates).toEqual({ responseRate: null, resolutionRate: 1, satisfactionRate: 1, onTimeRate: 1 });
  });

  it('the overdue list, without reporter data', async () => {
    const { overdue } = (await bulletin('leadership')).data.tables;
    expect(overdue).toEqual([
      {
        ticketNo: 'YN-20261120-0004',
        category: '垃圾未分类/乱倒/转运车不密闭',
        estate: '望远新村',
        street: '望远镇',
        state: '已吹哨',
        holders: '县应急管理局',
        steps: '报到、办结',
        due: '2026-11-20 11:30',
        overdueHours: 262,
        reportedAt: '2026-11-20 09:00',
      },
      {
        ticketNo: 'YN-20261130-0005',
        category: '飞线充电',
        estate: '锦绣花园',
        street: '团结西路街道办事处',
        state: '待受理',
        holders: '网格员',
        steps: '受理',
        due: '2026-12-01 00:00',
        overdueHours: 10,
        reportedAt: '2026-11-30 23:30',
      },
    ]);
  });
});

describe('who gets which bulletin', () => {
  it('the city office may make its county’s; another county’s office may not', async () => {
    expect((await bulletin('cityLeadership')).data.tables.overall.counts.tickets).toBe(5);
    expect((await bulletin('qitaiLeadership')).error?.code).toBe('AUTH.FORBIDDEN');
  });

  it('a street officer gets their street’s tickets, a department officer those naming their unit', async () => {
    const street = (await bulletin('street')).data.tables;
    expect(street.scope).toBe('本街道范围');
    expect(street.overall.counts.tickets).toBe(3); // T1 T2 T5
    expect(street.streets.map((r: { key: string }) => r.key)).toEqual([S1]);
    const housing = (await bulletin('housing')).data.tables;
    expect(housing.scope).toBe('本单位范围');
    expect(housing.overall.counts.tickets).toBe(3); // T1 T2 T5 name 住建
    const emergency = (await bulletin('emergency')).data.tables;
    expect(emergency.overall.counts.tickets).toBe(2); // T2 T4
  });

  it('refuses grid workers, property companies and residents; an unknown jurisdiction; a malformed month', async () => {
    for (const who of ['grid', 'property', 'resident'] as const) expect((await bulletin(who)).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await bulletin('leadership', { jurisdiction: 'atlantis', month: '2026-11' })).error?.code).toBe('NOT_FOUND');
    expect((await bulletin('leadership', { jurisdiction: 'yongning', month: '2026-13' })).error?.code).toBe('INPUT.INVALID');
  });
});

/** A workbook's sheet as rows of cell values (row 1 = the header). */
function rowsOf(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the files', () => {
  it('the XLSX opens with exceljs and holds the expected sheets, headers and rows', async () => {
    const res = await bulletin('leadership');
    expect(res.data.filename).toBe('永宁县月通报-2026-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data.xlsxBase64, 'base64') as never);
    // It opens on 总体 (issue 18 §5: "The XLSX opens on 总体"): the first sheet, and the active tab
    // of the workbook view (ECMA-376 Part 1 §18.2.30 workbookView@activeTab, a 0-based sheet index).
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体', '部门排名', '街道排名', '问题类别', '超期工单', '逾期整改通知', '逾期整改汇总', '指标说明']);
    expect(wb.views.map((v) => v.activeTab)).toEqual([0]);
    expect(wb.worksheets[wb.views[0]!.activeTab]!.name).toBe('总体');

    const header = ['排名', '名称', '综合得分', '工单数', '吹哨数', '响应率', '解决率', '满意率', '按时办结率', '报到用时P50（分钟）', '报到用时P90（分钟）', '办结用时P50（小时）', '办结用时P90（小时）', '超期未结'];
    const depts = rowsOf(wb, '部门排名');
    expect(depts[0]).toEqual([...header, '未报到工单']);
    expect(depts.slice(1)).toEqual([
      [1, '县住建局', 0.5, 2, 2, 0.5, 0.5, 0.5, 0.5, 20, 150, 24, 168, 0, '—'],
      [2, '县应急管理局', 0, 2, 2, 0, '—', '—', '—', '—', '—', '—', '—', 1, 'YN-20261105-0002、YN-20261120-0004'],
    ]);
    const streets = rowsOf(wb, '街道排名');
    expect(streets.slice(1).map((r) => r.slice(0, 2))).toEqual([
      [1, '望远镇'],
      [2, '团结西路街道办事处'],
    ]);
    expect(streets[1]![2]).toBeCloseTo(2 / 3);
    expect(streets[1]!.slice(3)).toEqual([2, 1, 0, 1, 1, 0.5, '—', '—', 4, 4, 1]);

    const overall = rowsOf(wb, '总体');
    expect(overall).toHaveLength(2);
    expect(overall[1]!.slice(0, 2)).toEqual(['—', '永宁县（全辖区）']);
    expect(overall[1]![2]).toBeCloseTo(5 / 9);
    expect(overall[1]!.slice(3, 5)).toEqual([5, 3]);
    expect(overall[1]!.slice(8)).toEqual([0.5, 20, 150, 24, 168, 2]);

    expect(rowsOf(wb, '问题类别').slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['—', '飞线充电', 2],
      ['—', '垃圾未分类/乱倒/转运车不密闭', 2],
      ['—', '邻里/物业纠纷', 1],
    ]);

    const overdue = rowsOf(wb, '超期工单');
    expect(overdue[0]).toEqual(['工单号', '问题类别', '小区', '街道（乡镇）', '当前状态', '承办单位', '超期环节', '时限', '已超期（小时）', '提交时间']);
    expect(overdue.slice(1).map((r) => [r[0], r[6], r[8]])).toEqual([
      ['YN-20261120-0004', '报到、办结', 262],
      ['YN-20261130-0005', '受理', 10],
    ]);

    // Rates are numbers shown as percentages.
    expect(wb.getWorksheet('部门排名')!.getCell('F2').numFmt).toBe('0.0%');
    const info = rowsOf(wb, '指标说明');
    expect(info[0]).toEqual(['月通报', '永宁县 2026-11']);
    expect(info[2]).toEqual(['生成时间', '2026-12-01 10:00']);
    const labels = info.map((r) => r[0]);
    for (const l of ['响应率', '解决率', '满意率', '按时办结率', '报到用时', '办结用时', '超期未结', '综合得分与排名']) expect(labels).toContain(l);

    // Nothing of the reporter or the report text anywhere in the workbook.
    const everything = JSON.stringify(wb.worksheets.map((w) => rowsOf(wb, w.name)));
    for (const secret of [REPORTER.userId, REPORTER.openid, REPORTER.phone, DESCRIPTION]) expect(everything).not.toContain(secret);
  });

  it('the CSV is UTF-8 with a BOM, CRLF, one section per table, rates as percentages', async () => {
    const { csv, csvFilename } = (await bulletin('leadership')).data;
    expect(csvFilename).toBe('永宁县月通报-2026-11.csv');
    expect(csv.startsWith('\uFEFF月通报,永宁县 2026-11\r\n')).toBe(true);
    const lines = (csv as string).slice(1).split('\r\n');
    expect(lines.filter((l) => l.startsWith('【'))).toEqual(['【总体】', '【部门排名】', '【街道（乡镇）排名】', '【问题类别】', '【超期工单】', '【逾期整改通知】', '【逾期整改通知汇总（按乡镇（街道）、下达单位、物业服务企业）】', '【指标说明】']);
    const at = (title: string) => lines.indexOf(title);
    expect(lines.slice(at('【部门排名】') + 1, at('【部门排名】') + 4)).toEqual([
      '排名,名称,综合得分,工单数,吹哨数,响应率,解决率,满意率,按时办结率,报到用时P50（分钟）,报到用时P90（分钟）,办结用时P50（小时）,办结用时P90（小时）,超期未结,未报到工单',
      '1,县住建局,50.0%,2,2,50.0%,50.0%,50.0%,50.0%,20,150,24,168,0,—',
      '2,县应急管理局,0.0%,2,2,0.0%,—,—,—,—,—,—,—,1,YN-20261105-0002、YN-20261120-0004',
    ]);
    expect(lines[at('【街道（乡镇）排名】') + 2]).toBe('1,望远镇,66.7%,2,1,0.0%,100.0%,100.0%,50.0%,—,—,4,4,1');
    expect(lines[at('【总体】') + 2]).toBe('—,永宁县（全辖区）,55.6%,5,3,33.3%,66.7%,66.7%,50.0%,20,150,24,168,2');
    expect(lines[at('【超期工单】') + 2]).toBe('YN-20261120-0004,垃圾未分类/乱倒/转运车不密闭,望远新村,望远镇,已吹哨,县应急管理局,报到、办结,2026-11-20 11:30,262,2026-11-20 09:00');
    expect(csv.endsWith('\r\n')).toBe(true);
    for (const secret of [REPORTER.userId, REPORTER.phone, DESCRIPTION]) expect(csv).not.toContain(secret);
  });

  it('on CloudBase the XLSX is uploaded and answered with its temporary URL', async () => {
    const puts: Array<{ bytes: Uint8Array; contentType: string; ownerUserId: string }> = [];
    const files: FileStore = {
      put: async (input) => {
        puts.push(input);
        return { id: 'cloud://env/bulletins/x.xlsx', contentType: input.contentType, size: input.bytes.byteLength };
      },
      get: async () => null,
      url: async (id) => `https://tmp.example/${encodeURIComponent(id)}`,
      claim: async () => null,
      removeOrphans: async () => 0,
    };
    app.deps.files = files;
    app.deps.config = { ...app.deps.config, platform: 'cloudbase' };
    const res = await bulletin('leadership');
    expect(res.data).toMatchObject({ xlsxFileId: 'cloud://env/bulletins/x.xlsx', xlsxUrl: 'https://tmp.example/cloud%3A%2F%2Fenv%2Fbulletins%2Fx.xlsx', fileType: 'xlsx' });
    expect(res.data.xlsxBase64).toBeUndefined();
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ contentType: XLSX_CONTENT_TYPE, ownerUserId: PEOPLE.leadership.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(puts[0]!.bytes) as never);
    expect(rowsOf(wb, '部门排名')[1]![1]).toBe('县住建局');
  });
});

describe('the local download (bulletin-http)', () => {
  const q = (format: string, month = '2026-11') => new URLSearchParams({ jurisdiction: 'yongning', month, format });

  it('answers the XLSX as an attachment with both filenames', async () => {
    const res = await bulletinDownload(app.deps, identityOf(PEOPLE.leadership), q('xlsx'));
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers['Content-Disposition']).toBe(
      `attachment; filename="bulletin-yongning-2026-11.xlsx"; filename*=UTF-8''${encodeURIComponent('永宁县月通报-2026-11.xlsx')}`,
    );
    expect(res.headers['Content-Length']).toBe(String(res.body.byteLength));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets).toHaveLength(8);
  });

  it('answers the CSV with its BOM bytes; a plain object query works too', async () => {
    const res = await bulletinDownload(app.deps, identityOf(PEOPLE.street), { jurisdiction: 'yongning', month: '2026-11', format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.toString('utf8')).toContain('统计范围,本街道范围');
  });

  it('answers errors as the envelope JSON with their status', async () => {
    const unauth = await bulletinDownload(app.deps, null, q('xlsx'));
    expect(unauth.status).toBe(401);
    expect(JSON.parse(unauth.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED' } });
    const forbidden = await bulletinDownload(app.deps, identityOf(MORE_PEOPLE.qitaiLeadership), q('xlsx'));
    expect(forbidden.status).toBe(403);
    const bad = await bulletinDownload(app.deps, identityOf(PEOPLE.leadership), q('pdf'));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8')).error.code).toBe('INPUT.INVALID');
  });
});
