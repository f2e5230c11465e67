/**
 * Issue 18 §2 at scale, on SQLite and the CloudBase loopback (real @cloudbase/node-sdk): the home
 * counters and the lists they open stopped at the 200 newest tickets of everything and at 100
 * unread hand-overs. An audit saw 201 open tickets, the oldest two days past its triage deadline:
 * 已超时 showed 0, 'open' 200, the overdue list was empty, and 150+ unread showed 100.
 *
 * Here the grid worker's estate holds 201 open tickets (the two oldest two days past their triage
 * deadline) under 300 closed tickets that are all newer, and 150 unread hand-overs about open
 * tickets plus 20 about closed ones. Every counter must equal the list it opens, and the truth.
 */
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { SCOPE_READ } from '../../../cloudfunctions/_app/usecases/staff';
import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { Store } from '../../../shared/ports/store';
import { makeApp, makeCloudbaseApp, PEOPLE, type TestApp } from '../../support/app';
import { OPEN, OVERDUE, seedAtScale, UNREAD_OPEN, type Seeded } from '../../support/scale-tickets';

jest.setTimeout(240_000);

/** Every row of a queue view, following `next` page by page as the queue page's 加载更多 does. */
async function wholeList(app: TestApp<Store>, view: string): Promise<{ ids: string[]; total: number; pages: number; truncated: boolean }> {
  const ids: string[] = [];
  let after: string | null = null;
  let total = -1;
  let pages = 0;
  let truncated = false;
  do {
    const res = await app.call(ticket, 'grid', 'queue', { view, limit: 100, after });
    if (!res.ok) throw new Error(`queue ${view}: ${res.error?.code}`);
    ids.push(...res.data.items.map((r: { id: string }) => r.id));
    total = res.data.total;
    truncated = truncated || res.data.truncated;
    after = res.data.next;
    pages += 1;
  } while (after);
  return { ids, total, pages, truncated };
}

describe.each([
  ['SQLite', () => makeApp() as Promise<TestApp<Store>>],
  ['CloudBase (loopback)', () => makeCloudbaseApp()],
])('home counters at scale on %s', (_name, make) => {
  let app: TestApp<Store>;
  let seeded: Seeded;
  const defaults = { ...SCOPE_READ };

  beforeAll(async () => {
    app = await make();
    seeded = await seedAtScale(app);
  });
  afterAll(() => app.close());
  afterEach(() => Object.assign(SCOPE_READ, defaults));

  it('counts every open ticket, the two old overdue ones included, under 300 newer closed ones; each counter equals its whole list', async () => {
    const home = await app.call(ticket, 'grid', 'home');
    expect(home.ok).toBe(true);
    expect(home.data.counts).toMatchObject({ open: OPEN, new: OPEN, overdue: OVERDUE, dueSoon: OPEN - OVERDUE });
    expect(home.data.truncated).toBe(false);

    const overdue = await wholeList(app, home.data.views.overdue);
    expect(overdue).toMatchObject({ total: OVERDUE, pages: 1, truncated: false });
    expect(overdue.ids.sort()).toEqual([...seeded.overdue].sort());

    const fresh = await wholeList(app, home.data.views.new);
    expect(fresh.total).toBe(OPEN);
    expect(fresh.pages).toBe(3);
    // Every page is a new part of the list: no row twice, none missing.
    expect(new Set(fresh.ids).size).toBe(OPEN);
    expect(fresh.ids.sort()).toEqual([...seeded.open].sort());
    // Sorted by deadline: the overdue ones lead the first page.
    const first = await app.call(ticket, 'grid', 'queue', { view: 'new', limit: 100 });
    expect(first.data.items.slice(0, OVERDUE).map((r: { id: string }) => r.id).sort()).toEqual([...seeded.overdue].sort());

    const dueSoon = await wholeList(app, home.data.views.dueSoon);
    expect(dueSoon.total).toBe(home.data.counts.dueSoon);
    expect(dueSoon.ids).toHaveLength(home.data.counts.dueSoon);
  });

  it("the street's 已超时 opens 超时工单督办: both old overdue tickets, counter = list", async () => {
    const home = await app.call(ticket, 'street', 'home');
    expect(home.data.views.overdue).toBe('street-overdue');
    expect(home.data.counts.overdue).toBe(OVERDUE);
    const res = await app.call(ticket, 'street', 'queue', { view: 'street-overdue', limit: 100 });
    expect(res.data.total).toBe(OVERDUE);
    expect(res.data.items.map((r: { id: string }) => r.id).sort()).toEqual([...seeded.overdue].sort());
  });

  it('未读交办 is the true number of unread hand-overs (150), those about closed tickets read and left out', async () => {
    const home = await app.call(ticket, 'grid', 'home');
    expect(home.data.counts.unread).toBe(UNREAD_OPEN);
    // The list stays one screen; the counter counts them all.
    expect(home.data.unread).toHaveLength(100);
    expect(home.data.unread.every((m: OutboxMessage) => seeded.open.includes(m.ticketId as string))).toBe(true);
    const left = await app.store.listInbox(PEOPLE.grid.id, { unreadOnly: true, limit: 1000 });
    expect(left).toHaveLength(UNREAD_OPEN);
  });

  it('opening the ticket of the oldest unread hand-over (past the newest 100) reads it: 未读交办 149', async () => {
    const oldest = `scale-${OPEN - UNREAD_OPEN}`;
    const detail = await app.call(ticket, 'grid', 'detail', { ticketId: oldest });
    expect(detail.ok).toBe(true);
    const home = await app.call(ticket, 'grid', 'home');
    expect(home.data.counts.unread).toBe(UNREAD_OPEN - 1);
    expect((await app.store.listInbox(PEOPLE.grid.id, { unreadOnly: true, limit: 1000 })).some((m) => m.ticketId === oldest)).toBe(false);
  });

  it('reads a scope page after page when it holds more than one page (pages of 50 here), the same counts', async () => {
    SCOPE_READ.pageSize = 50;
    const home = await app.call(ticket, 'grid', 'home');
    expect(home.data.counts).toMatchObject({ open: OPEN, new: OPEN, overdue: OVERDUE });
    expect(home.data.truncated).toBe(false);
    const fresh = await wholeList(app, 'new');
    expect(new Set(fresh.ids).size).toBe(OPEN);
  });

  it('says truncated when the safety cap stops the read, rather than answering a short count as the truth', async () => {
    SCOPE_READ.pageSize = 50;
    SCOPE_READ.maxPages = 2;
    const home = await app.call(ticket, 'grid', 'home');
    expect(home.data.truncated).toBe(true);
    expect(home.data.counts.open).toBe(100);
    const list = await wholeList(app, 'new');
    expect(list.truncated).toBe(true);
  });

  it('未读交办 past the 1,000 read at once is the store’s count: 1,049 unread (149 and 900 more about one new open ticket)', async () => {
    const [message] = await app.store.listInbox(PEOPLE.grid.id, { unreadOnly: true, limit: 1 });
    const model = (await app.store.getTicket(message!.ticketId as string))!;
    const [event] = await app.store.listEvents(model.id);
    const extra = { ...model, id: 'scale-extra', no: 'YN-SCALE-EXTRA', version: 1 };
    const more = Array.from({ length: 900 }, (_, i) => ({ ...message!, id: `msg-extra-${i}`, ticketId: extra.id }));
    await app.store.createTicket({ ticket: extra, event: { ...event!, id: 'scale-extra-e1', ticketId: extra.id }, idempotencyKey: 'scale-extra-key', outbox: more });
    const home = await app.call(ticket, 'grid', 'home');
    expect(home.data.counts.unread).toBe(UNREAD_OPEN - 1 + 900);
    expect(home.data.unread).toHaveLength(100);
    expect(home.data.counts.open).toBe(OPEN + 1);
  });

  it('refuses a cursor it did not make: 400 INPUT.INVALID_CURSOR', async () => {
    const res = await app.call(ticket, 'grid', 'queue', { view: 'new', limit: 100, after: 'scale-0' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID_CURSOR' } });
  });
});

describe('home at scale on CloudBase: round trips (issue 17 budgets)', () => {
  let app: TestApp<Store>;
  const defaults = { ...SCOPE_READ };

  beforeAll(async () => {
    app = await makeCloudbaseApp();
    await seedAtScale(app);
    // The first home settles the hand-overs about closed tickets (one read of each such ticket); the counted call comes after.
    await app.call(ticket, 'grid', 'home');
  });
  afterAll(() => app.close());
  afterEach(() => Object.assign(SCOPE_READ, defaults));

  it('201 open tickets under 300 closed ones: one scope request and the inbox', async () => {
    app.loopback!.clearRequests();
    const home = await app.call(ticket, 'grid', 'home');
    expect(home.data.counts.open).toBe(OPEN);
    expect(app.loopback!.actions()).toEqual(['database.getDocument', 'database.getDocument']);
  });

  it('further pages only when the scope holds more than a page: 201 open tickets in pages of 50 are 5 scope requests', async () => {
    SCOPE_READ.pageSize = 50;
    app.loopback!.clearRequests();
    const home = await app.call(ticket, 'grid', 'home');
    expect(home.data.counts.open).toBe(OPEN);
    expect(app.loopback!.actions()).toHaveLength(5 + 1);
  });
});
