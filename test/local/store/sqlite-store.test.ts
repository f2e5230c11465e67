/** Facts of the SQLite adapter beyond the Store contract: connection settings, append-only events, index use, schema. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../../local/store/schema';
import { openSqliteStore, type SqliteStore } from '../../../local/store/sqlite-store';
import { SWEEP_SQL, buildTicketQuery, decodeCursor, encodeCursor } from '../../../local/store/ticket-query';
import type { TicketFilter } from '../../../shared/ports/store';
import { LEAD_UNIT, makeEvent, makeTicket, minutesAfter, nextVersion } from '../../support/fixtures';

let dir: string;
let store: SqliteStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
  store = openSqliteStore(join(dir, 'nested', 'store.db'));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Tickets spread over estates, grids, streets, reporters and units, as a real queue would be. */
async function seed(n: number) {
  const tickets = [];
  for (let i = 0; i < n; i++) {
    const ticket = makeTicket({
      jurisdiction: ['yongning', 'yinchuan', 'wuzhong', 'qitai'][i % 4] as string,
      estateId: `e-${i % 40}`,
      gridId: `g-${i % 40}`,
      streetId: `s-${i % 8}`,
      reporter: { userId: `u-${i % 25}`, anonymous: false },
      sweepAt: i % 2 === 0 ? minutesAfter(i) : null,
      assignedUnits: [`unit-${i % 7}`],
      sharedGroups: i % 9 === 0 ? [`g-${i}`] : [],
    });
    await store.createTicket({ ticket, event: makeEvent(ticket), idempotencyKey: `k${i}`, outbox: [] });
    tickets.push(ticket);
  }
  return tickets;
}

function plan(sql: string, params: unknown[]): string {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

describe('connection settings', () => {
  it('runs in WAL mode with synchronous=NORMAL, a busy timeout and foreign keys', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('creates the folder of the file and records the schema version', () => {
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('reopens an existing file without migrating again, keeping the data', async () => {
    const [t] = await seed(1);
    store.close();
    store = openSqliteStore(join(dir, 'nested', 'store.db'));
    expect(await store.getTicket(t!.id)).toEqual(t);
  });

  it('refuses a file written by a newer schema', () => {
    const file = join(dir, 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openSqliteStore(file)).toThrow(/高于程序支持/);
  });
});

describe('append-only events', () => {
  it('rejects UPDATE and DELETE on events at the database level', async () => {
    const [t] = await seed(1);
    expect(() => store.db.prepare('UPDATE events SET at = ? WHERE ticket_id = ?').run('2000-01-01T00:00:00.000Z', t!.id)).toThrow(
      /append-only/,
    );
    expect(() => store.db.prepare('DELETE FROM events WHERE ticket_id = ?').run(t!.id)).toThrow(/append-only/);
    expect(await store.listEvents(t!.id)).toHaveLength(1);
  });

  it('rejects a second event with the same seq, rolling back the whole transition', async () => {
    const [t] = await seed(1);
    const next = nextVersion(t!, { state: 'accepted' });
    const clash = makeEvent(next, { seq: 1 });
    // Matched by code, not toThrow: better-sqlite3's addon keeps the SqliteError class of the first
    // jest module registry in the worker, which is not an Error of later test files' realms.
    await expect(store.commitTransition({ next, expectedVersion: 1, event: clash, outbox: [] })).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    expect(await store.getTicket(t!.id)).toEqual(t);
  });

  it('rejects a transition that does not move the version, or an event of another ticket', async () => {
    const [t, u] = await seed(2);
    const same = { ...t!, state: 'accepted' as const };
    await expect(store.commitTransition({ next: same, expectedVersion: 1, event: makeEvent(same, { seq: 2 }), outbox: [] })).rejects.toThrow(
      /必须大于/,
    );
    const next = nextVersion(t!);
    await expect(store.commitTransition({ next, expectedVersion: 1, event: makeEvent(nextVersion(u!)), outbox: [] })).rejects.toThrow(/不属于/);
    expect(await store.getTicket(t!.id)).toEqual(t);
  });
});

describe.each([
  ['without statistics', false],
  ['after ANALYZE', true],
])('index use (EXPLAIN QUERY PLAN on the adapter’s own SQL), %s', (_stats, analyze) => {
  let cursor: string;
  beforeEach(async () => {
    const tickets = await seed(400);
    if (analyze) store.db.exec('ANALYZE');
    // A second page's cursor, inside the seeded range.
    const middle = tickets[200]!;
    cursor = encodeCursor({ createdAt: middle.createdAt, id: middle.id });
  });

  it('findDueForSweep searches the partial sweep index, not the whole table', () => {
    const p = plan(SWEEP_SQL, [minutesAfter(100), 50]);
    expect(p).toMatch(/SEARCH tickets USING INDEX tickets_sweep_due/);
    expect(p).not.toMatch(/SCAN tickets/);
  });

  it.each<[string, TicketFilter, RegExp]>([
    ['unit queue', { unitIds: [LEAD_UNIT, 'unit-3'] }, /ticket_units_unit_created/],
    ['estate queue', { estateIds: ['e-1', 'e-2'] }, /tickets_estate_created/],
    ['grid queue', { gridIds: ['g-3'] }, /tickets_grid_created/],
    ['street queue', { streetIds: ['s-4'] }, /tickets_street_created/],
    ['reporter', { reporterUserId: 'u-7' }, /tickets_reporter_created/],
    ['metrics window', { jurisdiction: 'qitai', createdFrom: minutesAfter(0), createdTo: minutesAfter(60) }, /tickets_(jurisdiction_)?created/],
    ['owner-group desk', { groupIds: ['g-9'] }, /ticket_groups_group_created/],
  ])('the %s uses its index (first and later pages)', (_label, filter, index) => {
    for (const after of [null, cursor]) {
      const q = buildTicketQuery(filter, { limit: 20, after });
      expect(q).not.toBeNull();
      const p = plan(q!.sql, q!.params);
      expect(p).toMatch(index);
      expect(p).not.toMatch(/SCAN (t|tickets)\b/);
    }
  });

  it('a broad queue (half of all tickets) still reads through an index, never the bare table', () => {
    const q = buildTicketQuery({ jurisdictions: ['yongning', 'yinchuan'], states: ['submitted'] }, { limit: 20, after: cursor });
    const p = plan(q!.sql, q!.params);
    expect(p).toMatch(/USING (COVERING )?INDEX tickets_/);
    expect(p).not.toMatch(/SCAN (t|tickets)$/m);
  });
});

describe('cursor', () => {
  it('round-trips and rejects garbage', () => {
    const c = { createdAt: '2026-11-23T02:00:00.000Z', id: 'a|b' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(() => decodeCursor('not-a-cursor')).toThrow('无效的分页游标');
    expect(() => decodeCursor(Buffer.from('["x"]').toString('base64url'))).toThrow('无效的分页游标');
  });

  it('queryTickets rejects a forged cursor', async () => {
    await expect(store.queryTickets({}, { limit: 5, after: '!!!' })).rejects.toThrow('无效的分页游标');
  });
});

describe('columns kept out of stale writes', () => {
  it('a terminal ticket leaves the sweep index even if its document still carries sweepAt', async () => {
    const [t] = await seed(1);
    const closed = nextVersion(t!, { state: 'closed', sweepAt: minutesAfter(1) });
    await store.commitTransition({ next: closed, expectedVersion: 1, event: makeEvent(closed), outbox: [] });
    const row = store.db.prepare('SELECT sweep_at FROM tickets WHERE id = ?').get(t!.id) as { sweep_at: string | null };
    expect(row.sweep_at).toBeNull();
    expect((await store.getTicket(t!.id))?.sweepAt).toBe(minutesAfter(1));
  });

  it('addMeToo on a missing ticket is an error, not a silent row', async () => {
    await expect(store.addMeToo('no-such-ticket', 'u-1', minutesAfter(1))).rejects.toThrow(/不存在/);
  });
});
