/**
 * Staff story, weak signal (issue 18 §4): "A browser story drops the gateway in the middle of a grid
 * worker's settle with photos. After a reload the action is still 待发送, it is sent exactly once when
 * the gateway returns, and the timeline has one settle event." The dropped gateway is a fake at the
 * network edge (playwright route interception of POST /api/ticket); the app, the local runtime and
 * its store are real.
 */
import type { Route } from 'playwright-core';
import { person } from './support/browser';
import { useStory } from './support/story';
import { api, apiToken, choosePhoto, confirmAction, HSJY, open, openAction, report, ROUTES, signIn, USERS } from './support/app';

const STORY = '13-staff-weak-signal';
jest.setTimeout(120_000);

const stage = useStory(STORY, { demoTickets: false });

interface Detail {
  ticket: { id: string; no: string; version: number; state: string };
  events: Array<{ action: string }>;
}

const actionOf = (route: Route): string => (route.request().postDataJSON() as { action?: string } | null)?.action ?? '';

test('a settle with a photo sent while the gateway drops the connection stays 待发送 across a reload and is taken exactly once', async () => {
  const { story, browser } = stage;
  const resident = await person(browser, story.url, STORY, 'resident', { geolocation: HSJY.at });
  await signIn(resident, story.url, USERS.resident);
  const no = await report(resident, story.url, { estate: HSJY.sceneCode, category: 'clutter', description: '5号楼2单元楼道里堆满了纸箱和旧家具，挡住了通道。' });

  // Set-up (the grid worker's own stories cover it on screen): the ticket is accepted.
  const token = await apiToken(story.url, USERS.grid);
  const queue = await api<{ items: Array<{ id: string; no: string }> }>(story.url, token, 'ticket', 'queue', { view: 'grid' });
  const ticketId = queue.items.find((i) => i.no === no)?.id as string;
  expect(ticketId).toBeTruthy();
  const first = await api<Detail>(story.url, token, 'ticket', 'detail', { ticketId });
  await api(story.url, token, 'ticket', 'accept', { ticketId, version: first.ticket.version });
  const detail = () => api<Detail>(story.url, token, 'ticket', 'detail', { ticketId });

  const grid = await person(browser, story.url, STORY, 'grid', { geolocation: HSJY.at });
  const { page, context } = grid;
  await signIn(grid, story.url, USERS.grid);
  await open(page, story.url, ROUTES.staffTicket(ticketId));
  await grid.see('处理记录');
  const form = await openAction(grid, '就地办结');
  await form.getByText('定位打卡', { exact: true }).click();
  await grid.seeIn(form, /已打卡，距工单位置约/);
  await choosePhoto(page, form.getByText('拍照/选择照片', { exact: true }), 'after.png');
  await grid.seeIn(form, '已上传 1 张（点照片可删除）');
  await form.locator('textarea').first().fill('已联系住户清走纸箱和旧家具，楼道已畅通。');

  // Phase 1: the gateway drops every call of the ticket function mid-settle (the photo is already up).
  let settlesForwarded = 0;
  await page.route('**/api/ticket', (route) => route.abort('connectionreset'));
  await confirmAction(form, '就地办结');
  await grid.see('待发送 · 就地办结');
  await grid.see('网络不给力，操作已保存在手机上，网络恢复后会自动发送');
  await grid.shot('pending');
  expect((await detail()).ticket.state).toBe('accepted');

  // The app is closed and opened again, the gateway still down: the action is still there, 待发送.
  await page.reload();
  await grid.see('待发送 · 就地办结');
  await grid.see('立即重试发送');
  await grid.shot('pending-after-reload');
  expect((await detail()).events.filter((e) => e.action === 'settle')).toHaveLength(0);

  // Phase 2: the gateway passes the settle on but drops its answer: the server took it, the phone never heard.
  let answerDropped: () => void = () => undefined;
  const dropped = new Promise<void>((done) => {
    answerDropped = done;
  });
  await page.unroute('**/api/ticket');
  await page.route('**/api/ticket', async (route) => {
    if (actionOf(route) !== 'settle') return route.abort('connectionreset');
    settlesForwarded += 1;
    await route.fetch();
    await route.abort('connectionreset');
    answerDropped();
  });
  await page.getByText('立即重试发送', { exact: true }).click();
  await dropped;
  await grid.see('待发送 · 就地办结');
  expect(settlesForwarded).toBe(1);
  expect((await detail()).events.filter((e) => e.action === 'settle')).toHaveLength(1);

  // Phase 3: the gateway is back; the network comes back on the phone and the action goes by itself,
  // with the same key: the server answers with its first result, not a version conflict.
  await page.unroute('**/api/ticket');
  await context.setOffline(true);
  await context.setOffline(false);
  // Sent: the timeline shows the settle's note, and the banner is gone.
  await grid.see('已联系住户清走纸箱和旧家具，楼道已畅通。', 20_000);
  await grid.notSee('待发送 · 就地办结');
  await grid.notSee('未能发送');
  await grid.shot('sent-when-back');

  const after = await detail();
  expect(after.events.filter((e) => e.action === 'settle')).toHaveLength(1);
  expect(after.ticket.state).not.toBe('accepted');
  expect(after.ticket.version).toBe(first.ticket.version + 2);
});
