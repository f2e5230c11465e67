/**
 * Issue 17 §2–3: a CloudBase transition is one version-checked update of the ticket document, which
 * holds the ticket, its timeline and the step's hand-over messages (outboxPending): MongoDB applies a
 * single-document update whole or not at all, so no failure leaves a moved ticket without its event
 * or its messages. The messages are then copied to the outbox collection; a copy that a failure
 * left out is made by the notify timer's next run (outbox-store.ts repairOutboxCopies), once.
 * Before (a version-checked where().update() followed by inserts outside any transaction) a crash
 * after the update left the ticket moved and its timeline without the step.
 *
 * The loopback server fails the nth request of the call (`failAt`): once (a lost or refused request),
 * or from there on (`crash`: the function dies, nothing after it reaches the database). Every
 * position is tried.
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

/** The stored ticket document. */
const ticketDoc = () => h.loopback.docs('tickets').find((d) => d._id === 't1') as { version: number; state: string; timeline: Array<{ seq: number }>; outboxPending?: Array<{ _id: string }> } | undefined;

/** The ticket moved with its event and its messages (copied, or waiting in the document), or none of it. */
function expectAllOrNothing(): 'moved' | 'unchanged' {
  const ticket = ticketDoc();
  const events = (ticket?.timeline ?? []).map((e) => e.seq);
  const copied = h.loopback.docs('outbox').map((m) => m._id);
  const waiting = (ticket?.outboxPending ?? []).map((m) => m._id);
  if (ticket?.version === 2) {
    expect(ticket.state).toBe('accepted');
    expect(events).toEqual([1, 2]);
    expect(waiting).toEqual(OUTBOX);
    expect(copied.length === 0 || copied.join() === OUTBOX.join()).toBe(true);
    return 'moved';
  }
  expect(ticket).toMatchObject({ version: 1, state: 'submitted' });
  expect(events).toEqual([1]);
  expect(waiting).toEqual([]);
  expect(copied).toEqual([]);
  return 'unchanged';
}

/** The notify timer's read of the outbox, which first copies what transitions left behind. */
async function timerRun(): Promise<string[]> {
  return (await h.store.pendingOutbox(100)).map((m) => m.id);
}

describe('a CloudBase transition under an injected fault at every request', () => {
  it('sends 2 requests when nothing fails (the update of the ticket document, the copy of its 2 messages)', async () => {
    expect(await requestsOfOneTransition()).toBe(2);
    expect(expectAllOrNothing()).toBe('moved');
    expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(OUTBOX);
  });

  for (const crash of [true, false]) {
    it(`${crash ? 'dies at' : 'loses'} request 1 (the update): nothing changed, and the retry goes through once`, async () => {
      const ticket = await created();
      const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5) };
      const commit = () => h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: OUTBOX.map((id) => makeMessage(id)) });
      h.loopback.clearRequests();
      h.loopback.failAt(1, { crash });
      await expect(commit()).rejects.toThrow(/injected failure/);
      h.loopback.clearFaults();
      expect(expectAllOrNothing()).toBe('unchanged');
      expect(await timerRun()).toEqual([]);

      await commit();
      expect(expectAllOrNothing()).toBe('moved');
      await expect(commit()).rejects.toBeInstanceOf(StoreConflictError);
      expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(OUTBOX);
    });

    it(`${crash ? 'dies at' : 'loses'} request 2 (the copy): the step stands with its event, and its messages are copied once (${crash ? 'by the timer' : 'by the second try'})`, async () => {
      const ticket = await created();
      const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5) };
      h.loopback.clearRequests();
      h.loopback.failAt(2, { crash });
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      // The step has committed: the caller is told so (a retry would only meet the version check).
      await h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: OUTBOX.map((id) => makeMessage(id)) });
      warn.mockRestore();
      expect(expectAllOrNothing()).toBe('moved');
      // A lost request is tried once more (request 3); a dead function leaves them to the timer.
      expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(crash ? [] : OUTBOX);

      h.loopback.clearFaults();
      expect(await timerRun()).toEqual(OUTBOX);
      expect(ticketDoc()).not.toHaveProperty('outboxPending');
      // A second run finds nothing left to copy and delivers nothing twice.
      expect(await timerRun()).toEqual(OUTBOX);
      expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(OUTBOX);
    });
  }

  it('a timer run that dies between its copy and its clearing copies nothing twice on the next run', async () => {
    const ticket = await created();
    const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5) };
    h.loopback.failAt(2, { crash: true });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: OUTBOX.map((id) => makeMessage(id)) });
    warn.mockRestore();
    h.loopback.clearFaults();
    h.loopback.clearRequests();
    // The timer: read tickets (1), look up the copies (2), copy (3), clear (4): it dies at the clear.
    h.loopback.failAt(4, { crash: true });
    await expect(timerRun()).rejects.toThrow(/injected failure/);
    expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(OUTBOX);
    expect(ticketDoc()?.outboxPending?.map((m) => m._id)).toEqual(OUTBOX);
    h.loopback.clearFaults();
    expect(await timerRun()).toEqual(OUTBOX);
    expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(OUTBOX);
    expect(ticketDoc()).not.toHaveProperty('outboxPending');
  });
});

describe('a CloudBase create under an injected fault at every request', () => {
  // The insert of the ticket (with its key, timeline and message), then the copy of the message.
  for (const crash of [true, false]) {
    it(`${crash ? 'dies at' : 'loses'} the insert: nothing exists, and the retry creates it once`, async () => {
      const ticket = makeTicket('t1');
      const create = () => h.store.createTicket({ ticket, event: makeEvent(ticket, 1), idempotencyKey: 'k', outbox: [makeMessage('m1')] });
      h.loopback.failAt(1, { crash });
      await expect(create()).rejects.toThrow(/injected failure/);
      h.loopback.clearFaults();
      expect(h.loopback.docs('tickets')).toEqual([]);
      expect(h.loopback.docs('outbox')).toEqual([]);
      expect(await create()).toEqual({ ticket, created: true });
      expect(await create()).toEqual({ ticket, created: false });
      expect(ticketDoc()?.timeline.map((e) => e.seq)).toEqual([1]);
      expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(['m1']);
    });

    it(`${crash ? 'dies at' : 'loses'} the copy: the ticket exists with its event and message, and the message is copied once (${crash ? 'by the timer' : 'by the second try'})`, async () => {
      const ticket = makeTicket('t1');
      h.loopback.failAt(2, { crash });
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(await h.store.createTicket({ ticket, event: makeEvent(ticket, 1), idempotencyKey: 'k', outbox: [makeMessage('m1')] })).toEqual({ ticket, created: true });
      warn.mockRestore();
      h.loopback.clearFaults();
      expect(ticketDoc()?.timeline.map((e) => e.seq)).toEqual([1]);
      expect(ticketDoc()?.outboxPending?.map((m) => m._id)).toEqual(['m1']);
      expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(crash ? [] : ['m1']);
      expect(await timerRun()).toEqual(['m1']);
      expect(await timerRun()).toEqual(['m1']);
      expect(h.loopback.docs('outbox').map((m) => m._id)).toEqual(['m1']);
    });
  }
});
