/**
 * Issue 17 §2: right after this container's own create or transition, listEvents answers the
 * timeline it just wrote once, without a round trip, if it is the very next call of the store
 * (ticket-store.ts OwnWrites); so does the timeline that came with the ticket document getTicket
 * just read (the same document: the same version). Every other read goes to the database. Requests
 * are counted on the loopback server.
 */
import { OWN_WRITE_MS } from '../../../cloudfunctions/_adapters/cloudbase/ticket-store';
import { makeEvent, makeTicket, openHarness, T, type Harness } from './fixtures';

let h: Harness;

beforeEach(async () => {
  h = await openHarness();
});

afterEach(async () => {
  jest.restoreAllMocks();
  await h.loopback.close();
});

async function createdAndListed() {
  const ticket = makeTicket('t1');
  await h.store.createTicket({ ticket, event: makeEvent(ticket, 1), idempotencyKey: 'k', outbox: [] });
  return ticket;
}

describe('listEvents after this container\'s own write', () => {
  it('answers the created ticket\'s one event, then the committed step, once each without a request', async () => {
    const ticket = await createdAndListed();
    h.loopback.clearRequests();
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1]);
    expect(h.loopback.requests).toHaveLength(0);

    const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5) };
    await h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: [] });
    h.loopback.clearRequests();
    const answered = await h.store.listEvents('t1');
    expect(answered.map((e) => e.seq)).toEqual([1, 2]);
    expect(h.loopback.requests).toHaveLength(0);
    answered[0]!.note = 'changed by a caller';

    // Once only: the next read is the database's, and equal.
    const again = await h.store.listEvents('t1');
    expect(again).toEqual((await h.store.listEvents('t1')));
    expect(again.map((e) => e.seq)).toEqual([1, 2]);
    expect(again[0]!.note).toBeUndefined();
    expect(h.loopback.actions()).toEqual(['database.getDocument', 'database.getDocument']);
  });

  it('answers the timeline read with the ticket document once, then reads', async () => {
    await createdAndListed();
    await h.store.listEvents('t1');
    h.loopback.clearRequests();
    // Another container's step 2 lands in the database; this container then reads the ticket.
    const doc = h.loopback.docs('tickets')[0] as { timeline: unknown[] };
    const other = makeEvent(makeTicket('t1', { version: 2, state: 'accepted' }), 2, { id: 'other-e2' });
    h.loopback.seed('tickets', [{ ...doc, version: 2, state: 'accepted', timeline: [...doc.timeline, other] }]);
    expect(await h.store.getTicket('t1')).toMatchObject({ version: 2 });
    expect((await h.store.listEvents('t1')).map((e) => e.id)).toEqual(['t1-e1', 'other-e2']);
    expect(h.loopback.actions()).toEqual(['database.getDocument']);
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1, 2]);
    expect(h.loopback.actions()).toEqual(['database.getDocument', 'database.getDocument']);
  });

  it('reads the timeline of a ticket document read longer than OWN_WRITE_MS ago', async () => {
    await createdAndListed();
    await h.store.listEvents('t1');
    await h.store.getTicket('t1');
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + OWN_WRITE_MS);
    h.loopback.clearRequests();
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1]);
    expect(h.loopback.actions()).toEqual(['database.getDocument']);
  });

  it('answers only the very next call: after any other call of the store the timeline is read', async () => {
    const ticket = await createdAndListed();
    await h.store.queryTickets({}, { limit: 10 }); // e.g. a queue
    h.loopback.clearRequests();
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1]);
    expect(h.loopback.actions()).toEqual(['database.getDocument']);

    const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5) };
    await h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: [] });
    await h.store.queryTickets({}, { limit: 10 });
    h.loopback.clearRequests();
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1, 2]);
    expect(h.loopback.actions()).toEqual(['database.getDocument']);
  });

  it('reads the database when the write is older than OWN_WRITE_MS', async () => {
    await createdAndListed();
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + OWN_WRITE_MS);
    h.loopback.clearRequests();
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1]);
    expect(h.loopback.actions()).toEqual(['database.getDocument']);
  });

  it('reads the database after a transition numbered from a list it did not read (another container\'s step between)', async () => {
    const ticket = await createdAndListed();
    await h.store.listEvents('t1'); // answered from the create: [1]
    // Another container's step 2 is in the database; this container commits step 3 from version 2.
    const other = { ...ticket, version: 2, state: 'accepted' as const };
    const doc = h.loopback.docs('tickets')[0] as { timeline: unknown[] };
    h.loopback.seed('tickets', [{ ...doc, version: 2, state: 'accepted', timeline: [...doc.timeline, makeEvent(other, 2, { id: 'other-e2' })] }]);
    const next = { ...other, version: 3, state: 'handling' as const };
    await h.store.commitTransition({ next, expectedVersion: 2, event: makeEvent(next, 3), outbox: [] });
    h.loopback.clearRequests();
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(h.loopback.actions()).toEqual(['database.getDocument']);
  });

  it('forgets a failed transition', async () => {
    const ticket = await createdAndListed();
    await h.store.listEvents('t1');
    const next = { ...ticket, version: 3, state: 'accepted' as const };
    await expect(h.store.commitTransition({ next, expectedVersion: 2, event: makeEvent(next, 2), outbox: [] })).rejects.toThrow();
    h.loopback.clearRequests();
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1]);
    expect(h.loopback.actions()).toEqual(['database.getDocument']);
  });
});
