/**
 * The Store contract (shared/ports/store.ts): every adapter (SQLite, CloudBase) runs this suite.
 * Each test opens a fresh, empty store. Lists whose order the port leaves open are compared by id.
 */
import type { Invitation } from '../../shared/domain/invitation';
import type { OutboxMessage } from '../../shared/domain/outbox';
import type { Ticket } from '../../shared/domain/ticket';
import type { Violation } from '../../shared/domain/violation';
import { factsRecord } from '../../shared/metrics/facts';
import { StoreConflictError, type PhotoCheck, type Store, type TicketFilter } from '../../shared/ports/store';
import {
  CO_UNIT,
  ESTATE_ID,
  GRID_ID,
  LEAD_UNIT,
  REPORTER_ID,
  STREET_ID,
  T0,
  makeEstate,
  makeEvent,
  makeGrid,
  makeOutbox,
  makeOwnerGroup,
  makePropertyCompany,
  makeTicket,
  makeUnitContact,
  makeUser,
  minutesAfter,
  nextVersion,
} from '../support/fixtures';

let violationSeq = 0;
/** A confirmed 九不准 breach (the shared fixtures have no builder for it yet). */
function makeViolation(overrides: Partial<Violation> = {}): Violation {
  violationSeq += 1;
  const ticketId = `t-v${String(violationSeq).padStart(4, '0')}`;
  const item = overrides.item ?? 7;
  return {
    id: `v:${ticketId}:${item}`,
    companyId: 'yongning.pc.jinxiu',
    item,
    year: 2026,
    jurisdiction: 'yongning',
    ticketId,
    ticketNo: `YN-20261123-9${String(violationSeq).padStart(3, '0')}`,
    estateId: ESTATE_ID,
    streetId: STREET_ID,
    category: 'illegal-fee',
    note: '经核实，物业擅自上调停车费',
    confirmedAt: minutesAfter(violationSeq),
    confirmedBy: { userId: 'u-street-1', role: 'street', unitId: STREET_ID, name: '街道老张' },
    ...overrides,
  };
}

export interface OpenedStore {
  store: Store;
  cleanup(): Promise<void>;
}

const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const ids = (list: ReadonlyArray<{ id: string }>): string[] => list.map((x) => x.id);
const sortedIds = (list: ReadonlyArray<{ id: string }>): string[] => ids(list).sort();

/** The order queues promise: createdAt desc, then id desc. */
function newestFirst(list: readonly Ticket[]): Ticket[] {
  return [...list].sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function describeStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      const opened = await open();
      store = opened.store;
      cleanup = opened.cleanup;
    });

    afterEach(async () => {
      await cleanup();
    });

    /** Creates a ticket with its submit event; returns the ticket and the event. */
    async function create(overrides: Partial<Ticket> = {}, extra: { key?: string; outbox?: OutboxMessage[] } = {}) {
      const ticket = makeTicket(overrides);
      const event = makeEvent(ticket);
      const result = await store.createTicket({ ticket, event, idempotencyKey: extra.key ?? `key-${ticket.id}`, outbox: extra.outbox ?? [] });
      expect(result.created).toBe(true);
      return { ticket, event };
    }

    /** Commits the next version of `ticket` (seq = version) with the given changes. */
    async function transition(ticket: Ticket, changes: Partial<Ticket> = {}, outbox: OutboxMessage[] = []) {
      const next = nextVersion(ticket, changes);
      const event = makeEvent(next, { action: 'accept', from: ticket.state, to: next.state });
      await store.commitTransition({ next, expectedVersion: ticket.version, event, outbox });
      return { next, event };
    }

    async function queryAll(filter: TicketFilter): Promise<string[]> {
      const page = await store.queryTickets(filter, { limit: 100 });
      expect(page.next).toBeNull();
      return ids(page.items);
    }

    describe('createTicket and reads', () => {
      it('stores the ticket and its first event; getTicket and getTicketByNo read them back', async () => {
        const { ticket, event } = await create();
        expect(await store.getTicket(ticket.id)).toEqual(ticket);
        expect(await store.getTicketByNo(ticket.no)).toEqual(ticket);
        expect(await store.listEvents(ticket.id)).toEqual([event]);
        expect(await store.getTicket('no-such-ticket')).toBeNull();
        expect(await store.getTicketByNo('YN-19990101-0001')).toBeNull();
      });

      it('returns the created ticket with created=true', async () => {
        const ticket = makeTicket();
        const result = await store.createTicket({ ticket, event: makeEvent(ticket), idempotencyKey: 'k1', outbox: [] });
        expect(result).toEqual({ ticket, created: true });
      });

      it('a retry with the same idempotency key returns the stored ticket with created=false and writes nothing', async () => {
        const first = makeTicket();
        const msg = makeOutbox({ ticketId: first.id });
        await store.createTicket({ ticket: first, event: makeEvent(first), idempotencyKey: 'same-key', outbox: [msg] });
        // The retry carries fresh server-made ids (a new ticket id, number, event id, message id).
        const retry = makeTicket({ reporter: first.reporter });
        const retryMsg = makeOutbox({ ticketId: retry.id });
        const again = await store.createTicket({ ticket: retry, event: makeEvent(retry), idempotencyKey: 'same-key', outbox: [retryMsg] });

        expect(again.created).toBe(false);
        expect(again.ticket).toEqual(first);
        expect(await store.getTicket(retry.id)).toBeNull();
        expect(await store.getTicketByNo(retry.no)).toBeNull();
        expect(await store.listEvents(first.id)).toHaveLength(1);
        expect(await store.listEvents(retry.id)).toEqual([]);
        expect(await queryAll({ reporterUserId: first.reporter.userId })).toEqual([first.id]);
        expect(ids(await store.pendingOutbox(10))).toEqual([msg.id]);
      });

      it('concurrent submissions with one idempotency key make one ticket', async () => {
        const tickets = [makeTicket(), makeTicket(), makeTicket()];
        const results = await Promise.all(
          tickets.map((ticket) => store.createTicket({ ticket, event: makeEvent(ticket), idempotencyKey: 'double-tap', outbox: [] })),
        );
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
        expect(await store.countSubmissionsSince(REPORTER_ID, T0)).toBe(1);
      });

      it('findByIdempotencyKey finds the ticket a (reporter, key) pair created, and nothing else', async () => {
        const ticket = makeTicket();
        await store.createTicket({ ticket, event: makeEvent(ticket), idempotencyKey: 'draft-42', outbox: [] });
        expect(await store.findByIdempotencyKey(ticket.reporter.userId, 'draft-42')).toEqual(ticket);
        expect(await store.findByIdempotencyKey(ticket.reporter.userId, 'draft-43')).toBeNull();
        expect(await store.findByIdempotencyKey('u-someone-else', 'draft-42')).toBeNull();
        // It returns the current version, not the submitted one.
        const { next } = await transition(ticket, { state: 'accepted' });
        expect(await store.findByIdempotencyKey(ticket.reporter.userId, 'draft-42')).toEqual(next);
      });

      it('the idempotency key is scoped to the reporter', async () => {
        const a = makeTicket({ reporter: { userId: 'u-a', anonymous: false } });
        const b = makeTicket({ reporter: { userId: 'u-b', anonymous: true } });
        const ra = await store.createTicket({ ticket: a, event: makeEvent(a), idempotencyKey: 'k', outbox: [] });
        const rb = await store.createTicket({ ticket: b, event: makeEvent(b), idempotencyKey: 'k', outbox: [] });
        expect([ra.created, rb.created]).toEqual([true, true]);
        expect(await store.getTicket(b.id)).toEqual(b);
      });

      it('enqueues the submission outbox messages with the ticket', async () => {
        const ticket = makeTicket();
        const msgs = [makeOutbox({ ticketId: ticket.id }), makeOutbox({ ticketId: ticket.id, recipientUserId: 'u-grid-2' })];
        await store.createTicket({ ticket, event: makeEvent(ticket), idempotencyKey: 'k', outbox: msgs });
        expect(byId(await store.pendingOutbox(10))).toEqual(byId(msgs));
      });
    });

    describe('commitTransition', () => {
      it('with the current version: stores the next ticket, appends the event and enqueues the outbox', async () => {
        const { ticket, event: e1 } = await create();
        const msg = makeOutbox({ ticketId: ticket.id, kind: 'whistled', recipientUserId: 'u-dept-1' });
        const { next, event: e2 } = await transition(
          ticket,
          { state: 'whistled', assignedUnits: [LEAD_UNIT], holder: { kind: 'units', ids: [LEAD_UNIT] } },
          [msg],
        );
        expect(await store.getTicket(ticket.id)).toEqual(next);
        expect(await store.listEvents(ticket.id)).toEqual([e1, e2]);
        expect(await store.pendingOutbox(10)).toEqual([msg]);
      });

      it('with a stale version: throws StoreConflictError and writes nothing (ticket, events, outbox)', async () => {
        const { ticket } = await create();
        const { next: v2, event: e2 } = await transition(ticket, { state: 'accepted' });
        const eventsBefore = await store.listEvents(ticket.id);
        const outboxBefore = await store.pendingOutbox(100);

        // A second officer acts on the version-1 copy they loaded earlier.
        const stale = nextVersion(ticket, { state: 'rejected', description: '旧版本上的修改' });
        const staleEvent = makeEvent(stale, { action: 'reject', from: 'submitted', to: 'rejected' });
        const staleMsg = makeOutbox({ ticketId: ticket.id, kind: 'status' });
        const attempt = store.commitTransition({ next: stale, expectedVersion: 1, event: staleEvent, outbox: [staleMsg] });
        await expect(attempt).rejects.toBeInstanceOf(StoreConflictError);
        await expect(attempt).rejects.toMatchObject({ code: 'TICKET.VERSION_CONFLICT' });

        expect(await store.getTicket(ticket.id)).toEqual(v2);
        expect(await store.listEvents(ticket.id)).toEqual(eventsBefore);
        expect(eventsBefore[1]).toEqual(e2);
        expect(await store.pendingOutbox(100)).toEqual(outboxBefore);
        expect(ids(await store.listInbox(staleMsg.recipientUserId, { limit: 100 }))).not.toContain(staleMsg.id);
      });

      it('two concurrent transitions from the same version: exactly one wins, the other conflicts', async () => {
        const { ticket, event: e1 } = await create();
        const a = nextVersion(ticket, { state: 'accepted', description: '甲的受理' });
        const b = nextVersion(ticket, { state: 'rejected', description: '乙的驳回' });
        const ea = makeEvent(a, { action: 'accept', from: 'submitted', to: 'accepted' });
        const eb = makeEvent(b, { action: 'reject', from: 'submitted', to: 'rejected' });
        const ma = makeOutbox({ ticketId: ticket.id });
        const mb = makeOutbox({ ticketId: ticket.id });
        const results = await Promise.allSettled([
          store.commitTransition({ next: a, expectedVersion: 1, event: ea, outbox: [ma] }),
          store.commitTransition({ next: b, expectedVersion: 1, event: eb, outbox: [mb] }),
        ]);
        const won = results.findIndex((r) => r.status === 'fulfilled');
        const lost = results.find((r) => r.status === 'rejected');
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(lost && lost.status === 'rejected' && lost.reason).toBeInstanceOf(StoreConflictError);

        const [winner, winnerEvent, winnerMsg] = won === 0 ? [a, ea, ma] : [b, eb, mb];
        expect(await store.getTicket(ticket.id)).toEqual(winner);
        expect(await store.listEvents(ticket.id)).toEqual([e1, winnerEvent]);
        expect(await store.pendingOutbox(10)).toEqual([winnerMsg]);
      });

      it('listEvents returns the whole history in seq order; listEventsFor gathers several tickets', async () => {
        const { ticket: t1, event: e1 } = await create();
        const s2 = await transition(t1, { state: 'accepted' });
        const s3 = await transition(s2.next, { state: 'whistled', assignedUnits: [LEAD_UNIT] });
        const s4 = await transition(s3.next, { state: 'acknowledged', acknowledgedUnits: [LEAD_UNIT] });
        const { ticket: t2, event: f1 } = await create();
        const u2 = await transition(t2, { state: 'accepted' });
        const { ticket: other } = await create();

        const history = await store.listEvents(t1.id);
        expect(history).toEqual([e1, s2.event, s3.event, s4.event]);
        expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4]);

        const both = await store.listEventsFor([t1.id, t2.id]);
        expect(both.filter((e) => e.ticketId === t1.id)).toEqual(history);
        expect(both.filter((e) => e.ticketId === t2.id)).toEqual([f1, u2.event]);
        expect(both.some((e) => e.ticketId === other.id)).toBe(false);
        expect(both).toHaveLength(6);
        expect(await store.listEventsFor([])).toEqual([]);
        expect(await store.listEvents('no-such-ticket')).toEqual([]);
      });
    });

    describe('queryTickets', () => {
      it('filters by each field (all given fields must hold; list fields match any value)', async () => {
        const a = (
          await create({ jurisdiction: 'yongning', category: 'fly-wire', createdAt: minutesAfter(1), reporter: { userId: 'u-a', anonymous: false } })
        ).ticket;
        const b = (
          await create({
            jurisdiction: 'yinchuan',
            estateId: 'yinchuan.e.1',
            gridId: 'yinchuan.g.1',
            streetId: 'yinchuan.t.1',
            category: 'parking',
            createdAt: minutesAfter(2),
            route: { lead: [{ id: 'yinchuan.gaj', name: '市公安局' }], responsible: [], basis: [] },
            reporter: { userId: 'u-b', anonymous: false },
          })
        ).ticket;
        const c = (
          await create({
            jurisdiction: 'wuzhong',
            estateId: 'wuzhong.e.1',
            gridId: 'wuzhong.g.1',
            streetId: 'wuzhong.t.1',
            category: 'noise',
            createdAt: minutesAfter(3),
            route: { lead: [], responsible: [{ id: 'wuzhong.sthj', name: '市生态环境局' }], basis: [] },
            sharedGroups: ['g-owners-1'],
            reporter: { userId: 'u-a', anonymous: false },
          })
        ).ticket;
        const cAccepted = (await transition(c, { state: 'accepted' })).next;

        expect(await queryAll({})).toEqual([c.id, b.id, a.id]);
        expect(await queryAll({ jurisdiction: 'yinchuan' })).toEqual([b.id]);
        expect(await queryAll({ jurisdictions: ['yongning', 'wuzhong'] })).toEqual([c.id, a.id]);
        expect(await queryAll({ estateIds: [ESTATE_ID, 'yinchuan.e.1'] })).toEqual([b.id, a.id]);
        expect(await queryAll({ gridIds: ['wuzhong.g.1'] })).toEqual([c.id]);
        expect(await queryAll({ streetIds: [STREET_ID] })).toEqual([a.id]);
        expect(await queryAll({ reporterUserId: 'u-a' })).toEqual([c.id, a.id]);
        expect(await queryAll({ states: ['accepted'] })).toEqual([c.id]);
        expect(await queryAll({ states: ['submitted', 'closed'] })).toEqual([b.id, a.id]);
        expect(await queryAll({ categories: ['parking', 'noise'] })).toEqual([c.id, b.id]);
        // Route lead, route co-responsible and assigned units all put a ticket in the unit's queue.
        expect(await queryAll({ unitIds: [LEAD_UNIT] })).toEqual([a.id]);
        expect(await queryAll({ unitIds: [CO_UNIT] })).toEqual([a.id]);
        expect(await queryAll({ unitIds: ['yinchuan.gaj', 'wuzhong.sthj'] })).toEqual([c.id, b.id]);
        expect(await queryAll({ groupIds: ['g-owners-1', 'g-other'] })).toEqual([c.id]);
        expect(await queryAll({ createdFrom: minutesAfter(2), createdTo: minutesAfter(3) })).toEqual([b.id]);
        expect(await queryAll({ createdFrom: minutesAfter(2) })).toEqual([c.id, b.id]);
        expect(await queryAll({ createdTo: minutesAfter(2) })).toEqual([a.id]);
        expect(await queryAll({ jurisdictions: ['yongning', 'wuzhong'], reporterUserId: 'u-a', categories: ['noise'] })).toEqual([c.id]);
        expect(await queryAll({ jurisdiction: 'yinchuan', reporterUserId: 'u-a' })).toEqual([]);

        const page = await store.queryTickets({ states: ['accepted'] }, { limit: 10 });
        expect(page.items).toEqual([cAccepted]);
      });

      it('an empty list filter matches nothing (an empty scope is "none", never "all")', async () => {
        await create();
        for (const filter of [
          { estateIds: [] },
          { gridIds: [] },
          { streetIds: [] },
          { unitIds: [] },
          { jurisdictions: [] },
          { states: [] },
          { categories: [] },
          { groupIds: [] },
        ] satisfies TicketFilter[]) {
          expect(await store.queryTickets(filter, { limit: 10 })).toEqual({ items: [], next: null });
        }
      });

      it('follows transitions: the unit, group and state indexes move with the ticket', async () => {
        const { ticket } = await create();
        expect(await queryAll({ unitIds: ['yongning.zhzf'] })).toEqual([]);
        const { next } = await transition(ticket, { state: 'whistled', assignedUnits: ['yongning.zhzf'], sharedGroups: ['g-9'] });
        expect(await queryAll({ unitIds: ['yongning.zhzf'] })).toEqual([ticket.id]);
        expect(await queryAll({ groupIds: ['g-9'] })).toEqual([ticket.id]);
        expect(await queryAll({ states: ['whistled'] })).toEqual([ticket.id]);
        // Re-routed away from the unit (return + reroute): it leaves that unit's queue.
        await transition(next, {
          state: 'returned',
          assignedUnits: [],
          sharedGroups: [],
          route: { lead: [{ id: 'yongning.gaj', name: '县公安局' }], responsible: [], basis: [] },
        });
        expect(await queryAll({ unitIds: ['yongning.zhzf'] })).toEqual([]);
        expect(await queryAll({ unitIds: [LEAD_UNIT] })).toEqual([]);
        expect(await queryAll({ unitIds: ['yongning.gaj'] })).toEqual([ticket.id]);
        expect(await queryAll({ groupIds: ['g-9'] })).toEqual([]);
        expect(await queryAll({ states: ['whistled'] })).toEqual([]);
      });

      it('follows transitions that place or move a ticket: estate, grid, street and jurisdiction queues; unchanged ones stay', async () => {
        const { ticket } = await create({ estateId: null, gridId: null, streetId: null });
        const other = await create();
        expect(await queryAll({ estateIds: [ESTATE_ID] })).toEqual([other.ticket.id]);
        const { next } = await transition(ticket, { estateId: ESTATE_ID, gridId: GRID_ID, streetId: STREET_ID });
        expect((await queryAll({ estateIds: [ESTATE_ID] })).sort()).toEqual([ticket.id, other.ticket.id].sort());
        expect((await queryAll({ gridIds: [GRID_ID] })).sort()).toEqual([ticket.id, other.ticket.id].sort());
        expect((await queryAll({ streetIds: [STREET_ID] })).sort()).toEqual([ticket.id, other.ticket.id].sort());
        // A transition that changes none of them (a state move) keeps the ticket in every queue.
        const { next: accepted } = await transition(next, { state: 'accepted' });
        expect((await queryAll({ gridIds: [GRID_ID], states: ['accepted'] }))).toEqual([ticket.id]);
        await transition(accepted, { jurisdiction: 'qitai', estateId: 'qitai.e.1', gridId: null, streetId: 'qitai.t.1' });
        expect(await queryAll({ estateIds: [ESTATE_ID] })).toEqual([other.ticket.id]);
        expect(await queryAll({ gridIds: [GRID_ID] })).toEqual([other.ticket.id]);
        expect(await queryAll({ jurisdiction: 'qitai' })).toEqual([ticket.id]);
        expect(await queryAll({ streetIds: ['qitai.t.1'] })).toEqual([ticket.id]);
        expect(await queryAll({ jurisdiction: 'yongning' })).toEqual([other.ticket.id]);
      });

      it('pages newest first with a cursor: no duplicates, no gaps, ties on createdAt broken by id', async () => {
        const created: Ticket[] = [];
        // Nine tickets over four instants, three of them sharing one instant.
        for (const m of [5, 1, 3, 3, 3, 2, 4, 1, 5]) created.push((await create({ createdAt: minutesAfter(m) })).ticket);
        const expected = ids(newestFirst(created));

        const seen: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 10; pages++) {
          const page: { items: Ticket[]; next: string | null } = await store.queryTickets({}, { limit: 2, after });
          expect(page.items.length).toBeLessThanOrEqual(2);
          if (page.items.length < 2) expect(page.next).toBeNull();
          seen.push(...ids(page.items));
          after = page.next;
          if (!after) break;
        }
        expect(after).toBeNull();
        expect(seen).toEqual(expected);
      });

      it('refuses a forged cursor with INPUT.INVALID_CURSOR', async () => {
        await create({ createdAt: minutesAfter(1) });
        for (const after of ['not-a-cursor', Buffer.from('[1,2]').toString('base64url'), Buffer.from('"x"').toString('base64url')]) {
          await expect(store.queryTickets({}, { limit: 2, after })).rejects.toMatchObject({ code: 'INPUT.INVALID_CURSOR' });
        }
      });

      it('a ticket created while paging does not shift later pages', async () => {
        for (let m = 1; m <= 5; m++) await create({ createdAt: minutesAfter(m) });
        const first = await store.queryTickets({}, { limit: 2 });
        const newer = (await create({ createdAt: minutesAfter(60) })).ticket;
        const rest = await store.queryTickets({}, { limit: 10, after: first.next });
        const all = [...ids(first.items), ...ids(rest.items)];
        expect(new Set(all).size).toBe(5);
        expect(all).not.toContain(newer.id);
        expect(rest.next).toBeNull();
      });

      it('pages within a filter', async () => {
        const mine: Ticket[] = [];
        for (let m = 1; m <= 5; m++) {
          mine.push((await create({ createdAt: minutesAfter(m), estateId: 'e-paged' })).ticket);
          await create({ createdAt: minutesAfter(m), estateId: 'e-other' });
        }
        const p1 = await store.queryTickets({ estateIds: ['e-paged'] }, { limit: 3 });
        const p2 = await store.queryTickets({ estateIds: ['e-paged'] }, { limit: 3, after: p1.next });
        expect([...ids(p1.items), ...ids(p2.items)]).toEqual(ids(newestFirst(mine)));
        expect(p2.next).toBeNull();
      });
    });

    describe('queryTicketFacts (where the adapter has it: SQLite keeps ticket_facts, CloudBase reads the ticket documents with their timelines)', () => {
      it('gives each ticket\'s metric facts record (shared/metrics factsRecord of the ticket and all its events) in queryTickets\' order and pages', async () => {
        if (!store.queryTicketFacts) throw new Error(`${name}: no queryTicketFacts`);
        const { ticket: a } = await create({ createdAt: minutesAfter(1) });
        const a2 = await transition(a, { state: 'accepted' });
        const a3 = await transition(a2.next, { state: 'whistled', assignedUnits: [LEAD_UNIT, CO_UNIT], holder: { kind: 'units', ids: [LEAD_UNIT, CO_UNIT] } });
        await transition(a3.next, { state: 'acknowledged', acknowledgedUnits: [LEAD_UNIT] });
        const { ticket: b } = await create({ createdAt: minutesAfter(2), category: 'noise' });
        await transition(b, { state: 'closed', closedAt: minutesAfter(30), sweepAt: null });
        await create({ createdAt: minutesAfter(3), estateId: 'other-estate' });

        const filter: TicketFilter = { estateIds: [ESTATE_ID] };
        const records = [];
        let after: string | null = null;
        do {
          const page: Awaited<ReturnType<NonNullable<Store['queryTicketFacts']>>> = await store.queryTicketFacts(filter, { limit: 1, after });
          records.push(...page.items);
          after = page.next;
        } while (after);
        const tickets = (await store.queryTickets(filter, { limit: 100 })).items;
        expect(records.map((r) => r.ticketId)).toEqual(ids(tickets));
        expect(records.map((r) => r.ticketId)).toEqual([b.id, a.id]);
        const expected = await Promise.all(tickets.map(async (t) => factsRecord(t, await store.listEvents(t.id))));
        expect(records).toEqual(expected);
        // The closed ticket has no open deadline left; the open one keeps its own.
        expect(records[0]).toMatchObject({ ticketId: b.id, category: 'noise', openDeadlines: null });
        expect(records[1]?.openDeadlines).toEqual((await store.getTicket(a.id))?.deadlines);
      });

      it('listTicketFacts gives every record queryTicketFacts pages through, in its order, after creates and transitions (issue 17 §3)', async () => {
        if (!store.listTicketFacts || !store.queryTicketFacts) throw new Error(`${name}: no listTicketFacts`);
        const { ticket: a } = await create({ createdAt: minutesAfter(1) });
        const a2 = await transition(a, { state: 'accepted' });
        await transition(a2.next, { state: 'whistled', assignedUnits: [LEAD_UNIT], holder: { kind: 'units', ids: [LEAD_UNIT] } });
        const { ticket: b } = await create({ createdAt: minutesAfter(2), category: 'noise' });
        await transition(b, { state: 'closed', closedAt: minutesAfter(30), sweepAt: null });
        await create({ createdAt: minutesAfter(3), estateId: 'other-estate' });
        await create({ createdAt: minutesAfter(200) });
        const filters: TicketFilter[] = [
          { estateIds: [ESTATE_ID] },
          { estateIds: [ESTATE_ID], createdFrom: minutesAfter(0), createdTo: minutesAfter(100) },
          { unitIds: [LEAD_UNIT] },
          { states: ['closed'] },
        ];
        for (const filter of filters) {
          const paged = [];
          let after: string | null = null;
          do {
            const page: Awaited<ReturnType<NonNullable<Store['queryTicketFacts']>>> = await store.queryTicketFacts(filter, { limit: 2, after });
            paged.push(...page.items);
            after = page.next;
          } while (after);
          expect(await store.listTicketFacts(filter)).toEqual(paged);
        }
        // Not vacuous: the window leaves out the later ticket; the unit's filter finds the whistled one.
        expect((await store.listTicketFacts(filters[1] as TicketFilter)).map((r) => r.ticketId)).toEqual([b.id, a.id]);
        expect((await store.listTicketFacts({ unitIds: [LEAD_UNIT] })).map((r) => r.ticketId)).toContain(a.id);
      });
    });

    describe('findDueForSweep', () => {
      const now = minutesAfter(100);

      it('returns open tickets with sweepAt ≤ now, oldest sweepAt first, at most `limit`', async () => {
        const due1 = (await create({ sweepAt: minutesAfter(10) })).ticket;
        const due2 = (await create({ sweepAt: minutesAfter(50), state: 'whistled' })).ticket;
        const dueNow = (await create({ sweepAt: now, state: 'resolved' })).ticket;
        await create({ sweepAt: minutesAfter(101) });
        await create({ sweepAt: null });
        await create({ sweepAt: minutesAfter(5), state: 'closed' });
        await create({ sweepAt: minutesAfter(6), state: 'rejected' });
        await create({ sweepAt: minutesAfter(7), state: 'merged' });

        expect(ids(await store.findDueForSweep(now, 10))).toEqual([due1.id, due2.id, dueNow.id]);
        expect(ids(await store.findDueForSweep(now, 2))).toEqual([due1.id, due2.id]);
        expect(await store.findDueForSweep(minutesAfter(9), 10)).toEqual([]);
        expect((await store.findDueForSweep(now, 1))[0]).toEqual(due1);
      });

      it('follows transitions: a ticket leaves the sweep when sweepAt clears or it closes', async () => {
        const a = (await create({ sweepAt: minutesAfter(10) })).ticket;
        const b = (await create({ sweepAt: minutesAfter(20) })).ticket;
        const c = (await create({ sweepAt: null })).ticket;
        await transition(a, { state: 'accepted', sweepAt: null });
        await transition(b, { state: 'closed', closedAt: minutesAfter(30) });
        await transition(c, { state: 'accepted', sweepAt: minutesAfter(40) });
        expect(ids(await store.findDueForSweep(now, 10))).toEqual([c.id]);
      });
    });

    describe('counters', () => {
      it('countSubmissionsSince counts this reporter’s tickets created at or after `since`', async () => {
        await create({ createdAt: minutesAfter(1) });
        await create({ createdAt: minutesAfter(2) });
        await create({ createdAt: minutesAfter(3) });
        await create({ createdAt: minutesAfter(3), reporter: { userId: 'u-other', anonymous: false } });
        expect(await store.countSubmissionsSince(REPORTER_ID, minutesAfter(2))).toBe(2);
        expect(await store.countSubmissionsSince(REPORTER_ID, minutesAfter(0))).toBe(3);
        expect(await store.countSubmissionsSince(REPORTER_ID, minutesAfter(4))).toBe(0);
        expect(await store.countSubmissionsSince('u-nobody', minutesAfter(0))).toBe(0);
      });

      it('addMeToo counts each user once; the count is on the ticket and survives a transition', async () => {
        const { ticket } = await create();
        expect(await store.addMeToo(ticket.id, 'u-n1', minutesAfter(10))).toBe(true);
        expect(await store.addMeToo(ticket.id, 'u-n1', minutesAfter(11))).toBe(false);
        expect(await store.addMeToo(ticket.id, 'u-n2', minutesAfter(12))).toBe(true);
        expect((await store.getTicket(ticket.id))?.meToo).toBe(2);
        // The transition was computed from a copy loaded before the "me too"s.
        await transition(ticket, { state: 'accepted' });
        expect((await store.getTicket(ticket.id))?.meToo).toBe(2);
        const { ticket: other } = await create();
        expect(await store.addMeToo(other.id, 'u-n1', minutesAfter(13))).toBe(true);
      });

      it('nextSequence counts per name from 1, also under concurrent calls', async () => {
        expect(await store.nextSequence('yongning-20261123')).toBe(1);
        expect(await store.nextSequence('yongning-20261123')).toBe(2);
        expect(await store.nextSequence('qitai-20261123')).toBe(1);
        const burst = await Promise.all(Array.from({ length: 10 }, () => store.nextSequence('yongning-20261123')));
        expect([...burst].sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      });
    });

    describe('directory', () => {
      it('estates: put, get, getEstateByScene, list by jurisdiction and ids; put replaces', async () => {
        const e1 = makeEstate();
        const e2 = makeEstate();
        const e3 = makeEstate({ jurisdiction: 'qitai', townshipId: 'qitai.t.1' });
        for (const e of [e1, e2, e3]) await store.putEstate(e);
        expect(await store.getEstate(e1.id)).toEqual(e1);
        expect(await store.getEstate('no-such-estate')).toBeNull();
        expect(await store.getEstateByScene(e2.sceneCode)).toEqual(e2);
        expect(await store.getEstateByScene('e=none')).toBeNull();
        expect(byId(await store.listEstates({ jurisdiction: 'yongning' }))).toEqual(byId([e1, e2]));
        expect(byId(await store.listEstates({ ids: [e1.id, e3.id, 'missing'] }))).toEqual(byId([e1, e3]));
        expect(byId(await store.listEstates({ jurisdiction: 'qitai', ids: [e1.id, e3.id] }))).toEqual([e3]);
        expect(byId(await store.listEstates({}))).toEqual(byId([e1, e2, e3]));
        expect(await store.listEstates({ ids: [] })).toEqual([]);

        const renamed = { ...e1, name: '锦绣花园（更名）', sceneCode: 'e=renamed' };
        await store.putEstate(renamed);
        expect(await store.getEstate(e1.id)).toEqual(renamed);
        expect(await store.getEstateByScene('e=renamed')).toEqual(renamed);
        expect(await store.getEstateByScene(e1.sceneCode)).toBeNull();
        expect(await store.listEstates({})).toHaveLength(3);
      });

      it('grids: put, get, list by jurisdiction and estate', async () => {
        const g1 = makeGrid({ estateIds: [ESTATE_ID, 'yongning.e.2'] });
        const g2 = makeGrid({ estateIds: ['yongning.e.3'] });
        const g3 = makeGrid({ jurisdiction: 'qitai', estateIds: [ESTATE_ID] });
        for (const g of [g1, g2, g3]) await store.putGrid(g);
        expect(await store.getGrid(g1.id)).toEqual(g1);
        expect(await store.getGrid(GRID_ID + '-missing')).toBeNull();
        expect(byId(await store.listGrids({ jurisdiction: 'yongning' }))).toEqual(byId([g1, g2]));
        expect(byId(await store.listGrids({ estateId: ESTATE_ID }))).toEqual(byId([g1, g3]));
        expect(byId(await store.listGrids({ jurisdiction: 'yongning', estateId: ESTATE_ID }))).toEqual([g1]);
        expect(byId(await store.listGrids({}))).toEqual(byId([g1, g2, g3]));
        const moved = { ...g2, estateIds: [ESTATE_ID] };
        await store.putGrid(moved);
        expect(byId(await store.listGrids({ estateId: ESTATE_ID }))).toEqual(byId([g1, moved, g3]));
      });

      it('grids: deleteGrid removes one grid from every read (a re-imported grid table left it out); an absent id is no error', async () => {
        const g1 = makeGrid({ estateIds: [ESTATE_ID] });
        const g2 = makeGrid({ estateIds: ['yongning.e.3'] });
        for (const g of [g1, g2]) await store.putGrid(g);
        // Read first, so a store that keeps reads (CloudBase's directory cache) must drop them on delete.
        expect(byId(await store.listGrids({ jurisdiction: 'yongning' }))).toEqual(byId([g1, g2]));
        expect(await store.getGrid(g1.id)).toEqual(g1);
        await store.deleteGrid(g1.id);
        expect(await store.getGrid(g1.id)).toBeNull();
        expect(await store.listGrids({ jurisdiction: 'yongning' })).toEqual([g2]);
        expect(await store.listGrids({ estateId: ESTATE_ID })).toEqual([]);
        await store.deleteGrid(g1.id);
        expect(await store.getGrid(g2.id)).toEqual(g2);
      });

      it('users: get, getUserByOpenid, listUsers by role, unit, demo and jurisdiction (on one grant)', async () => {
        const resident = makeUser();
        const officer = makeUser({ grants: [{ role: 'department', jurisdiction: 'yongning', units: [LEAD_UNIT] }], demo: true });
        const street = makeUser({ openid: null, grants: [{ role: 'street', jurisdiction: 'yongning', streets: [STREET_ID] }], demo: true });
        const police = makeUser({
          grants: [
            { role: 'police', jurisdiction: 'qitai', units: ['qitai.gaj'], estates: ['qitai.e.1'] },
            { role: 'resident', jurisdiction: 'yongning' },
          ],
        });
        for (const u of [resident, officer, street, police]) await store.putUser(u);

        expect(await store.getUser(officer.id)).toEqual(officer);
        expect(await store.getUser('u-missing')).toBeNull();
        expect(await store.getUserByOpenid(resident.openid as string)).toEqual(resident);
        expect(await store.getUserByOpenid('openid-missing')).toBeNull();

        expect(sortedIds(await store.listUsers({}))).toEqual(sortedIds([resident, officer, street, police]));
        expect(sortedIds(await store.listUsers({ role: 'resident' }))).toEqual(sortedIds([resident, police]));
        expect(sortedIds(await store.listUsers({ demo: true }))).toEqual(sortedIds([officer, street]));
        expect(sortedIds(await store.listUsers({ demo: false }))).toEqual(sortedIds([resident, police]));
        expect(ids(await store.listUsers({ unitId: LEAD_UNIT }))).toEqual([officer.id]);
        // A township's officers are found by its unit id.
        expect(ids(await store.listUsers({ unitId: STREET_ID }))).toEqual([street.id]);
        expect(ids(await store.listUsers({ role: 'police', unitId: 'qitai.gaj' }))).toEqual([police.id]);
        expect(sortedIds(await store.listUsers({ jurisdiction: 'yongning' }))).toEqual(sortedIds([resident, officer, street, police]));
        expect(ids(await store.listUsers({ jurisdiction: 'qitai' }))).toEqual([police.id]);
        // Police in qitai and resident in yongning: not police in yongning.
        expect(await store.listUsers({ jurisdiction: 'yongning', role: 'police' })).toEqual([]);
        expect(await store.listUsers({ role: 'department', demo: false })).toEqual([]);

        const promoted = { ...resident, name: '张伟（网格员）', grants: [{ role: 'grid' as const, jurisdiction: 'yongning', grids: [GRID_ID] }] };
        await store.putUser(promoted);
        expect(await store.getUserByOpenid(resident.openid as string)).toEqual(promoted);
        expect(ids(await store.listUsers({ role: 'grid' }))).toEqual([resident.id]);
      });

      it('users without an openid (invited staff not yet bound): several are stored, read back with openid null, and found by openid once bound', async () => {
        const invited = Array.from({ length: 3 }, () => makeUser({ openid: null, grants: [{ role: 'department', jurisdiction: 'yongning', units: [LEAD_UNIT] }] }));
        for (const u of invited) await store.putUser(u);
        for (const u of invited) expect(await store.getUser(u.id)).toEqual(u);
        expect(sortedIds(await store.listUsers({ unitId: LEAD_UNIT }))).toEqual(sortedIds(invited));
        const bound = { ...invited[1]!, openid: 'o-bound-later' };
        await store.putUser(bound);
        expect(await store.getUserByOpenid('o-bound-later')).toEqual(bound);
        expect(await store.getUser(invited[0]!.id)).toEqual(invited[0]);
      });

      it('an openid bound to another user is refused with USER.OPENID_TAKEN and nothing is written', async () => {
        const first = makeUser({ openid: 'o-taken' });
        await store.putUser(first);
        const second = makeUser({ openid: 'o-taken', name: '抢绑定' });
        await expect(store.putUser(second)).rejects.toMatchObject({ code: 'USER.OPENID_TAKEN' });
        expect(await store.getUser(second.id)).toBeNull();
        expect(await store.getUserByOpenid('o-taken')).toEqual(first);
      });

      it('listUsers follows putUser: replaced grants move a user between role, jurisdiction and unit lists; one user is listed once', async () => {
        const residents = Array.from({ length: 30 }, (_, i) => makeUser({ grants: [{ role: 'resident', jurisdiction: i % 2 ? 'yongning' : 'qitai' }] }));
        const grid = makeUser({
          grants: [
            { role: 'grid', jurisdiction: 'yongning', grids: [GRID_ID] },
            { role: 'grid', jurisdiction: 'qitai', grids: ['qitai.g.1'] },
          ],
        });
        const officer = makeUser({ grants: [{ role: 'department', jurisdiction: 'yongning', units: [LEAD_UNIT, CO_UNIT] }] });
        for (const u of [...residents, grid, officer]) await store.putUser(u);

        // Two grid grants: listed once, whether the filter names the jurisdiction or not.
        expect(ids(await store.listUsers({ role: 'grid' }))).toEqual([grid.id]);
        expect(ids(await store.listUsers({ role: 'grid', jurisdiction: 'qitai' }))).toEqual([grid.id]);
        expect(ids(await store.listUsers({ unitId: CO_UNIT }))).toEqual([officer.id]);
        expect(sortedIds(await store.listUsers({ role: 'resident', jurisdiction: 'qitai' }))).toEqual(sortedIds(residents.filter((_, i) => i % 2 === 0)));

        // The officer moves to another unit and jurisdiction; the grid worker loses qitai.
        const moved = { ...officer, grants: [{ role: 'department' as const, jurisdiction: 'qitai', units: ['qitai.gaj'] }] };
        const shrunk = { ...grid, grants: [{ role: 'grid' as const, jurisdiction: 'yongning', grids: [GRID_ID] }] };
        await store.putUser(moved);
        await store.putUser(shrunk);
        expect(await store.listUsers({ unitId: CO_UNIT })).toEqual([]);
        expect(await store.listUsers({ unitId: LEAD_UNIT })).toEqual([]);
        expect(await store.listUsers({ role: 'department', jurisdiction: 'yongning' })).toEqual([]);
        expect(await store.listUsers({ unitId: 'qitai.gaj' })).toEqual([moved]);
        expect(await store.listUsers({ role: 'department', jurisdiction: 'qitai', unitId: 'qitai.gaj' })).toEqual([moved]);
        expect(await store.listUsers({ role: 'grid', jurisdiction: 'qitai' })).toEqual([]);
        expect(await store.listUsers({ role: 'grid' })).toEqual([shrunk]);
        expect(ids(await store.listUsers({ jurisdiction: 'qitai', demo: false })).sort()).toEqual(sortedIds([...residents.filter((_, i) => i % 2 === 0), moved]));

        // A user with no grants left is in no grant list, and still a user.
        const none = { ...moved, grants: [] };
        await store.putUser(none);
        expect(await store.listUsers({ jurisdiction: 'qitai', role: 'department' })).toEqual([]);
        expect(await store.listUsers({ unitId: 'qitai.gaj' })).toEqual([]);
        expect(ids(await store.listUsers({}))).toContain(none.id);
      });

      it('property companies, unit contacts and SLA policies', async () => {
        const p1 = makePropertyCompany();
        const p2 = makePropertyCompany({ jurisdiction: 'wuzhong' });
        await store.putPropertyCompany(p1);
        await store.putPropertyCompany(p2);
        expect(byId(await store.listPropertyCompanies())).toEqual(byId([p1, p2]));
        expect(await store.listPropertyCompanies('wuzhong')).toEqual([p2]);
        await store.putPropertyCompany({ ...p2, name: '吴忠市物业公司（更名）' });
        expect((await store.listPropertyCompanies('wuzhong'))[0]?.name).toBe('吴忠市物业公司（更名）');

        const c1 = makeUnitContact();
        const c2 = makeUnitContact({ unitId: CO_UNIT, name: '县应急管理局', phone: '0951-8023456' });
        await store.putUnitContact(c1);
        await store.putUnitContact(c2);
        const byUnit = (l: typeof c1[]) => [...l].sort((x, y) => (x.unitId < y.unitId ? -1 : 1));
        expect(byUnit(await store.listUnitContacts())).toEqual(byUnit([c1, c2]));
        expect(await store.listUnitContacts([CO_UNIT, 'missing'])).toEqual([c2]);
        expect(await store.listUnitContacts([])).toEqual([]);
        const c1b = { ...c1, phone: '0951-8099999' };
        await store.putUnitContact(c1b);
        expect(await store.listUnitContacts([LEAD_UNIT])).toEqual([c1b]);

        expect(await store.getSlaPolicy('yongning')).toBeNull();
        const policy = { urgent: { triage: { minutes: 20 } }, normal: { resolve: { workingDays: 3 } } };
        await store.putSlaPolicy('yongning', policy);
        expect(await store.getSlaPolicy('yongning')).toEqual(policy);
        expect(await store.getSlaPolicy('qitai')).toBeNull();
        await store.putSlaPolicy('yongning', { urgent: {} });
        expect(await store.getSlaPolicy('yongning')).toEqual({ urgent: {} });
        // The regional work calendar lives in the policy document (admin.putWorkCalendar), keyed by year.
        const withCalendar = { urgent: {}, calendars: { 2026: { daysOff: ['2026-05-27', '2026-05-28'], workdays: ['2026-05-30'], source: '节假日安排通知' } } };
        await store.putSlaPolicy('yongning', withCalendar);
        expect(await store.getSlaPolicy('yongning')).toEqual(withCalendar);
      });

      it('owner groups: put, list by estate and ids; put replaces', async () => {
        const g1 = makeOwnerGroup();
        const g2 = makeOwnerGroup({ estateId: 'yongning.e.other' });
        const g3 = makeOwnerGroup();
        for (const g of [g1, g2, g3]) await store.putOwnerGroup(g);
        expect(byId(await store.listOwnerGroups({ estateId: ESTATE_ID }))).toEqual(byId([g1, g3]));
        expect(byId(await store.listOwnerGroups({ ids: [g2.id, g3.id, 'missing'] }))).toEqual(byId([g2, g3]));
        expect(await store.listOwnerGroups({ estateId: ESTATE_ID, ids: [g2.id] })).toEqual([]);
        expect(await store.listOwnerGroups({ ids: [] })).toEqual([]);
        expect(byId(await store.listOwnerGroups({}))).toEqual(byId([g1, g2, g3]));
        const unbound = { ...g1, active: false };
        await store.putOwnerGroup(unbound);
        expect(await store.listOwnerGroups({ ids: [g1.id] })).toEqual([unbound]);
      });
    });

    describe('violations (九不准 ledger)', () => {
      it('putViolation stores; listViolations filters by company, year and jurisdiction (all must hold), ordered by confirmedAt then id', async () => {
        const a = makeViolation({ item: 7, confirmedAt: minutesAfter(30) });
        const b = makeViolation({ item: 9, confirmedAt: minutesAfter(10) });
        const c = makeViolation({ item: 7, companyId: 'yongning.pc.other', confirmedAt: minutesAfter(20) });
        const d = makeViolation({ item: 5, year: 2025, confirmedAt: '2025-12-31T15:00:00.000Z' });
        const e = makeViolation({ item: 1, jurisdiction: 'qitai', companyId: 'qitai.pc.1', estateId: null, streetId: null, confirmedAt: minutesAfter(10) });
        for (const v of [a, b, c, d, e]) await store.putViolation(v);

        expect(await store.listViolations({})).toEqual([d, ...[b, e].sort((x, y) => (x.id < y.id ? -1 : 1)), c, a]);
        expect(await store.listViolations({ companyId: 'yongning.pc.jinxiu' })).toEqual([d, b, a]);
        expect(await store.listViolations({ companyId: 'yongning.pc.jinxiu', year: 2026 })).toEqual([b, a]);
        expect(await store.listViolations({ year: 2025 })).toEqual([d]);
        expect(await store.listViolations({ jurisdiction: 'qitai' })).toEqual([e]);
        expect(await store.listViolations({ jurisdiction: 'qitai', companyId: 'yongning.pc.jinxiu' })).toEqual([]);
        expect(await store.listViolations({ companyId: 'nobody' })).toEqual([]);
        // Values come back as stored: the year a number, a null estate still null.
        const [back] = await store.listViolations({ jurisdiction: 'qitai' });
        expect(typeof back!.year).toBe('number');
        expect(back!.estateId).toBeNull();
      });

      it('putViolation with an existing id replaces the record (no duplicate)', async () => {
        const v = makeViolation({ item: 2 });
        await store.putViolation(v);
        const corrected = { ...v, note: '补充：转运车未加盖', confirmedAt: minutesAfter(99) };
        await store.putViolation(corrected);
        expect(await store.listViolations({ companyId: v.companyId })).toEqual([corrected]);
      });
    });

    describe('invitations', () => {
      let invSeq = 0;
      /** An open staff invitation (ids stand in for the code hashes the use case stores). */
      const makeInvitation = (overrides: Partial<Invitation> = {}): Invitation => {
        invSeq += 1;
        return {
          id: `${'ab'.repeat(30)}${String(invSeq).padStart(4, '0')}`,
          kind: 'staff',
          userId: 'u-staff-1',
          createdBy: 'u-admin-1',
          createdAt: T0,
          expiresAt: minutesAfter(72 * 60),
          usedAt: null,
          revokedAt: null,
          ...overrides,
        };
      };
      const staff = () => makeUser({ id: 'u-staff-1', openid: null, name: '新网格员', phone: '13800000001', grants: [{ role: 'grid', jurisdiction: 'yongning', estates: [ESTATE_ID] }] });
      const resident = () => makeUser({ id: 'u-res-1', openid: 'o-caller', phone: '13800000002', grants: [] });

      it('createInvitation stores it, refuses an existing id and revokes the user’s previous open one', async () => {
        const first = makeInvitation();
        expect(await store.createInvitation(first)).toBe(true);
        expect(await store.getInvitation(first.id)).toEqual(first);
        expect(await store.findOpenInvitation('u-staff-1')).toEqual(first);
        expect(await store.createInvitation({ ...first, createdBy: 'u-other' })).toBe(false);
        expect(await store.getInvitation(first.id)).toEqual(first);

        const second = makeInvitation({ createdAt: minutesAfter(5) });
        expect(await store.createInvitation(second)).toBe(true);
        expect(await store.getInvitation(first.id)).toEqual({ ...first, revokedAt: minutesAfter(5) });
        expect(await store.findOpenInvitation('u-staff-1')).toEqual(second);
        const otherUser = makeInvitation({ userId: 'u-staff-2' });
        expect(await store.createInvitation(otherUser)).toBe(true);
        expect(await store.findOpenInvitation('u-staff-1')).toEqual(second);
        expect(await store.findOpenInvitation('u-staff-2')).toEqual(otherUser);
        expect(await store.getInvitation('no-such')).toBeNull();
        expect(await store.findOpenInvitation('u-nobody')).toBeNull();
      });

      it('a born-used record (bootstrap) is stored once, revokes nothing and cannot be redeemed', async () => {
        const open = makeInvitation();
        await store.createInvitation(open);
        const used = makeInvitation({ kind: 'bootstrap', usedAt: T0, expiresAt: T0 });
        expect(await store.createInvitation(used)).toBe(true);
        expect(await store.createInvitation(used)).toBe(false);
        expect(await store.findOpenInvitation('u-staff-1')).toEqual(open);
        await store.putUser(staff());
        expect(await store.redeemInvitation({ id: used.id, openid: 'o-x', holderId: null, at: T0 })).toEqual({ status: 'used' });
      });

      it('redeemInvitation moves the openid from a resident record to the staff record and uses the invitation', async () => {
        const res = resident();
        await store.putUser(staff());
        await store.putUser(res);
        const inv = makeInvitation();
        await store.createInvitation(inv);
        const at = minutesAfter(10);
        const out = await store.redeemInvitation({ id: inv.id, openid: 'o-caller', holderId: res.id, at });
        expect(out).toEqual({ status: 'redeemed', user: { ...staff(), openid: 'o-caller' }, releasedUserId: res.id });
        expect((await store.getUserByOpenid('o-caller'))?.id).toBe('u-staff-1');
        expect(await store.getUser(res.id)).toEqual({ ...res, openid: null });
        expect(await store.getInvitation(inv.id)).toEqual({ ...inv, usedAt: at });
        expect(await store.findOpenInvitation('u-staff-1')).toBeNull();
        // One use only.
        expect(await store.redeemInvitation({ id: inv.id, openid: 'o-caller', holderId: 'u-staff-1', at })).toEqual({ status: 'used' });
      });

      it('redeemInvitation refuses unknown, revoked and expired invitations and writes nothing', async () => {
        const res = resident();
        await store.putUser(staff());
        await store.putUser(res);
        const old = makeInvitation();
        await store.createInvitation(old);
        const current = makeInvitation({ createdAt: minutesAfter(1), expiresAt: minutesAfter(60) });
        await store.createInvitation(current);
        const redeem = (id: string, at: string) => store.redeemInvitation({ id, openid: 'o-caller', holderId: res.id, at });
        expect(await redeem('no-such', minutesAfter(2))).toEqual({ status: 'unknown' });
        expect(await redeem(old.id, minutesAfter(2))).toEqual({ status: 'revoked' });
        expect(await redeem(current.id, minutesAfter(60))).toEqual({ status: 'expired' });
        expect(await store.getUser(res.id)).toEqual(res);
        expect(await store.getUser('u-staff-1')).toEqual(staff());
        expect(await store.getInvitation(current.id)).toEqual(current);
      });

      it('redeemInvitation refuses an openid bound to another staff record (openid_taken) and a holder that is not the one expected', async () => {
        const other = makeUser({ id: 'u-staff-9', openid: 'o-caller', grants: [{ role: 'department', jurisdiction: 'yongning', units: ['yongning.zjj'] }] });
        await store.putUser(staff());
        await store.putUser(other);
        const inv = makeInvitation();
        await store.createInvitation(inv);
        expect(await store.redeemInvitation({ id: inv.id, openid: 'o-caller', holderId: other.id, at: minutesAfter(1) })).toEqual({ status: 'openid_taken' });
        await expect(store.redeemInvitation({ id: inv.id, openid: 'o-caller', holderId: 'u-someone-else', at: minutesAfter(1) })).rejects.toBeInstanceOf(StoreConflictError);
        await expect(store.redeemInvitation({ id: inv.id, openid: 'o-caller', holderId: null, at: minutesAfter(1) })).rejects.toBeInstanceOf(StoreConflictError);
        expect(await store.getUser(other.id)).toEqual(other);
        expect(await store.getUser('u-staff-1')).toEqual(staff());
        expect(await store.findOpenInvitation('u-staff-1')).toEqual(inv);
      });

      it('redeemInvitation re-binds a staff record to a new WeChat (the old openid is unbound) and binds an openid no record holds', async () => {
        await store.putUser({ ...staff(), openid: 'o-old-phone' });
        const inv = makeInvitation();
        await store.createInvitation(inv);
        const out = await store.redeemInvitation({ id: inv.id, openid: 'o-new-phone', holderId: null, at: minutesAfter(1) });
        expect(out).toEqual({ status: 'redeemed', user: { ...staff(), openid: 'o-new-phone' }, releasedUserId: null });
        expect(await store.getUserByOpenid('o-old-phone')).toBeNull();
        expect((await store.getUserByOpenid('o-new-phone'))?.id).toBe('u-staff-1');
      });

      it('counts failed redeems per caller since an instant', async () => {
        await store.recordRedeemFailure('u-res-1', minutesAfter(1));
        await store.recordRedeemFailure('u-res-1', minutesAfter(30));
        await store.recordRedeemFailure('u-res-1', minutesAfter(61));
        await store.recordRedeemFailure('u-res-2', minutesAfter(61));
        expect(await store.countRedeemFailuresSince('u-res-1', minutesAfter(1))).toBe(3);
        expect(await store.countRedeemFailuresSince('u-res-1', minutesAfter(2))).toBe(2);
        expect(await store.countRedeemFailuresSince('u-res-2', T0)).toBe(1);
        expect(await store.countRedeemFailuresSince('u-nobody', T0)).toBe(0);
      });
    });

    describe('photo checks (mediaCheckAsync)', () => {
      const check = (overrides: Partial<PhotoCheck> = {}): PhotoCheck => ({
        traceId: 'trace-1',
        fileId: 'cloud://env.bucket/photos/u1/a.jpg',
        ticketId: 't-1',
        verdict: 'pending',
        label: null,
        submittedAt: T0,
        decidedAt: null,
        ...overrides,
      });

      it('stores a check by trace id and replaces it with the verdict', async () => {
        expect(await store.getPhotoCheck('trace-1')).toBeNull();
        await store.putPhotoCheck(check());
        expect(await store.getPhotoCheck('trace-1')).toEqual(check());
        await store.putPhotoCheck(check({ verdict: 'pass', label: '100', decidedAt: minutesAfter(2) }));
        expect(await store.getPhotoCheck('trace-1')).toEqual(check({ verdict: 'pass', label: '100', decidedAt: minutesAfter(2) }));
      });

      it('lists the checks of the given photos only', async () => {
        const a = check({ traceId: 'tr-a', fileId: 'cloud://env.bucket/photos/u1/a.jpg' });
        const a2 = check({ traceId: 'tr-a2', fileId: 'cloud://env.bucket/photos/u1/a.jpg', verdict: 'pass' });
        const b = check({ traceId: 'tr-b', fileId: 'cloud://env.bucket/photos/u1/b.jpg' });
        const c = check({ traceId: 'tr-c', fileId: 'cloud://env.bucket/photos/u2/c.jpg' });
        for (const x of [a, a2, b, c]) await store.putPhotoCheck(x);
        const byTrace = (list: PhotoCheck[]) => [...list].sort((x, y) => x.traceId.localeCompare(y.traceId));
        expect(byTrace(await store.listPhotoChecks([a.fileId, b.fileId, a.fileId]))).toEqual([a, a2, b]);
        expect(await store.listPhotoChecks([])).toEqual([]);
        expect(await store.listPhotoChecks(['cloud://env.bucket/photos/none.jpg'])).toEqual([]);
      });
    });

    describe('outbox', () => {
      /** Messages arrive with ticket changes: enqueue them with one new ticket. */
      async function enqueue(messages: OutboxMessage[]): Promise<void> {
        await create({}, { outbox: messages });
      }

      it('pendingOutbox lists unsent messages oldest first, at most `limit`', async () => {
        const m1 = makeOutbox({ createdAt: minutesAfter(3) });
        const m2 = makeOutbox({ createdAt: minutesAfter(1) });
        const m3 = makeOutbox({ createdAt: minutesAfter(2), recipientUserId: 'u-dept-1' });
        await enqueue([m1, m2]);
        await enqueue([m3]);
        expect(await store.pendingOutbox(10)).toEqual([m2, m3, m1]);
        expect(await store.pendingOutbox(2)).toEqual([m2, m3]);
      });

      it('markSent takes a message out of the pending list and records when', async () => {
        const m1 = makeOutbox({ createdAt: minutesAfter(1) });
        const m2 = makeOutbox({ createdAt: minutesAfter(2) });
        await enqueue([m1, m2]);
        await store.markSent(m1.id, minutesAfter(5));
        expect(await store.pendingOutbox(10)).toEqual([m2]);
        const [inboxM1] = (await store.listInbox(m1.recipientUserId, { limit: 10 })).filter((m) => m.id === m1.id);
        expect(inboxM1).toEqual({ ...m1, sentAt: minutesAfter(5) });
      });

      it('markFailed counts the attempt, keeps the error and leaves the message pending', async () => {
        const m1 = makeOutbox();
        await enqueue([m1]);
        await store.markFailed(m1.id, 'errcode 43101: user refuse to accept the msg');
        await store.markFailed(m1.id, 'errcode 47003: argument invalid');
        expect(await store.pendingOutbox(10)).toEqual([{ ...m1, attempts: 2, lastError: 'errcode 47003: argument invalid' }]);
      });

      it('markFailed with deadAt makes a dead letter: recorded with its error and time, no longer pending', async () => {
        const m1 = makeOutbox({ createdAt: minutesAfter(1) });
        const m2 = makeOutbox({ createdAt: minutesAfter(2) });
        await enqueue([m1, m2]);
        await store.markFailed(m1.id, 'errcode 43101: user refuse to accept the msg', { deadAt: minutesAfter(5) });
        expect(await store.pendingOutbox(10)).toEqual([m2]);
        const [recorded] = (await store.listInbox(m1.recipientUserId, { limit: 10 })).filter((m) => m.id === m1.id);
        expect(recorded).toEqual({ ...m1, attempts: 1, lastError: 'errcode 43101: user refuse to accept the msg', deadAt: minutesAfter(5) });
      });

      it('dead letters never block the pending list, however many there are', async () => {
        const dead = [1, 2, 3].map((m) => makeOutbox({ createdAt: minutesAfter(m) }));
        const live = makeOutbox({ createdAt: minutesAfter(4) });
        await enqueue([...dead, live]);
        for (const m of dead) await store.markFailed(m.id, 'send failed', { deadAt: minutesAfter(9) });
        expect(await store.pendingOutbox(1)).toEqual([live]);
      });

      it('listInbox shows a user’s messages newest first; unreadOnly and limit; markRead only touches the user’s own', async () => {
        const mine = [1, 2, 3].map((m) => makeOutbox({ recipientUserId: 'u-grid-7', createdAt: minutesAfter(m) }));
        const theirs = makeOutbox({ recipientUserId: 'u-grid-8', createdAt: minutesAfter(4) });
        await enqueue([...mine, theirs]);
        const [m1, m2, m3] = mine as [OutboxMessage, OutboxMessage, OutboxMessage];

        expect(await store.listInbox('u-grid-7', { limit: 10 })).toEqual([m3, m2, m1]);
        expect(await store.listInbox('u-grid-7', { limit: 2 })).toEqual([m3, m2]);
        expect(await store.listInbox('u-nobody', { limit: 10 })).toEqual([]);

        // Reading someone else's message id does nothing to it.
        await store.markRead('u-grid-7', [m1.id, m3.id, theirs.id], minutesAfter(10));
        expect(await store.listInbox('u-grid-7', { unreadOnly: true, limit: 10 })).toEqual([m2]);
        expect(await store.listInbox('u-grid-7', { limit: 10 })).toEqual([
          { ...m3, readAt: minutesAfter(10) },
          m2,
          { ...m1, readAt: minutesAfter(10) },
        ]);
        expect(await store.listInbox('u-grid-8', { unreadOnly: true, limit: 10 })).toEqual([theirs]);
        await store.markRead('u-grid-7', [], minutesAfter(11));
        expect(await store.listInbox('u-grid-7', { unreadOnly: true, limit: 10 })).toEqual([m2]);
      });

      it('countUnread is the number of a user’s unread messages past any page: 1,001 unread, then fewer as they are read (issue 18 §2: 未读交办 stopped at 100)', async () => {
        // One more than the largest page either store answers (1,000, CloudBase's get() ceiling).
        const mine = Array.from({ length: 1001 }, (_, i) => makeOutbox({ recipientUserId: 'u-grid-9', createdAt: minutesAfter(i % 50) }));
        const theirs = makeOutbox({ recipientUserId: 'u-grid-10', createdAt: minutesAfter(1) });
        await enqueue([...mine, theirs]);
        expect(await store.countUnread('u-grid-9')).toBe(1001);
        await store.markRead('u-grid-9', mine.slice(0, 300).map((m) => m.id), minutesAfter(60));
        expect(await store.countUnread('u-grid-9')).toBe(701);
        expect(await store.countUnread('u-grid-10')).toBe(1);
        expect(await store.countUnread('u-nobody')).toBe(0);
      });
    });
  });
}
