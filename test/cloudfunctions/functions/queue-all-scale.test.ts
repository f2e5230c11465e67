/**
 * Issue 18 §2: 全部工单 (queue view 'all') read every state of the caller's scope, closed tickets
 * included, up to 20 reads of 1,000 documents, to sort it whole and answer one slice. It now pages
 * at the store: newest first (the store's createdAt desc, id desc and its cursor), one page a call,
 * and 共 N 件 is the store's count of the same filter, sent with the page.
 *
 * On SQLite and the CloudBase loopback (real @cloudbase/node-sdk), the grid worker's estate holds
 * the audit's estate (test/support/scale-tickets.ts): 201 open tickets under 300 newer closed ones,
 * and the rejected ticket they were cloned from: 502 in all.
 */
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { Ticket } from '../../../shared/domain/ticket';
import type { Store } from '../../../shared/ports/store';
import { makeApp, makeCloudbaseApp, type TestApp } from '../../support/app';
import { CLOSED, OPEN, seedAtScale, type Seeded } from '../../support/scale-tickets';

jest.setTimeout(240_000);

/** The seed's clones plus the one real submit they were cloned from (rejected by the grid worker). */
const ALL = OPEN + CLOSED + 1;

type Row = { id: string; createdAt: string };

async function page(app: TestApp<Store>, after: string | null, limit = 100) {
  const res = await app.call(ticket, 'grid', 'queue', { view: 'all', limit, ...(after ? { after } : {}) });
  if (!res.ok) throw new Error(`queue all: ${res.error?.code}`);
  return res.data as { items: Row[]; total: number; next: string | null; truncated: boolean };
}

describe.each([
  ['SQLite', () => makeApp() as Promise<TestApp<Store>>],
  ['CloudBase (loopback)', () => makeCloudbaseApp()],
])('全部工单 pages at the store on %s', (_name, make) => {
  let app: TestApp<Store>;
  let seeded: Seeded;
  /** Every ticket of the estate, newest first, from each ticket's own createdAt (read one by one, not through a list). */
  let newestFirst: string[];

  beforeAll(async () => {
    app = await make();
    seeded = await seedAtScale(app);
    const closed = Array.from({ length: CLOSED }, (_, i) => `scale-${OPEN + i}`);
    const [template] = (await app.store.queryTickets({ states: ['rejected'] }, { limit: 10 })).items as [Ticket];
    const tickets = await Promise.all([...seeded.open, ...closed, template.id].map(async (id) => (await app.store.getTicket(id)) as Ticket));
    newestFirst = tickets
      .sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : -1))
      .map((t) => t.id);
  });
  afterAll(() => app.close());

  it('the first page is the 100 newest (the newest closed ones), 共 N 件 is every ticket of the estate', async () => {
    const first = await page(app, null);
    expect(first.total).toBe(ALL);
    expect(first.truncated).toBe(false);
    // The seed made the closed tickets newer than every open one, scale-500 the newest.
    expect(first.items.map((r) => r.id)).toEqual(Array.from({ length: 100 }, (_, i) => `scale-${OPEN + CLOSED - 1 - i}`));
    expect(first.items.map((r) => r.id)).toEqual(newestFirst.slice(0, 100));
    expect(first.next).not.toBeNull();
  });

  it('following next reads every ticket exactly once, in order, and stops; the total stays the count', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const p = await page(app, after);
      expect(p.total).toBe(ALL);
      ids.push(...p.items.map((r) => r.id));
      after = p.next;
      pages += 1;
    } while (after && pages < 20);
    expect(pages).toBe(Math.ceil(ALL / 100));
    expect(new Set(ids).size).toBe(ALL);
    expect(ids).toEqual(newestFirst);
  });

  it('pages of 7 cut the same order', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      const p = await page(app, after, 7);
      ids.push(...p.items.map((r) => r.id));
      after = p.next;
    }
    expect(ids).toEqual(newestFirst.slice(0, 21));
  });

  it('refuses a cursor it did not hand out (the old offset cursor too): 400 INPUT.INVALID_CURSOR, no list', async () => {
    for (const after of ['o:100', 'scale-0']) {
      const res = await app.call(ticket, 'grid', 'queue', { view: 'all', limit: 100, after });
      expect(res).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID_CURSOR' } });
    }
  });

  it("another estate's grid worker does not see these tickets, nor count them", async () => {
    const res = await app.call(ticket, 'otherGrid', 'queue', { view: 'all', limit: 100 });
    expect(res.ok).toBe(true);
    expect(res.data.items.some((r: Row) => newestFirst.includes(r.id))).toBe(false);
    expect(res.data.total).toBe(res.data.items.length);
  });
});

describe.each([
  ['SQLite', () => makeApp() as Promise<TestApp<Store>>],
  ['CloudBase (loopback)', () => makeCloudbaseApp()],
])("a property company's 全部工单 on %s: never its conduct complaints, not even in 共 N 件 (DESIGN.md §2)", (_name, make) => {
  let app: TestApp<Store>;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    app = await make();
    await seedAtScale(app);
    // Three complaints about property conduct in the company's estate, newer than everything: about
    // it (恒安, the estate's company), naming no company, and about the previous company.
    const model = (await app.store.getTicket('scale-0')) as Ticket;
    const [event] = await app.store.listEvents(model.id);
    const about: Array<[string, Ticket['category'], string | null]> = [['own', 'illegal-fee', 'pc-hengan'], ['none', 'fee-coercion', null], ['previous', 'service-exit', 'pc-previous']];
    for (const [i, [key, category, propertyCompanyId]] of about.entries()) {
      const createdAt = new Date(Date.parse(app.clock.now()) + (i + 1) * 1000).toISOString();
      const t: Ticket = { ...model, id: `conduct-${key}`, no: `YN-CONDUCT-${i}`, category, propertyCompanyId, createdAt, updatedAt: createdAt };
      await app.store.createTicket({ ticket: t, event: { ...event!, id: `${t.id}-e1`, ticketId: t.id, at: createdAt }, idempotencyKey: `conduct-key-${i}`, outbox: [] });
      made[key] = t.id;
    }
  });
  afterAll(() => app.close());

  it('lists and counts every ticket of its estate except the complaints about itself or no company; the previous company’s is shown', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const res = await app.call(ticket, 'property', 'queue', { view: 'all', limit: 100, ...(after ? { after } : {}) });
      expect(res.ok).toBe(true);
      ids.push(...res.data.items.map((r: Row) => r.id));
      total = res.data.total;
      after = res.data.next;
    } while (after);
    expect(ids).not.toContain(made.own);
    expect(ids).not.toContain(made.none);
    expect(ids[0]).toBe(made.previous);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(ALL + 1);
    // The count says exactly what the list holds: nothing to infer the hidden complaints from.
    expect(total).toBe(ids.length);
    // The ticket page refuses the same two (the rule the list follows).
    for (const hidden of [made.own, made.none]) {
      const detail = await app.call(ticket, 'property', 'detail', { ticketId: hidden });
      expect(detail).toMatchObject({ ok: false, error: { code: 'AUTH.PROPERTY_CONFLICT' } });
    }
    // The estate's grid worker sees and counts all of them.
    const grid = await app.call(ticket, 'grid', 'queue', { view: 'all', limit: 10 });
    expect(grid.data.total).toBe(ALL + 3);
  });
});

describe('全部工单 on CloudBase: requests per call (issue 17 budgets)', () => {
  let app: TestApp<Store>;

  beforeAll(async () => {
    app = await makeCloudbaseApp();
    await seedAtScale(app);
  });
  afterAll(() => app.close());

  it('each page is one page request and one count, not a read of every ticket of the scope', async () => {
    let after: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      app.loopback!.clearRequests();
      const p = await page(app, after);
      expect(p.items).toHaveLength(100);
      expect(app.loopback!.actions().sort()).toEqual(['database.calculateDocument', 'database.getDocument']);
      // The page request asks one page (and one more to know whether there is a next), not 1,000.
      const [get] = app.loopback!.requestsFor('database.getDocument');
      expect(JSON.stringify(get!.body)).toMatch(/"limit":101\b/);
      after = p.next;
    }
  });
});
