/**
 * Story 2: the whole 吹哨报到 chain, each person in their own browser: the resident reports 飞线充电,
 * the grid worker blows the whistle, 县住建局 reports in (报到), arrives, resolves with an after-photo,
 * the grid worker verifies, the resident confirms and rates; the leadership office's dashboard then
 * shows 县住建局's 响应率.
 */
import { person } from './support/browser';
import { useStory } from './support/story';
import { choosePhoto, confirmAction, HSJY, openAction, openRow, report, signIn, USERS } from './support/app';

const STORY = '2-whistle-chain';
jest.setTimeout(120_000);

// No seeded demo tickets: the dashboard's figures are this story's ticket alone.
const stage = useStory(STORY, { demoTickets: false });

test('resident → grid whistles → 县住建局 报到, 到场, 办结 → grid verifies → resident confirms and rates → 响应率', async () => {
  const { story, browser } = stage;
  const resident = await person(browser, story.url, STORY, 'resident', { geolocation: HSJY.at });
  const grid = await person(browser, story.url, STORY, 'grid', { geolocation: HSJY.at });
  const officer = await person(browser, story.url, STORY, 'zjj', { geolocation: HSJY.at });
  const office = await person(browser, story.url, STORY, 'leadership');

  // The resident reports.
  await signIn(resident, story.url, USERS.resident);
  const no = await report(resident, story.url, {
    estate: HSJY.sceneCode,
    category: 'fly-wire',
    description: '5号楼1单元门口有人从二楼窗户拉电线给电动车充电。',
    photo: true,
  });
  await resident.shot('submitted');
  await resident.page.getByText('查看办理进度').click();
  await resident.see('已提交');
  const ticketUrl = resident.page.url();

  // The grid worker finds it in the estate's queue and blows the whistle to the lead units.
  await signIn(grid, story.url, USERS.grid);
  await grid.see('网格工单（受理、就地办结、吹哨、核验）');
  await grid.shot('home');
  await grid.page.getByText('网格工单（受理、就地办结、吹哨、核验）').click();
  await openRow(grid, no);
  const whistle = await openAction(grid, '吹哨');
  await grid.seeIn(whistle, '☑ 县住建局');
  await grid.seeIn(whistle, '☑ 县应急管理局');
  await grid.shot('whistle-form');
  await confirmAction(whistle, '吹哨');
  await grid.see('已吹哨');
  await grid.shot('whistled');

  // 县住建局's officer: 报到, 到场 (check-in on site), 办结 with an after-photo.
  await signIn(officer, story.url, USERS.zjj);
  await officer.see('本单位待办（报到、到场、办结）');
  await officer.page.getByText('本单位待办（报到、到场、办结）').click();
  await officer.see('本单位待办');
  await openRow(officer, no);
  await officer.shot('inbox-ticket');
  const ack = await openAction(officer, '报到');
  await confirmAction(ack, '报到');
  await officer.see('已报到');
  await officer.see(/报到人员：县住建局/);

  const arrive = await openAction(officer, '到场');
  await arrive.getByText('定位打卡', { exact: true }).click();
  await officer.seeIn(arrive, /已打卡，距工单位置约/);
  await confirmAction(arrive, '到场');
  await officer.see('已到场');

  const resolve = await openAction(officer, '办结');
  await choosePhoto(officer.page, resolve.getByText('拍照/选择照片', { exact: true }), 'after.png');
  await officer.seeIn(resolve, '已上传 1 张（点照片可删除）');
  await resolve.locator('textarea').fill('已拆除私拉电线，告知住户到小区充电桩充电，并张贴安全提示。');
  await officer.shot('resolve-form');
  await confirmAction(resolve, '办结');
  await officer.see('已办结');
  await officer.shot('resolved');

  // The grid worker verifies on the same ticket page (reloaded to see the department's work).
  await grid.page.reload();
  await grid.see('已办结');
  const verify = await openAction(grid, '核验通过');
  await confirmAction(verify, '核验通过');
  await grid.see('已核验');
  await grid.shot('verified');

  // The resident confirms and rates.
  await resident.page.goto(ticketUrl);
  await resident.page.reload();
  await resident.see('问题解决了吗？');
  await resident.see('整改后照片');
  await resident.page.getByText('已解决', { exact: true }).click();
  await resident.see('已确认问题解决，感谢您的反馈');
  await resident.see('评价办理结果');
  await resident.page.locator('[aria-label="5星"]').click();
  await resident.page.getByText('提交评价', { exact: true }).click();
  await resident.see('感谢您的评价');
  await resident.see('我的评价');
  await resident.shot('rated');

  // The leadership office: 统计与通报 by department shows 县住建局 reported in on time.
  await signIn(office, story.url, USERS.leadership);
  await office.page.getByText('统计与通报').click();
  const row = office.page.locator('.metric-row').filter({ hasText: '县住建局' });
  await office.seeIn(row, '响应率');
  await office.seeIn(row.locator('.metric').filter({ hasText: '响应率' }), '100.0%');
  await office.seeIn(row.locator('.metric').filter({ hasText: '响应率' }), '1/1');
  await office.shot('dashboard');
});
