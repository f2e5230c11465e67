/**
 * Story 6 (issue 6): 民警入驻业主群. The 杨和镇 street officer binds 和顺佳苑's owner group; a resident
 * reports a neighbour dispute (邻里/物业纠纷, a police category); the 县公安局 officer opens 业主群警务台,
 * picks the group, claims (认领) the dispute, posts a public reply (公开回复) and records the mediation
 * (调解: parties, outcome, agreement); the timeline shows each police action, and the resident sees
 * the reply. A month later (the runtime restarted with its simulated clock in April) the leadership
 * office downloads March's bulletin as XLSX and CSV: real browser downloads, read back here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Locator } from 'playwright-core';
import { person, SCREENSHOTS, type Person } from './support/browser';
import { useStory } from './support/story';
import { confirmAction, HSJY, open, openAction, report, ROUTES, signIn, ticketIdOf, USERS } from './support/app';

const STORY = '6-police-desk-bulletin';
const IN_MARCH = '2026-03-10T10:00:00+08:00';
const IN_APRIL = '2026-04-02T09:00:00+08:00';
const GROUP = `${HSJY.name}业主群`;
jest.setTimeout(150_000);

const stage = useStory(STORY, { demoTickets: false, simulatedNow: IN_MARCH });

/** Opens (办理) the in-place actions of a desk row and the form of one of them. */
async function deskAction(p: Person, row: Locator, label: string): Promise<Locator> {
  await row.getByText('办理', { exact: true }).click();
  await p.seeIn(row, '处理记录');
  return openAction(p, label);
}

/** Taps a download button and answers the browser's download (saved into the story's screenshot folder). */
async function download(p: Person, label: string): Promise<{ file: Download; path: string }> {
  const [file] = await Promise.all([p.page.waitForEvent('download', { timeout: 20_000 }), p.page.getByText(label, { exact: true }).click()]);
  const path = join(SCREENSHOTS, STORY, file.suggestedFilename());
  await file.saveAs(path);
  return { file, path };
}

test('a police officer claims, answers and mediates a dispute from the owner-group desk; the office downloads the monthly bulletin', async () => {
  const { story, browser } = stage;
  const at = { clockAt: IN_MARCH, geolocation: HSJY.at };
  const street = await person(browser, story.url, STORY, 'street', at);
  const resident = await person(browser, story.url, STORY, 'resident', at);
  const police = await person(browser, story.url, STORY, 'police', at);

  // The street officer binds the estate's owner group (the local runtime's demo group).
  await signIn(street, story.url, USERS.street);
  await open(street.page, story.url, ROUTES.groups);
  await street.see('选择小区');
  await street.page.locator('.choice').filter({ hasText: HSJY.name }).click();
  await street.see(`${HSJY.name}的业主群`);
  await street.see('尚未绑定业主群');
  await street.page.locator('.group-row').filter({ hasText: GROUP }).filter({ hasNotText: '二群' }).getByText('绑定此群', { exact: true }).click();
  await street.see(`已绑定「${GROUP}」`);
  await street.shot('group-bound');

  // A resident reports a dispute between neighbours.
  await signIn(resident, story.url, USERS.resident);
  const no = await report(resident, story.url, {
    estate: HSJY.sceneCode,
    category: 'dispute',
    description: '12号楼501装修连续一个月晚上十点后还在施工，和楼下住户多次争吵，差点动手。',
  });
  await resident.page.getByText('查看办理进度').click();
  await resident.see('已提交');
  const ticketId = ticketIdOf(resident.page);

  // The police officer: 业主群警务台, the bound group, the dispute.
  await signIn(police, story.url, USERS.police);
  await police.see('业主群警务台');
  await police.page.getByText('业主群警务台', { exact: true }).click();
  await police.see('辖区小区的纠纷、治安、停车、消防通道等涉警工单及业主群转发的工单');
  await police.page.locator('.choice').filter({ hasText: GROUP }).filter({ hasNotText: '二群' }).click();
  await police.seeIn(police.page.locator('.choice--on'), GROUP);
  const row = police.page.locator('.ticket-row').filter({ hasText: no });
  await police.seeIn(row, '邻里/物业纠纷');
  await police.seeIn(row, '待受理');
  await police.shot('desk');

  const claim = await deskAction(police, row, '认领');
  await police.seeIn(claim, '认领民警姓名');
  await confirmAction(claim, '认领');
  await police.seeIn(row, '已报到');

  const replyText = '已联系双方，装修时间应为8:00-12:00、14:00-18:00，今晚派人上门协调，请邻里保持克制。';
  const reply = await deskAction(police, row, '回复');
  await reply.locator('textarea').fill(replyText);
  await confirmAction(reply, '回复');
  await police.seeIn(row, /^办理$/); // the in-place form has closed: the server took it

  const agreement = '501住户承诺晚上八点后不再施工并向楼下致歉，楼下住户同意不再追究，双方签字确认。';
  const mediate = await deskAction(police, row, '调解');
  await mediate.locator('input').first().fill('张某、李某');
  await mediate.locator('.choice').filter({ hasText: '达成协议' }).click();
  await mediate.locator('textarea').fill(agreement);
  await police.shot('mediation-form');
  await confirmAction(mediate, '调解');
  await police.seeIn(row, /^办理$/); // the in-place form has closed: the server took it

  // The ticket's timeline shows the police actions.
  await open(police.page, story.url, ROUTES.staffTicket(ticketId));
  await police.see('处理记录');
  await police.see(/认领（待受理 → 已报到）/);
  await police.see(/^认领民警：县公安局·民警/);
  await police.see(replyText);
  await police.see('调解结果：达成协议');
  await police.see(`协议内容：${agreement}`);
  await police.see('认领单位：县公安局');
  await police.shot('timeline');

  // The resident sees the public reply on their ticket.
  await resident.page.reload();
  await resident.see(replyText);
  await resident.shot('resident-sees-reply');

  // April: the leadership office downloads March's bulletin.
  await story.restart({ simulatedNow: IN_APRIL, port: story.rt.port });
  const office = await person(browser, story.url, STORY, 'leadership', { clockAt: IN_APRIL });
  await signIn(office, story.url, USERS.leadership);
  await office.page.getByText('统计与通报', { exact: true }).click();
  await office.see('月通报');
  await office.see('2026年03月');
  await office.page.locator('.staff-section').filter({ hasText: '月通报' }).first().scrollIntoViewIfNeeded();

  const xlsx = await download(office, '下载XLSX');
  expect(xlsx.file.suggestedFilename()).toBe('永宁县月通报-2026-03.xlsx');
  await office.see('已下载 永宁县月通报-2026-03.xlsx');
  await office.shot('bulletin-downloaded');
  const bytes = readFileSync(xlsx.path);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an XLSX is a zip
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['总体', '部门排名', '街道排名', '问题类别', '超期工单', '指标说明']));
  // It opens on 总体 (issue 18 §5): the workbook view's active tab (ECMA-376 workbookView@activeTab).
  expect(book.worksheets[book.views[0]?.activeTab ?? -1]?.name).toBe('总体');
  const cells = (sheet: string) => {
    const out: string[] = [];
    book.getWorksheet(sheet)?.eachRow((r) => r.eachCell((c) => out.push(String(c.value ?? ''))));
    return out;
  };
  expect(cells('总体')).toEqual(expect.arrayContaining(['响应率', '解决率', '满意率']));
  expect(cells('问题类别')).toContain('邻里/物业纠纷');
  expect(cells('街道排名')).toContain('杨和镇');

  const csv = await download(office, '下载CSV');
  expect(csv.file.suggestedFilename()).toBe('永宁县月通报-2026-03.csv');
  await office.see('已下载 永宁县月通报-2026-03.csv');
  const text = readFileSync(csv.path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff); // UTF-8 with BOM, so that Excel reads the Chinese
  expect(text).toContain('永宁县 2026-03');
  expect(text).toContain('邻里/物业纠纷');
  expect(text).toContain('响应率');
});
