import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { DomainError } from '../../../shared/lifecycle/errors';
import { factsRecord } from '../../../shared/metrics/facts';
import { TERMINAL_STATES } from '../../../shared/lifecycle/transitions';
import { StoreConflictError, type Page, type TicketFilter, type TicketStore } from '../../../shared/ports/store';
import { chunk, COLLECTIONS, fromDoc, getAll, MAX_PAGE, toDoc, withoutId } from './collections';
import { aggregateFacts, FACTS_DOC_FIELDS, factsFieldsOf } from './ticket-facts';
import { inTransaction, isDuplicateWrite, type CbCollection, type CbCommand, type CbDatabase, type CbQueryCommand, type CbUpdateCommand, type DocData } from './sdk';

/** Optional top-level Ticket fields: absent in `next` means "remove from the stored document". */
const OPTIONAL_TICKET_FIELDS = ['sweepAt'] as const satisfies ReadonlyArray<keyof Ticket>;

/**
 * Fields a transition never writes: `meToo` is counted by addMeToo on the stored document, and a
 * transition computed from an older copy must not reset it.
 */
const STORE_OWNED_FIELDS = new Set<string>(['meToo']);

/** Tries of the copy of a step's messages to the outbox before it is left to the notify timer. */
const COPY_ATTEMPTS = 2;

/** How many times nextSequence tries again after losing the race to create a counter. */
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

/**
 * Fields of the stored ticket document that are not the Ticket (issue 17 §2):
 * - `timeline`: the ticket's events, in seq order. The ticket and its timeline are one document, so
 *   a transition is one version-checked single-document update (atomic by itself, one request) and
 *   the ticket read gives its timeline.
 * - `outboxPending` / `outboxPendingAt`: the hand-over messages of transitions, pushed by the same
 *   update, then copied to the outbox collection right after it. A copy a crash left out is made
 *   by the notify timer (outbox-store.ts repairOutboxCopies), which then clears them.
 * - `facts` / `factsVersion`: the ticket's metric facts record and the version it was made at
 *   (ticket-facts.ts), written by the same insert or update as the ticket.
 * - `idemKey`: `${encodeURIComponent(reporterUserId)}:${idempotencyKey}` of the submit that created
 *   it, unique (sparse index tickets.idemKey_unique): a second insert with the key is the retry
 *   signal, so the ticket is created by one insert (before: a transaction with an idempotency
 *   document). Tickets created before have none; their key is in the idempotency collection.
 */
export const TICKET_DOC_FIELDS = ['timeline', 'outboxPending', 'outboxPendingAt', 'idemKey', ...FACTS_DOC_FIELDS] as const;

/** A stored ticket document back to the Ticket (without the adapter's fields). */
function ticketFromDoc(doc: DocData): Ticket {
  const ticket = fromDoc<Ticket & Record<string, unknown>>(doc);
  for (const field of TICKET_DOC_FIELDS) delete ticket[field];
  return ticket;
}

/** The timeline of a stored ticket; null for a document written before timelines (read the events collection). */
function timelineOf(doc: DocData): TicketEvent[] | null {
  return Array.isArray(doc.timeline) ? (doc.timeline as DocData[]).map((e) => fromDoc<TicketEvent>(e)) : null;
}

/** An event as the timeline holds it (`undefined` fields dropped, as JSON does). */
export function eventDoc(event: TicketEvent): DocData {
  return withoutId(toDoc(event.id, event));
}

/** Message documents for the outbox collection (`_id` = the message id). */
function messageDocs(messages: readonly OutboxMessage[]): DocData[] {
  return messages.map((m) => toDoc(m.id, m));
}

function checkEvent(ticket: Ticket, event: TicketEvent): void {
  if (event.ticketId !== ticket.id) throw new Error(`事件 ${event.id} 不属于工单 ${ticket.id}`);
}

export function ticketDoc(ticket: Ticket): DocData {
  return { ...toDoc(ticket.id, ticket), indexUnitIds: unitIdsOf(ticket) };
}

/** `_.push([a, b])` → `{ $push: { field: { $each: [a, b] } } }` (@cloudbase/database 1.4.3 dist/commonjs/serializer/update.js): appends, creating the array. */
function pushOf(_: CbCommand): (values: readonly unknown[]) => CbUpdateCommand {
  const command = _ as CbCommand & { push(values: readonly unknown[]): CbUpdateCommand };
  return (values) => command.push(values);
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

/** Text as a regular expression that matches exactly it. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

/** How long the timelines of findDueForSweep's tickets answer listEvents: the sweep function's timeout. */
export const SWEEP_SNAPSHOT_MS = 120_000;

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
  /** Timelines that came with a ticket document this container read (see read()). */
  private readonly snapshots = new Map<string, { events: TicketEvent[]; until: number }>();

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

  /**
   * The timeline that came with the ticket document just read: the next listEvents of the ticket
   * within `forMs` is answered from it, once (the caller's view or transition lists the timeline of
   * the ticket it holds: the same document, so the same version). Not dropped by other calls.
   */
  read(ticketId: string, events: TicketEvent[], forMs: number): void {
    OwnWrites.keep(this.snapshots, ticketId, { events: structuredClone(events), until: Date.now() + forMs });
  }

  /**
   * The whole timeline before the event numbered `seq`, when the list this container read last for
   * the ticket ends at its predecessor (as committed() requires); null otherwise.
   */
  timelineBefore(ticketId: string, seq: number): TicketEvent[] | null {
    const before = this.lastListed.get(ticketId);
    const last = before && before.length > 0 ? before[before.length - 1] : undefined;
    return before && before.length === seq - 1 && (last?.seq ?? 0) === seq - 1 ? before : null;
  }

  /** Forgets every list written (the lists read are kept). */
  drop(): void {
    this.written.clear();
  }

  forget(ticketId: string): void {
    this.written.delete(ticketId);
    this.snapshots.delete(ticketId);
    this.lastListed.delete(ticketId);
  }

  /** The list this container just wrote, once; null when it must be read. */
  take(ticketId: string): TicketEvent[] | null {
    const mine = this.written.get(ticketId);
    this.written.delete(ticketId);
    const snapshot = this.snapshots.get(ticketId);
    this.snapshots.delete(ticketId);
    const events = mine && Date.now() - mine.at < OWN_WRITE_MS ? mine.events : snapshot && Date.now() < snapshot.until ? snapshot.events : null;
    if (!events) return null;
    this.listed(ticketId, events);
    return structuredClone(events);
  }
}

/**
 * The ticket read of a call, started alongside the caller's identity lookup (main.ts
 * callWithIdentity): the next getTicket of that id within the call is answered from it, once. It is
 * only a read; the use case authorizes the caller against the ticket as always before using it.
 */
export interface TicketPrefetch {
  prefetchTicket(id: string): void;
  /** Drops reads the call did not use (at the end of every call). */
  discardPrefetched(): void;
}

export function hasTicketPrefetch(store: object): store is TicketPrefetch {
  return typeof (store as Partial<TicketPrefetch>).prefetchTicket === 'function' && typeof (store as Partial<TicketPrefetch>).discardPrefetched === 'function';
}

export function createCloudbaseTicketStore(db: CbDatabase): TicketStore & TicketPrefetch {
  const _ = db.command;
  const push = pushOf(_);
  const tickets = () => db.collection(COLLECTIONS.tickets);
  const events = () => db.collection(COLLECTIONS.events);
  const outboxColl = () => db.collection(COLLECTIONS.outbox);
  const own = new OwnWrites();
  /** Ticket reads started before the caller's identity was known (prefetchTicket), each taken once. */
  const prefetched = new Map<string, Promise<DocData | null>>();

  async function readTicketDoc(id: string): Promise<DocData | null> {
    const { data } = await tickets().doc(id).get();
    return data[0] ?? null;
  }

  /** The ticket of a document read now; its timeline answers the next listEvents of it (OwnWrites.read). */
  function seen(doc: DocData, forMs: number): Ticket {
    const ticket = ticketFromDoc(doc);
    const timeline = timelineOf(doc);
    if (timeline) own.read(ticket.id, timeline, forMs);
    return ticket;
  }

  async function getTicket(id: string): Promise<Ticket | null> {
    const early = prefetched.get(id);
    prefetched.delete(id);
    const doc = early ? await early : await readTicketDoc(id);
    return doc ? seen(doc, OWN_WRITE_MS) : null;
  }

  /** Events of tickets stored before timelines lived in the ticket document (the events collection). */
  async function legacyEvents(ticketIds: string[]): Promise<TicketEvent[]> {
    const out: TicketEvent[] = [];
    for (const ids of chunk(ticketIds, 100)) {
      const docs = await getAll(events().where({ ticketId: _.in(ids) }).orderBy('ticketId', 'asc').orderBy('seq', 'asc').orderBy('_id', 'asc'));
      out.push(...docs.map((d) => fromDoc<TicketEvent>(d)));
    }
    return out;
  }

  /**
   * The hand-over messages of a committed write, copied to the outbox collection (one batch insert).
   * A failure is not the transition's: it has committed, and its messages wait in the ticket
   * document's outboxPending until the notify timer copies them (outbox-store.ts).
   */
  async function copyMessages(messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // Tried twice: a dropped connection (ECONNRESET) is the usual failure. A first try that did land
    // makes the second a duplicate (the ids are fixed): the messages are there.
    for (let attempt = 1; ; attempt++) {
      try {
        await outboxColl().add(messageDocs(messages));
        return;
      } catch (error) {
        if (attempt > 1 && isDuplicateWrite(error)) return;
        if (attempt >= COPY_ATTEMPTS) {
          console.warn(`outbox copy left to the notify timer: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
      }
    }
  }

  /** One page of ticket documents, newest first (createdAt desc, _id desc), and the cursor of the next. */
  async function queryDocs(filter: TicketFilter, page: Page): Promise<{ docs: DocData[]; next: string | null }> {
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
    const docs = data.slice(0, limit);
    const more = data.length > limit || (fetch === limit && data.length === limit);
    const last = docs[docs.length - 1];
    return { docs, next: more && last ? encodeCursor(ticketFromDoc(last)) : null };
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
    if (filter.updatedFrom !== undefined) conditions.push({ updatedAt: _.gte(filter.updatedFrom) });
    if (filter.groupIds) conditions.push({ sharedGroups: _.in(filter.groupIds) });
    // The grid queue's search as regular expressions, with what was typed escaped (data, never a
    // pattern): the SDK sends a JS RegExp as EJSON $regularExpression (@cloudbase/database 1.4.3
    // serializer/query.js encodeRegExp); the WeChat cloud database guide's where({ field: /…/ }).
    if (filter.noPrefix !== undefined) conditions.push({ no: new RegExp(`^${escapeRegExp(filter.noPrefix)}`) });
    if (filter.text !== undefined) conditions.push({ description: new RegExp(escapeRegExp(filter.text)) });
    // A property company's own list: not its conduct complaints, nor those naming no company
    // (Command.nin "要求值不在给定的数组内"; null in it also leaves out an absent field, as MongoDB's $nin).
    const conduct = filter.withoutConductOf;
    if (conduct && conduct.categories.length > 0) {
      const categories = [...conduct.categories];
      conditions.push(conduct.companyId === null ? { category: _.nin(categories) } : _.or([{ category: _.nin(categories) }, { propertyCompanyId: _.nin([null, conduct.companyId]) }]));
    }
    return conditions;
  }

  /** The tickets queryDocs would page through for the filter, counted in one request. */
  async function countDocs(filter: TicketFilter): Promise<number> {
    const conditions = filterConditions(filter);
    const query = conditions.length > 0 ? tickets().where(_.and(conditions)) : tickets().where({});
    const { total } = await query.count();
    return total;
  }

  /**
   * The record fields of a transition's update, when this container knows the ticket's whole
   * timeline before the step (OwnWrites.timelineBefore: the list the caller numbered the event from;
   * the update's version check proves nothing came between). Otherwise the record is left at its
   * older version, which tells a report to rebuild it (ticket-facts.ts).
   */
  function factsUpdate(next: Ticket, before: TicketEvent[] | null, added: readonly TicketEvent[]): DocData {
    if (!before) return {};
    const { facts, factsVersion } = factsFieldsOf(next, [...before, ...added]);
    return { facts: _.set(facts), factsVersion };
  }

  /** The factsRecord sources of ticket-facts.ts: rebuilds read the documents and their timelines. */
  const factsSource = {
    tickets,
    _,
    readDocs: async (ids: string[]) => (await tickets().where({ _id: _.in(ids) }).limit(MAX_PAGE).get()).data,
    ticketAndTimeline: async (doc: DocData) => ({ ticket: ticketFromDoc(doc), timeline: timelineOf(doc) ?? (await legacyEvents([String(doc._id)])) }),
  };

  const store: TicketStore & TicketPrefetch = {
    getTicket,

    prefetchTicket(id) {
      const read = readTicketDoc(id);
      // A read nobody takes must not become an unhandled rejection; a taker sees the error.
      read.catch(() => undefined);
      prefetched.set(id, read);
    },

    discardPrefetched() {
      prefetched.clear();
    },

    async getTicketByNo(no) {
      const { data } = await tickets().where({ no }).limit(1).get();
      const doc = data[0];
      return doc ? ticketFromDoc(doc) : null;
    },

    async findByIdempotencyKey(reporterUserId, idempotencyKey) {
      const key = pairId(reporterUserId, idempotencyKey);
      // The ticket that carries the key, or (created before idemKey) the idempotency collection's record.
      const [{ data }, legacy] = await Promise.all([tickets().where({ idemKey: key }).limit(1).get(), db.collection(COLLECTIONS.idempotency).doc(key).get()]);
      if (data[0]) return seen(data[0], OWN_WRITE_MS);
      const ticketId = legacy.data[0]?.ticketId;
      return typeof ticketId === 'string' ? getTicket(ticketId) : null;
    },

    async createTicket({ ticket, event, idempotencyKey, outbox }) {
      checkEvent(ticket, event);
      const key = pairId(ticket.reporter.userId, idempotencyKey);
      // One insert, atomic by itself (issue 17 §2): the ticket with its idempotency key (unique), its
      // timeline and its hand-over messages; then the messages are copied to the outbox as after a
      // transition. A second insert with the key fails on idemKey_unique: the retry signal.
      const doc: DocData = { ...ticketDoc(ticket), idemKey: key, timeline: [eventDoc(event)], ...factsFieldsOf(ticket, [event]) };
      if (outbox.length > 0) {
        doc.outboxPending = messageDocs(outbox);
        doc.outboxPendingAt = event.at;
      }
      try {
        await tickets().add(doc);
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error;
        const { data } = await tickets().where({ idemKey: key }).limit(1).get();
        // A duplicate of something else (a ticket id or number reused) is a real error, not a retry.
        if (!data[0]) throw error;
        return { ticket: ticketFromDoc(data[0]), created: false };
      }
      own.created(ticket.id, event);
      await copyMessages(outbox);
      return { ticket, created: true };
    },

    async commitTransition({ next, expectedVersion, event, outbox }) {
      checkEvent(next, event);
      // A write that does not move the version would let a second writer at the same version through.
      if (next.version <= expectedVersion) throw new Error(`新版本 ${next.version} 必须大于预期版本 ${expectedVersion}`);
      // One request, atomic by itself (issue 17 §2–3): a version-checked where().update() of the
      // ticket document that writes the ticket, pushes the event onto its timeline and the hand-over
      // messages onto its outboxPending. MongoDB applies a single-document update whole or not at all,
      // so no failure leaves a moved ticket without its event or its messages; a concurrent writer of
      // the same version matches nothing (updated 0): StoreConflictError. The messages are then copied
      // to the outbox collection (copyMessages); before, the transition was a transaction of
      // 5 + one request per message, each its own round trip.
      const update: DocData = { ...ticketUpdate(next, _), timeline: push([eventDoc(event)]), ...factsUpdate(next, own.timelineBefore(next.id, event.seq), [event]) };
      if (outbox.length > 0) {
        update.outboxPending = push(messageDocs(outbox));
        update.outboxPendingAt = event.at;
      }
      try {
        const { updated } = await tickets().where({ _id: next.id, version: expectedVersion }).update(update);
        if (updated !== 1) throw new StoreConflictError();
      } catch (error) {
        own.forget(next.id);
        throw error;
      }
      own.committed(next.id, event);
      await copyMessages(outbox);
    },

    async commitTransitionRuns(runs) {
      // Each run is one update of its ticket document, as commitTransition (the last step's ticket,
      // every step's event and messages pushed), all sent together; then one insert copies the
      // messages of the runs that committed (issue 17 §2: a sweep of 50 due tickets in ≈ 55 requests).
      const writes = runs.map(async ({ expectedVersion, steps }) => {
        const last = steps[steps.length - 1];
        if (!last) return { ok: true, messages: [] as OutboxMessage[] };
        let version = expectedVersion;
        for (const { next, event } of steps) {
          checkEvent(next, event);
          if (next.version <= version) throw new Error(`新版本 ${next.version} 必须大于预期版本 ${version}`);
          version = next.version;
        }
        const messages = steps.flatMap((s) => s.outbox);
        const first = steps[0] as (typeof steps)[number];
        const update: DocData = {
          ...ticketUpdate(last.next, _),
          timeline: push(steps.map((s) => eventDoc(s.event))),
          ...factsUpdate(last.next, own.timelineBefore(last.next.id, first.event.seq), steps.map((s) => s.event)),
        };
        if (messages.length > 0) {
          update.outboxPending = push(messageDocs(messages));
          update.outboxPendingAt = last.event.at;
        }
        own.forget(last.next.id);
        const { updated } = await tickets().where({ _id: last.next.id, version: expectedVersion }).update(update);
        return { ok: updated === 1, messages };
      });
      const settled = await Promise.allSettled(writes);
      await copyMessages(settled.flatMap((r) => (r.status === 'fulfilled' && r.value.ok ? r.value.messages : [])));
      // A run whose request failed may or may not have committed: the caller sees the error; the
      // messages of those that did wait in their documents for the notify timer.
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      return settled.map((r) => r.status === 'fulfilled' && r.value.ok);
    },

    async listEvents(ticketId) {
      const mine = own.take(ticketId);
      if (mine) return mine;
      const doc = await readTicketDoc(ticketId);
      const list = doc ? (timelineOf(doc) ?? (await legacyEvents([ticketId]))) : [];
      own.listed(ticketId, list);
      return list;
    },

    async listEventsFor(ticketIds) {
      const out: TicketEvent[] = [];
      const legacy: string[] = [];
      for (const ids of chunk([...new Set(ticketIds)], 100)) {
        const docs = await getAll(tickets().where({ _id: _.in(ids) }).orderBy('_id', 'asc'));
        for (const doc of docs) {
          const timeline = timelineOf(doc);
          if (timeline) out.push(...timeline);
          else legacy.push(String(doc._id));
        }
      }
      if (legacy.length > 0) out.push(...(await legacyEvents(legacy)));
      // The order of the events collection's query: by ticket, then seq.
      return out.sort((a, b) => (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : a.seq - b.seq));
    },

    async queryTickets(filter: TicketFilter, page: Page) {
      const { docs, next } = await queryDocs(filter, page);
      return { items: docs.map((d) => ticketFromDoc(d)), next };
    },

    countTickets: countDocs,

    async queryTicketFacts(filter: TicketFilter, page: Page) {
      // The records of shared/metrics factsRecord, as the SQLite store keeps them (ticket_facts), from
      // the same page of ticket documents as queryTickets: each document holds its ticket and its
      // whole timeline (issue 17 §3), so a report reads no event; tickets stored before timelines
      // lived in the document get theirs from the events collection, for the page at once.
      const { docs, next } = await queryDocs(filter, page);
      const legacy = docs.filter((d) => !timelineOf(d)).map((d) => String(d._id));
      const older = new Map<string, TicketEvent[]>();
      for (const e of legacy.length > 0 ? await legacyEvents(legacy) : []) older.set(e.ticketId, [...(older.get(e.ticketId) ?? []), e]);
      const items = docs.map((d) => {
        const ticket = ticketFromDoc(d);
        return factsRecord(ticket, timelineOf(d) ?? older.get(ticket.id) ?? []);
      });
      return { items, next };
    },

    async listTicketFacts(filter: TicketFilter) {
      // Every record of the filter's tickets in one aggregate request per 1,000 days (ticket-facts.ts),
      // instead of one queryTicketFacts page per 1,000 tickets (issue 17 §3).
      return aggregateFacts(factsSource, filterConditions(filter));
    },

    async findDueForSweep(now, limit) {
      const { data } = await tickets()
        .where({ sweepAt: _.lte(now), state: _.nin(TERMINAL_STATES) })
        .orderBy('sweepAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(clampLimit(limit))
        .get();
      // A sweep run works through its due list within the function's timeout, listing each
      // ticket's timeline once: the timelines read here answer those (a step planned from a stale
      // one fails the version check).
      return data.map((d) => seen(d, SWEEP_SNAPSHOT_MS));
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
      // One request (issue 17 §2): `$inc` on the counter, answered with the document after it
      // (Query.updateAndReturn, @cloudbase/database 1.4.3 dist/commonjs/query.js: database.modifyAndReturnDoc).
      // MongoDB applies $inc atomically, so concurrent callers get distinct values. A counter that does
      // not exist yet is created at 1 by add(), whose duplicate key tells a loser to increment instead.
      const counter = db.collection(COLLECTIONS.sequences).where({ _id: name }) as ReturnType<CbCollection['where']> & {
        updateAndReturn(data: DocData): Promise<{ updated: number; doc: DocData | null }>;
      };
      for (let attempt = 0; attempt < SEQUENCE_ATTEMPTS; attempt++) {
        const { updated, doc } = await counter.updateAndReturn({ value: _.inc(1) });
        if (updated === 1 && typeof doc?.value === 'number') return doc.value;
        try {
          await db.collection(COLLECTIONS.sequences).add({ _id: name, value: 1 });
          return 1;
        } catch (error) {
          if (!isDuplicateWrite(error)) throw error;
        }
      }
      throw new StoreConflictError(`序号 ${name} 争用过于频繁，请稍后重试`);
    },
  };
  // Own writes are answered only to the very next call of this store: any other call first forgets them.
  for (const name of Object.keys(store) as Array<keyof typeof store>) {
    const method = store[name];
    if (name === 'listEvents' || name === 'prefetchTicket' || name === 'discardPrefetched' || typeof method !== 'function') continue;
    (store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      own.drop();
      return (method as (...a: unknown[]) => unknown).apply(store, args);
    };
  }
  return store;
}
