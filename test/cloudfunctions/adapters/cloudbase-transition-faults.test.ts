/**
 * Issue 17 §3: a CloudBase transition is one transaction (ticket read and version check, ticket
 * write, event insert, outbox inserts, commit), so no failure anywhere in it leaves a moved ticket
 * without its event or its hand-over messages. Before, the version-checked where().update() committed
 * on its own and the inserts followed outside any transaction: a crash after the update (request 2
 * of this test's numbering) left the ticket moved and its timeline without the step.
 *
 * The loopback server fails the nth request of the call (`failAt`): once (a lost or refused request,
 * after which the SDK rolls back), or from there on (`crash`: the function dies, nothing after it
 * reaches the database and the open transaction is never committed). Every position is tried.
 */
import { StoreConflictError } from '../../../shared/ports/store';
import { makeEvent, makeMessage, makeTicket, openHarness, T, type Harness } from './fixtures';

let h: Harness;

beforeEach(async () => {
  h = await openHarness();
});

afterEach(async () => {
  await h.loopback.close();
});

const OUTBOX = ['m1', 'm2'];

async function created() {
  const ticket = makeTicket('t1');
  await h.store.createTicket({ ticket, event: makeEvent(ticket, 1), idempotencyKey: 'k', outbox: [] });
  return ticket;
}

/** Requests one transition sends when nothing fails. */
async function requestsOfOneTransition(): Promise<number> {
  const ticket = await created();
  h.loopback.clearRequests();
  const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5) };
  await h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: OUTBOX.map((id) => makeMessage(id)) });
  return h.loopback.requests.length;
}

/** All of the transition or none of it. */
function expectAllOrNothing(): 'moved' | 'unchanged' {
  const ticket = h.loopback.docs('tickets').find((d) => d._id === 't1');
  const events = h.loopback.docs('events').filter((e) => e.ticketId === 't1').map((e) => e.seq);
  const messages = h.loopback.docs('outbox').map((m) => m._id);
  if (ticket?.version === 2) {
    expect(ticket.state).toBe('accepted');
    expect(events).toEqual([1, 2]);
    expect(messages).toEqual(OUTBOX);
    return 'moved';
  }
  expect(ticket).toMatchObject({ version: 1, state: 'submitted' });
  expect(events).toEqual([1]);
  expect(messages).toEqual([]);
  return 'unchanged';
}

describe('a CloudBase transition under an injected fault at every request', () => {
  it('sends 7 requests when nothing fails (start, get, update, event, 2 messages, commit)', async () => {
    expect(await requestsOfOneTransition()).toBe(7);
    expect(expectAllOrNothing()).toBe('moved');
  });

  for (const crash of [true, false]) {
    for (let n = 1; n <= 7; n++) {
      it(`${crash ? 'dies at' : 'loses'} request ${n}: the ticket moved with its event and messages, or not at all`, async () => {
        const ticket = await created();
        const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5) };
        const commit = () => h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: OUTBOX.map((id) => makeMessage(id)) });
        h.loopback.clearRequests();
        h.loopback.failAt(n, { crash });
        await expect(commit()).rejects.toThrow(/injected failure/);
        expect(h.loopback.requests.filter((r) => r.error).length).toBeGreaterThan(0);
        expect(expectAllOrNothing()).toBe('unchanged');

        // The platform is back (a dead function's transaction has reached its lifetime limit): the
        // caller's retry at the same version goes through once, and only once.
        h.loopback.clearFaults();
        h.loopback.expireOpenTransactions();
        await commit();
        expect(expectAllOrNothing()).toBe('moved');
        await expect(commit()).rejects.toBeInstanceOf(StoreConflictError);
        expect(expectAllOrNothing()).toBe('moved');
      });
    }
  }
});

describe('a CloudBase create under an injected fault at every request', () => {
  // start, idempotency key, ticket, event, 1 message, commit.
  for (let n = 1; n <= 6; n++) {
    it(`dies at request ${n}: the ticket exists with its key, event and message, or nothing does`, async () => {
      const ticket = makeTicket('t1');
      h.loopback.failAt(n, { crash: true });
      await expect(h.store.createTicket({ ticket, event: makeEvent(ticket, 1), idempotencyKey: 'k', outbox: [makeMessage('m1')] })).rejects.toThrow(/injected failure/);
      expect(h.loopback.docs('tickets')).toEqual([]);
      expect(h.loopback.docs('events')).toEqual([]);
      expect(h.loopback.docs('idempotency')).toEqual([]);
      expect(h.loopback.docs('outbox')).toEqual([]);
      h.loopback.clearFaults();
      h.loopback.expireOpenTransactions();
      expect(await h.store.createTicket({ ticket, event: makeEvent(ticket, 1), idempotencyKey: 'k', outbox: [makeMessage('m1')] })).toEqual({ ticket, created: true });
      expect(h.loopback.docs('events').map((e) => e._id)).toEqual(['t1-e1']);
      expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(['m1']);
    });
  }
});
