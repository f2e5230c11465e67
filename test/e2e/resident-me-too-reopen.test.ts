/**
 * Resident story: a neighbour about to report the same blocked fire lane is shown the open ticket
 * nearby and adds their voice (我也遇到了) instead of a duplicate; later, when the grid worker has
 * settled it but the lane is blocked again, the first resident finds it under 我的上报 and asks for
 * it to be redone (重办) with a reason, which the timeline then shows.
 */
import { person } from './support/browser';
import { useStory } from './support/story';
import { api, apiToken, HSJY, open, report, ROUTES, signIn, tinyPng, USERS } from './support/app';

const STORY = '7-resident-me-too-reopen';
jest.setTimeout(120_000);

const stage = useStory(STORY, { demoTickets: false });

interface Detail {
  ticket: { id: string; no: string; version: number; state: string; meToo?: number };
}

/** Set-up only (what the grid worker's own story covers on screen): accept, then settle on site with a photo. */
async function gridSettles(baseUrl: string, ticketId: string): Promise<void> {
  const token = await apiToken(baseUrl, USERS.grid);
  let d = await api<Detail>(baseUrl, token, 'ticket', 'detail', { ticketId });
  await api(baseUrl, token, 'ticket', 'accept', { ticketId, version: d.ticket.version });
  const upload = await fetch(`${baseUrl}/api/upload`, { method: 'POST', headers: { 'Content-Type': 'image/png', Authorization: `Bearer ${token}` }, body: new Uint8Array(tinyPng()) });
  const photo = ((await upload.json()) as { data: { id: string } }).data.id;
  d = await api<Detail>(baseUrl, token, 'ticket', 'detail', { ticketId });
  await api(baseUrl, token, 'ticket', 'settle', {
    ticketId,
    version: d.ticket.version,
    note: '已联系车主挪车，消防通道已清空。',
    photos: [photo],
    location: HSJY.location,
  });
}

test('a neighbour adds "me too" instead of a duplicate; the reporter asks for the settled ticket to be redone', async () => {
  const { story, browser } = stage;
  const first = await person(browser, story.url, STORY, 'resident1', { geolocation: HSJY.at });
  const neighbour = await person(browser, story.url, STORY, 'resident2', { geolocation: HSJY.at });

  await signIn(first, story.url, USERS.resident);
  const no = await report(first, story.url, { estate: HSJY.sceneCode, category: 'fire-lane', description: '6号楼北侧消防通道被两辆私家车长期占用。' });
  await first.page.getByText('查看办理进度').click();
  await first.see('办理过程');
  const ticketId = new URL(first.page.url().replace('/#/', '/')).searchParams.get('id') as string;
  expect(ticketId).toBeTruthy();

  // The neighbour, standing at the same spot, starts a report of the same kind.
  await signIn(neighbour, story.url, 'demo.yongning.resident2');
  await open(neighbour.page, story.url, ROUTES.report(HSJY.sceneCode));
  await neighbour.see('选择问题类型');
  await neighbour.page.locator('[data-code="fire-lane"]').click();
  await neighbour.page.locator('textarea').first().fill('消防通道又被车堵了，救护车进不来。');
  await neighbour.page.getByText('提交', { exact: true }).click();
  await neighbour.see('附近已有相同问题', 20_000);
  await neighbour.see(no);
  await neighbour.shot('me-too-prompt');
  await neighbour.page.getByText('我也遇到了(附议)').first().click();
  await neighbour.see('连同上报人，目前共有2位居民反映了这个问题');
  await neighbour.shot('me-too-done');
  // Only one ticket exists: the neighbour's voice was counted on the first one.
  const staff = await apiToken(story.url, USERS.grid);
  const queue = await api<{ items: Array<{ id: string }> }>(story.url, staff, 'ticket', 'queue', { view: 'grid' });
  expect(queue.items.map((t) => t.id)).toEqual([ticketId]);

  await gridSettles(story.url, ticketId);

  // The reporter finds it in 我的上报 and asks for it to be redone.
  await open(first.page, story.url, ROUTES.mine);
  await first.see(no);
  await first.shot('mine');
  await first.page.getByText(no).click();
  await first.see('问题解决了吗？');
  await first.see('整改后照片');
  await first.page.getByText('没有解决，申请重办', { exact: true }).click();
  await first.see('哪里还没解决？');
  await first.page.locator('textarea').last().fill('当天下午车又停回消防通道了，问题没有解决。');
  await first.shot('reopen-form');
  await first.page.getByText('提交重办申请', { exact: true }).click();
  await first.see('已申请重办，工单已退回承办单位重新处理');
  await first.see('当天下午车又停回消防通道了，问题没有解决。');
  await first.shot('reopened');
  const after = await api<Detail>(story.url, staff, 'ticket', 'detail', { ticketId });
  expect(after.ticket.state).toBe('reopened');
});
