/**
 * Story 4: a report submitted while the gateway drops the connection. The network failure is a fake
 * at the network edge (playwright route interception of POST /api/report, and the context's offline
 * switch); the app and the local runtime are real. The draft survives a page reload as 待发送, a retry
 * whose answer is lost on the way back creates the ticket once, and when the network is back the
 * draft is sent by itself and shows the same ticket: the server holds exactly one.
 */
import type { Route } from 'playwright-core';
import { person } from './support/browser';
import { useStory } from './support/story';
import { api, apiToken, choosePhoto, HSJY, open, ROUTES, signIn, USERS } from './support/app';

const STORY = '4-offline-draft';
jest.setTimeout(90_000);

const stage = useStory(STORY, { demoTickets: false });

interface MineItem {
  id: string;
  no: string;
  category: string;
}

/** The resident's tickets as the server holds them (counted, never shown). */
async function ticketsOfResident(): Promise<MineItem[]> {
  const { url } = stage.story;
  const token = await apiToken(url, USERS.resident);
  return (await api<{ items: MineItem[] }>(url, token, 'report', 'listMine', { limit: 50 })).items;
}

const actionOf = (route: Route): string => {
  const body = route.request().postDataJSON() as { action?: string } | null;
  return body?.action ?? '';
};

test('a report sent while the gateway drops the connection (faked at the network edge: route interception, offline switch) is kept as 待发送 across a reload and created exactly once', async () => {
  const { story, browser } = stage;
  const resident = await person(browser, story.url, STORY, 'resident', { geolocation: HSJY.at });
  const { page, context } = resident;
  await signIn(resident, story.url, USERS.resident);
  const description = '9号楼电梯井旁的消防通道被两辆私家车长期堵住，消防车进不来。';

  await open(page, story.url, ROUTES.report(HSJY.sceneCode));
  await resident.see(HSJY.name);
  await page.locator('[data-code="fire-lane"]').click();
  await choosePhoto(page, page.locator('.photo--add'));
  await resident.see('拍照/相册 1/9');
  await page.locator('textarea').first().fill(description);
  await resident.see('草稿已自动保存在本机，断网也不会丢失');

  // Phase 1: the gateway drops every call of the report function before it reaches the server.
  await page.route('**/api/report', (route) => route.abort('connectionreset'));
  await page.getByText('提交', { exact: true }).click();
  await resident.see('待发送 · 网络不给力，报告已保存在手机上，网络恢复后会自动发送');
  await resident.see('您有一份报告待发送，网络恢复后会自动发送');
  await resident.see('立即重试发送');
  await resident.shot('pending');
  expect(await ticketsOfResident()).toHaveLength(0);

  // The page is reloaded (the app was closed and opened again): the draft is still there, still 待发送.
  await page.reload();
  await resident.see('您有一份报告待发送，网络恢复后会自动发送');
  await resident.see(/^待发送 · /);
  await resident.see('占用堵塞消防车道/疏散通道/安全出口');
  await expect(page.locator('textarea').first().inputValue()).resolves.toBe(description);
  await resident.shot('pending-after-reload');
  expect(await ticketsOfResident()).toHaveLength(0);

  // Phase 2: the gateway passes the submit on but drops its answer: the server made the ticket, the phone never heard.
  let submitsForwarded = 0;
  let answerDropped: () => void = () => undefined;
  const dropped = new Promise<void>((done) => {
    answerDropped = done;
  });
  await page.unroute('**/api/report');
  await page.route('**/api/report', async (route) => {
    if (actionOf(route) !== 'submit') return route.abort('connectionreset');
    submitsForwarded += 1;
    await route.fetch();
    await route.abort('connectionreset');
    answerDropped();
  });
  await page.getByText('立即重试发送', { exact: true }).click();
  await dropped;
  await resident.see('立即重试发送');
  await resident.see(/^待发送 · /);
  expect(submitsForwarded).toBe(1);
  const afterLostAnswer = await ticketsOfResident();
  expect(afterLostAnswer).toHaveLength(1);

  // Phase 3: the phone loses the network, then it comes back: the draft goes by itself, with the same key.
  await context.setOffline(true);
  await page.unroute('**/api/report');
  await context.setOffline(false);
  // The server knew the key: the phone is told it is the ticket made before, not a new one.
  await resident.see('此报告此前已提交成功，这是同一张工单', 20_000);
  await resident.see('县消防救援大队');
  const shownNo = (await page.locator('.ticket-no').innerText()).trim();
  await resident.shot('sent-when-back-online');

  const tickets = await ticketsOfResident();
  expect(tickets).toHaveLength(1);
  expect(tickets[0]?.no).toBe(shownNo);
  expect(tickets[0]?.id).toBe(afterLostAnswer[0]?.id);
  expect(tickets[0]?.category).toBe('fire-lane');

  // The draft is gone: the report page is empty again after a reload.
  await open(page, story.url, ROUTES.report(HSJY.sceneCode));
  await resident.see('选择问题类型');
  await resident.notSee('您有一份报告待发送，网络恢复后会自动发送');
  await expect(page.locator('textarea').first().inputValue()).resolves.toBe('');
});
