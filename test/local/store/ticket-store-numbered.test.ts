/**
 * SqliteStore.createNumberedTicket (local/store/ticket-store.ts): issue 17 §2's "draw the ticket
 * number inside the create's transaction". The number and the ticket are one unit of work: neither
 * is stored without the other, a retry (double tap) draws no number, and the key stays the reporter's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type SqliteStore } from '../../../local/store/sqlite-store';
import type { Ticket } from '../../../shared/domain/ticket';
import { makeEvent, makeOutbox, makeTicket } from '../../support/fixtures';

let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'numbered-create-'));
  store = openSqliteStore(join(dir, 'store.db'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const COUNTER = 'ticket-no:yongning:20261123';
const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counterValue = () => (store.db.prepare('SELECT value FROM sequences WHERE name = ?').get(COUNTER) as { value: number } | undefined)?.value ?? 0;

/** A submit's input: `build` numbers the ticket and records each value it was given. */
function submit(key: string, reporterUserId = 'u-resident', overrides: Partial<Ticket> = {}) {
  const base = makeTicket({ reporter: { userId: reporterUserId, anonymous: false }, ...overrides });
  const drawn: number[] = [];
  return {
    drawn,
    input: {
      counter: COUNTER,
      reporterUserId,
      idempotencyKey: key,
      build: (seq: number) => {
        drawn.push(seq);
        const ticket = { ...base, no: `YN-20261123-${String(seq).padStart(4, '0')}` };
        return { ticket, event: makeEvent(ticket), outbox: [makeOutbox({ ticketId: ticket.id })] };
      },
    },
  };
}

describe('SqliteStore.createNumberedTicket: the ticket number drawn in the create’s transaction', () => {
  it('numbers consecutive submits 1, 2, 3 and stores each with its event and message, one commit each', async () => {
    const nos: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { input } = submit(`k${i}`);
      const result = await store.createNumberedTicket(input);
      expect(result.created).toBe(true);
      nos.push(result.ticket.no);
    }
    expect(nos).toEqual(['YN-20261123-0001', 'YN-20261123-0002', 'YN-20261123-0003']);
    expect([count('tickets'), count('events'), count('outbox'), count('idempotency')]).toEqual([3, 3, 3, 3]);
    expect(store.createBatches).toEqual({ batches: 3, calls: 3, largest: 1 });
    // Committed: another connection reads the tickets and the counter.
    const other = new Database(store.file, { readonly: true });
    expect((other.prepare('SELECT no FROM tickets ORDER BY no').all() as Array<{ no: string }>).map((r) => r.no)).toEqual(nos);
    expect((other.prepare('SELECT value FROM sequences WHERE name = ?').get(COUNTER) as { value: number }).value).toBe(3);
    other.close();
  });

  it('a retry with the same key answers the stored ticket and draws no number', async () => {
    const first = submit('same');
    const stored = await store.createNumberedTicket(first.input);
    const retry = submit('same');
    const again = await store.createNumberedTicket(retry.input);
    expect(again).toEqual({ ticket: stored.ticket, created: false });
    expect(retry.drawn).toEqual([]);
    expect(counterValue()).toBe(1);
    // The next new submit gets the next number: none was lost to the retry.
    expect((await store.createNumberedTicket(submit('next').input)).ticket.no).toBe('YN-20261123-0002');
  });

  it('a double tap (two submits with one key in the same turn) stores one ticket and draws one number', async () => {
    const [a, b] = [submit('double-tap'), submit('double-tap')];
    const [ra, rb] = await Promise.all([store.createNumberedTicket(a.input), store.createNumberedTicket(b.input)]);
    expect(ra.created).toBe(true);
    expect(rb).toEqual({ ticket: ra.ticket, created: false });
    expect([...a.drawn, ...b.drawn]).toEqual([1]);
    expect([count('tickets'), counterValue()]).toEqual([1, 1]);
  });

  it('a build that throws leaves neither the number nor the ticket, and the burst around it commits', async () => {
    const good = [submit('g1'), submit('g2')];
    const bad = submit('bad');
    const failing = {
      ...bad.input,
      build: (seq: number) => {
        bad.input.build(seq);
        throw new Error('build failed after the number was drawn');
      },
    };
    const results = await Promise.allSettled([store.createNumberedTicket(good[0]!.input), store.createNumberedTicket(failing), store.createNumberedTicket(good[1]!.input)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The failed one drew 2 inside its savepoint, rolled back with it: g2 drew 2 again.
    expect(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.ticket.no] : []))).toEqual(['YN-20261123-0001', 'YN-20261123-0002']);
    expect(bad.drawn).toEqual([2]);
    expect([count('tickets'), count('idempotency'), counterValue()]).toEqual([2, 2, 2]);
  });

  it('a lone submit whose build throws draws nothing either', async () => {
    const failing = {
      ...submit('lone').input,
      build: () => {
        throw new Error('no ticket');
      },
    };
    await expect(store.createNumberedTicket(failing)).rejects.toThrow('no ticket');
    expect([count('tickets'), counterValue()]).toEqual([0, 0]);
  });

  it('refuses to store a ticket of another reporter under the caller’s key (nothing written)', async () => {
    const { input } = submit('k', 'u-someone-else');
    await expect(store.createNumberedTicket({ ...input, reporterUserId: 'u-resident' })).rejects.toThrow('上报人');
    expect([count('tickets'), count('idempotency'), counterValue()]).toEqual([0, 0, 0]);
  });
});
