/**
 * Issue 19's browser story (Done when), on the H5 build served by the local runtime, with 示例县
 * (test/fixtures/county: a test fixture, not a real place):
 * - Yinchuan's admin creates 示例县 under 银川市 on the county page, imports its units CSV and its
 *   XLSX 责任清单; the preview shows the routing table of every category; the list is activated
 *   from today; then its property company on the page, the estates CSV and the grids CSV; every
 *   estate's poster on one print page, which Chromium prints as one A4 page per estate;
 * - a resident's 飞线充电 report at 示例花园 routes by the imported list and cites its row;
 * - a second version with one changed lead (飞线充电 to 县消防救援大队) is previewed with the change
 *   marked and activated from tomorrow: the next day's report routes to 县消防救援大队 and cites
 *   the revision, while the first ticket still shows 县住房和城乡建设局 and its original basis;
 * - an import with three bad rows shows all three errors and changes nothing.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { person, type Person } from './support/browser';
import { useStory } from './support/story';
import { api, apiToken, open, report, signIn, ticketIdOf, USERS, ROUTES } from './support/app';
import { LIST_BAD, LIST_BAD_ERRORS, LIST_V1, LIST_V2, listXlsx, SHILI, SHILI_DOCUMENT, SHILI_REVISION } from '../fixtures/county/shili-lists';

const STORY = '19-county-onboarding';
const DAY1 = '2027-03-01T09:00:00+08:00';
const DAY2 = '2027-03-02T09:00:00+08:00';
jest.setTimeout(300_000);

const CITY_ADMIN = 'demo.yinchuan.admin';
const COUNTY = '/staff/pages/county/index';
const FIXTURES = join(__dirname, '..', 'fixtures', 'county');
const csv = (name: string) => readFileSync(join(FIXTURES, name));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const stage = useStory(STORY, { demoTickets: false, simulatedNow: DAY1 });

const fieldOf = (p: Person, label: string): Locator => p.page.locator('.staff-field').filter({ has: p.page.locator('.staff-field__label', { hasText: label }) });
const importBlock = (p: Person, kind: string) => p.page.locator(`[data-import="${kind}"]`);

/** Taps an import button of the county page and answers its file chooser (the H5 <input type=file>). */
async function chooseTable(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), page.getByText(button, { exact: true }).click()]);
  await chooser.setFiles(file);
}

async function importList(admin: Person, name: string, buffer: Buffer): Promise<void> {
  await fieldOf(admin, '清单文件名称').locator('input').fill(SHILI_DOCUMENT);
  await chooseTable(admin.page, '选择文件并导入', { name, mimeType: XLSX, buffer });
}

/** Versions of 示例县 as the server holds them (set-up and counting only). */
async function versions(url: string): Promise<{ routingNow: string | null; versions: Array<{ versionId: string; status: string; effectiveFrom: string | null }> }> {
  return api(url, await apiToken(url, CITY_ADMIN), 'admin', 'listVersions', { jurisdiction: SHILI.id });
}

let firstTicket = '';
let firstNo = '';

test('an admin brings 示例县 online: jurisdiction, units, XLSX list with its routing table, activation, estates, grids', async () => {
  const { story, browser } = stage;
  const admin = await person(browser, story.url, STORY, 'admin', { clockAt: DAY1 });
  await signIn(admin, story.url, CITY_ADMIN);
  await open(admin.page, story.url, COUNTY);
  await admin.see('上线顺序：辖区 → 单位 → 清单 → 预览/启用 → 物业企业 → 小区 → 网格 → 时限 → 人员 → 海报');
  await admin.see('第1步 辖区：当前为 银川市');

  await fieldOf(admin, '辖区名称').locator('input').fill(SHILI.name);
  await fieldOf(admin, '辖区编号').locator('input').fill(SHILI.id);
  await admin.seeIn(fieldOf(admin, '上级辖区'), '☑ 银川市');
  await admin.shot('new-county');
  await admin.page.getByText('新建辖区', { exact: true }).click();
  await admin.see(`已新建辖区 ${SHILI.name}（${SHILI.id}）`);
  await admin.see(`第1步 辖区：当前为 ${SHILI.name}`);
  await admin.see('本辖区的责任清单尚未生效，暂不派单');

  await chooseTable(admin.page, '选择单位表并导入', { name: '示例县单位表.csv', mimeType: 'text/csv', buffer: csv('shili-units.csv') });
  await admin.seeIn(importBlock(admin, 'units'), /已导入 \d+ 个单位、3 个乡镇（街道）：示例街道、示例东镇、示例西乡/);

  await importList(admin, '示例县责任清单.xlsx', await listXlsx(LIST_V1));
  await admin.seeIn(importBlock(admin, 'list'), /已导入草稿 shili\.v\d+.*（9 条）/);
  // The routing table: every category, 飞线充电 by the imported row.
  const fly = admin.page.locator('[data-category="fly-wire"]');
  await admin.seeIn(fly, '新版 牵头：示例县住房和城乡建设局、示例县应急管理局');
  expect(await admin.page.locator('[data-category]').count()).toBe(33);
  await fly.scrollIntoViewIfNeeded();
  await admin.shot('preview-v1');

  await fieldOf(admin, '生效日期').locator('input').fill('2027-03-01');
  await admin.page.getByText('启用新版清单', { exact: true }).click();
  await admin.see('新版清单自 2027-03-01 起生效');
  await admin.see(/现行版本：shili\.v\d+/);
  // The current list comes back as the XLSX the admin edits for the next version.
  const [download] = await Promise.all([admin.page.waitForEvent('download', { timeout: 15_000 }), admin.page.getByText('下载现行清单', { exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('责任清单-示例县.xlsx');
  const current = new ExcelJS.Workbook();
  await current.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = current.worksheets[0]!;
  expect(sheet.getRow(2).values).toEqual([undefined, ...LIST_V1[0]!]);
  expect(sheet.rowCount).toBe(LIST_V1.length + 1);

  // The estates CSV names its property company, registered first on the page's 物业企业 step.
  await fieldOf(admin, '企业名称').locator('input').fill('示例物业服务有限公司');
  await admin.page.getByText('登记物业企业', { exact: true }).click();
  await admin.see(/已登记 示例物业服务有限公司（编号 pc-shili-[0-9a-z]+）/);

  await chooseTable(admin.page, '选择小区表并导入', { name: '示例县小区.csv', mimeType: 'text/csv', buffer: csv('shili-estates.csv') });
  await admin.seeIn(importBlock(admin, 'estates'), '已导入 3 个小区：示例花园、示例家园、东镇雅苑');
  await chooseTable(admin.page, '选择网格表并导入', { name: '示例县网格.csv', mimeType: 'text/csv', buffer: csv('shili-grids.csv') });
  await admin.seeIn(importBlock(admin, 'grids'), '已导入 3 个网格：示例街道第一网格、示例东镇第一网格、示例西乡第一网格');
  await admin.see('示例花园 · 打开海报 ›');
  await admin.shot('estates-grids');

  // Every estate's poster in one PDF-ready page: one sheet each, each starting its own A4 page.
  await admin.page.getByText('打印全部海报（每个小区一页）', { exact: true }).click();
  await admin.page.waitForURL((u) => u.hash.startsWith('#/pages/posters/index?jurisdiction=shili'), { timeout: 15_000 });
  const sheets = admin.page.locator('[data-sheet]');
  await sheets.nth(2).locator('.poster__url').waitFor({ timeout: 20_000 });
  expect(await sheets.count()).toBe(3);
  expect((await admin.page.locator('[data-sheet] .poster__estate').allTextContents()).sort()).toEqual(['东镇雅苑', '示例家园', '示例花园'].sort());
  for (let i = 0; i < 3; i += 1) expect(await sheets.nth(i).locator('.poster__qr img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  await admin.shot('posters-all');
  // Chromium's print to PDF: each poster, the whole noticeboard, on one A4 page of its own
  // (pages/poster/print-sheet.css), so the whole PDF has one page per estate.
  const pagesOf = async () => Math.max(...((await admin.page.pdf({ format: 'A4', printBackground: true })).toString('latin1').match(/\/Count (\d+)/g) ?? []).map((c) => Number(c.slice(7))));
  const whole = await pagesOf();
  const alone: number[] = [];
  for (const id of ['sl-shhy', 'sl-shjy', 'sl-dzya']) {
    const only = await admin.page.addStyleTag({ content: `[data-sheet]:not([data-sheet="${id}"]) { display: none !important; }` });
    alone.push(await pagesOf());
    await only.evaluate((el) => (el as Element).remove());
  }
  expect(alone).toEqual([1, 1, 1]);
  expect(whole).toBe(3);
  // Posters shorter than a page (their unit lists hidden) still come out one per page, never two on one.
  await admin.page.addStyleTag({ content: '[data-sheet] .poster__units, [data-sheet] .poster__property { display: none !important; }' });
  expect(await pagesOf()).toBe(3);
});

test("a resident's report at 示例花园 routes by the imported list and cites its row", async () => {
  const { story, browser } = stage;
  const resident = await person(browser, story.url, STORY, 'resident', { clockAt: DAY1 });
  await signIn(resident, story.url, USERS.resident);
  firstNo = await report(resident, story.url, { estate: 'sl-shhy', category: 'fly-wire', description: '3号楼楼道有人从窗户拉电线给电动车充电' });
  await resident.seeIn(resident.page.locator('.route-lead'), '示例县住房和城乡建设局、示例县应急管理局');
  await resident.see(`依据 ${SHILI_DOCUMENT} 一(1)`);
  await resident.shot('routed-v1');
  await resident.page.getByText('查看办理进度', { exact: true }).click();
  await resident.page.waitForURL((u) => u.hash.startsWith('#/pages/ticket/index'), { timeout: 15_000 });
  firstTicket = ticketIdOf(resident.page);
});

test('a second version with one changed lead routes the next tickets differently; the first keeps its basis', async () => {
  const { story, browser } = stage;
  const admin = await person(browser, story.url, STORY, 'admin-v2', { clockAt: DAY1 });
  await signIn(admin, story.url, CITY_ADMIN);
  await open(admin.page, story.url, `${COUNTY}?jurisdiction=${SHILI.id}`);
  await admin.see(/现行版本：shili\.v\d+/);
  await importList(admin, '示例县责任清单-修订.xlsx', await listXlsx(LIST_V2));
  await admin.see('1 个类别有变化（已标出）');
  const fly = admin.page.locator('[data-category="fly-wire"]');
  expect(await fly.getAttribute('data-changed')).toBe('yes');
  await admin.seeIn(fly, '现行 牵头：示例县住房和城乡建设局、示例县应急管理局');
  await admin.seeIn(fly, '新版 牵头：示例县消防救援大队、示例县应急管理局');
  expect(await admin.page.locator('[data-changed="yes"]').count()).toBe(1);
  await fly.scrollIntoViewIfNeeded();
  await admin.shot('preview-v2');
  // The effective date defaults to tomorrow (China time).
  expect(await fieldOf(admin, '生效日期').locator('input').inputValue()).toBe('2027-03-02');
  await admin.page.getByText('启用新版清单', { exact: true }).click();
  await admin.see('新版清单自 2027-03-02 起生效');

  // The next day.
  await story.restart({ simulatedNow: DAY2, port: story.rt.port });
  const resident = await person(browser, story.url, STORY, 'resident-day2', { clockAt: DAY2 });
  await signIn(resident, story.url, USERS.resident);
  await report(resident, story.url, { estate: 'sl-shjy', category: 'fly-wire', description: '车库里有人飞线给电瓶车充电，插线板拖在地上' });
  await resident.seeIn(resident.page.locator('.route-lead'), '示例县消防救援大队、示例县应急管理局');
  await resident.see(`依据 ${SHILI_REVISION} 一(1)`);
  await resident.shot('routed-v2');

  // The first ticket still shows the units and the basis it was routed by.
  await open(resident.page, story.url, ROUTES.ticket(firstTicket));
  await resident.see(firstNo);
  await resident.see('示例县住房和城乡建设局、示例县应急管理局');
  await resident.see(`依据 ${SHILI_DOCUMENT} 一(1)`);
  await resident.notSee(SHILI_REVISION);
  await resident.shot('first-ticket-unchanged');
});

test('an import with three bad rows shows all three errors and changes nothing', async () => {
  const { story, browser } = stage;
  const before = await versions(story.url);
  expect(before.versions).toHaveLength(2);
  const admin = await person(browser, story.url, STORY, 'admin-bad', { clockAt: DAY2 });
  await signIn(admin, story.url, CITY_ADMIN);
  await open(admin.page, story.url, `${COUNTY}?jurisdiction=${SHILI.id}`);
  await admin.see(/现行版本：shili\.v\d+/);
  await importList(admin, '示例县责任清单-有错.xlsx', await listXlsx(LIST_BAD));
  await admin.see('清单有 3 处错误，未导入任何内容（错误码 LIST.INVALID_ROWS）');
  expect(await importBlock(admin, 'list').locator('[data-row-error]').allInnerTexts()).toEqual([...LIST_BAD_ERRORS]);
  expect(await admin.page.locator('[data-category]').count()).toBe(0);
  expect(await admin.page.locator('[data-version]').count()).toBe(2);
  await importBlock(admin, 'list').scrollIntoViewIfNeeded();
  await admin.shot('three-errors');
  expect(await versions(story.url)).toEqual(before);
});
