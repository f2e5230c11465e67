/**
 * Issue 20 §5–6 browser stories, on the H5 build served by the local runtime:
 * - a resident opens 和顺佳苑's noticeboard and reads every unit the list names for the estate, with
 *   its duties quoted from the list, its contact person, phone and 投诉举报电话, and 12345;
 * - the 12345 desk pastes a file of 20 work orders, imports and routes them, imports it again
 *   (nothing new), and exports the outcomes as Excel, read back here.
 */
import ExcelJS from 'exceljs';
import { person } from './support/browser';
import { useStory } from './support/story';
import { HSJY, open, ROUTES, signIn } from './support/app';
import { DEMO_ESTATES } from '../../local/demo/places';
import { unitContacts } from '../../local/demo/people';
import { fullNoticeboard } from '../../shared/routing/noticeboard';
import { readableQuote } from '../../shared/jurisdictions/bundled/quotes';

const STORY = '20-noticeboard-hotline';
jest.setTimeout(180_000);
const stage = useStory(STORY, { demoTickets: false });

test('the noticeboard shows every unit with its duties and phones, and 12345', async () => {
  const { story, browser } = stage;
  const estate = DEMO_ESTATES.find((e) => e.id === HSJY.id);
  if (!estate) throw new Error('和顺佳苑 is a demo estate');
  // What the board must show: every lead unit routing names here, with the demo contacts.
  const expected = fullNoticeboard(estate, unitContacts(DEMO_ESTATES));
  expect(expected.units.length).toBeGreaterThan(2);

  const resident = await person(browser, story.url, STORY, 'resident');
  await open(resident.page, story.url, ROUTES.noticeboard(HSJY.id));
  await resident.see('执法部门职责及联系人公告牌');
  for (const unit of expected.units) {
    const card = resident.page.locator(`[data-unit="${unit.id}"]`);
    await resident.seeIn(card, unit.name);
    await resident.seeIn(card, `☎ ${unit.phone}`);
    await resident.seeIn(card, `联系人：${unit.contactPerson}`);
    await resident.seeIn(card, unit.complaintPhone as string);
    // Read in Simplified Chinese (issue 18 §4); 002's quotes are written in Traditional characters.
    for (const duty of unit.duties) await resident.seeIn(card, readableQuote(duty.text).slice(0, 20));
  }
  const hotline = resident.page.locator('[data-unit="12345"]');
  await resident.seeIn(hotline, '12345政务服务便民热线');
  await resident.seeIn(hotline, '☎ 12345');
  await resident.see('六公开/五公开');
  await resident.shot('noticeboard');
});

/** A 12345 export of 20 orders about 和顺佳苑 and 团结西苑, with the callers' phones. */
function file(): string {
  const texts = ['楼道里有人从窗户拉电线给电动车充电', '物业擅自上调停车费', '消防通道被私家车堵死了', '垃圾桶满了没人清运', '电梯经常困人'];
  const lines = ['工单号,来电时间,诉求内容,地址,诉求类型,来电号码'];
  for (let i = 1; i <= 20; i += 1) {
    const where = i % 2 ? '永宁县杨和镇和顺佳苑3号楼' : '永宁县团结西苑5栋';
    lines.push(`GD2026120${String(i).padStart(4, '0')},2026-12-01 0${i % 10}:20:00,${texts[i % texts.length]},${where},物业管理,1391234${String(5600 + i)}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a 12345 file of 20 rows imports, routes and exports', async () => {
  const { story, browser } = stage;
  const desk = await person(browser, story.url, STORY, 'hotline');
  await signIn(desk, story.url, 'demo.yongning.hotline');
  await open(desk.page, story.url, '/staff/pages/hotline/index');
  await desk.see('导入12345工单');
  await desk.page.locator('textarea').fill(file());
  await desk.page.getByText('导入并派单', { exact: true }).click();
  await desk.see('新建 20 件，已导入过 0 件');
  await desk.see(/GD20261200001 → YN-\d{8}-\d{4} · /);
  await desk.see(/和顺佳苑：\d+ 件/);
  await desk.shot('imported');
  // The callers' phones were never imported.
  await desk.notSee('13912345601');

  await desk.page.getByText('导入并派单', { exact: true }).click();
  await desk.see('新建 0 件，已导入过 20 件');

  const [download] = await Promise.all([desk.page.waitForEvent('download'), desk.page.getByText('导出办理结果（Excel，回传12345）').click()]);
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('the export has a sheet');
  const header = [1, 2, 3, 4, 5].map((c) => ws.getRow(1).getCell(c).text);
  expect(header).toEqual(['工单号', '承办单位', '办理结果', '办结时间', '满意度']);
  expect(ws.rowCount).toBe(21);
  expect(ws.getRow(2).getCell(1).text).toBe('GD20261200001');
  expect(ws.getRow(2).getCell(2).text).not.toBe('');
});
