/** Tickets, their events, idempotency keys, "me too" and counters on SQLite (the TicketStore port). */
import type Database from 'better-sqlite3';
import type { Ticket, TicketEvent } from '../../shared/domain/ticket';
import type { TicketFactsRecord } from '../../shared/metrics/facts';
import { StoreConflictError, type Page, type TicketFilter, type TicketStore } from '../../shared/ports/store';
import { GroupCommit } from './group-commit';
import { insertOutbox } from './outbox-store';
import { IN_LIST, jsonList, type StatementCache } from './statements';
import { writeTicketFacts } from './ticket-facts';
import { SWEEP_SQL, buildTicketQuery, encodeCursor, sweepColumn } from './ticket-query';

interface TicketRow {
  doc: string;
  me_too: number;
}

/** The "me too" count is the store's own column: a transition's copy of the document never overwrites it. */
function toTicket(row: TicketRow): Ticket {
  return { ...(JSON.parse(row.doc) as Ticket), meToo: row.me_too };
}

function toEvent(row: { doc: string }): TicketEvent {
  return JSON.parse(row.doc) as TicketEvent;
}

/** Units whose queue shows the ticket: whistled-to units and the route's lead and co-responsible units. */
function unitsOf(t: Ticket): string[] {
  return [...new Set([...t.assignedUnits, ...t.route.lead.map((u) => u.id), ...t.route.responsible.map((u) => u.id)])];
}

function checkEvent(ticket: Ticket, event: TicketEvent): void {
  if (event.ticketId !== ticket.id) throw new Error(`事件 ${event.id} 不属于工单 ${ticket.id}`);
}

/** The tickets columns that indexes read and a transition may change. */
const INDEXED = ['jurisdiction', 'estate_id', 'grid_id', 'street_id', 'sweep_at'] as const;

type CreateInput = Parameters<TicketStore['createTicket']>[0];
type NumberedInput = Parameters<NonNullable<TicketStore['createNumberedTicket']>>[0];
type CommitInput = Parameters<TicketStore['commitTransition']>[0];

export class SqliteTickets implements TicketStore {
  /** Creates, and ticket-number draws, arriving in the same event-loop turn share a commit (group-commit.ts). */
  readonly creates: GroupCommit<CreateInput | NumberedInput, { ticket: Ticket; created: boolean }>;
  readonly sequences: GroupCommit<string, number>;
  private readonly commitTx: Database.Transaction<(input: CommitInput) => void>;
  private readonly meTooTx: Database.Transaction<(ticketId: string, userId: string, at: string) => boolean>;

  constructor(
    private readonly st: StatementCache,
    groupCommit = true,
  ) {
    const db = st.db;
    this.creates = new GroupCommit(db, (input: CreateInput | NumberedInput) => ('build' in input ? this.createNumberedNow(input) : this.createNow(input)), groupCommit);
    this.sequences = new GroupCommit(db, (name: string) => this.nextNow(name), groupCommit);
    this.commitTx = db.transaction((input: CommitInput) => this.commitNow(input));
    this.meTooTx = db.transaction((ticketId: string, userId: string, at: string) => this.meTooNow(ticketId, userId, at));
  }

  async getTicket(id: string): Promise<Ticket | null> {
    const row = this.st.get('SELECT doc, me_too FROM tickets WHERE id = ?').get(id) as TicketRow | undefined;
    return row ? toTicket(row) : null;
  }

  async getTicketByNo(no: string): Promise<Ticket | null> {
    const row = this.st.get('SELECT doc, me_too FROM tickets WHERE no = ?').get(no) as TicketRow | undefined;
    return row ? toTicket(row) : null;
  }

  /**
   * In an IMMEDIATE transaction: the first create of an event-loop turn in one of its own, those that
   * follow in the same turn in one together, each in its own savepoint (group-commit.ts; unless the
   * store was opened without group commit, then each alone): concurrent retries of one
   * submission serialise (the second finds the first's key); other processes wait on the write lock.
   */
  async createTicket(input: CreateInput): Promise<{ ticket: Ticket; created: boolean }> {
    return this.creates.run(input);
  }

  /**
   * The number drawn and the ticket stored in one IMMEDIATE transaction (grouped as createTicket's):
   * one commit per submit instead of two (issue 17 §2), and a retry draws no number.
   */
  async createNumberedTicket(input: NumberedInput): Promise<{ ticket: Ticket; created: boolean }> {
    return this.creates.run(input);
  }

  /** One row in one IMMEDIATE transaction of its own, synchronously: the benchmark's raw insert. */
  createTicketAlone(input: CreateInput): { ticket: Ticket; created: boolean } {
    return this.creates.alone(input);
  }

  /** Rows in one IMMEDIATE transaction, a savepoint each, synchronously: the benchmark's raw insert grouped. */
  createTicketsTogether(inputs: CreateInput[]): Array<{ ticket: Ticket; created: boolean }> {
    return this.creates.together(inputs);
  }

  async findByIdempotencyKey(reporterUserId: string, idempotencyKey: string): Promise<Ticket | null> {
    const row = this.st
      .get('SELECT t.doc, t.me_too FROM idempotency i JOIN tickets t ON t.id = i.ticket_id WHERE i.reporter_user_id = ? AND i.key = ?')
      .get(reporterUserId, idempotencyKey) as TicketRow | undefined;
    return row ? toTicket(row) : null;
  }

  async commitTransition(input: CommitInput): Promise<void> {
    this.commitTx.immediate(input);
  }

  async listEvents(ticketId: string): Promise<TicketEvent[]> {
    const rows = this.st.get('SELECT doc FROM events WHERE ticket_id = ? ORDER BY seq').all(ticketId) as Array<{ doc: string }>;
    return rows.map(toEvent);
  }

  /** Grouped by ticket id, each ticket's events in seq order. */
  async listEventsFor(ticketIds: string[]): Promise<TicketEvent[]> {
    if (ticketIds.length === 0) return [];
    const rows = this.st
      .get(`SELECT doc FROM events WHERE ticket_id IN ${IN_LIST} ORDER BY ticket_id, seq`)
      .all(jsonList(ticketIds)) as Array<{ doc: string }>;
    return rows.map(toEvent);
  }

  async queryTickets(filter: TicketFilter, page: Page): Promise<{ items: Ticket[]; next: string | null }> {
    const q = buildTicketQuery(filter, page);
    if (!q) return { items: [], next: null };
    const rows = this.st.get(q.sql).all(...q.params) as TicketRow[];
    const items = rows.slice(0, q.limit).map(toTicket);
    const last = items[items.length - 1];
    const next = rows.length > q.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
    return { items, next };
  }

  async countTickets(filter: TicketFilter): Promise<number> {
    const q = buildTicketQuery(filter, { limit: 1 }, 'count');
    if (!q) return 0;
    return (this.st.get(q.sql).get(...q.params) as { n: number }).n;
  }

  /** Facts records in queryTickets' order and paging (the ticket index chooses the rows). */
  async queryTicketFacts(filter: TicketFilter, page: Page): Promise<{ items: TicketFactsRecord[]; next: string | null }> {
    const q = buildTicketQuery(filter, page, 'facts');
    if (!q) return { items: [], next: null };
    const rows = this.st.get(q.sql).all(...q.params) as Array<{ created_at: string; id: string; facts: string }>;
    const kept = rows.slice(0, q.limit);
    const last = kept[kept.length - 1];
    const next = rows.length > q.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null;
    return { items: kept.map((r) => JSON.parse(r.facts) as TicketFactsRecord), next };
  }

  async findDueForSweep(now: string, limit: number): Promise<Ticket[]> {
    const rows = this.st.get(SWEEP_SQL).all(now, Math.max(0, Math.floor(limit))) as TicketRow[];
    return rows.map(toTicket);
  }

  async countSubmissionsSince(reporterUserId: string, since: string): Promise<number> {
    const row = this.st.get('SELECT count(*) AS n FROM tickets WHERE reporter_user_id = ? AND created_at >= ?').get(reporterUserId, since) as {
      n: number;
    };
    return row.n;
  }

  async addMeToo(ticketId: string, userId: string, at: string): Promise<boolean> {
    return this.meTooTx.immediate(ticketId, userId, at);
  }

  /** Atomic in one statement: concurrent callers (or processes) never get the same value. Draws of one turn share a commit. */
  async nextSequence(name: string): Promise<number> {
    return this.sequences.run(name);
  }

  private nextNow(name: string): number {
    const row = this.st
      .get('INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value')
      .get(name) as { value: number };
    return row.value;
  }

  /** The ticket stored under the reporter's key, read inside the create's transaction. */
  private storedUnder(reporter: string, idempotencyKey: string): Ticket | null {
    const seen = this.st.get('SELECT ticket_id FROM idempotency WHERE reporter_user_id = ? AND key = ?').get(reporter, idempotencyKey) as
      | { ticket_id: string }
      | undefined;
    if (!seen) return null;
    return toTicket(this.st.get('SELECT doc, me_too FROM tickets WHERE id = ?').get(seen.ticket_id) as TicketRow);
  }

  private createNumberedNow({ counter, reporterUserId, idempotencyKey, build }: NumberedInput): { ticket: Ticket; created: boolean } {
    const stored = this.storedUnder(reporterUserId, idempotencyKey);
    if (stored) return { ticket: stored, created: false };
    const built = build(this.nextNow(counter));
    // The key is the reporter's: a ticket built for someone else must not be stored under it.
    if (built.ticket.reporter.userId !== reporterUserId) throw new Error(`工单 ${built.ticket.id} 的上报人与幂等键的上报人不同`);
    return this.insertNew({ ...built, idempotencyKey });
  }

  private createNow(input: CreateInput): { ticket: Ticket; created: boolean } {
    checkEvent(input.ticket, input.event);
    const stored = this.storedUnder(input.ticket.reporter.userId, input.idempotencyKey);
    if (stored) return { ticket: stored, created: false };
    return this.insertNew(input);
  }

  /** The rows of a new ticket whose key is not stored yet (checked by the caller, in this transaction). */
  private insertNew({ ticket, event, idempotencyKey, outbox }: CreateInput): { ticket: Ticket; created: true } {
    checkEvent(ticket, event);
    const reporter = ticket.reporter.userId;
    this.st
      .get(
        `INSERT INTO tickets (id, no, version, jurisdiction, estate_id, grid_id, street_id, reporter_user_id, category, state,
           created_at, updated_at, sweep_at, me_too, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        ticket.id,
        ticket.no,
        ticket.version,
        ticket.jurisdiction,
        ticket.estateId,
        ticket.gridId,
        ticket.streetId,
        reporter,
        ticket.category,
        ticket.state,
        ticket.createdAt,
        ticket.updatedAt,
        sweepColumn(ticket.state, ticket.sweepAt),
        ticket.meToo,
        JSON.stringify(ticket),
      );
    this.writeLinks(ticket);
    this.appendEvent(event);
    writeTicketFacts((sql) => this.st.get(sql), ticket, [event]);
    this.st.get('INSERT INTO idempotency (reporter_user_id, key, ticket_id) VALUES (?, ?, ?)').run(reporter, idempotencyKey, ticket.id);
    insertOutbox(this.st, outbox);
    return { ticket, created: true };
  }

  private commitNow({ next, expectedVersion, event, outbox }: CommitInput): void {
    checkEvent(next, event);
    // A write that does not move the version would let a second writer at the same version through.
    if (next.version <= expectedVersion) throw new Error(`新版本 ${next.version} 必须大于预期版本 ${expectedVersion}`);
    const stored = this.st.get(`SELECT version, ${INDEXED.join(', ')} FROM tickets WHERE id = ?`).get(next.id) as
      | (Record<(typeof INDEXED)[number], string | null> & { version: number })
      | undefined;
    if (!stored || stored.version !== expectedVersion) throw new StoreConflictError();
    // Indexed columns are set only when they change: SQLite rewrites an index entry for every column
    // in SET even when its value is the same, and each such page is written again at the commit.
    const wanted: Record<(typeof INDEXED)[number], string | null> = {
      jurisdiction: next.jurisdiction,
      estate_id: next.estateId,
      grid_id: next.gridId,
      street_id: next.streetId,
      sweep_at: sweepColumn(next.state, next.sweepAt),
    };
    const moved = INDEXED.filter((c) => stored[c] !== wanted[c]);
    const changed = this.st
      .get(
        `UPDATE tickets SET version = ?, category = ?, state = ?, updated_at = ?, doc = ?${moved.map((c) => `, ${c} = ?`).join('')} ` +
          `WHERE id = ? AND version = ?`,
      )
      .run(next.version, next.category, next.state, next.updatedAt, JSON.stringify(next), ...moved.map((c) => wanted[c]), next.id, expectedVersion).changes;
    if (changed === 0) throw new StoreConflictError();
    this.moveLinks(next);
    this.appendEvent(event);
    // The facts record of the new version, from the whole history (a few events, read in this transaction).
    const history = (this.st.get('SELECT doc FROM events WHERE ticket_id = ? ORDER BY seq').all(next.id) as Array<{ doc: string }>).map(toEvent);
    writeTicketFacts((sql) => this.st.get(sql), next, history);
    insertOutbox(this.st, outbox);
  }

  private meTooNow(ticketId: string, userId: string, at: string): boolean {
    const exists = this.st.get('SELECT 1 FROM tickets WHERE id = ?').get(ticketId);
    if (!exists) throw new Error(`工单 ${ticketId} 不存在`);
    const added = this.st.get('INSERT INTO me_too (ticket_id, user_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(ticketId, userId, at).changes;
    if (added === 0) return false;
    this.st.get('UPDATE tickets SET me_too = me_too + 1 WHERE id = ?').run(ticketId);
    return true;
  }

  /** The unit and group rows of a new version: only those that changed are deleted or inserted (see commitNow). */
  private moveLinks(t: Ticket): void {
    for (const [table, column, wanted] of [
      ['ticket_units', 'unit_id', unitsOf(t)],
      ['ticket_groups', 'group_id', [...new Set(t.sharedGroups)]],
    ] as const) {
      const had = new Set((this.st.get(`SELECT ${column} AS v FROM ${table} WHERE ticket_id = ?`).all(t.id) as Array<{ v: string }>).map((r) => r.v));
      const want = new Set<string>(wanted);
      for (const v of had) if (!want.has(v)) this.st.get(`DELETE FROM ${table} WHERE ticket_id = ? AND ${column} = ?`).run(t.id, v);
      for (const v of want) if (!had.has(v)) this.st.get(`INSERT INTO ${table} (ticket_id, ${column}, created_at) VALUES (?, ?, ?)`).run(t.id, v, t.createdAt);
    }
  }

  private writeLinks(t: Ticket): void {
    const unit = this.st.get('INSERT INTO ticket_units (ticket_id, unit_id, created_at) VALUES (?, ?, ?)');
    for (const u of unitsOf(t)) unit.run(t.id, u, t.createdAt);
    const group = this.st.get('INSERT INTO ticket_groups (ticket_id, group_id, created_at) VALUES (?, ?, ?)');
    for (const g of new Set(t.sharedGroups)) group.run(t.id, g, t.createdAt);
  }

  private appendEvent(e: TicketEvent): void {
    this.st.get('INSERT INTO events (id, ticket_id, seq, at, doc) VALUES (?, ?, ?, ?, ?)').run(e.id, e.ticketId, e.seq, e.at, JSON.stringify(e));
  }
}
