import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { DomainError } from '../../../shared/lifecycle/errors';
import { TERMINAL_STATES } from '../../../shared/lifecycle/transitions';
import { StoreConflictError, type Page, type TicketFilter, type TicketStore } from '../../../shared/ports/store';
import { chunk, COLLECTIONS, fromDoc, getAll, MAX_PAGE, toDoc, withoutId } from './collections';
import { inTransaction, isDuplicateWrite, type CbCommand, type CbDatabase, type CbQueryCommand, type DocData } from './sdk';

/** Optional top-level Ticket fields: absent in `next` means "remove from the stored document". */
const OPTIONAL_TICKET_FIELDS = ['sweepAt'] as const satisfies ReadonlyArray<keyof Ticket>;

/**
 * Fields a transition never writes: `meToo` is counted by addMeToo on the stored document, and a
 * transition computed from an older copy must not reset it.
 */
const STORE_OWNED_FIELDS = new Set<string>(['meToo']);

/** How many times nextSequence re-reads after losing a compare-and-set race. */
const SEQUENCE_ATTEMPTS = 20;

/** The units a ticket is routed or whistled to, stored as one array so `$in` can use one index. */
function unitIdsOf(ticket: Ticket): string[] {
  const ids = new Set<string>(ticket.assignedUnits);
  for (const unit of ticket.route.lead) ids.add(unit.id);
  for (const unit of ticket.route.responsible) ids.add(unit.id);
  return [...ids];
}

/** `_id` of a pair; the first part is escaped so its own ':' (e.g. `wx:<openid>`) cannot shift the split. */
function pairId(first: string, second: string): string {
  return `${encodeURIComponent(first)}:${second}`;
}

function checkEvent(ticket: Ticket, event: TicketEvent): void {
  if (event.ticketId !== ticket.id) throw new Error(`事件 ${event.id} 不属于工单 ${ticket.id}`);
}

function ticketDoc(ticket: Ticket): DocData {
  return { ...toDoc(ticket.id, ticket), indexUnitIds: unitIdsOf(ticket) };
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `$set`/`$unset` for a whole-ticket write. Object values go through `_.set(value)`: the SDK
 * otherwise flattens `{ rating: {…} }` into `rating.score`, … which MongoDB refuses when the stored
 * field is null, and drops an empty object altogether.
 */
function ticketUpdate(ticket: Ticket, _: CbCommand): DocData {
  const update: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(withoutId(ticketDoc(ticket)))) {
    if (STORE_OWNED_FIELDS.has(key)) continue;
    update[key] = isPlainObject(value) ? _.set(value) : value;
  }
  for (const key of OPTIONAL_TICKET_FIELDS) {
    if (ticket[key] === undefined) update[key] = _.remove();
  }
  return update;
}

/** Opaque cursor of queryTickets: the (createdAt, id) of the last item returned. */
function encodeCursor(ticket: Ticket): string {
  return Buffer.from(JSON.stringify([ticket.createdAt, ticket.id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the error below
  }
  // A forged or stale cursor is the caller's mistake (400), as on the SQLite store.
  throw new DomainError('INPUT.INVALID_CURSOR', '无效的分页游标，请从第一页重新加载');
}

function clampLimit(limit: number): number {
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)));
}

/** How long a container answers listEvents from its own write (see OwnWrites). */
export const OWN_WRITE_MS = 2000;

/**
 * Read-your-own-writes for a ticket's timeline (issue 17 §2). A use case that has just created a
 * ticket or committed a transition lists the ticket's events again at once (the view it answers, the
 * sweep's next step): one more round trip for a list this container already knows. Rule:
 * - after createTicket (created), the list is the one event written;
 * - after commitTransition, it is the list this container read last for the ticket plus the event
 *   written, and only when that list ended at the event's predecessor (the caller numbered the
 *   event from it, and the transaction's version check proved no other step came between);
 * - it is answered once, to the very next call of this store if that is listEvents of the ticket
 *   (the view a submit or transition answers, the sweep's next step), within OWN_WRITE_MS of the
 *   write; any other call first forgets it, so it never answers a later action that reads the
 *   ticket first (a detail view, a queue). Every other listEvents reads the database. A step another container commits in those 2 s is missing from
 *   that one answer, which shows the timeline as of this container's own ticket; a step numbered
 *   from it fails the version check (StoreConflictError), never a duplicate.
 * Copies go out, so no caller can change another's list.
 */
class OwnWrites {
  private readonly lastListed = new Map<string, TicketEvent[]>();
  private readonly written = new Map<string, { events: TicketEvent[]; at: number }>();

  private static keep<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.size >= 256 && !map.has(key)) map.clear();
    map.set(key, value);
  }

  listed(ticketId: string, events: TicketEvent[]): void {
    OwnWrites.keep(this.lastListed, ticketId, structuredClone(events));
  }

  created(ticketId: string, event: TicketEvent): void {
    OwnWrites.keep(this.written, ticketId, { events: [structuredClone(event)], at: Date.now() });
  }

  committed(ticketId: string, event: TicketEvent): void {
    const before = this.lastListed.get(ticketId);
    const last = before && before.length > 0 ? before[before.length - 1] : undefined;
    if (before && before.length === event.seq - 1 && (last?.seq ?? 0) === event.seq - 1) {
      OwnWrites.keep(this.written, ticketId, { events: [...before, structuredClone(event)], at: Date.now() });
    } else {
      this.forget(ticketId);
    }
  }

  /** Forgets every list written (the lists read are kept). */
  drop(): void {
    this.written.clear();
  }

  forget(ticketId: string): void {
    this.written.delete(ticketId);
    this.lastListed.delete(ticketId);
  }

  /** The list this container just wrote, once; null when it must be read. */
  take(ticketId: string): TicketEvent[] | null {
    const mine = this.written.get(ticketId);
    this.written.delete(ticketId);
    if (!mine || Date.now() - mine.at >= OWN_WRITE_MS) return null;
    this.listed(ticketId, mine.events);
    return structuredClone(mine.events);
  }
}

export function createCloudbaseTicketStore(db: CbDatabase): TicketStore {
  const _ = db.command;
  const tickets = () => db.collection(COLLECTIONS.tickets);
  const events = () => db.collection(COLLECTIONS.events);
  const own = new OwnWrites();

  async function getTicket(id: string): Promise<Ticket | null> {
    const { data } = await tickets().doc(id).get();
    const doc = data[0];
    return doc ? fromDoc<Ticket>(doc) : null;
  }

  function filterConditions(filter: TicketFilter): Array<DocData | CbQueryCommand> {
    const conditions: Array<DocData | CbQueryCommand> = [];
    if (filter.jurisdiction !== undefined) conditions.push({ jurisdiction: filter.jurisdiction });
    if (filter.jurisdictions) conditions.push({ jurisdiction: _.in(filter.jurisdictions) });
    if (filter.estateIds) conditions.push({ estateId: _.in(filter.estateIds) });
    if (filter.gridIds) conditions.push({ gridId: _.in(filter.gridIds) });
    if (filter.streetIds) conditions.push({ streetId: _.in(filter.streetIds) });
    if (filter.unitIds) conditions.push({ indexUnitIds: _.in(filter.unitIds) });
    if (filter.reporterUserId !== undefined) conditions.push({ 'reporter.userId': filter.reporterUserId });
    if (filter.states) conditions.push({ state: _.in(filter.states) });
    if (filter.categories) conditions.push({ category: _.in(filter.categories) });
    if (filter.createdFrom !== undefined) conditions.push({ createdAt: _.gte(filter.createdFrom) });
    if (filter.createdTo !== undefined) conditions.push({ createdAt: _.lt(filter.createdTo) });
    if (filter.groupIds) conditions.push({ sharedGroups: _.in(filter.groupIds) });
    return conditions;
  }

  const store: TicketStore = {
    getTicket,

    async getTicketByNo(no) {
      const { data } = await tickets().where({ no }).limit(1).get();
      const doc = data[0];
      return doc ? fromDoc<Ticket>(doc) : null;
    },

    async findByIdempotencyKey(reporterUserId, idempotencyKey) {
      const { data } = await db.collection(COLLECTIONS.idempotency).doc(pairId(reporterUserId, idempotencyKey)).get();
      const ticketId = data[0]?.ticketId;
      return typeof ticketId === 'string' ? getTicket(ticketId) : null;
    },

    async createTicket({ ticket, event, idempotencyKey, outbox }) {
      checkEvent(ticket, event);
      const key = pairId(ticket.reporter.userId, idempotencyKey);
      try {
        // The idempotency document goes first: when it already exists the insert fails at once and
        // nothing else of this attempt is written (the transaction is rolled back).
        await inTransaction(db, async (tx) => {
          await tx.collection(COLLECTIONS.idempotency).add({
            _id: key,
            ticketId: ticket.id,
            reporterUserId: ticket.reporter.userId,
            createdAt: ticket.createdAt,
          });
          await tx.collection(COLLECTIONS.tickets).add(ticketDoc(ticket));
          await tx.collection(COLLECTIONS.events).add(toDoc(event.id, event));
          // Inside a transaction only single-document adds carry the transaction id.
          for (const message of outbox) await tx.collection(COLLECTIONS.outbox).add(toDoc(message.id, message));
        });
        own.created(ticket.id, event);
        return { ticket, created: true };
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error;
        const { data } = await db.collection(COLLECTIONS.idempotency).doc(key).get();
        const ticketId = data[0]?.ticketId;
        // A duplicate of something else (a ticket id reused) is a real error, not a retry.
        if (typeof ticketId !== 'string') throw error;
        const stored = await getTicket(ticketId);
        if (!stored) throw error;
        return { ticket: stored, created: false };
      }
    },

    async commitTransition({ next, expectedVersion, event, outbox }) {
      checkEvent(next, event);
      // A write that does not move the version would let a second writer at the same version through.
      if (next.version <= expectedVersion) throw new Error(`新版本 ${next.version} 必须大于预期版本 ${expectedVersion}`);
      // One transaction: the ticket is read and its version checked, then written, then the event and
      // the outbox messages are inserted; all of it commits or none (issue 17 §3: before, a
      // version-checked where().update() was followed by inserts outside any transaction, so a crash
      // in between left a moved ticket without its event). Only doc().get/update and add carry the
      // transaction (@cloudbase/database 1.4.3 dist/commonjs/document.js and collection.js send
      // `transactionId`; a where() update would run outside it). A concurrent writer of the same
      // ticket makes one of the two commits fail with DATABASE_TRANSACTION_CONFLICT (MongoDB's
      // snapshot write conflict); inTransaction runs the loser again, whose get then sees the
      // winner's version: StoreConflictError. Throwing inside the callback rolls back (the SDK's
      // runTransaction sends abortTransaction, dist/commonjs/transaction/index.js).
      try {
        await inTransaction(db, async (tx) => {
          const { data } = await tx.collection(COLLECTIONS.tickets).doc(next.id).get();
          if (!data || data.version !== expectedVersion) throw new StoreConflictError();
          await tx.collection(COLLECTIONS.tickets).doc(next.id).update(ticketUpdate(next, _));
          await tx.collection(COLLECTIONS.events).add(toDoc(event.id, event));
          // One document per add, as createTicket: an array add in a transaction is not relied upon.
          for (const message of outbox) await tx.collection(COLLECTIONS.outbox).add(toDoc(message.id, message));
        });
      } catch (error) {
        own.forget(next.id);
        throw error;
      }
      own.committed(next.id, event);
    },

    async listEvents(ticketId) {
      const mine = own.take(ticketId);
      if (mine) return mine;
      const docs = await getAll(events().where({ ticketId }).orderBy('seq', 'asc').orderBy('_id', 'asc'));
      const list = docs.map((d) => fromDoc<TicketEvent>(d));
      own.listed(ticketId, list);
      return list;
    },

    async listEventsFor(ticketIds) {
      const out: TicketEvent[] = [];
      for (const ids of chunk([...new Set(ticketIds)], 100)) {
        const docs = await getAll(events().where({ ticketId: _.in(ids) }).orderBy('ticketId', 'asc').orderBy('seq', 'asc').orderBy('_id', 'asc'));
        out.push(...docs.map((d) => fromDoc<TicketEvent>(d)));
      }
      return out;
    },

    async queryTickets(filter: TicketFilter, page: Page) {
      const limit = clampLimit(page.limit);
      const conditions = filterConditions(filter);
      if (page.after) {
        const [createdAt, id] = decodeCursor(page.after);
        conditions.push(_.or([{ createdAt: _.lt(createdAt) }, { createdAt, _id: _.lt(id) }]));
      }
      // One more than asked tells whether a next page exists (within the server's 1000 ceiling).
      const fetch = Math.min(limit + 1, MAX_PAGE);
      let query = tickets().orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(fetch);
      if (conditions.length > 0) query = query.where(_.and(conditions));
      const { data } = await query.get();
      const items = data.slice(0, limit).map((d) => fromDoc<Ticket>(d));
      const more = data.length > limit || (fetch === limit && data.length === limit);
      const last = items[items.length - 1];
      return { items, next: more && last ? encodeCursor(last) : null };
    },

    async findDueForSweep(now, limit) {
      const { data } = await tickets()
        .where({ sweepAt: _.lte(now), state: _.nin(TERMINAL_STATES) })
        .orderBy('sweepAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(clampLimit(limit))
        .get();
      return data.map((d) => fromDoc<Ticket>(d));
    },

    async countSubmissionsSince(reporterUserId, since) {
      const { total } = await tickets().where({ 'reporter.userId': reporterUserId, createdAt: _.gte(since) }).count();
      return total;
    },

    async addMeToo(ticketId, userId, at) {
      try {
        await inTransaction(db, async (tx) => {
          await tx.collection(COLLECTIONS.meToo).add({ _id: pairId(ticketId, userId), ticketId, userId, at });
          const { updated } = await tx.collection(COLLECTIONS.tickets).doc(ticketId).update({ meToo: _.inc(1) });
          if (updated === 0) throw new Error(`工单 ${ticketId} 不存在`);
        });
        return true;
      } catch (error) {
        if (isDuplicateWrite(error)) return false;
        throw error;
      }
    },

    async nextSequence(name) {
      const sequences = db.collection(COLLECTIONS.sequences);
      // Compare-and-set on the stored value: only where().update() and add() are relied upon, whose
      // answers ({updated}, duplicate key) say unambiguously whether this caller won.
      for (let attempt = 0; attempt < SEQUENCE_ATTEMPTS; attempt++) {
        const { data } = await sequences.doc(name).get();
        const current = data[0]?.value;
        if (typeof current !== 'number') {
          try {
            await sequences.add({ _id: name, value: 1 });
            return 1;
          } catch (error) {
            if (!isDuplicateWrite(error)) throw error;
            continue;
          }
        }
        const { updated } = await sequences.where({ _id: name, value: current }).update({ value: current + 1 });
        if (updated === 1) return current + 1;
      }
      throw new StoreConflictError(`序号 ${name} 争用过于频繁，请稍后重试`);
    },
  };
  // Own writes are answered only to the very next call of this store: any other call first forgets them.
  for (const name of Object.keys(store) as Array<keyof TicketStore>) {
    const method = store[name];
    if (name === 'listEvents' || typeof method !== 'function') continue;
    (store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      own.drop();
      return (method as (...a: unknown[]) => unknown).apply(store, args);
    };
  }
  return store;
}
