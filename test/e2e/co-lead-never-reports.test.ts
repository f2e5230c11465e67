/**
 * Issue 18's Done-when story: a two-unit whistle where one unit never reports in (报到).
 * A 飞线充电 report is whistled at 09:00 on a simulated Monday to both of its lead units, 县住建局 and
 * 县应急管理局 (报到 within 30 minutes). Only 县住建局 reports in. An hour on (the runtime restarted
 * on the same data with SIMULATED_NOW), the sweep marks 县应急管理局's own 报到 overdue and 督办s it,
 * although the other unit reported in. 县住建局 then arrives and resolves, the grid worker verifies,
 * the resident confirms and rates. The leadership office's dashboard credits only 县住建局:
 * 县应急管理局 shows 响应率 0/1 with the ticket listed as 未报到, no 解决率 or 满意率 of its own, and
 * ranks below 县住建局 (shared/metrics/definitions.ts: "未报到的单位不计").
 */
import { person } from './support/browser';
import { useStory } from './support/story';
import { choosePhoto, confirmAction, HSJY, open, openAction, openRow, report, ROUTES, runSweep, signIn, ticketIdOf, USERS } from './support/app';

const STORY = '18-co-lead-never-reports';
const WHISTLED_AT = '2026-03-02T09:00:00+08:00';
const AN_HOUR_LATER = '2026-03-02T10:00:00+08:00';
jest.setTimeout(180_000);

const stage = useStory(STORY, { demoTickets: false, simulatedNow: WHISTLED_AT });

interface SweepAnswer {
  data: { sweep: { data: { marked: number } } };
}

test('a co-lead that never reports in is 督办ed by the sweep and gets no credit in the metrics or the ranking', async () => {
  const { story, browser } = stage;
  const resident = await person(browser, story.url, STORY, 'resident', { clockAt: WHISTLED_AT, geolocation: HSJY.at });
  const grid = await person(browser, story.url, STORY, 'grid', { clockAt: WHISTLED_AT, geolocation: HSJY.at });
  const zjj = await person(browser, story.url, STORY, 'zjj', { clockAt: WHISTLED_AT, geolocation: HSJY.at });

  await signIn(resident, story.url, USERS.resident);
  const no = await report(resident, story.url, { estate: HSJY.sceneCode, category: 'fly-wire', description: '3号楼地下室有人拉线给电动车充电。' });
  await resident.page.getByText('查看办理进度').click();
  await resident.see('已提交');
  const ticketUrl = resident.page.url();
  const ticketId = ticketIdOf(resident.page);

  // The grid worker whistles to both lead units.
  await signIn(grid, story.url, USERS.grid);
  await open(grid.page, story.url, ROUTES.queue('grid'));
  await openRow(grid, no);
  const whistle = await openAction(grid, '吹哨');
  await grid.seeIn(whistle, '☑ 县住建局');
  await grid.seeIn(whistle, '☑ 县应急管理局');
  await confirmAction(whistle, '吹哨');
  await grid.see('已吹哨');

  // Only 县住建局 reports in, within its 30 minutes.
  await signIn(zjj, story.url, USERS.zjj);
  await open(zjj.page, story.url, ROUTES.staffTicket(ticketId));
  const ack = await openAction(zjj, '报到');
  await confirmAction(ack, '报到');
  await zjj.see('已报到');

  // An hour on, the sweep marks the unit that never reported in, and only that one; a second run marks nothing.
  await story.restart({ simulatedNow: AN_HOUR_LATER, port: story.rt.port });
  const sweep = (await runSweep(story.url)) as SweepAnswer;
  expect(sweep.data.sweep.data.marked).toBeGreaterThanOrEqual(1);
  const again = (await runSweep(story.url)) as SweepAnswer;
  expect(again.data.sweep.data.marked).toBe(0);

  const officer = await person(browser, story.url, STORY, 'zjj-later', { clockAt: AN_HOUR_LATER, geolocation: HSJY.at });
  await signIn(officer, story.url, USERS.zjj);
  await open(officer.page, story.url, ROUTES.staffTicket(ticketId));
  await officer.see('处理记录');
  const overdueItems = officer.page.locator('.timeline__item').filter({ hasText: '超时环节：报到' });
  await officer.seeIn(overdueItems.first(), '承办单位：县应急管理局');
  expect(await overdueItems.filter({ hasText: '县住建局' }).count()).toBe(0);
  await officer.shot('co-lead-marked');

  // 县住建局 does the work alone: 到场, 办结 with an after-photo.
  const arrive = await openAction(officer, '到场');
  await arrive.getByText('定位打卡', { exact: true }).click();
  await officer.seeIn(arrive, /已打卡，距工单位置约/);
  await confirmAction(arrive, '到场');
  await officer.see('已到场');
  const resolve = await openAction(officer, '办结');
  await choosePhoto(officer.page, resolve.getByText('拍照/选择照片', { exact: true }), 'after.png');
  await officer.seeIn(resolve, '已上传 1 张（点照片可删除）');
  await resolve.locator('textarea').fill('已拆除私拉电线，引导住户到充电棚充电。');
  await confirmAction(resolve, '办结');
  await officer.see('已办结');

  const gridLater = await person(browser, story.url, STORY, 'grid-later', { clockAt: AN_HOUR_LATER });
  await signIn(gridLater, story.url, USERS.grid);
  await open(gridLater.page, story.url, ROUTES.staffTicket(ticketId));
  const verify = await openAction(gridLater, '核验通过');
  await confirmAction(verify, '核验通过');
  await gridLater.see('已核验');

  const residentLater = await person(browser, story.url, STORY, 'resident-later', { clockAt: AN_HOUR_LATER });
  await signIn(residentLater, story.url, USERS.resident);
  await residentLater.page.goto(ticketUrl);
  await residentLater.page.reload();
  await residentLater.page.getByText('已解决', { exact: true }).click();
  await residentLater.see('评价办理结果');
  await residentLater.page.locator('[aria-label="5星"]').click();
  await residentLater.page.getByText('提交评价', { exact: true }).click();
  await residentLater.see('感谢您的评价');

  // The leadership office: 县住建局 has the ticket's credit, 县应急管理局 only its 未报到.
  const office = await person(browser, story.url, STORY, 'leadership', { clockAt: AN_HOUR_LATER });
  await signIn(office, story.url, USERS.leadership);
  await office.page.getByText('统计与通报').click();
  const metric = (unit: string, label: string) =>
    office.page.locator('.metric-row').filter({ hasText: unit }).locator('.metric').filter({ hasText: label });
  await office.seeIn(metric('县住建局', '响应率'), '1/1');
  await office.seeIn(metric('县住建局', '解决率'), '100.0%');
  await office.seeIn(metric('县应急管理局', '响应率'), '0.0%');
  await office.seeIn(metric('县应急管理局', '响应率'), '0/1');
  for (const label of ['解决率', '满意率']) expect(await metric('县应急管理局', label).innerText()).not.toContain('100.0%');
  const missed = office.page.locator('.metric-row').filter({ hasText: '县应急管理局' }).locator('.metric-row__missed');
  await office.seeIn(missed, `未报到 1 件：${no}`);
  const rank = (unit: string) => office.page.locator('.metric-row').filter({ hasText: unit }).locator('.metric-row__rank').innerText();
  expect(await rank('县住建局')).toBe('1');
  expect(await rank('县应急管理局')).not.toBe('1');
  await office.shot('dashboard');
});
