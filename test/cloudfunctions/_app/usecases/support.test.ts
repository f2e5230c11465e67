/** The scope fetch shared by the bulletin and the stats screen (usecases/support.ts). */
import { perJurisdiction, ticketsMatching } from '../../../../cloudfunctions/_app/usecases/support';
import type { TicketFilter } from '../../../../shared/ports/store';
import { makeEvent, makeTicket, minutesAfter } from '../../../support/fixtures';
import { makeApp, type TestApp } from '../../../support/app';

describe('perJurisdiction', () => {
  it('splits a multi-jurisdiction filter into one filter per jurisdiction, keeping the other fields', () => {
    expect(perJurisdiction([{ jurisdictions: ['yinchuan', 'yongning'], streetIds: ['s-1'] }, { unitIds: ['u-1'] }])).toEqual([
      { jurisdiction: 'yinchuan', streetIds: ['s-1'] },
      { jurisdiction: 'yongning', streetIds: ['s-1'] },
      { unitIds: ['u-1'] },
    ]);
  });

  it('keeps the meaning: an empty list matches nothing, both fields must hold, a repeated value is read once', () => {
    expect(perJurisdiction([{ jurisdictions: [] }])).toEqual([]);
    expect(perJurisdiction([{ jurisdiction: 'qitai', jurisdictions: ['yinchuan', 'qitai'] }])).toEqual([{ jurisdiction: 'qitai' }]);
    expect(perJurisdiction([{ jurisdiction: 'qitai', jurisdictions: ['yinchuan'] }])).toEqual([]);
    expect(perJurisdiction([{ jurisdictions: ['yinchuan', 'yinchuan'] }])).toEqual([{ jurisdiction: 'yinchuan' }]);
  });
});

describe('ticketsMatching', () => {
  let app: TestApp;
  let queried: TicketFilter[];

  beforeEach(async () => {
    app = await makeApp();
    queried = [];
    const query = app.store.queryTickets.bind(app.store);
    app.deps.store = new Proxy(app.store, {
      get(target, prop, receiver) {
        if (prop === 'queryTickets') return (filter: TicketFilter, page: { limit: number; after?: string | null }) => (queried.push(filter), query(filter, page));
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  });

  afterEach(() => app.close());

  it('reads every ticket of the scope and window once, over several pages, one jurisdiction per query', async () => {
    // 2,115 tickets of two jurisdictions in the window (pages of 1,000), plus some before it and some in a third jurisdiction.
    const expected: string[] = [];
    for (let i = 0; i < 2400; i++) {
      const jurisdiction = i % 10 === 9 ? 'qitai' : i % 2 ? 'yinchuan' : 'yongning';
      const createdAt = minutesAfter(i < 50 ? -10 - i : i);
      const ticket = makeTicket({ jurisdiction, createdAt });
      await app.store.createTicket({ ticket, event: makeEvent(ticket), idempotencyKey: `k-${ticket.id}`, outbox: [] });
      if (jurisdiction !== 'qitai' && i >= 50) expected.push(ticket.id);
    }
    const filters: TicketFilter[] = [{ jurisdictions: ['yinchuan', 'yongning'] }, { jurisdiction: 'yinchuan' }];
    const found = await ticketsMatching(app.deps, filters, { from: minutesAfter(0), to: minutesAfter(100_000) });
    expect(found.map((t) => t.id).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(2000);
    // yongning: 1,175 tickets, two pages; yinchuan: 940, one page for each of the two filters naming it.
    expect(queried.filter((f) => f.jurisdiction === 'yongning').length).toBe(2);
    expect(queried.filter((f) => f.jurisdiction === 'yinchuan').length).toBe(2);
    for (const f of queried) {
      expect(f.jurisdictions).toBeUndefined();
      expect(f.jurisdiction).toMatch(/^(yinchuan|yongning)$/);
      expect(f).toMatchObject({ createdFrom: minutesAfter(0), createdTo: minutesAfter(100_000) });
    }
  });

  it('without a window reads all time; an empty scope reads nothing', async () => {
    const old = makeTicket({ jurisdiction: 'yongning', createdAt: minutesAfter(-100_000) });
    await app.store.createTicket({ ticket: old, event: makeEvent(old), idempotencyKey: 'k-old', outbox: [] });
    expect((await ticketsMatching(app.deps, [{ jurisdictions: ['yongning'] }])).map((t) => t.id)).toEqual([old.id]);
    expect(await ticketsMatching(app.deps, [{ jurisdictions: [] }])).toEqual([]);
    expect(queried.filter((f) => f.jurisdictions !== undefined)).toEqual([]);
  });
});
