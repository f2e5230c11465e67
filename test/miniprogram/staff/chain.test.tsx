/**
 * The staff pages against the real `ticket` and `report` functions (real use cases, real SQLite store
 * in a temp dir, test/support/app.ts): fetch is the only fake, and it hands each call to the function
 * handler with the signed-in person's identity, as the local gateway does. One ticket goes through
 * the whole 吹哨报到 chain on the pages, and a returned ticket is re-routed by the street.
 */
import { cleanup, render, screen } from '@testing-library/react';
import type { FunctionHandler } from '../../../cloudfunctions/_app/router';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { sweep } from '../../../cloudfunctions/_app/functions/timers';
import PoliceDeskPage from '../../../miniprogram/staff/pages/desk/index';
import QueuePage from '../../../miniprogram/staff/pages/queue/index';
import StaffTicketPage from '../../../miniprogram/staff/pages/ticket/index';
import { resetEstateNames } from '../../../miniprogram/staff/lib/api';
import { ESTATE, PEOPLE, REPORT, makeApp, newKey, type Person, type TestApp } from '../../support/app';
import { setPageQuery } from '../support/taro';
import { actionButtons, choices, click, north, pick, pickPhotos, placeDevice, settle, signIn, type } from './support';

const FUNCTIONS: Record<string, FunctionHandler> = { ticket, report };

let app: TestApp;
let who: Person = 'grid';
/** One stored upload per person (stored before the story: the fake answers the upload at once). */
const photoOf = new Map<Person, string>();

function respond(body: unknown) {
  return { ok: true, status: 200, json: async () => body, blob: async () => new Blob(['jpeg'], { type: 'image/jpeg' }) };
}

/** fetch → the real function handler, as the person signed in now. */
function routeFetchToFunctions(): void {
  (globalThis as { fetch: unknown }).fetch = jest.fn(async (input: unknown, init?: { body?: unknown }) => {
    const url = String(input);
    if (url.startsWith('blob:')) return respond(null);
    // A photo in the real file store, uploaded by the signed-in person: only the uploader may name it.
    if (url === '/api/upload') {
      return respond({ ok: true, data: { id: photoOf.get(who), url: '' } });
    }
    const fn = FUNCTIONS[url.replace(/^\/api\//, '')];
    if (!fn) throw new Error(`no function for ${url}`);
    const { action, data } = JSON.parse(String(init?.body)) as { action: string; data: unknown };
    return respond(await app.call(fn, who, action, data));
  });
}

const PAGES = { ticket: StaffTicketPage, queue: QueuePage, desk: PoliceDeskPage };

async function as(person: Person, page: keyof typeof PAGES, query: Record<string, string>): Promise<void> {
  cleanup();
  resetEstateNames();
  who = person;
  signIn({ id: PEOPLE[person].id, name: PEOPLE[person].name, roles: [...new Set(PEOPLE[person].grants.map((g) => g.role))] });
  setPageQuery(query, `/staff/pages/${page}/index`);
  const Page = PAGES[page];
  render(<Page />);
  await settle(6);
}

async function submitReport(): Promise<string> {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.data.ticket.id as string;
}

async function state(id: string): Promise<string> {
  return (await app.store.getTicket(id))!.state;
}

beforeEach(async () => {
  app = await makeApp();
  for (const person of Object.keys(PEOPLE) as Person[]) photoOf.set(person, await app.photo(person));
  routeFetchToFunctions();
  jest.restoreAllMocks();
});

afterEach(() => app.close());

describe('staff pages on the real functions (only fetch faked)', () => {
  it('grid accepts and whistles, the department reports in, arrives and resolves, the grid worker verifies', async () => {
    const id = await submitReport();

    await as('grid', 'ticket', { id });
    expect(screen.getByText('小区：锦绣花园')).toBeTruthy();
    expect(screen.getByText('当前处理：本小区网格员')).toBeTruthy();
    await click('受理');
    await click('确认受理');
    expect(await state(id)).toBe('accepted');
    await click('吹哨');
    const lead = choices('吹哨单位').filter((c) => c.on);
    expect(lead.length).toBeGreaterThan(0);
    await click('确认吹哨');
    expect(await state(id)).toBe('whistled');
    const whistled = (await app.store.getTicket(id))!;
    expect(whistled.assignedUnits).toEqual(whistled.route.lead.map((u) => u.id));
    expect(whistled.assignedUnits).toContain('yongning.zjj');

    await as('housing', 'ticket', { id });
    expect(screen.getByText(/^当前处理：.*县住建局（待报到）/)).toBeTruthy();
    await click('报到');
    await click('确认报到');
    expect(await state(id)).toBe('acknowledged');
    const events = await app.store.listEvents(id);
    expect(events.at(-1)?.payload).toMatchObject({ officerName: '县住建局·王强' });

    placeDevice(north(ESTATE.location, 20));
    await click('到场');
    await click('定位打卡');
    await click('确认到场');
    expect(await state(id)).toBe('on_site');

    pickPhotos(['blob:after']);
    await click('办结');
    await click('拍照/选择照片');
    await type('办理结果', '已拆除飞线，加装充电桩指引牌');
    await click('确认办结');
    // The photo goes through the outbox before the action: a few more turns than a plain call.
    await settle(4);
    expect(await state(id)).toBe('resolved');

    await as('grid', 'ticket', { id });
    expect(actionButtons()).toEqual(['核验通过', '核验不通过']);
    await click('核验通过');
    await click('确认核验通过');
    expect(await state(id)).toBe('verified');
    expect(screen.getByText('当前处理：居民（待确认）')).toBeTruthy();
    const heads = [...document.querySelectorAll('.timeline__head')].map((h) => h.textContent);
    expect(heads).toEqual([
      '提交',
      '受理（待受理 → 已受理）',
      '吹哨（已受理 → 已吹哨）',
      '报到（已吹哨 → 已报到）',
      '到场（已报到 → 已到场）',
      '办结（已到场 → 已办结）',
      '核验通过（已办结 → 已核验）',
    ]);
  });

  it('a department returns the ticket and the street re-routes it from the returned list', async () => {
    const id = await submitReport();
    await as('grid', 'ticket', { id });
    await click('吹哨');
    await click('确认吹哨');

    await as('housing', 'ticket', { id });
    await click('退单');
    await click(choices('退单原因类别')[0]!.el);
    await type('具体原因', '飞线充电应由应急管理局牵头');
    await click('确认退单');
    expect(await state(id)).toBe('returned');

    await as('street', 'queue', { view: 'street-returned' });
    expect(screen.getByText(/^共 1 件/)).toBeTruthy();
    await click('办理');
    await click('重新派单');
    expect(screen.getByText('退单单位：县住建局；原因：飞线充电应由应急管理局牵头')).toBeTruthy();
    await click(choices('重新派往的单位').find((c) => c.text.startsWith('县应急管理局'))!.el);
    await type('派单理由', '按退单意见改派应急管理局');
    await click('确认重新派单');
    const t = (await app.store.getTicket(id))!;
    expect(t.state).toBe('whistled');
    expect(t.assignedUnits).toEqual(['yongning.yjgl']);
    expect(screen.getByText('暂无工单')).toBeTruthy();
  });

  it('an extension requested by the department and approved by the street moves the resolve deadline', async () => {
    const id = await submitReport();
    await as('grid', 'ticket', { id });
    await click('吹哨');
    await click('确认吹哨');
    await as('housing', 'ticket', { id });
    await click('报到');
    await click('确认报到');
    const before = (await app.store.getTicket(id))!.deadlines.find((d) => d.step === 'resolve' && !d.metAt)!.due;

    await click('申请延期');
    await pick('延期至（日期）', '2026-11-27');
    await type('延期原因', '需更换整条线路，材料周四到货');
    await click('确认申请延期');
    expect((await app.store.getTicket(id))!.pendingExtension?.until).toBe('2026-11-27T10:00:00.000Z');

    await as('street', 'queue', { view: 'street-extensions' });
    // The row itself says what is asked (the queue answer carries the pending extension).
    expect(screen.getByText(/^县住建局申请延期至 2026-11-27 18:00，理由：需更换整条线路/)).toBeTruthy();
    await click('办理');
    await click('批准延期');
    expect(screen.getAllByText(/^县住建局申请延期至 2026-11-27 18:00，理由：需更换整条线路/)).toHaveLength(2);
    await click('确认批准延期');
    const after = (await app.store.getTicket(id))!;
    expect(after.pendingExtension).toBeNull();
    const due = after.deadlines.find((d) => d.step === 'resolve' && !d.metAt)!.due;
    expect(due).not.toBe(before);
    expect(due).toBe('2026-11-27T10:00:00.000Z');
  });

  it('the police officer claims a parking dispute from the desk and records a mediation', async () => {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, category: 'parking', description: '楼上邻居长期把车停在我家车位，协商无果', idempotencyKey: newKey() });
    const id = res.data.ticket.id as string;

    await as('police', 'desk', {});
    expect(screen.getByText('车辆乱停乱放')).toBeTruthy();
    await click('办理');
    expect(actionButtons()).toContain('认领');
    await click('认领');
    await click('确认认领');
    expect((await app.store.getTicket(id))!.claimedBy).toBe('yongning.gaj');
    await click('办理');
    await click('调解');
    await type('当事人', '张三、李四');
    await click(choices('调解结果')[0]!.el);
    await type('协议内容', '车位按产权证使用，李四一周内挪车');
    await click('确认调解');
    const last = (await app.store.listEvents(id)).at(-1)!;
    expect(last.action).toBe('mediate');
    expect(last.payload).toMatchObject({ outcome: 'agreed', agreement: '车位按产权证使用，李四一周内挪车' });
    // Parties are stored masked; the timeline shows them as stored.
    expect(last.payload?.parties).not.toContain('张三');
    await click('办理');
    expect(screen.getByText('调解结果：达成协议')).toBeTruthy();
    expect(screen.getByText(`当事人：${(last.payload?.parties as string[]).join('、')}`)).toBeTruthy();
  });

  it('past the 报到 deadline the sweep marks it overdue, and the street supervises it from the overdue list', async () => {
    const id = await submitReport();
    await as('grid', 'ticket', { id });
    await click('吹哨');
    await click('确认吹哨');
    // fly-wire is urgent: 报到 within 30 minutes. Two hours later the sweep runs.
    app.clock.advance(2 * 60 * 60 * 1000);
    await app.call(sweep, null, 'run', {});
    expect((await app.store.getTicket(id))!.deadlines.find((d) => d.step === 'ack')?.overdueAt).toBeDefined();

    await as('street', 'queue', { view: 'street-overdue' });
    expect(document.querySelector('.ticket-row--overdue')).not.toBeNull();
    await click('办理');
    await click('督办');
    await type('督办意见', '请县住建局立即报到');
    await click('确认督办');
    const last = (await app.store.listEvents(id)).at(-1)!;
    expect(last).toMatchObject({ action: 'supervise', note: '请县住建局立即报到', actor: { role: 'street' } });
  });
});

