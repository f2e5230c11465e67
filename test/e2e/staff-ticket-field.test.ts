/**
 * Issue 18 §4 (staff in the field) and issue 20 §1, browser story on the H5 build and the local
 * runtime: a resident of 和顺佳苑 reports 飞线充电 with a phone number; the 县住建局 officer opens the
 * ticket and finds the address, a link to the Amap web map at the report's GCJ-02 point, tap-to-call
 * (tel:) for the resident and for 县应急管理局's published phone, the 依据 of 002 in Simplified Chinese
 * with the document's Traditional words one tap away, no 九不准 block on 飞线充电, and 下达整改通知
 * opening the 整改台账 with the ticket's number. The leadership office, outside the handling chain,
 * sees the units' phones and not the resident's number.
 */
import { person } from './support/browser';
import { useStory } from './support/story';
import { api, apiToken, HSJY, open, ROUTES, signIn, USERS } from './support/app';

const STORY = '18-staff-ticket-field';
jest.setTimeout(120_000);

const stage = useStory(STORY, { demoTickets: false });
const PHONE = '13900001111';
/** The resident's phone fix, about 33 m north of the estate's own point (a fix, not the estate fallback). */
const AT = { lat: HSJY.location.lat + 0.0003, lng: HSJY.location.lng };

test('the 住建 officer gets the place, the phones, the 依据 in Simplified and a 整改通知 from the ticket; leadership no resident number', async () => {
  const { story, browser } = stage;
  const resident = await apiToken(story.url, USERS.resident);
  const submitted = await api<{ ticket: { id: string; no: string } }>(story.url, resident, 'report', 'submit', {
    idempotencyKey: `story18-${Date.now().toString(36)}`,
    estateId: HSJY.id,
    category: 'fly-wire',
    description: '3号楼地下车库有人从一楼窗户拉电线给电动车充电',
    location: AT,
    contactPhone: PHONE,
  });
  const { id, no } = submitted.ticket;
  // What the server holds for the units named on the ticket (set-up knowledge, not what is on screen).
  const zjjToken = await apiToken(story.url, USERS.zjj);
  const held = await api<{ contacts: Array<{ unitId: string; phone: string }> }>(story.url, zjjToken, 'ticket', 'detail', { ticketId: id });
  const emergency = held.contacts.find((c) => c.unitId === 'yongning.yjgl');
  expect(emergency).toBeDefined();

  const zjj = await person(browser, story.url, STORY, 'zjj');
  await signIn(zjj, story.url, USERS.zjj);
  await open(zjj.page, story.url, ROUTES.staffTicket(id));
  await zjj.see('现场与联系');
  await zjj.see(/^地址：和顺佳苑，/);
  await zjj.see('居民上报时的位置');
  const map = new URL((await zjj.page.getByText('在地图上查看位置').getAttribute('href')) ?? '');
  expect(`${map.origin}${map.pathname}`).toBe('https://uri.amap.com/marker');
  expect(map.searchParams.get('position')).toBe(`${AT.lng.toFixed(6)},${AT.lat.toFixed(6)}`);
  expect(map.searchParams.get('coordinate')).toBe('gaode');
  const tel = await zjj.page.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(tel).toContain(`tel:${PHONE}`);
  expect(tel).toContain(`tel:${emergency!.phone.replace(/[^\d+]/g, '')}`);

  await zjj.see('（6）整治地下车库违规存放易燃易爆物品，防汛应急准备不足，消防设施损坏和居民飞线充电等问题。');
  await zjj.notSee('飛線充電');
  await zjj.page.getByText('查看原文', { exact: true }).first().click();
  await zjj.see('原文：(6)整治地下車庫違規存放易燃易爆物品,防汛應急準備不足,消防設施損壞和居民飛線充電等問題。');
  await zjj.notSee('认定违反九不准');
  await zjj.shot('ticket-field');

  await zjj.page.getByText('下达整改通知', { exact: true }).click();
  await zjj.see(`下达整改通知：${HSJY.name}`);
  const source = zjj.page.locator('.staff-field').filter({ has: zjj.page.locator('.staff-field__label', { hasText: '来源工单' }) }).locator('input');
  await expect(source.inputValue()).resolves.toBe(no);
  await zjj.shot('rectification-from-ticket');

  const office = await person(browser, story.url, STORY, 'leadership');
  await signIn(office, story.url, USERS.leadership);
  await open(office.page, story.url, ROUTES.staffTicket(id));
  await office.see('现场与联系');
  await office.see('处理记录');
  await office.notSee(PHONE);
  await office.notSee('上报居民');
  const officeTel = await office.page.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(officeTel).not.toContain(`tel:${PHONE}`);
  expect(officeTel).toContain(`tel:${emergency!.phone.replace(/[^\d+]/g, '')}`);
  await office.shot('leadership-no-resident-number');
});
