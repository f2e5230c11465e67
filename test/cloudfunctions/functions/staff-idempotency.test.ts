/**
 * Weak signal (issue 18 §4): "Each action carries an idempotency key, so a retry after a lost answer
 * returns the first result instead of a 409." A staff action sent again with its key (same stale
 * version: the phone never heard the answer) is answered with the first result and writes nothing;
 * without a key the retry is the 409 it always was. Runs on both store adapters: SQLite and the real
 * CloudBase SDK against the loopback server (the platform's HTTP edge is the only fake).
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import type { Store } from '../../../shared/ports/store';
import { makeApp, makeCloudbaseApp, newKey, REPORT, type Person, type TestApp } from '../../support/app';

const ADAPTERS: Array<[string, () => Promise<TestApp<Store>>]> = [
  ['SQLite', () => makeApp()],
  ['CloudBase', () => makeCloudbaseApp()],
];

describe.each(ADAPTERS)('on the %s store', (_adapter, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = await make();
  });
  afterEach(() => app.close());

  async function submitted(category = 'dog'): Promise<string> {
    const res = await app.call(report, 'resident', 'submit', { ...REPORT, category, idempotencyKey: newKey() });
    expect(res.ok).toBe(true);
    return res.data.ticket.id as string;
  }

  async function step(who: Person, action: string, id: string, data: Record<string, unknown> = {}) {
    const current = await app.store.getTicket(id);
    const res = await app.call(ticket, who, action, { ticketId: id, version: current!.version, ...data });
    if (!res.ok) throw new Error(`${who} ${action}: ${res.error?.code}`);
  }

  const actions = async (id: string) => (await app.store.listEvents(id)).map((e) => e.action);

  it('a settle retried with its key after the answer was lost gets the first result; one settle event, the ticket unchanged', async () => {
    const id = await submitted();
    await step('grid', 'accept', id);
    const version = (await app.store.getTicket(id))!.version;
    const body = { ticketId: id, version, idempotencyKey: newKey(), note: '已劝导犬主拴绳', photos: [await app.photo('grid')], location: REPORT.location };

    const first = await app.call(ticket, 'grid', 'settle', body);
    expect(first.ok).toBe(true);
    const afterFirst = await app.store.getTicket(id);
    // The phone never heard the answer: it sends the same action, same key, same (now stale) version.
    const retry = await app.call(ticket, 'grid', 'settle', body);
    expect(retry.error).toBeUndefined();
    expect(retry.data.ticket.state).toBe(first.data.ticket.state);
    expect(retry.data.ticket.version).toBe(first.data.ticket.version);
    expect(retry.data.events.map((e: { id: string }) => e.id)).toEqual(first.data.events.map((e: { id: string }) => e.id));
    expect(await actions(id)).toEqual(['submit', 'accept', 'settle']);
    expect(await app.store.getTicket(id)).toEqual(afterFirst);
  });

  it('without a key the same retry is still a version conflict (409), and writes nothing', async () => {
    const id = await submitted();
    await step('grid', 'accept', id);
    const version = (await app.store.getTicket(id))!.version;
    const body = { ticketId: id, version, note: '已劝导犬主拴绳', photos: [await app.photo('grid')], location: REPORT.location };
    expect((await app.call(ticket, 'grid', 'settle', body)).ok).toBe(true);
    expect((await app.call(ticket, 'grid', 'settle', body)).error?.code).toBe('TICKET.VERSION_CONFLICT');
    expect(await actions(id)).toEqual(['submit', 'accept', 'settle']);
  });

  it('a department 报到 retried with its key answers the first result; two racing copies make one event', async () => {
    const id = await submitted('fly-wire');
    await step('grid', 'whistle', id, { units: ['yongning.zjj'], reason: '住建局牵头' });
    const version = (await app.store.getTicket(id))!.version;
    const body = { ticketId: id, version, idempotencyKey: newKey(), officerName: '王强' };
    const [a, b] = await Promise.all([app.call(ticket, 'housing', 'acknowledge', body), app.call(ticket, 'housing', 'acknowledge', body)]);
    expect([a.error, b.error]).toEqual([undefined, undefined]);
    expect(a.data.ticket.version).toBe(b.data.ticket.version);
    expect((await actions(id)).filter((x) => x === 'acknowledge')).toHaveLength(1);
  });

  it('the same key on another action is not a retry: 409 IDEMPOTENCY.MISMATCH, nothing written', async () => {
    const id = await submitted();
    const key = newKey();
    const accepted = await app.call(ticket, 'grid', 'accept', { ticketId: id, version: (await app.store.getTicket(id))!.version, idempotencyKey: key });
    expect(accepted.ok).toBe(true);
    const before = await app.store.getTicket(id);
    const reused = await app.call(ticket, 'grid', 'reject', { ticketId: id, version: 1, idempotencyKey: key, reason: '重复上报' });
    expect(reused.error?.code).toBe('IDEMPOTENCY.MISMATCH');
    expect(await actions(id)).toEqual(['submit', 'accept']);
    expect(await app.store.getTicket(id)).toEqual(before);
  });

  it("another officer replaying a grid worker's key (read off the timeline) gets no result of theirs: the key is the caller's own", async () => {
    const id = await submitted();
    const key = newKey();
    const version = (await app.store.getTicket(id))!.version;
    expect((await app.call(ticket, 'grid', 'accept', { ticketId: id, version, idempotencyKey: key })).ok).toBe(true);
    // The street officer may see the ticket and its timeline, but a replay of the key is their own stale command.
    const replay = await app.call(ticket, 'street', 'accept', { ticketId: id, version, idempotencyKey: key });
    expect(replay.ok).toBe(false);
    expect(replay.error?.code).not.toBe('IDEMPOTENCY.MISMATCH');
    expect(await actions(id)).toEqual(['submit', 'accept']);
  });

  it('refuses a malformed key with 400 INPUT.INVALID and no change', async () => {
    const id = await submitted();
    const res = await app.call(ticket, 'grid', 'accept', { ticketId: id, version: 1, idempotencyKey: 'bad key!' });
    expect(res.error?.code).toBe('INPUT.INVALID');
    expect(await actions(id)).toEqual(['submit']);
  });
});
