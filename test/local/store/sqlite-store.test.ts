/** Facts of the SQLite adapter beyond the Store contract: connection settings, append-only events, index use, schema. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, runMigration, SCHEMA_VERSION } from '../../../local/store/schema';
import { openSqliteStore, type SqliteStore } from '../../../local/store/sqlite-store';
import { SWEEP_SQL, buildTicketQuery, decodeCursor, encodeCursor } from '../../../local/store/ticket-query';
import { buildUserQuery, type UserFilter } from '../../../local/store/user-query';
import { toErrorBody } from '../../../cloudfunctions/_app/router';
import type { User } from '../../../shared/domain/directory';
import { DomainError } from '../../../shared/lifecycle/errors';
import type { Ticket } from '../../../shared/domain/ticket';
import { factsRecord } from '../../../shared/metrics/facts';
import type { TicketFilter } from '../../../shared/ports/store';
import { LEAD_UNIT, STREET_ID, makeEvent, makeTicket, makeUser, minutesAfter, nextVersion } from '../../support/fixtures';

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

  it('a month of one jurisdiction (the bulletin reads one at a time) is an ordered index range: no sort per page', () => {
    for (const after of [null, cursor]) {
      const q = buildTicketQuery({ jurisdiction: 'yinchuan', createdFrom: minutesAfter(0), createdTo: minutesAfter(400) }, { limit: 20, after });
      const p = plan(q!.sql, q!.params);
      expect(p).toMatch(/SEARCH t USING INDEX tickets_jurisdiction_created \(jurisdiction=\? AND created_at>\? AND created_at<\?\)/);
      expect(p).not.toMatch(/TEMP B-TREE/);
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

  it('queryTickets and queryTicketFacts reject a forged cursor as the client\'s error (400 INPUT.INVALID_CURSOR, not 500)', async () => {
    for (const query of [() => store.queryTickets({}, { limit: 5, after: '!!!' }), () => store.queryTicketFacts({}, { limit: 5, after: '!!!' })]) {
      const err: unknown = await query().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ code: 'INPUT.INVALID_CURSOR', message: expect.stringContaining('无效的分页游标') });
      expect(toErrorBody(err)).toEqual({ status: 400, body: { code: 'INPUT.INVALID_CURSOR', message: expect.any(String) } });
    }
  });
});

describe('users.openid is unique', () => {
  it('refuses an openid bound to another user (400 USER.OPENID_TAKEN, not 500) and writes nothing', async () => {
    const first = makeUser({ id: 'u-first', openid: 'o-shared' });
    await store.putUser(first);
    const second = makeUser({ id: 'u-second', openid: 'o-shared', grants: [{ role: 'admin', jurisdiction: 'yongning' }] });
    const err: unknown = await store.putUser(second).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'USER.OPENID_TAKEN' });
    expect(toErrorBody(err)).toEqual({ status: 400, body: { code: 'USER.OPENID_TAKEN', message: expect.any(String) } });
    // Nothing of the refused write is stored: no user, no role rows; the first user keeps the openid.
    expect(await store.getUser('u-second')).toBeNull();
    expect((await store.listUsers({ role: 'admin' })).map((u) => u.id)).not.toContain('u-second');
    expect((await store.getUserByOpenid('o-shared'))?.id).toBe('u-first');
    // Moving the openid onto an existing user is refused too; the same user keeps its own openid.
    await store.putUser(makeUser({ id: 'u-other', openid: null }));
    await expect(store.putUser(makeUser({ id: 'u-other', openid: 'o-shared' }))).rejects.toMatchObject({ code: 'USER.OPENID_TAKEN' });
    expect((await store.getUser('u-other'))?.openid).toBeNull();
    await expect(store.putUser({ ...first, name: '改名' })).resolves.toBeUndefined();
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

describe('user_roles and user_units (migration V3): listUsers reads the users it finds, not all of them', () => {
  /** Staff of several kinds among many residents, as in production (every reporter is a user). */
  function directory(): User[] {
    const users: User[] = [];
    for (let i = 0; i < 300; i++) users.push(makeUser({ grants: [{ role: 'resident', jurisdiction: ['yongning', 'qitai'][i % 2] as string }] }));
    users.push(makeUser({ grants: [{ role: 'grid', jurisdiction: 'yongning', grids: ['g-1'], estates: ['e-1'] }] }));
    users.push(makeUser({ grants: [{ role: 'street', jurisdiction: 'yongning', streets: [STREET_ID] }] }));
    users.push(makeUser({ grants: [{ role: 'department', jurisdiction: 'yongning', units: [LEAD_UNIT, 'yongning.yjgl'] }] }));
    users.push(makeUser({ grants: [{ role: 'police', jurisdiction: 'qitai', units: ['qitai.gaj'] }, { role: 'resident', jurisdiction: 'yongning' }] }));
    return users;
  }

  const indexRows = (db: Database.Database) => ({
    roles: db.prepare('SELECT role, jurisdiction, user_id FROM user_roles ORDER BY role, jurisdiction, user_id').all(),
    units: db.prepare('SELECT unit_id, user_id FROM user_units ORDER BY unit_id, user_id').all(),
  });

  it('back-fills both tables when a version-2 file is opened, with the rows putUser writes', async () => {
    const users = directory();
    // A version-2 file with users, as written before this migration existed.
    const file = join(dir, 'v2.db');
    const old = new Database(file);
    for (const m of MIGRATIONS.slice(0, 2)) runMigration(old, m);
    old.pragma('user_version = 2');
    const insert = old.prepare('INSERT INTO users (id, openid, demo, doc) VALUES (?, ?, ?, ?)');
    for (const u of users) insert.run(u.id, u.openid, u.demo ? 1 : 0, JSON.stringify(u));
    old.close();

    const migrated = openSqliteStore(file);
    try {
      expect(migrated.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const backfilled = indexRows(migrated.db);
      expect(backfilled.roles).toHaveLength(305); // 300 residents, 4 staff, the police officer's second grant
      expect(backfilled.units).toEqual([
        { unit_id: 'qitai.gaj', user_id: users[303]!.id },
        { unit_id: LEAD_UNIT, user_id: users[302]!.id },
        { unit_id: STREET_ID, user_id: users[301]!.id },
        { unit_id: 'yongning.yjgl', user_id: users[302]!.id },
      ].sort((a, b) => (a.unit_id < b.unit_id ? -1 : 1)));
      expect(await migrated.listUsers({ jurisdiction: 'yongning', role: 'grid' })).toEqual([users[300]]);
      expect(await migrated.listUsers({ unitId: STREET_ID })).toEqual([users[301]]);

      // The same users written through putUser into a fresh store: the same index rows.
      for (const u of users) await store.putUser(u);
      expect(indexRows(store.db)).toEqual(backfilled);
    } finally {
      migrated.close();
    }
  });

  it('putUser replaces a user\'s rows with those of the new grants, in the same transaction as the user', async () => {
    const [u] = directory().slice(302);
    await store.putUser(u!);
    await store.putUser({ ...u!, grants: [{ role: 'street', jurisdiction: 'qitai', streets: ['qitai.t.1'] }] });
    expect(indexRows(store.db)).toEqual({
      roles: [{ role: 'street', jurisdiction: 'qitai', user_id: u!.id }],
      units: [{ unit_id: 'qitai.t.1', user_id: u!.id }],
    });
    // A write that fails leaves both the user and its rows as they were.
    store.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON user_units BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    // Matched by message, not toThrow: the addon's SqliteError may come from another jest realm (see above).
    await expect(store.putUser({ ...u!, name: '改名', grants: [{ role: 'department', jurisdiction: 'yongning', units: [LEAD_UNIT] }] })).rejects.toMatchObject({
      message: 'refused',
    });
    expect((await store.getUser(u!.id))?.grants).toEqual([{ role: 'street', jurisdiction: 'qitai', streets: ['qitai.t.1'] }]);
    expect(indexRows(store.db).roles).toEqual([{ role: 'street', jurisdiction: 'qitai', user_id: u!.id }]);
  });

  describe.each([
    ['without statistics', false],
    ['after ANALYZE', true],
  ])('plans, %s', (_stats, analyze) => {
    beforeEach(async () => {
      for (const u of directory()) await store.putUser(u);
      if (analyze) store.db.exec('ANALYZE');
    });

    it.each<[string, UserFilter, RegExp]>([
      ['grid workers of a jurisdiction (a submit\'s hand-over)', { jurisdiction: 'yongning', role: 'grid' }, /SEARCH user_roles USING (COVERING INDEX \w+|PRIMARY KEY) \((role=\? AND jurisdiction=\?|jurisdiction=\? AND role=\?)\)/],
      ['officers of a unit', { unitId: LEAD_UNIT }, /SEARCH user_units USING PRIMARY KEY \(unit_id=\?\)/],
      ['a role anywhere', { role: 'street' }, /SEARCH user_roles USING (COVERING INDEX|PRIMARY KEY) .*\(role=\?\)/],
      ['everyone of a jurisdiction (admin)', { jurisdiction: 'qitai' }, /SEARCH user_roles USING (COVERING )?INDEX user_roles_jurisdiction \(jurisdiction=\?\)/],
    ])('%s: candidates by index, users by id, never a scan of users', (_label, filter, candidates) => {
      const q = buildUserQuery(filter);
      const p = plan(q.sql, q.params);
      expect(p).toMatch(candidates);
      expect(p).toMatch(/SEARCH users USING INDEX sqlite_autoindex_users_1 \(id=\?\)/);
      expect(p).not.toMatch(/SCAN users/);
    });
  });
});

describe('ticket_facts (migration V4): each ticket\'s metric facts record, kept with the ticket', () => {
  /** Whistles every third ticket to two units and acknowledges one, closes every fifth. */
  async function moved(n: number): Promise<Ticket[]> {
    const out: Ticket[] = [];
    for (const t of await seed(n)) {
      let cur = t;
      const i = Number(t.id.replace(/\D/g, ''));
      if (i % 3 === 0) {
        const whistled = nextVersion(cur, { state: 'whistled', assignedUnits: [LEAD_UNIT, 'unit-x'] });
        await store.commitTransition({ next: whistled, expectedVersion: cur.version, event: makeEvent(whistled, { action: 'whistle', payload: { units: [LEAD_UNIT, 'unit-x'] } }), outbox: [] });
        const acked = nextVersion(whistled, { state: 'acknowledged' });
        await store.commitTransition({ next: acked, expectedVersion: whistled.version, event: makeEvent(acked, { action: 'acknowledge', actor: { userId: 'u-o', role: 'department', unitId: LEAD_UNIT } }), outbox: [] });
        cur = acked;
      }
      if (i % 5 === 0) {
        const closed = nextVersion(cur, { state: 'closed', rating: { score: 4, fixed: true, at: cur.updatedAt } });
        await store.commitTransition({ next: closed, expectedVersion: cur.version, event: makeEvent(closed, { action: 'rate', payload: { score: 4, fixed: true } }), outbox: [] });
        cur = closed;
      }
      out.push(cur);
    }
    return out;
  }

  const expectedRecord = async (t: Ticket) => factsRecord((await store.getTicket(t.id))!, await store.listEvents(t.id));

  it('createTicket and commitTransition keep the record of the current version; queryTicketFacts pages like queryTickets', async () => {
    const tickets = await moved(45);
    for (const filter of [{}, { jurisdiction: 'yinchuan' }, { unitIds: [LEAD_UNIT] }, { states: ['closed' as const] }] as TicketFilter[]) {
      const docs: Ticket[] = [];
      const records = [];
      let after: string | null = null;
      let afterFacts: string | null = null;
      do {
        const a: { items: Ticket[]; next: string | null } = await store.queryTickets(filter, { limit: 7, after });
        const b = await store.queryTicketFacts(filter, { limit: 7, after: afterFacts });
        docs.push(...a.items);
        records.push(...b.items);
        expect(b.next === null).toBe(a.next === null);
        after = a.next;
        afterFacts = b.next;
      } while (after);
      expect(records.map((r) => r.ticketId)).toEqual(docs.map((t) => t.id));
      expect(records.length).toBeGreaterThan(0);
    }
    for (const t of tickets) expect((await store.queryTicketFacts({ reporterUserId: t.reporter.userId }, { limit: 100 })).items).toContainEqual(await expectedRecord(t));
    // Not vacuous: the records moved with the transitions.
    const whistled = (await store.queryTicketFacts({ unitIds: ['unit-x'] }, { limit: 100 })).items;
    expect(whistled.length).toBe(15);
    expect(whistled.every((r) => r.whistled && r.unitAcks.length === 2)).toBe(true);
  });

  it('is back-filled when a version-3 file is opened: the records the store would have written', async () => {
    const tickets = await moved(12);
    const expected = await Promise.all(tickets.map(expectedRecord));
    // A version-3 file: without the tables of migrations 4 (ticket_facts), 5 (invitations), 6 (photo_checks) and 7 (issue 20's governance tables).
    store.db.exec('DROP TABLE ticket_facts; DROP TABLE invitations; DROP TABLE invitation_failures; DROP TABLE photo_checks');
    store.db.exec('DROP TABLE rectification_notices; DROP TABLE estate_class_changes; DROP TABLE patrol_visits');
    // and 8 (issue 19's list_versions).
    store.db.exec('DROP TABLE list_versions');
    // and 9 (issue 19's jurisdictions) and 10 (issue 20's standing_records).
    store.db.exec('DROP TABLE jurisdictions; DROP TABLE standing_records');
    // and 11 (issue 17's bulletin_jobs).
    store.db.exec('DROP TABLE bulletin_jobs');
    store.db.pragma('user_version = 3');
    store.close();
    store = openSqliteStore(join(dir, 'nested', 'store.db'));
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const all = (await store.queryTicketFacts({}, { limit: 100 })).items;
    expect([...all].sort((a, b) => (a.ticketId < b.ticketId ? -1 : 1))).toEqual([...expected].sort((a, b) => (a.ticketId < b.ticketId ? -1 : 1)));
  });

  it.each([
    ['without statistics', false],
    ['after ANALYZE', true],
  ])('a month of one jurisdiction reads the ticket index and the records by key, %s: no table scan, no sort', async (_s, analyze) => {
    await seed(200);
    if (analyze) store.db.exec('ANALYZE');
    const q = buildTicketQuery({ jurisdiction: 'yinchuan', createdFrom: minutesAfter(0), createdTo: minutesAfter(300) }, { limit: 50 }, 'facts');
    const p = plan(q!.sql, q!.params);
    expect(p).toMatch(/SEARCH t USING COVERING INDEX tickets_jurisdiction_created \(jurisdiction=\? AND created_at>\? AND created_at<\?\)/);
    expect(p).toMatch(/SEARCH f USING PRIMARY KEY \(ticket_id=\?\)/);
    expect(p).not.toMatch(/TEMP B-TREE|SCAN/);
  });
});

describe('a transition rewrites only what it changes', () => {
  /** WAL frames a commit appends (the WAL is reset first). */
  function framesOf(write: () => Promise<void>): Promise<number> {
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return write().then(() => (store.db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!.log);
  }

  it('a state move leaves the estate, grid, street, jurisdiction and unit indexes unwritten', async () => {
    const tickets = await seed(400);
    const [a, b] = [tickets[10]!, tickets[11]!];
    // Same transition kind, once keeping every indexed column, once moving all of them.
    const keep = nextVersion(a, { state: 'accepted' });
    const move = nextVersion(b, { state: 'accepted', jurisdiction: 'qitai', estateId: 'e-new', gridId: 'g-new', streetId: 's-new', assignedUnits: ['unit-new'] });
    const kept = await framesOf(() => store.commitTransition({ next: keep, expectedVersion: 1, event: makeEvent(keep), outbox: [] }));
    const moved = await framesOf(() => store.commitTransition({ next: move, expectedVersion: 1, event: makeEvent(move), outbox: [] }));
    // Measured: 4 frames against 15 (setting every column, even unchanged, made it 9 against 16).
    expect(kept * 3).toBeLessThanOrEqual(moved);
    expect(await store.getTicket(a.id)).toEqual(keep);
    expect((await store.queryTickets({ estateIds: [a.estateId as string] }, { limit: 50 })).items.map((t) => t.id)).toContain(a.id);
  });
});
