/**
 * Issue 20 §1–3 browser stories, on the H5 build served by the local runtime:
 * - 县住建局 issues a 整改通知 to 和顺佳苑's property company with a deadline; the runtime is
 *   restarted eight days later (SIMULATED_NOW), the sweep marks the notice overdue, and the officer
 *   finds it under 逾期未整改 in the 问题清单, and the company's March 考核 score loses its whole
 *   限期整改 term;
 * - the 杨和镇 street officer sets 和顺佳苑 to 整治提升 with a reason, and the county's leadership
 *   office reads it counted in the township × class table;
 * - 和顺佳苑 has 2 visits in the year (a 住建 到场 check-in on a ticket and a patrol recorded on the
 *   spot with a photo), and the yearly 执法进小区 table flags it under 000 序号4's 3.
 */
import type { Locator } from 'playwright-core';
import { person, type Person } from './support/browser';
import { useStory } from './support/story';
import { api, apiToken, choosePhoto, HSJY, open, runSweep, signIn, USERS } from './support/app';

const STORY = '20-governance-ledger';
const MONDAY = '2026-03-02T09:00:00+08:00';
const EIGHT_DAYS_LATER = '2026-03-10T09:00:00+08:00';
jest.setTimeout(180_000);

const ROUTE = { ledger: '/staff/pages/ledger/index', governance: '/staff/pages/governance/index', companies: '/staff/pages/companies/index' };
/** 和顺佳苑's property company (local/demo/places.ts). */
const ANJU = 'pc-yn-anju';
const stage = useStory(STORY, { demoTickets: false, simulatedNow: MONDAY });

const fieldOf = (p: Person, label: string): Locator => p.page.locator('.staff-field').filter({ has: p.page.locator('.staff-field__label', { hasText: label }) });
const chooseEstate = (p: Person) => p.page.locator('.choice').filter({ hasText: HSJY.name }).first().click();

/** The company's March 2026 card on 物业企业考核 (it opens on the month before the phone's). */
async function marchCard(p: Person, url: string): Promise<Locator> {
  await open(p.page, url, ROUTE.companies);
  await p.see('物业企业考核 · 2026年02月');
  await p.page.getByText('下一月', { exact: true }).click();
  await p.see('物业企业考核 · 2026年03月');
  const card = p.page.locator(`[data-company="${ANJU}"]`);
  await card.waitFor();
  return card;
}
const scoreOf = async (card: Locator): Promise<number> => Number(/([\d.]+)分/.exec(await card.locator('.company__score').innerText())?.[1]);

test('a department issues a 整改通知 with a deadline and the sweep marks it overdue', async () => {
  const { story, browser } = stage;
  const zjj = await person(browser, story.url, STORY, 'zjj', { clockAt: MONDAY });
  await signIn(zjj, story.url, USERS.zjj);
  await open(zjj.page, story.url, ROUTE.ledger);
  await zjj.see('问题清单（未销号）');
  await chooseEstate(zjj);
  await zjj.see(`下达整改通知：${HSJY.name}`);
  await fieldOf(zjj, '存在问题').locator('textarea').fill('地下车库B区堆放大量纸箱和废旧家具，占用消防通道');
  await fieldOf(zjj, '整改依据').locator('input').fill('永宁县“治脏”“治乱”责任清单 二(二)1(2)');
  await fieldOf(zjj, '整改措施').locator('textarea').fill('7日内清理完毕并设置禁止堆放标识');
  // The deadline defaults to seven days on (the phone's clock: Monday 2026-03-02).
  await zjj.seeIn(fieldOf(zjj, '整改时限'), '2026-03-09 18:00 前');
  await zjj.shot('issue-form');
  await zjj.page.getByText('下达整改通知', { exact: true }).last().click();
  const card = zjj.page.locator('.rectification').filter({ hasText: '地下车库B区堆放大量纸箱' });
  await zjj.seeIn(card, '待整改');
  await zjj.seeIn(card, /整改时限：2026-03-09 18:00/);
  await zjj.shot('issued');
  // Within the deadline the notice costs the company nothing yet.
  const before = await marchCard(zjj, story.url);
  await zjj.seeIn(before.locator('[data-term="rectification"]'), '限期整改：20/20');
  await zjj.seeIn(before, /整改按期 0 \/ 逾期 0/);
  const scoreBefore = await scoreOf(before);

  // Eight days on: restart on the same data with the simulated clock, and run the sweep.
  await story.restart({ simulatedNow: EIGHT_DAYS_LATER, port: story.rt.port });
  const sweep = (await runSweep(story.url)) as { data: { sweep: { data: { rectificationsOverdue: number } } } };
  expect(sweep.data.sweep.data.rectificationsOverdue).toBe(1);
  const again = (await runSweep(story.url)) as { data: { sweep: { data: { rectificationsOverdue: number } } } };
  expect(again.data.sweep.data.rectificationsOverdue).toBe(0);

  const later = await person(browser, story.url, STORY, 'zjj-later', { clockAt: EIGHT_DAYS_LATER });
  await signIn(later, story.url, USERS.zjj);
  await open(later.page, story.url, ROUTE.ledger);
  await chooseEstate(later);
  const overdue = later.page.locator('.rectification').filter({ hasText: '地下车库B区堆放大量纸箱' });
  await later.seeIn(overdue, '逾期未整改');
  await later.see(/逾期 1/);
  await later.shot('overdue');

  // The company's March score drops by the whole 限期整改 term (20 of 100, shared/assessment/definitions.ts):
  // on Monday the notice was within its deadline and the term was full; now it is overdue.
  const after = await marchCard(later, story.url);
  await later.seeIn(after.locator('[data-term="rectification"]'), '限期整改：0/20');
  await later.seeIn(after, /整改按期 0 \/ 逾期 1/);
  expect(await scoreOf(after)).toBeCloseTo(scoreBefore - 20, 1);
  await later.shot('company-score');
});

test('the street sets 和顺佳苑 to 整治提升 and the dashboard counts it', async () => {
  const { story, browser } = stage;
  const street = await person(browser, story.url, STORY, 'street', { clockAt: EIGHT_DAYS_LATER });
  await signIn(street, story.url, USERS.street);
  await open(street.page, story.url, ROUTE.governance);
  await street.see('“123”分类统计（按乡镇街道）');
  await chooseEstate(street);
  await street.see(`“123”分类：${HSJY.name}`);
  await street.see('当前类别：未评定');
  await fieldOf(street, '评定为').locator('.choice').filter({ hasText: '整治提升' }).click();
  await fieldOf(street, '评定理由').locator('input').fill('投诉较多，消防通道整改逾期，纳入重点整治清单');
  await street.page.getByText('保存分类', { exact: true }).click();
  await street.see('当前类别：整治提升');
  await street.see(/评定为整治提升：投诉较多，消防通道整改逾期/);
  await street.shot('classified');

  const office = await person(browser, story.url, STORY, 'leadership', { clockAt: EIGHT_DAYS_LATER });
  await signIn(office, story.url, USERS.leadership);
  await open(office.page, story.url, ROUTE.governance);
  const header = office.page.locator('.governance__row--head').first();
  await office.seeIn(header, '整治提升');
  const row = office.page.locator('.governance__row').filter({ hasText: '杨和镇' }).first();
  await office.seeIn(row, '杨和镇');
  // Columns: 乡镇 | 示范引领 | 规范运营 | 整治提升 | 未评定 | 整改逾期.
  const cells = await row.locator(':scope > *').allInnerTexts();
  expect(cells.slice(1, 4)).toEqual(['0', '0', '1']);
  expect(cells[5]).toBe('1');
  await office.shot('class-table');
});

test('the yearly 执法进小区 table flags an estate with 2 visits', async () => {
  const { story, browser } = stage;
  // Set-up through the API: a report whistled to 县住建局, which reports in and arrives on site.
  const [resident, grid, zjjToken] = await Promise.all([apiToken(story.url, USERS.resident), apiToken(story.url, USERS.grid), apiToken(story.url, USERS.zjj)]);
  const submitted = await api<{ ticket: { id: string } }>(story.url, resident, 'report', 'submit', {
    idempotencyKey: 'story-20-visits',
    estateId: HSJY.id,
    category: 'fly-wire',
    description: '5号楼楼道里有人拉插线板给电瓶车充电',
    location: HSJY.location,
  });
  const id = submitted.ticket.id;
  const version = async () => (await api<{ ticket: { version: number } }>(story.url, zjjToken, 'ticket', 'detail', { ticketId: id })).ticket.version;
  await api(story.url, grid, 'ticket', 'whistle', { ticketId: id, version: await version(), units: ['yongning.zjj', 'yongning.yjgl'] });
  await api(story.url, zjjToken, 'ticket', 'acknowledge', { ticketId: id, version: await version(), officerName: '王强' });
  await api(story.url, zjjToken, 'ticket', 'arrive', { ticketId: id, version: await version(), location: HSJY.location });

  // The second visit: 县住建局 on patrol, on the spot, with a photo, from the page.
  const zjj = await person(browser, story.url, STORY, 'zjj-patrol', { clockAt: EIGHT_DAYS_LATER, geolocation: HSJY.at });
  await signIn(zjj, story.url, USERS.zjj);
  await open(zjj.page, story.url, ROUTE.governance);
  await zjj.see(/执法进小区（2026年）/);
  await chooseEstate(zjj);
  await zjj.see(`登记执法进小区：${HSJY.name}`);
  await fieldOf(zjj, '现场定位').getByText('定位打卡', { exact: true }).click();
  // A patrol has no ticket: the distance is to the estate.
  await zjj.seeIn(fieldOf(zjj, '现场定位'), /已打卡，距小区位置约/);
  await choosePhoto(zjj.page, fieldOf(zjj, '现场照片').getByText('拍照/选择照片'));
  await zjj.seeIn(fieldOf(zjj, '现场照片'), '已上传 1 张');
  await fieldOf(zjj, '说明').locator('input').fill('消防通道专项巡查');
  await zjj.page.getByText('登记巡查', { exact: true }).click();
  await zjj.see(`已登记：${HSJY.name} 执法进小区`);

  const office = await person(browser, story.url, STORY, 'leadership-visits', { clockAt: EIGHT_DAYS_LATER });
  await signIn(office, story.url, USERS.leadership);
  await open(office.page, story.url, ROUTE.governance);
  await office.see(/000 序号4：进驻住宅小区进行专项治理年度不低于3次；不足3次的小区 \d+ 个/);
  const row = office.page.locator('.governance__row--short').filter({ hasText: HSJY.name });
  await office.seeIn(row, '2（不足）');
  await office.shot('visits-table');
});
