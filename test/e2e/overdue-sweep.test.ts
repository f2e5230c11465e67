/**
 * Story 5: nobody reports in (报到) in time. A 飞线充电 report is whistled to 县住建局 at 09:00 on a
 * simulated Monday (报到 within 30 minutes); the local runtime is restarted on the same data with its
 * simulated clock at 10:00 (SIMULATED_NOW, as a person would: the runtime has no clock-setting
 * endpoint, only GET /api/dev/clock), the sweep runs (POST /api/dev/sweep) and marks the step overdue;
 * the 杨和镇 street officer finds it under 已超时 / 超时工单督办 and supervises (督办) it.
 */
import { person } from './support/browser';
import { useStory } from './support/story';
import { confirmAction, HSJY, open, openAction, openRow, report, ROUTES, runSweep, signIn, ticketIdOf, USERS } from './support/app';

const STORY = '5-overdue-sweep';
const WHISTLED_AT = '2026-03-02T09:00:00+08:00';
const AN_HOUR_LATER = '2026-03-02T10:00:00+08:00';
jest.setTimeout(120_000);

const stage = useStory(STORY, { demoTickets: false, simulatedNow: WHISTLED_AT });

interface ClockAnswer {
  ok: boolean;
  data: { shanghai: string; simulated: boolean };
}

interface SweepAnswer {
  ok: boolean;
  data: { sweep: { ok: boolean; data: { marked: number; escalated: number } } };
}

test('the sweep marks a missed 报到 overdue and the street officer sees it in 超时工单督办 and 督办s it', async () => {
  const { story, browser } = stage;
  const resident = await person(browser, story.url, STORY, 'resident', { clockAt: WHISTLED_AT, geolocation: HSJY.at });
  const grid = await person(browser, story.url, STORY, 'grid', { clockAt: WHISTLED_AT });

  await signIn(resident, story.url, USERS.resident);
  const no = await report(resident, story.url, { estate: HSJY.sceneCode, category: 'fly-wire', description: '7号楼楼道里有人从家里拉插线板给电瓶车充电。' });
  await resident.page.getByText('查看办理进度').click();
  await resident.see('已提交');
  const ticketId = ticketIdOf(resident.page);

  await signIn(grid, story.url, USERS.grid);
  await open(grid.page, story.url, ROUTES.queue('grid'));
  await openRow(grid, no);
  const whistle = await openAction(grid, '吹哨');
  await confirmAction(whistle, '吹哨');
  await grid.see('已吹哨');
  await grid.see(/报到时限：2026-03-02 09:30 · 报到剩余 \d+分钟/);
  await grid.shot('whistled');

  // An hour on: restart on the same data with the simulated clock at 10:00 and run the sweep.
  await story.restart({ simulatedNow: AN_HOUR_LATER, port: story.rt.port });
  const clock = (await (await fetch(`${story.url}/api/dev/clock`)).json()) as ClockAnswer;
  expect(clock.data.simulated).toBe(true);
  expect(clock.data.shanghai.startsWith('2026-03-02T10:0')).toBe(true);
  const sweep = (await runSweep(story.url)) as SweepAnswer;
  expect(sweep.data.sweep.data.marked).toBeGreaterThanOrEqual(1);
  const again = (await runSweep(story.url)) as SweepAnswer;
  expect(again.data.sweep.data.marked).toBe(0); // a second run finds nothing left to mark

  // The street officer (signed in after the restart, their phone's clock at 10:00).
  const street = await person(browser, story.url, STORY, 'street', { clockAt: AN_HOUR_LATER });
  await signIn(street, story.url, USERS.street);
  await street.see('已超时');
  const overdueCard = street.page.locator('.staff-count--overdue');
  await street.seeIn(overdueCard, /^[1-9]\d*$/);
  await street.shot('home');
  await overdueCard.click();
  await street.see('超时工单督办');
  const row = street.page.locator('.ticket-row').filter({ hasText: no });
  await street.seeIn(row, '已超时');
  await street.seeIn(row, /报到已超时 \d+分钟/);
  await street.see(/其中 \d+ 件已超时/);
  await street.shot('overdue-list');

  await row.getByText('办理', { exact: true }).click();
  await street.seeIn(row, '超时环节：报到');
  const supervise = await openAction(street, '督办');
  const opinion = '请县住建局立即安排人员报到，今日12时前到场处置，拆除私拉电线。';
  await supervise.locator('textarea').fill(opinion);
  await street.shot('supervise-form');
  await confirmAction(supervise, '督办');

  // The ticket page: the sweep's 超时 event and the street's 督办 with its opinion.
  await open(street.page, story.url, ROUTES.staffTicket(ticketId));
  await street.see('处理记录');
  await street.see(/报到时限：2026-03-02 09:30 · 报到已超时/);
  await street.see('超时环节：报到');
  await street.see(opinion);
  await street.seeIn(street.page.locator('.timeline__item').filter({ hasText: opinion }), '督办');
  await street.shot('supervised');
});
