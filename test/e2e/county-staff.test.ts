/**
 * Issue 19: a created county works for its own staff, on their phones (the H5 build on the local
 * runtime), with 示例县 (test/fixtures/county: a test fixture, not a real place).
 *
 * The runtime runs WITHOUT demo mode (DEMO=0). In demo mode nobody can become a staff member an
 * admin adds: the dev sign-in takes demo users only and honours no other record
 * (local/server/sessions.ts identityForToken), and redeeming an invitation needs the caller's WeChat
 * openid, which a dev sign-in has none of (INVITE.NO_WECHAT). Without demo mode sessions come from
 * an identity provider in front of the runtime (local/runtime.ts); support/identity-provider.ts is
 * that provider, a person being their WeChat openid, as on CloudBase.
 *
 * Set-up, not what is asserted: the operator's records (Yinchuan's admin, a Yongning 县住建局
 * officer, 示例花园's grid worker) are written to the store as a deployment's bootstrap would leave
 * them; 示例县 is brought live through the real admin function (fixtures/county/onboard-shili.ts,
 * whose screens county-onboarding.test.ts proves); the grid worker's 吹哨 goes through the API
 * (whistle-chain.test.ts proves that screen).
 *
 * On screen:
 * - Yinchuan's admin adds 张建国, a 部门工作人员 of 示例县住房和城乡建设局, on the county page's
 *   人员 step and gets the one-time invitation link;
 * - 张建国 opens the link with his WeChat account, taps 确认绑定, and the page goes on to his
 *   workbench with 本单位待办; the account signs in as the staff record from then on;
 * - a resident reports 飞线充电 at 示例花园; whistled to its lead units, it is in 张建国's 本单位待办,
 *   and his ticket page names 示例县's units (lead, co-responsible with the township, assigned,
 *   who must act) by name and never by id, and the basis row of 示例县's list;
 * - 示例街道's street officer escalates it: his 升级 form and the officer's ticket page name 示例县's
 *   领导小组办公室 (from the phone's directory of created counties, not the generic fallback);
 * - Yongning's 县住建局 officer does not see it: not in his 本单位待办, refused on the ticket page,
 *   and the API answers 403 with nothing of the ticket.
 */
import type { User } from '../../shared/domain/directory';
import type { Ticket } from '../../shared/domain/ticket';
import { onboardShili } from '../fixtures/county/onboard-shili';
import { SHILI, SHILI_DOCUMENT } from '../fixtures/county/shili-lists';
import { api, confirmAction, open, openAction, openRow, report, ROUTES, ticketIdOf } from './support/app';
import { person } from './support/browser';
import { giveSession, wechatSignIn } from './support/identity-provider';
import { useStory } from './support/story';

const STORY = '19-county-staff';
const DAY = '2027-03-01T09:00:00+08:00';
jest.setTimeout(300_000);

const COUNTY = '/staff/pages/county/index';
const ZJJ = '示例县住房和城乡建设局';
const YJJ = '示例县应急管理局';
const OFFICE = '示例县物业管理工作领导小组办公室';

const stage = useStory(STORY, { demo: false, demoTickets: false, simulatedNow: DAY });

/** A staff record of the operator's, bound to a WeChat account (set-up). */
async function operatorRecord(u: Omit<User, 'phone' | 'demo'>): Promise<User> {
  const user: User = { ...u, phone: null, demo: false };
  await stage.story.rt.deps.store.putUser(user);
  return user;
}

let ticketId = '';
let ticketNo = '';

test('示例县 goes live; its admin adds a 住建局 officer on the 人员 step, who binds his WeChat account with the invitation', async () => {
  const { story, browser } = stage;
  const cityAdmin = await operatorRecord({ id: 'op.yinchuan.admin', openid: 'o-yinchuan-admin', name: '银川市管理员', grants: [{ role: 'admin', jurisdiction: 'yinchuan' }] });
  await onboardShili(story.rt.deps, cityAdmin, '2027-03-01');

  const admin = await person(browser, story.url, STORY, 'admin', { clockAt: DAY });
  await giveSession(admin.page, story.url, await wechatSignIn(story, 'o-yinchuan-admin'));
  await open(admin.page, story.url, `${COUNTY}?jurisdiction=${SHILI.id}`);
  await admin.see(`第1步 辖区：当前为 ${SHILI.name}`);
  const step = admin.page.locator('[data-step="invite"]');
  await step.scrollIntoViewIfNeeded();
  const field = (label: string) => step.locator('.staff-field').filter({ has: admin.page.locator('.staff-field__label', { hasText: label }) });
  await field('姓名').locator('input').fill('张建国');
  await field('手机号').locator('input').fill('13800000001');
  await field('角色').getByText('部门工作人员').click();
  // The units of 示例县's imported table; the leadership office is the escalation target, not offered.
  await admin.seeIn(field('所属单位'), `☐ ${ZJJ}`);
  await admin.notSee(OFFICE, field('所属单位'));
  await field('所属单位').getByText(ZJJ, { exact: false }).click();
  await admin.seeIn(field('所属单位'), `☑ ${ZJJ}`);
  await step.getByText('生成邀请', { exact: true }).click();
  await admin.seeIn(step, /已为 张建国 生成邀请，\d{4}-\d{2}-\d{2} \d{2}:\d{2} 前有效，仅显示一次：/);
  const path = (await step.locator('[data-invite-path]').innerText()).trim();
  expect(path).toMatch(/^pages\/invite\/index\?code=[A-Za-z0-9_-]{22}$/);
  await admin.shot('invitation');

  // 张建国 opens the link with his WeChat account (a resident's first visit) and binds it.
  const officer = await person(browser, story.url, STORY, 'officer', { clockAt: DAY });
  await giveSession(officer.page, story.url, await wechatSignIn(story, 'o-zhang-jianguo'));
  await open(officer.page, story.url, `/${path}`);
  await officer.see('绑定工作人员账号');
  await officer.page.getByText('确认绑定', { exact: true }).click();
  await officer.see('绑定成功');
  await officer.see('张建国');
  await officer.see('身份：部门');
  await officer.shot('bound');
  // The page goes on to the workbench of the new role, in the same session (local/server/api.ts
  // moves the session with the openid, as CloudBase reads identity from it).
  await officer.page.waitForURL((u) => u.hash.startsWith(`#${ROUTES.staffHome}`), { timeout: 15_000 });
  await officer.see('本单位待办（报到、到场、办结）');
  // The same WeChat account now signs in as the staff record the admin made.
  const again = await wechatSignIn(story, 'o-zhang-jianguo');
  expect(again.user.name).toBe('张建国');
  expect(again.user.grants).toHaveLength(1);
  expect(again.user.grants[0]).toMatchObject({ role: 'department', jurisdiction: SHILI.id });
});

test("a resident's 飞线充电 at 示例花园, whistled to its lead units, is in the officer's 本单位待办, and his ticket page names 示例县's units and its list's row", async () => {
  const { story, browser } = stage;
  const resident = await person(browser, story.url, STORY, 'resident', { clockAt: DAY });
  await giveSession(resident.page, story.url, await wechatSignIn(story, 'o-resident-shili'));
  ticketNo = await report(resident, story.url, { estate: 'sl-shhy', category: 'fly-wire', description: '3号楼楼道有人从窗户拉电线给电动车充电' });
  await resident.seeIn(resident.page.locator('.route-lead'), `${ZJJ}、${YJJ}`);
  await resident.page.getByText('查看办理进度', { exact: true }).click();
  await resident.page.waitForURL((u) => u.hash.startsWith('#/pages/ticket/index'), { timeout: 15_000 });
  ticketId = ticketIdOf(resident.page);

  // 示例花园's grid worker blows the whistle to the lead units (set-up through the API).
  await operatorRecord({ id: 'op.shili.grid.shhy', openid: 'o-shili-grid', name: '示例网格员', grants: [{ role: 'grid', jurisdiction: SHILI.id, estates: ['sl-shhy'] }] });
  const grid = (await wechatSignIn(story, 'o-shili-grid')).token;
  const { ticket } = await api<{ ticket: Ticket }>(story.url, grid, 'ticket', 'detail', { ticketId });
  const lead = ticket.route.lead.map((u) => u.id);
  await api(story.url, grid, 'ticket', 'whistle', { ticketId, version: ticket.version, units: lead });

  const officer = await person(browser, story.url, STORY, 'officer-queue', { clockAt: DAY });
  await giveSession(officer.page, story.url, await wechatSignIn(story, 'o-zhang-jianguo'));
  await open(officer.page, story.url, ROUTES.staffHome);
  await officer.see('本单位待办（报到、到场、办结）');
  await officer.shot('home');
  await officer.page.getByText('本单位待办（报到、到场、办结）').click();
  await officer.see('本单位待办');
  await openRow(officer, ticketNo);
  expect(ticketIdOf(officer.page)).toBe(ticketId);
  // Names, never ids: the route's units, the township it gave as 属地, the assigned units and who must act.
  await officer.see(`牵头单位：${ZJJ}、${YJJ}`);
  await officer.see(`责任单位：示例街道、示例县消防救援大队`);
  await officer.see(`承办单位：${ZJJ}、${YJJ}`);
  await officer.see(`${ZJJ}（待报到）`);
  // The list's words, read with full-width punctuation (BasisQuote → readableQuote), 查看原文 keeping them as written.
  await officer.see('依据：一(1) 飞线充电由县住房和城乡建设局、县应急管理局牵头，属地乡镇（街道）、县消防救援大队配合。');
  expect(ticket.route.basis[0]).toMatchObject({ source: SHILI_DOCUMENT, item: '一(1)' });
  const text = await officer.page.locator('body').innerText();
  for (const u of [...ticket.route.lead, ...ticket.route.responsible]) expect(text).not.toContain(u.id);
  await officer.page.getByText('处理记录').scrollIntoViewIfNeeded();
  await officer.shot('ticket');
});

test("示例街道's officer escalates it: both phones name 示例县's 领导小组办公室", async () => {
  const { story, browser } = stage;
  const { ticket } = await api<{ ticket: Ticket }>(story.url, (await wechatSignIn(story, 'o-shili-grid')).token, 'ticket', 'detail', { ticketId });
  expect(ticket.streetId).toEqual(expect.any(String));
  await operatorRecord({ id: 'op.shili.street.jd', openid: 'o-shili-street', name: '示例街道干部', grants: [{ role: 'street', jurisdiction: SHILI.id, streets: [ticket.streetId!] }] });
  const street = await person(browser, story.url, STORY, 'street', { clockAt: DAY });
  await giveSession(street.page, story.url, await wechatSignIn(story, 'o-shili-street'));
  await open(street.page, story.url, ROUTES.staffTicket(ticketId));
  await street.see(ticketNo);
  const form = await openAction(street, '升级');
  await street.seeIn(form, `升级至：${OFFICE}`);
  await form.locator('textarea').fill('两个单位均未报到，请领导小组办公室协调');
  await street.shot('escalate-form');
  await confirmAction(form, '升级');
  await street.see(`已升级至${OFFICE}`);

  const officer = await person(browser, story.url, STORY, 'officer-escalated', { clockAt: DAY });
  await giveSession(officer.page, story.url, await wechatSignIn(story, 'o-zhang-jianguo'));
  await open(officer.page, story.url, ROUTES.staffTicket(ticketId));
  await officer.see(`已升级至${OFFICE}`);
  await officer.see(`升级至：${OFFICE}`);
  // Not the generic fallback a phone without 示例县's directory would show (lib/units.ts leadershipOfficeName).
  await officer.notSee(/^已升级至领导小组办公室$/);
  await officer.shot('escalated');
});

test('an officer of Yongning does not see the 示例县 ticket: not in his queue, refused on its page and by the API', async () => {
  const { story, browser } = stage;
  await operatorRecord({ id: 'op.yongning.zjj', openid: 'o-yongning-zjj', name: '永宁住建干部', grants: [{ role: 'department', jurisdiction: 'yongning', units: ['yongning.zjj'] }] });
  const session = await wechatSignIn(story, 'o-yongning-zjj');
  const other = await person(browser, story.url, STORY, 'yongning-zjj', { clockAt: DAY });
  await giveSession(other.page, story.url, session);
  await open(other.page, story.url, ROUTES.queue('unit'));
  await other.see('本单位待办');
  await other.notSee(ticketNo);
  await open(other.page, story.url, ROUTES.staffTicket(ticketId));
  await other.see('该工单不在您的管辖范围内');
  await other.notSee(ticketNo);
  await other.notSee('3号楼楼道有人从窗户拉电线给电动车充电');
  await other.shot('refused');

  const res = await fetch(`${story.url}/api/ticket`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ action: 'detail', data: { ticketId } }),
  });
  const body = await res.text();
  expect(res.status).toBe(403);
  expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^AUTH\./) } });
  expect(body).not.toContain(ticketNo);
  expect(body).not.toContain('拉电线');
});
