/**
 * Issue 18 §2 ("one query per count") on screen: every counter on a staff home opens a list of
 * exactly that many tickets, for the grid worker and for a department officer; a hand-over message
 * is read once its ticket is opened; and 本单位待办 of 县应急管理局 holds only the ticket it was
 * whistled to, not the other tickets its county's lists also route to it. The tickets are set up
 * through the API; everything compared is read off the screens.
 */
import type { Locator } from 'playwright-core';
import { person, type Person } from './support/browser';
import { useStory } from './support/story';
import { api, apiToken, HSJY, open, ROUTES, signIn, USERS } from './support/app';

const STORY = '18-home-counters';
const YJGL = 'yongning.yjgl';
const YJGL_USER = `demo.dept.${YJGL}`;
jest.setTimeout(180_000);

const stage = useStory(STORY, { demoTickets: false });

const numberIn = async (l: Locator): Promise<number> => Number(/\d+/.exec(await l.innerText())?.[0]);

/** Each home counter that opens a list: its number, and the 共 N 件 of the list it opens. */
async function countersAndLists(p: Person, url: string): Promise<Array<{ label: string; counter: number; list: number }>> {
  const out: Array<{ label: string; counter: number; list: number }> = [];
  for (const label of ['新工单', '即将超时', '已超时']) {
    await open(p.page, url, ROUTES.staffHome);
    const card = p.page.locator('.staff-count').filter({ hasText: label });
    await card.waitFor();
    const counter = await numberIn(card.locator('.staff-count__value'));
    await card.click();
    const total = p.page.getByText(/共 \d+ 件/).first();
    await total.waitFor();
    out.push({ label, counter, list: Number(/共 (\d+) 件/.exec(await total.innerText())?.[1]) });
  }
  return out;
}

test('each home counter opens a list of that many tickets; an opened ticket’s hand-over is read; 本单位待办 is the unit’s own', async () => {
  const { story, browser } = stage;
  const resident = await apiToken(story.url, USERS.resident);
  const submit = async (category: string, description: string) =>
    (await api<{ ticket: { id: string; no: string } }>(story.url, resident, 'report', 'submit', { estateId: HSJY.id, category, description, photos: [], location: HSJY.location, idempotencyKey: `${STORY}-${category}` })).ticket;
  const wire = await submit('fly-wire', '2号楼有人从窗户拉电线给电动车充电');
  const clutter = await submit('clutter', '5号楼楼道堆满纸箱');
  await submit('parking', '消防通道口停了两辆私家车');
  await submit('garbage', '垃圾桶满了两天没人清运');
  // The grid worker whistles the 飞线充电 to both its lead units.
  const gridToken = await apiToken(story.url, USERS.grid);
  const detail = await api<{ ticket: { version: number } }>(story.url, gridToken, 'ticket', 'detail', { ticketId: wire.id });
  await api(story.url, gridToken, 'ticket', 'whistle', { ticketId: wire.id, version: detail.ticket.version, units: ['yongning.zjj', YJGL], reason: '住建局和应急局共同处置' });

  // The grid worker: every counter equals its list, and 新工单 is not a vacuous 0 = 0.
  const grid = await person(browser, story.url, STORY, 'grid');
  await signIn(grid, story.url, USERS.grid);
  const gridCounts = await countersAndLists(grid, story.url);
  for (const c of gridCounts) expect({ label: c.label, n: c.counter }).toEqual({ label: c.label, n: c.list });
  expect(gridCounts.find((c) => c.label === '新工单')?.counter).toBe(3);

  // Opening a ticket reads its hand-over message: 未读交办 drops by one and the message is gone.
  await open(grid.page, story.url, ROUTES.staffHome);
  const unread = grid.page.locator('.staff-count').filter({ hasText: '未读交办' }).locator('.staff-count__value');
  await unread.waitFor();
  const before = await numberIn(unread);
  const aboutClutter = grid.page.locator('.staff-message').filter({ hasText: clutter.no });
  const messages = await aboutClutter.count();
  expect(messages).toBeGreaterThanOrEqual(1);
  await open(grid.page, story.url, ROUTES.staffTicket(clutter.id));
  await grid.see('处理记录');
  await open(grid.page, story.url, ROUTES.staffHome);
  await unread.waitFor();
  expect(await numberIn(unread)).toBe(before - messages);
  expect(await aboutClutter.count()).toBe(0);
  await grid.shot('home-after-open');

  // 县应急管理局: its counters equal its lists, and 本单位待办 holds the one ticket it was whistled to.
  const yjgl = await person(browser, story.url, STORY, 'yjgl');
  await signIn(yjgl, story.url, YJGL_USER);
  const unitCounts = await countersAndLists(yjgl, story.url);
  for (const c of unitCounts) expect({ label: c.label, n: c.counter }).toEqual({ label: c.label, n: c.list });
  await open(yjgl.page, story.url, ROUTES.queue('unit'));
  await yjgl.see('共 1 件');
  await yjgl.see(wire.no);
  await yjgl.shot('unit-queue');
});
