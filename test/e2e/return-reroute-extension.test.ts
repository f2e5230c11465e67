/**
 * Story 2b (issue 5): the other ways of the 吹哨报到 chain. The grid worker whistles a 垃圾乱倒 report
 * to its lead unit, 县城乡公共事业服务中心, which returns it (退单) as not its duty with a reason; the
 * 杨和镇 street officer sees the return and its reason and re-routes it to 县综合执法局, giving a
 * reason; 县综合执法局 reports in and asks for more time; the street approves, and the new resolve
 * deadline is on the ticket. The runtime and the browsers share one simulated clock (a Monday in
 * March 2026), so that the dates on screen do not depend on the day the suite runs.
 */
import { person, type Person } from './support/browser';
import { useStory } from './support/story';
import { confirmAction, HSJY, open, openAction, openRow, pickInPicker, report, ROUTES, signIn, ticketIdOf, USERS } from './support/app';

const STORY = '2b-return-reroute-extension';
const NOW = '2026-03-02T09:00:00+08:00';
jest.setTimeout(150_000);

const GGSY = 'demo.dept.yongning.ggsy'; // 县城乡公共事业服务中心
const ZHZF = 'demo.dept.yongning.zhzf'; // 县综合执法局

const stage = useStory(STORY, { demoTickets: false, simulatedNow: NOW });

/** Taps an entry of 我的工作 on the staff home and waits for its list. */
async function openEntry(p: Person, entry: string, title: string): Promise<void> {
  await p.see(entry);
  await p.page.getByText(entry, { exact: true }).click();
  await p.see(title);
}

test('department 退单 with a reason → street re-routes to another unit → extension approved moves the deadline', async () => {
  const { story, browser } = stage;
  const at = { clockAt: NOW, geolocation: HSJY.at };
  const resident = await person(browser, story.url, STORY, 'resident', at);
  const grid = await person(browser, story.url, STORY, 'grid', at);
  const ggsy = await person(browser, story.url, STORY, 'ggsy', at);
  const street = await person(browser, story.url, STORY, 'street', at);
  const zhzf = await person(browser, story.url, STORY, 'zhzf', at);

  await signIn(resident, story.url, USERS.resident);
  const no = await report(resident, story.url, {
    estate: HSJY.sceneCode,
    category: 'garbage',
    description: '小区东门外绿化带每天有人倾倒装修垃圾，已经堆了半人高。',
  });
  await resident.see('县城乡公共事业服务中心');
  await resident.page.getByText('查看办理进度').click();
  await resident.see('已提交');
  const ticketId = ticketIdOf(resident.page);

  // The grid worker whistles to the lead unit named by the list.
  await signIn(grid, story.url, USERS.grid);
  await openEntry(grid, '网格工单（受理、就地办结、吹哨、核验）', '网格工单');
  await openRow(grid, no);
  const whistle = await openAction(grid, '吹哨');
  await grid.seeIn(whistle, '☑ 县城乡公共事业服务中心');
  await confirmAction(whistle, '吹哨');
  await grid.see('已吹哨');

  // 县城乡公共事业服务中心 returns it: not its duty, with the reason.
  const returnReason = '倾倒装修垃圾属违法行为，依据责任清单应由县综合执法局查处。';
  await signIn(ggsy, story.url, GGSY);
  await openEntry(ggsy, '本单位待办（报到、到场、办结）', '本单位待办');
  await openRow(ggsy, no);
  const ret = await openAction(ggsy, '退单');
  await ggsy.seeIn(ret, '退单后工单交由街道（乡镇）重新派单');
  await ret.locator('.choice').filter({ hasText: '非本单位职责' }).click();
  await ggsy.seeIn(ret, '☑ 非本单位职责');
  await ret.locator('textarea').fill(returnReason);
  await ggsy.shot('return-form');
  await confirmAction(ret, '退单');
  await ggsy.see('已退单');
  await ggsy.see('退单原因：非本单位职责');
  await ggsy.see(returnReason);
  await ggsy.shot('returned');

  // The street officer: 退单待重新派单 shows it with who returned it and why, and re-routes it.
  const rerouteReason = '依据责任清单，违法倾倒垃圾由县综合执法局牵头查处。';
  await signIn(street, story.url, USERS.street);
  await openEntry(street, '退单待重新派单', '退单待重新派单');
  await street.see(no);
  const returnedRow = street.page.locator('.ticket-row').filter({ hasText: no });
  await street.seeIn(returnedRow, '已退单');
  await returnedRow.getByText('办理', { exact: true }).click();
  await street.seeIn(returnedRow, '当前处理：杨和镇');
  const reroute = await openAction(street, '重新派单');
  await street.seeIn(reroute, `退单单位：县城乡公共事业服务中心；原因：${returnReason}`);
  await reroute.locator('.choice').filter({ hasText: '县综合执法局' }).click();
  await street.seeIn(reroute, '☑ 县综合执法局');
  await reroute.locator('textarea').fill(rerouteReason);
  await street.shot('reroute-form');
  await confirmAction(reroute, '重新派单');
  await street.see('暂无工单');

  // The ticket's timeline keeps both reasons.
  await open(street.page, story.url, ROUTES.staffTicket(ticketId));
  await street.see('处理记录');
  await street.see('承办单位：县综合执法局');
  await street.see('退单原因：非本单位职责');
  await street.see(returnReason);
  await street.see(rerouteReason);
  await street.see(/重新派单（已退单 → 已吹哨）/);
  await street.shot('rerouted-timeline');

  // 县综合执法局 reports in and asks for more time: until Monday 16 March, 18:00.
  const extensionReason = '需联系城管环卫车辆集中清运，并在绿化带加装监控后复查。';
  await signIn(zhzf, story.url, ZHZF);
  await openEntry(zhzf, '本单位待办（报到、到场、办结）', '本单位待办');
  await openRow(zhzf, no);
  const ack = await openAction(zhzf, '报到');
  await confirmAction(ack, '报到');
  await zhzf.see('已报到');
  await zhzf.see(/办结时限：2026-03-09 09:00/);
  const ext = await openAction(zhzf, '申请延期');
  await zhzf.seeIn(ext, '当前办结期限：2026-03-09 09:00');
  await pickInPicker(zhzf.page, ext.getByText('请选择日期', { exact: true }), [{ column: 2, item: '16日' }]);
  await zhzf.seeIn(ext, '2026-03-16');
  await ext.locator('textarea').fill(extensionReason);
  await zhzf.shot('extension-form');
  await confirmAction(ext, '申请延期');
  await zhzf.see(`延期待审批：县综合执法局申请延期至 2026-03-16 18:00，理由：${extensionReason}`);

  // The street approves it from 延期申请审批.
  await open(street.page, story.url, ROUTES.staffHome);
  await openEntry(street, '延期申请审批', '延期申请审批');
  const extRow = street.page.locator('.ticket-row').filter({ hasText: no });
  // The list row already says what is asked.
  await street.seeIn(extRow, `县综合执法局申请延期至 2026-03-16 18:00，理由：${extensionReason}`);
  await extRow.getByText('办理', { exact: true }).click();
  await street.seeIn(extRow, '当前处理：县综合执法局（已报到）');
  const approve = await openAction(street, '批准延期');
  await street.seeIn(approve, `县综合执法局申请延期至 2026-03-16 18:00，理由：${extensionReason}`);
  await approve.locator('textarea').fill('同意，清运后及时办结。');
  await street.shot('approve-form');
  await confirmAction(approve, '批准延期');
  await street.see('暂无工单');

  // The new deadline is on the ticket, for the street and for the department.
  await open(street.page, story.url, ROUTES.staffTicket(ticketId));
  await street.see(/办结时限：2026-03-16 18:00/);
  await street.see('延期至：2026-03-16 18:00');
  await street.notSee('延期待审批');
  await street.shot('extended');
  await zhzf.page.reload();
  await zhzf.see(/办结时限：2026-03-16 18:00/);
  await zhzf.shot('department-sees-new-deadline');
});
