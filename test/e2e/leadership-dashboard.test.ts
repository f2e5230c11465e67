/**
 * Issue 18 §5 (leadership) in the browser. In February 县住建局 reports in on time on its one ticket;
 * in March it reports in on one of two tickets and 县应急管理局 never reports in on a third; April has
 * no tickets. Opened in May, the leadership office's 统计与通报:
 * - heads the page with March, the last month with tickets, and its 三率 with the change on February
 *   (响应率 100 % → 33.3 %: 较上月下降66.7个百分点);
 * - draws the 三率 by month (2月, 3月);
 * - ranks by the figure chosen on the segmented control (a radio group, one choice on);
 * - offers March, not April, as the 月通报's month.
 * Runtime restarts with SIMULATED_NOW move the server's clock; each browser's clock is set the same.
 */
import { person } from './support/browser';
import { useStory } from './support/story';
import { api, apiToken, HSJY, open, ROUTES, signIn, USERS } from './support/app';

const STORY = '18-leadership-dashboard';
const FEB = '2026-02-10T09:00:00+08:00';
const MAR = '2026-03-10T09:00:00+08:00';
const MAY = '2026-05-06T09:00:00+08:00';
const ZJJ = 'yongning.zjj';
const YJGL = 'yongning.yjgl';
jest.setTimeout(180_000);

const stage = useStory(STORY, { demoTickets: false, simulatedNow: FEB });

interface Detail {
  ticket: { version: number };
}

/**
 * Node's fetch keeps a socket to the runtime it called last; after a restart on the same port the
 * first request may go out on that closed socket ("other side closed") before the pool has noticed.
 * A read of the clock, retried, clears it before the set-up sends anything that changes data.
 */
async function reconnect(url: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await (await fetch(`${url}/api/dev/clock`)).json();
      return;
    } catch (err) {
      if (attempt >= 2) throw err;
    }
  }
}

test('the office reads the last month with tickets, its change on the month before, the trend, a chosen ranking and that month’s bulletin', async () => {
  const { story, browser } = stage;
  let n = 0;
  /** A 飞线充电 report whistled to `units`; `ack`: the units that report in at once. */
  const whistled = async (units: string[], ack: string[]) => {
    const resident = await apiToken(story.url, USERS.resident);
    const grid = await apiToken(story.url, USERS.grid);
    n += 1;
    const { ticket } = await api<{ ticket: { id: string } }>(story.url, resident, 'report', 'submit', {
      estateId: HSJY.id,
      category: 'fly-wire',
      description: `${n}号楼楼道里有人拉线给电动车充电`,
      photos: [],
      location: HSJY.location,
      idempotencyKey: `${STORY}-${n}`,
    });
    const version = async (token: string) => (await api<Detail>(story.url, token, 'ticket', 'detail', { ticketId: ticket.id })).ticket.version;
    await api(story.url, grid, 'ticket', 'whistle', { ticketId: ticket.id, version: await version(grid), units, reason: '请相关部门处置' });
    for (const unit of ack) {
      const officer = await apiToken(story.url, `demo.dept.${unit}`);
      await api(story.url, officer, 'ticket', 'acknowledge', { ticketId: ticket.id, version: await version(officer), officerName: '值班人员' });
    }
  };

  // Set-up through the API (other stories show these steps on screen).
  await whistled([ZJJ], [ZJJ]);
  await story.restart({ simulatedNow: MAR, port: story.rt.port });
  await reconnect(story.url);
  await whistled([ZJJ], [ZJJ]);
  await whistled([ZJJ], []);
  await whistled([YJGL], []);
  await story.restart({ simulatedNow: MAY, port: story.rt.port });
  await reconnect(story.url);

  const office = await person(browser, story.url, STORY, 'leadership', { clockAt: MAY });
  await signIn(office, story.url, USERS.leadership);
  await open(office.page, story.url, ROUTES.dashboard);

  // The headline: March (the last month with tickets), 响应率 1 of 3, down on February's 1 of 1.
  const headline = office.page.locator('.dash-headline');
  await office.seeIn(headline, '2026年03月 三率');
  const response = headline.locator('.dash-headline__figure').filter({ hasText: '响应率' });
  await office.seeIn(response, '33.3%');
  await office.seeIn(response, '↓ 较上月下降66.7个百分点');

  // The trend chart has February and March.
  const trend = office.page.locator('.staff-section').filter({ hasText: '三率月度趋势' }).first();
  await office.seeIn(trend, '2月');
  await office.seeIn(trend, '3月');
  await office.shot('headline-and-trend');

  // The ranking follows the segmented control: one choice on at a time.
  const control = office.page.locator('[role="radiogroup"][aria-label="排名依据"]');
  await office.see('响应率排名');
  expect(await control.locator('[aria-checked="true"]').allInnerTexts()).toEqual(['响应率']);
  const bars = office.page.locator('.dash-bars__row');
  await office.seeIn(bars.filter({ hasText: '县住建局' }), '66.7%');
  await office.seeIn(bars.filter({ hasText: '县应急管理局' }), '0.0%');
  await control.getByText('按时办结率', { exact: true }).click();
  await office.see('按时办结率排名');
  expect(await control.locator('[aria-checked="true"]').allInnerTexts()).toEqual(['按时办结率']);
  await office.shot('ranking-by-on-time');

  // The bulletin's month is March, not April (the month before the phone's).
  const bulletin = office.page.locator('.staff-section').filter({ hasText: '月通报' }).first();
  await bulletin.scrollIntoViewIfNeeded();
  await office.seeIn(bulletin, '2026年03月');
  expect(await bulletin.innerText()).not.toContain('2026年04月');
  await office.shot('bulletin-month');
});
