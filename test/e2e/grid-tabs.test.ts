/**
 * Story (issue 18 §4): tickets stay findable after 吹哨 or 认领. A resident reports 飞线充电 and a
 * neighbour dispute at 和顺佳苑; the grid worker finds both under 待受理 and whistles the first to
 * the departments; the 县公安局 officer claims (认领) the dispute from 业主群警务台. The grid worker
 * is told of the 认领 on 工作台 (民警已认领), finds both tickets under 处理中, none left under 待受理,
 * and finds the whistled one again by its number in the search box.
 */
import type { Locator } from 'playwright-core';
import { person, type Person } from './support/browser';
import { useStory } from './support/story';
import { confirmAction, HSJY, open, openAction, openRow, report, ROUTES, signIn, USERS } from './support/app';

const STORY = 'grid-tabs';
const AT = '2026-03-10T10:00:00+08:00';
jest.setTimeout(150_000);

const stage = useStory(STORY, { demoTickets: false, simulatedNow: AT });

async function tab(p: Person, label: string): Promise<void> {
  await p.page.locator('.ui-segmented__item').filter({ hasText: label }).click();
  await p.seeIn(p.page.locator('.ui-segmented__item--on'), label);
}

const rowOf = (p: Person, no: string): Locator => p.page.locator('.ticket-row').filter({ hasText: no });

test('after 吹哨 and a police 认领 the grid worker is told and finds both tickets under 处理中', async () => {
  const { story, browser } = stage;
  const at = { clockAt: AT, geolocation: HSJY.at };
  const resident = await person(browser, story.url, STORY, 'resident', at);
  const grid = await person(browser, story.url, STORY, 'grid', at);
  const police = await person(browser, story.url, STORY, 'police', at);

  await signIn(resident, story.url, USERS.resident);
  const wire = await report(resident, story.url, { estate: HSJY.sceneCode, category: 'fly-wire', description: '9号楼楼道里有人从家里拉插线板给电瓶车充电。' });
  const dispute = await report(resident, story.url, { estate: HSJY.sceneCode, category: 'dispute', description: '12号楼501装修到深夜，和楼下住户多次争吵。' });

  // 待受理: both new tickets; the grid worker whistles the 飞线充电 one.
  await signIn(grid, story.url, USERS.grid);
  await open(grid.page, story.url, ROUTES.queue('grid'));
  await grid.see('待受理：共 2 件');
  await grid.see(wire);
  await grid.see(dispute);
  await grid.shot('pending');
  await openRow(grid, wire);
  const whistle = await openAction(grid, '吹哨');
  await confirmAction(whistle, '吹哨');
  await grid.see('已吹哨');

  // The police officer claims the dispute from the desk.
  await signIn(police, story.url, USERS.police);
  await open(police.page, story.url, ROUTES.desk);
  const row = rowOf(police, dispute);
  await police.seeIn(row, '待受理');
  await row.getByText('办理', { exact: true }).click();
  await police.seeIn(row, '处理记录');
  const claim = await openAction(police, '认领');
  await confirmAction(claim, '认领');
  await police.seeIn(row, '已报到');

  // The grid worker is told, and finds both under 处理中 (none left under 待受理).
  await signIn(grid, story.url, USERS.grid);
  await open(grid.page, story.url, ROUTES.staffHome);
  await grid.see('民警已认领');
  await grid.see(new RegExp(`${dispute} .*已由民警认领`));
  await grid.shot('told-of-claim');
  await open(grid.page, story.url, ROUTES.queue('grid'));
  await grid.see('待受理：共 0 件');
  await grid.see('暂无待受理的工单');
  await tab(grid, '处理中');
  await grid.see('处理中：共 2 件');
  await grid.seeIn(rowOf(grid, wire), '已吹哨');
  await grid.seeIn(rowOf(grid, dispute), '已报到');
  await grid.shot('handling');

  // Found again by its number.
  await grid.page.locator('.staff-field').filter({ hasText: '搜索工单' }).locator('input').fill(wire);
  await grid.page.getByText('搜索', { exact: true }).click();
  await grid.see(`处理中 · 搜索“${wire}”：共 1 件`);
  await grid.seeIn(rowOf(grid, wire), '已吹哨');
  expect(await rowOf(grid, dispute).count()).toBe(0);
  await grid.shot('search');
});
