/**
 * A submit's ticket number (usecases/submission.ts). On SQLite it is drawn inside the create's
 * transaction (Store.createNumberedTicket, issue 17 §2); on CloudBase, which has no such method,
 * before the create (nextSequence). Either way: numbers follow each other, a double tap stores one
 * ticket, and the hand-over message quotes the ticket's own number.
 */
import { report } from '../../../../cloudfunctions/_app/functions/report';
import type { Store } from '../../../../shared/ports/store';
import { makeApp, makeCloudbaseApp, newKey, REPORT, type TestApp } from '../../../support/app';

const stores: Array<[string, () => Promise<TestApp<Store>>, boolean]> = [
  ['SQLite (number drawn in the create’s transaction)', makeApp, true],
  ['CloudBase loopback (nextSequence, then the create)', makeCloudbaseApp, false],
];

describe.each(stores)('submit numbers on %s', (_name, make, numberedInCreate) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = await make();
  });
  afterEach(() => app.close());

  it('uses createNumberedTicket exactly where the store has it', () => {
    expect(typeof app.store.createNumberedTicket === 'function').toBe(numberedInCreate);
  });

  it('numbers consecutive reports 0001, 0002, 0003; a retry in between takes no number', async () => {
    const nos: string[] = [];
    const firstKey = newKey();
    for (const key of [firstKey, firstKey, newKey(), newKey()]) {
      const res = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key });
      expect(res.ok).toBe(true);
      if (res.data.created) nos.push(res.data.ticket.no);
    }
    expect(nos.map((no) => no.slice(-4))).toEqual(['0001', '0002', '0003']);
    expect(new Set(nos.map((no) => no.slice(0, -4))).size).toBe(1);
  });

  it('a double tap stores one ticket; both answers carry it, and its message quotes its number', async () => {
    const key = newKey();
    const [a, b] = await Promise.all([
      app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key }),
      app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key }),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(a.data.ticket.id).toBe(b.data.ticket.id);
    expect([a.data.created, b.data.created].sort()).toEqual([false, true]);
    const stored = await app.store.queryTickets({ reporterUserId: 'u-res-a' }, { limit: 10 });
    expect(stored.items.map((t) => t.no)).toEqual([a.data.ticket.no]);
    // The grid worker's hand-over names this ticket by its number (shared/notify/handover.ts).
    const messages = (await app.store.pendingOutbox(10)).filter((m) => m.ticketId === a.data.ticket.id);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.data.character_string2).toBe(a.data.ticket.no);
      expect(m.body.startsWith(`${a.data.ticket.no} `)).toBe(true);
    }
  });
});
