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
import { report } from '../../../cloudfunctions/_app/functions/report';
import { SCOPE_READ } from '../../../cloudfunctions/_app/usecases/staff';
import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import type { Store } from '../../../shared/ports/store';
import { makeApp, makeCloudbaseApp, newKey, NOW, PEOPLE, REPORT, type TestApp } from '../../support/app';

jest.setTimeout(240_000);

const HOUR = 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Date.parse(NOW) + offsetMs).toISOString();

const OPEN = 201;
const OVERDUE = 2;
const CLOSED = 300;
const UNREAD_OPEN = 150;
const UNREAD_CLOSED = 20;

interface Seeded {
  open: string[];
  overdue: string[];
}

/** One real submit as the template; clones of it stored directly (the store's own createTicket), each with its hand-over message or none. */
async function seed(app: TestApp<Store>): Promise<Seeded> {
  const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
  if (!res.ok) throw new Error(`submit: ${res.error?.code}`);
  const template = (await app.store.getTicket(res.data.ticket.id as string)) as Ticket;
  const [event] = (await app.store.listEvents(template.id)) as [TicketEvent];
  const [message] = (await app.store.listInbox(PEOPLE.grid.id, { unreadOnly: true, limit: 10 })) as [OutboxMessage];
  // The template itself is read: the counts below are the clones only.
  await app.store.markRead(PEOPLE.grid.id, [message.id], NOW);
  const rejected = await app.call(ticket, 'grid', 'reject', { ticketId: template.id, version: template.version, reason: '重复上报，已合并处理' });
  if (!rejected.ok) throw new Error(`reject: ${rejected.error?.code}`);

  const put = async (i: number, createdMs: number, state: Ticket['state'], withMessage: boolean) => {
    const id = `scale-${i}`;
    const createdAt = at(createdMs);
    const t: Ticket = {
      ...template,
      id,
      no: `YN-SCALE-${String(i).padStart(4, '0')}`,
      state,
      createdAt,
      updatedAt: createdAt,
      version: 1,
      holder: state === 'closed' ? { kind: 'none', ids: [] } : template.holder,
      // Triage within 2 hours of the report; a closed ticket's was met.
      deadlines: [{ step: 'triage', due: at(createdMs + 2 * HOUR), ...(state === 'closed' ? { metAt: at(createdMs + HOUR) } : {}) }],
    };
    const outbox = withMessage ? [{ ...message, id: `msg-${i}`, ticketId: id, createdAt, readAt: null, sentAt: null }] : [];
    await app.store.createTicket({ ticket: t, event: { ...event, id: `${id}-e1`, ticketId: id, at: createdAt }, idempotencyKey: `scale-key-${i}`, outbox });
  };
  const seeded: Seeded = { open: [], overdue: [] };
  // Open: the two oldest two days past their triage deadline, the rest reported within the last 35 minutes (triage due within 2 hours).
  for (let i = 0; i < OPEN; i += 1) {
    const createdMs = i < OVERDUE ? -(50 * HOUR) - i * 60_000 : -(OPEN - i) * 10_000;
    await put(i, createdMs, 'submitted', i >= OPEN - UNREAD_OPEN);
    seeded.open.push(`scale-${i}`);
    if (i < OVERDUE) seeded.overdue.push(`scale-${i}`);
  }
  // Closed, all newer than every open ticket: the 200 newest of everything are closed ones.
  for (let i = OPEN; i < OPEN + CLOSED; i += 1) await put(i, (i - OPEN + 1) * 1000, 'closed', i < OPEN + UNREAD_CLOSED);
  // Past the newest closed ticket (300 s after NOW).
  app.clock.advance(10 * 60_000);
  return seeded;
}

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
    seeded = await seed(app);
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
    expect(home.data.unreadCapped).toBe(false);
    // The list stays one screen; the counter counts them all.
    expect(home.data.unread).toHaveLength(100);
    expect(home.data.unread.every((m: OutboxMessage) => seeded.open.includes(m.ticketId as string))).toBe(true);
    const left = await app.store.listInbox(PEOPLE.grid.id, { unreadOnly: true, limit: 1000 });
    expect(left).toHaveLength(UNREAD_OPEN);
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
    await seed(app);
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
