/**
 * The latest reply on the staff queue rows (issue 18 §4 "A reply shows on the card", and on the rows),
 * through the real `ticket` and `report` functions on both stores (SQLite; the real CloudBase SDK
 * against the loopback server): a unit's 办结 note and a resident's reopen reason show on the grid
 * tabs, 本单位待办 and the street's lists, named by role and unit only.
 *
 * The attack: the resident's own words about the property company (a 乱收费 complaint, reopened with
 * a reason) must not reach that company, through its queue, home or the ticket page, nor any surface
 * anyone reads without signing in (report.publicView, report.nearby, report.noticeboard, Open311 GET).
 * DESIGN.md §2: "a ticket in a category about the company's own conduct ... is never shown to that company".
 */
import { report } from '../../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import { handleOpen311 } from '../../../../cloudfunctions/_app/open311';
import type { Store } from '../../../../shared/ports/store';
import { QUEUE_TABS } from '../../../../shared/queue/tabs';
import { makeApp, makeCloudbaseApp, newKey, REPORT, type AnyPerson, type TestApp } from '../../../support/app';

/** The resident's reopen reason: words a property company must never read about itself. */
const RESIDENT_WORDS = '物业又把停车费涨回去了，收费员态度恶劣';
const FIX_NOTE = '已拆除飞线，恢复正常用电';

type Row = { id: string; lastReply: null | Record<string, unknown> };

describe.each([
  ['SQLite', makeApp],
  ['CloudBase (loopback)', makeCloudbaseApp],
] as const)('latest reply on the queue rows on %s', (_name, make) => {
  let app: TestApp<Store>;
  const ids: Record<'wire' | 'fee', string> = { wire: '', fee: '' };

  async function step(fn: typeof ticket, who: AnyPerson, action: string, id: string, data: Record<string, unknown> = {}) {
    const current = await app.store.getTicket(id);
    const res = await app.call(fn, who, action, { ticketId: id, version: current!.version, ...data });
    if (!res.ok) throw new Error(`${who} ${action}: ${res.error?.code} ${res.error?.message}`);
  }

  async function submit(category: string, description: string): Promise<string> {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, description, idempotencyKey: newKey() });
    if (!res.ok) throw new Error(`submit: ${res.error?.code}`);
    return res.data.ticket.id as string;
  }

  async function rows(who: AnyPerson, data: Record<string, unknown>): Promise<Row[]> {
    const res = await app.call(ticket, who, 'queue', { limit: 100, ...data });
    if (!res.ok) throw new Error(`${who} queue: ${res.error?.code}`);
    return res.data.items as Row[];
  }

  beforeAll(async () => {
    app = await make({ reportsPerHour: 1000 });
    ids.wire = await submit('fly-wire', '地下车库有人飞线给电动车充电');
    await step(ticket, 'grid', 'whistle', ids.wire, { units: ['yongning.zjj'], reason: '住建局牵头' });
    await step(ticket, 'housing', 'acknowledge', ids.wire, { officerName: '王强' });
    await step(ticket, 'housing', 'arrive', ids.wire, { location: REPORT.location });
    await step(ticket, 'housing', 'resolve', ids.wire, { note: `${FIX_NOTE}\n现场照片已上传`, photos: [await app.photo('housing')] });

    ids.fee = await submit('illegal-fee', '物业擅自把停车费从每月60元涨到120元，没有公示');
    await step(ticket, 'grid', 'accept', ids.fee);
    await step(ticket, 'grid', 'handle', ids.fee);
    await step(ticket, 'grid', 'settle', ids.fee, { note: '已约谈物业，停车费恢复原价', photos: [await app.photo('grid')], location: REPORT.location });
    await step(report, 'resident', 'reopen', ids.fee, { reason: RESIDENT_WORDS });
  });
  afterAll(() => app.close());

  it('the unit\'s 办结 note is on the grid worker\'s 待核验 row: first line, 办结说明, 县住建局, no person', async () => {
    const row = (await rows('grid', { view: 'grid', tab: 'verify' })).find((r) => r.id === ids.wire);
    expect(row?.lastReply).toMatchObject({ side: 'staff', label: '办结说明', role: 'department', unitId: 'yongning.zjj', unitName: '县住建局', text: FIX_NOTE });
    expect(JSON.stringify(row?.lastReply)).not.toMatch(/u-zjj|王强/);
  });

  it('the resident\'s reopen reason is on the rows of those who handle the ticket, as 居民 only', async () => {
    const tabs = await Promise.all(QUEUE_TABS.map((tab) => rows('grid', { view: 'grid', tab })));
    const fromTabs = tabs.flat().find((r) => r.id === ids.fee);
    const expected = { side: 'resident', label: '居民申请重办', role: 'resident', text: RESIDENT_WORDS };
    expect(fromTabs?.lastReply).toMatchObject(expected);
    expect(fromTabs?.lastReply).not.toHaveProperty('unitId');
    const fromGridView = (await rows('grid', { view: 'grid' })).find((r) => r.id === ids.fee);
    expect(fromGridView?.lastReply).toMatchObject(expected);
    const fromStreet = (await rows('street', { view: 'all' })).find((r) => r.id === ids.fee);
    expect(fromStreet?.lastReply).toMatchObject(expected);
    // The 12345 center reads whole tickets (ticket.hotlineTickets): the reply comes with them.
    const hotline = await app.call(ticket, 'hotline', 'hotlineTickets', { limit: 50 });
    expect((hotline.data.items as Row[]).find((r) => r.id === ids.fee)?.lastReply).toMatchObject(expected);
    // No resident id or openid anywhere in the row.
    expect(JSON.stringify(fromTabs)).not.toMatch(/u-res-a|openid-res-a/);
  });

  it('the attack: the company the complaint is about reads the words nowhere (queue views, home, the ticket)', async () => {
    const views = ['all', 'grid', 'new', 'due-soon', 'overdue', 'unit', 'street-overdue'];
    for (const view of views) {
      const res = await app.call(ticket, 'property', 'queue', { view, limit: 100 });
      expect({ view, leaked: JSON.stringify(res).includes(RESIDENT_WORDS) || JSON.stringify(res).includes(ids.fee) }).toEqual({ view, leaked: false });
    }
    // The company does see its estate's other tickets, with their reply: the row is where the ticket already is.
    const wire = (await rows('property', { view: 'all' })).find((r) => r.id === ids.wire);
    expect(wire?.lastReply).toMatchObject({ text: FIX_NOTE });
    const home = await app.call(ticket, 'property', 'home', {});
    expect(JSON.stringify(home)).not.toContain(RESIDENT_WORDS);
    const detail = await app.call(ticket, 'property', 'detail', { ticketId: ids.fee });
    expect(detail.ok).toBe(false);
    expect(JSON.stringify(detail)).not.toContain(RESIDENT_WORDS);
  });

  it('the attack: no surface read without signing in carries a reply', async () => {
    const answers = [
      await app.call(report, null, 'publicView', { ticketId: ids.fee }),
      await app.call(report, null, 'publicView', { ticketId: ids.wire }),
      await app.call(report, null, 'nearby', { estateId: REPORT.estateId, category: 'illegal-fee', location: REPORT.location }),
      await app.call(report, null, 'nearby', { estateId: REPORT.estateId, category: 'fly-wire', location: REPORT.location }),
      await app.call(report, null, 'noticeboard', { estateId: REPORT.estateId }),
    ];
    // The fly-wire ticket is public; its card is there, its reply is not.
    expect(answers[1]?.ok).toBe(true);
    for (const res of answers) {
      const text = JSON.stringify(res);
      expect(text).not.toContain(RESIDENT_WORDS);
      expect(text).not.toContain(FIX_NOTE);
      expect(text).not.toContain('lastReply');
    }
    const open311 = await handleOpen311(app.deps, { method: 'GET', path: 'requests.json', query: { jurisdiction_id: 'yongning' }, body: {} }, { apiKey: 'k' });
    expect(open311.status).toBe(200);
    // The public ticket is listed (with its status notes); neither reply is.
    expect(JSON.stringify(open311.body)).toContain('"service_code":"fly-wire"');
    expect(JSON.stringify(open311)).not.toContain(RESIDENT_WORDS);
    expect(JSON.stringify(open311)).not.toContain(FIX_NOTE);
  });
});
