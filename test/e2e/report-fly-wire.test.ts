/**
 * Story 1: a resident of 和顺佳苑 (Yongning) scans the estate's code, reports 飞线充电 with a photo and
 * sees it routed to 县住建局 and 县应急管理局, citing the Yongning plan's item 二(二)1(6).
 */
import { person } from './support/browser';
import { useStory } from './support/story';
import { choosePhoto, HSJY, open, ROUTES, signIn, USERS } from './support/app';

const STORY = '1-report-fly-wire';
jest.setTimeout(90_000);

const stage = useStory(STORY);

test('a Yongning resident reports 飞线充电 with a photo and sees the units and the list item', async () => {
  const { story, browser } = stage;
  const resident = await person(browser, story.url, STORY, 'resident', { geolocation: HSJY.at });
  const { page } = resident;
  await signIn(resident, story.url, USERS.resident);

  await open(page, story.url, ROUTES.report(HSJY.sceneCode));
  await resident.see(HSJY.name);
  await resident.see('选择问题类型');
  await resident.shot('report-page');

  await page.locator('[data-code="fly-wire"]').click();
  // 飞线充电 is a danger to life: 119 is offered first.
  await resident.see('119');
  await choosePhoto(page, page.locator('.photo--add'));
  await resident.see('拍照/相册 1/9');
  await page.locator('textarea').first().fill('3号楼2单元一楼窗户拉出电线给电动车充电，晚上一直插着。');
  await resident.shot('report-filled');

  await page.getByText('提交', { exact: true }).click();
  await resident.see('上报成功，已转交承办单位', 20_000);
  await resident.see('县住建局');
  await resident.see('县应急管理局');
  await resident.see(/依据 .*二\(二\)1\(6\)/);
  await resident.see('工单编号');
  await resident.seeIn(page.locator('.ticket-no'), /^YN-\d{8}-\d{4}$/);
  await resident.shot('submit-result');

  // The photo went with the report: the ticket page shows it among 上报照片.
  await page.getByText('查看办理进度').click();
  await resident.see('上报照片');
  await resident.see('办理过程');
  await page.locator('img[src^="/files/"]').first().waitFor({ state: 'visible', timeout: 10_000 });
  await resident.shot('ticket-page');
});
