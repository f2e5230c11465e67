/** Group commit of concurrent creates on the SQLite store (local/store/group-commit.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from '../../../local/store/group-commit';
import { openSqliteStore, type SqliteStore } from '../../../local/store/sqlite-store';
import { makeEvent, makeOutbox, makeTicket } from '../../support/fixtures';

let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  store = openSqliteStore(join(dir, 'store.db'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function create(key: string, overrides: Parameters<typeof makeTicket>[0] = {}) {
  const ticket = makeTicket(overrides);
  return { ticket, input: { ticket, event: makeEvent(ticket), idempotencyKey: key, outbox: [makeOutbox({ ticketId: ticket.id })] } };
}

describe('SqliteStore.createTicket: creates of one event-loop turn share a commit', () => {
  it('stores a burst in two transactions (the first create at once, the rest together) and answers each caller', async () => {
    const burst = Array.from({ length: 40 }, (_, i) => create(`k${i}`));
    const results = await Promise.all(burst.map((b) => store.createTicket(b.input)));
    expect(results.map((r) => [r.ticket.id, r.created])).toEqual(burst.map((b) => [b.ticket.id, true]));
    expect(store.createBatches).toEqual({ batches: 2, calls: 40, largest: 39 });
    expect(count('tickets')).toBe(40);
    expect(count('events')).toBe(40);
    expect(count('outbox')).toBe(40);
    // Committed: another connection reads them.
    const other = new Database(store.file, { readonly: true });
    expect((other.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(40);
    other.close();
  });

  it('answers sequential creates one transaction each', async () => {
    for (let i = 0; i < 3; i += 1) await store.createTicket(create(`s${i}`).input);
    expect(store.createBatches).toEqual({ batches: 3, calls: 3, largest: 1 });
  });

  it('a lone create is committed and answered before the loop reaches its check phase', async () => {
    const turns: string[] = [];
    setImmediate(() => turns.push('check phase'));
    const { ticket, input } = create('lone');
    const result = await store.createTicket(input);
    turns.push('answered');
    expect(result).toEqual({ ticket: expect.objectContaining({ id: ticket.id }), created: true });
    expect(turns).toEqual(['answered']);
    // Committed, not merely written: another connection reads it.
    const other = new Database(store.file, { readonly: true });
    expect((other.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(1);
    other.close();
  });

  it('a retry in the same batch finds the first create of its key', async () => {
    const a = create('same');
    const b = create('same');
    const [ra, rb] = await Promise.all([store.createTicket(a.input), store.createTicket(b.input)]);
    expect(ra).toEqual({ ticket: expect.objectContaining({ id: a.ticket.id }), created: true });
    expect(rb).toEqual({ ticket: expect.objectContaining({ id: a.ticket.id }), created: false });
    expect(count('tickets')).toBe(1);
    expect(count('outbox')).toBe(1);
  });

  it('a failing create rejects alone: its rows roll back, the others commit', async () => {
    // good1 is the turn's first create (its own commit); the other three share the batch.
    const good1 = create('g1');
    const bad = create('bad');
    const good2 = create('g2');
    // The event names another ticket: refused before any write. A reused event id fails after the
    // ticket row and its links are in: only the savepoint's rollback takes those out again.
    const wrongEvent = { ...bad.input, event: makeEvent(good1.ticket) };
    const dup = create('dup');
    const dupEvent = { ...dup.input, event: makeEvent(dup.ticket, { id: good1.input.event.id }) };
    const settled = await Promise.allSettled([
      store.createTicket(good1.input),
      store.createTicket(wrongEvent),
      store.createTicket(dupEvent),
      store.createTicket(good2.input),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toContain('不属于工单');
    expect(String((settled[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed: events\.id/);
    expect(store.createBatches).toEqual({ batches: 2, calls: 4, largest: 3 });
    expect((store.db.prepare('SELECT id FROM tickets ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(
      [good1.ticket.id, good2.ticket.id].sort(),
    );
    expect(count('events')).toBe(2);
    expect(count('outbox')).toBe(2);
    expect(count('idempotency')).toBe(2);
    expect(count('ticket_units')).toBe(2 * 3);
  });

  it('when the write lock cannot be had, the whole batch is rejected and nothing is written', async () => {
    store.db.pragma('busy_timeout = 50');
    const holder = new Database(store.file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const settled = await Promise.allSettled([store.createTicket(create('l1').input), store.createTicket(create('l2').input)]);
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
      expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/database is locked/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(count('tickets')).toBe(0);
    expect(store.createBatches).toEqual({ batches: 0, calls: 0, largest: 0 });
    // The store goes on working once the lock is free.
    expect((await store.createTicket(create('l3').input)).created).toBe(true);
  });
});

describe('GroupCommit on its own', () => {
  it('runs the first call of a turn at once and the rest of the turn in one transaction', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v INTEGER UNIQUE)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const group = new GroupCommit(db, (v: number) => insert.run(v).lastInsertRowid);
    const first = await Promise.all([group.run(1), group.run(2), group.run(3), group.run(4)]);
    const second = await Promise.all([group.run(5), group.run(6)]);
    expect([...first, ...second].map(Number)).toEqual([1, 2, 3, 4, 5, 6]);
    // Turn one: 1 alone, then 2–4 together; turn two: 5 alone, then 6 alone in its batch.
    expect(group.stats).toEqual({ batches: 4, calls: 6, largest: 3 });
    db.close();
  });

  it('a lone call that throws rejects without opening a batch that answers anyone else', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v INTEGER UNIQUE)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const group = new GroupCommit(db, (v: number) => insert.run(v).lastInsertRowid);
    await group.run(1);
    await new Promise((resolve) => setImmediate(resolve)); // a new turn: the next call is its first
    const failed = await group.run(1).then(
      () => null,
      (err: unknown) => String(err),
    );
    expect(failed).toMatch(/UNIQUE constraint failed/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(Number(await group.run(2))).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM t').pluck().get()).toBe(2);
    expect(group.stats).toEqual({ batches: 2, calls: 2, largest: 1 });
    db.close();
  });
});

describe('SqliteStore.createTicketsTogether (the benchmark\'s grouped raw insert)', () => {
  it('stores the rows in one transaction, synchronously, outside the group-commit stats', () => {
    const rows = Array.from({ length: 5 }, (_, i) => create(`t${i}`));
    const results = store.createTicketsTogether(rows.map((r) => r.input));
    expect(results.map((r) => [r.ticket.id, r.created])).toEqual(rows.map((r) => [r.ticket.id, true]));
    expect(count('tickets')).toBe(5);
    expect(store.createBatches).toEqual({ batches: 0, calls: 0, largest: 0 });
  });

  it('is all or nothing: one failing row rolls back the others', () => {
    const good = create('t-good');
    const bad = create('t-bad');
    expect(() => store.createTicketsTogether([good.input, { ...bad.input, event: makeEvent(good.ticket) }])).toThrow('不属于工单');
    expect(count('tickets')).toBe(0);
    expect(count('outbox')).toBe(0);
  });
});

describe('SqliteStore.nextSequence: draws of one turn share a commit', () => {
  it('gives every concurrent caller its own number, in call order', async () => {
    const drawn = await Promise.all(Array.from({ length: 30 }, () => store.nextSequence('YN-20261130')));
    expect(drawn).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await store.nextSequence('YN-20261130')).toBe(31);
    expect(await store.nextSequence('WZ-20261130')).toBe(1);
  });
});

describe('SqliteStore opened without group commit', () => {
  it('commits each create on its own and still stores a burst', async () => {
    const alone = openSqliteStore(join(dir, 'alone.db'), { groupCommit: false });
    try {
      const burst = Array.from({ length: 10 }, (_, i) => create(`a${i}`));
      const results = await Promise.all(burst.map((b) => alone.createTicket(b.input)));
      expect(results.every((r) => r.created)).toBe(true);
      expect(alone.createBatches).toEqual({ batches: 0, calls: 0, largest: 0 });
      expect((alone.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n).toBe(10);
      expect(await Promise.all([alone.nextSequence('s'), alone.nextSequence('s')])).toEqual([1, 2]);
    } finally {
      alone.close();
    }
  });
});
