/**
 * Issue 18 §2: every counter on a staff home is the count of the list it opens, for every role, on a
 * store with tickets in many states (new, taken, whistled to two units with one reported in,
 * returned, resolved, closed, with a pending extension, overdue and 即将超时). 本单位待办 holds only
 * tickets where the unit must act; hand-over messages are read once their ticket is opened or closed.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { sweep } from '../../../cloudfunctions/_app/functions/timers';
import { makeApp, newKey, PEOPLE, REPORT, type Person, type TestApp } from '../../support/app';

const MINUTE = 60 * 1000;
const ZJJ = 'yongning.zjj';
const YJGL = 'yongning.yjgl';

let app: TestApp;

async function submit(category: string, who: Person = 'resident'): Promise<string> {
  const res = await app.call(report, who, 'submit', { ...REPORT, category, description: `${category} 测试工单，请尽快处理`, idempotencyKey: newKey() });
  if (!res.ok) throw new Error(`submit: ${res.error?.code}`);
  return res.data.ticket.id as string;
}

async function step(who: Person, action: string, id: string, data: Record<string, unknown> = {}) {
  const current = await app.store.getTicket(id);
  const fn = ['confirm', 'rate', 'reopen', 'appeal'].includes(action) ? report : ticket;
  const res = await app.call(fn, who, action, { ticketId: id, version: current!.version, ...data });
  if (!res.ok) throw new Error(`${who} ${action}: ${res.error?.code} ${res.error?.message}`);
}

const ids: Record<string, string> = {};

/** Tickets in many states; some overdue (the sweep marked them), some due within 2 hours. */
async function seedStates() {
  // Old enough to be overdue by the end.
  ids.staleNew = await submit('garbage'); // triage 2 h: overdue after 3 h
  ids.whistledBoth = await submit('fly-wire'); // urgent
  await step('grid', 'whistle', ids.whistledBoth, { units: [ZJJ, YJGL], reason: '需住建局和应急局处置' });
  await step('housing', 'acknowledge', ids.whistledBoth, { officerName: '王强' }); // 应急管理局 still owes its 报到
  ids.returned = await submit('noise');
  await step('grid', 'whistle', ids.returned, { units: [ZJJ], reason: '先请住建局核实' });
  await step('housing', 'return', ids.returned, { reasonCode: 'not-our-duty', reason: '噪声污染应由生态环境部门处理' });
  ids.extension = await submit('garbage');
  await step('grid', 'whistle', ids.extension, { units: [ZJJ], reason: '住建局牵头' });
  await step('housing', 'acknowledge', ids.extension, { officerName: '王强' });
  await step('housing', 'requestExtension', ids.extension, { until: '2026-12-20T10:00:00+08:00', reason: '需协调转运车辆' });
  ids.closed = await submit('fly-wire');
  await step('grid', 'whistle', ids.closed, { units: [ZJJ], reason: '住建局牵头' });
  await step('housing', 'acknowledge', ids.closed, { officerName: '王强' });
  await step('housing', 'arrive', ids.closed, { location: REPORT.location });
  await step('housing', 'resolve', ids.closed, { note: '已拆除飞线', photos: [await app.photo('housing')] });
  await step('resident', 'confirm', ids.closed);

  app.clock.advance(3 * 60 * MINUTE);
  await app.call(sweep, null, 'run', {});

  // Recent: due soon, or not due at all.
  ids.freshNew = await submit('parking'); // triage due in 2 h: 即将超时
  ids.handling = await submit('clutter');
  await step('grid', 'accept', ids.handling);
  await step('grid', 'handle', ids.handling);
  ids.whistledNormal = await submit('garbage'); // 报到 in 2 h: 即将超时 for 住建局
  await step('grid', 'whistle', ids.whistledNormal, { units: [ZJJ], reason: '住建局牵头' });
  ids.resolved = await submit('fly-wire');
  await step('grid', 'whistle', ids.resolved, { units: [ZJJ], reason: '住建局牵头' });
  await step('housing', 'acknowledge', ids.resolved, { officerName: '王强' });
  await step('housing', 'arrive', ids.resolved, { location: REPORT.location });
  await step('housing', 'resolve', ids.resolved, { note: '已整改', photos: [await app.photo('housing')] });
  ids.dispute = await submit('public-order'); // routed to the police unit, not whistled
  app.clock.advance(30 * MINUTE);
}

const ROLES: Person[] = ['grid', 'otherGrid', 'street', 'otherStreet', 'housing', 'emergency', 'market', 'police', 'leadership', 'property'];

describe('counter = list, for every role', () => {
  beforeAll(async () => {
    app = await makeApp();
    await seedStates();
  });
  afterAll(() => app.close());

  it.each(ROLES)('%s: each home counter is the length of the queue list it opens', async (who) => {
    const home = await app.call(ticket, who, 'home', {});
    expect(home.error).toBeUndefined();
    const { counts, views } = home.data as { counts: Record<string, number>; views: Record<string, string> };
    // Street and leadership staff supervise every overdue ticket: 已超时 opens 超时工单督办.
    const supervises = who === 'street' || who === 'otherStreet' || who === 'leadership';
    expect(views).toEqual({ new: 'new', dueSoon: 'due-soon', overdue: supervises ? 'street-overdue' : 'overdue' });
    for (const key of ['new', 'dueSoon', 'overdue'] as const) {
      const list = await app.call(ticket, who, 'queue', { view: views[key], limit: 100 });
      expect(list.error).toBeUndefined();
      expect({ who, key, count: counts[key] }).toEqual({ who, key, count: list.data.total });
      expect(list.data.items).toHaveLength(list.data.total);
    }
  });

  it('the store holds every kind of counter, so the equality is not trivially 0 = 0', async () => {
    const count = async (who: Person) => (await app.call(ticket, who, 'home', {})).data.counts as Record<string, number>;
    // New: staleNew, freshNew, dispute; due soon: freshNew (triage in 90 min), dispute (urgent triage, due now).
    expect(await count('grid')).toMatchObject({ new: 3, dueSoon: 2 });
    expect((await count('grid')).overdue).toBeGreaterThanOrEqual(1);
    expect(await count('emergency')).toMatchObject({ new: 1, overdue: 1 });
    expect((await count('housing')).dueSoon).toBeGreaterThanOrEqual(1);
    expect((await count('street')).overdue).toBeGreaterThanOrEqual(1);
  });

  it('本单位待办 holds only tickets where the unit must act', async () => {
    const list = async (who: Person) => ((await app.call(ticket, who, 'queue', { view: 'unit', limit: 100 })).data.items as Array<{ id: string }>).map((i) => i.id).sort();
    // 应急管理局: only the ticket it was whistled to and still owes its 报到 on — not 住建局's tickets routed to it too.
    expect(await list('emergency')).toEqual([ids.whistledBoth]);
    expect((await list('housing')).sort()).toEqual([ids.whistledBoth, ids.extension, ids.whistledNormal].sort());
    expect(await list('market')).toEqual([]);
  });

  it('a property company\'s 新工单 are the new tickets of its estates, never those about itself', async () => {
    const list = (await app.call(ticket, 'property', 'queue', { view: 'new', limit: 100 })).data.items as Array<{ id: string }>;
    expect(list.map((i) => i.id).sort()).toEqual([ids.staleNew, ids.freshNew, ids.dispute].sort());
  });
});

describe('hand-over messages are read once the ticket is opened or closed', () => {
  beforeEach(async () => {
    app = await makeApp();
  });
  afterEach(() => app.close());

  it('opening the ticket marks the opener\'s hand-overs about it read', async () => {
    const id = await submit('garbage');
    expect((await app.store.listInbox(PEOPLE.grid.id, { unreadOnly: true, limit: 20 })).map((m) => m.ticketId)).toEqual([id]);
    expect((await app.call(ticket, 'grid', 'detail', { ticketId: id })).ok).toBe(true);
    expect(await app.store.listInbox(PEOPLE.grid.id, { unreadOnly: true, limit: 20 })).toEqual([]);
  });

  it('a 新工单待受理 whose ticket was taken, and any hand-over of a closed ticket, is read and not listed on the home', async () => {
    const taken = await submit('garbage');
    const waiting = await submit('parking');
    await step('street', 'accept', taken); // taken by the street: the grid worker's 新工单待受理 is done
    const home = await app.call(ticket, 'grid', 'home', {});
    expect((home.data.unread as Array<{ ticketId: string }>).map((m) => m.ticketId)).toEqual([waiting]);
    expect(home.data.counts.unread).toBe(1);
    expect((await app.store.listInbox(PEOPLE.grid.id, { unreadOnly: true, limit: 20 })).map((m) => m.ticketId)).toEqual([waiting]);
  });
});
