import { COLLECTIONS } from '../../../cloudfunctions/_adapters/cloudbase/store';
import { declaredCollections } from '../../../cloudfunctions/_deploy/resources';
import { StoreConflictError } from '../../../shared/ports/store';
import { decodeEjson, type RecordedRequest } from '../../support/cloudbase-loopback';
import { makeEvent, makeMessage, makeTicket, openHarness, T, type Harness } from './fixtures';

let h: Harness;

beforeEach(async () => {
  h = await openHarness();
});

afterEach(async () => {
  await h.loopback.close();
});

const ejson = (req: RecordedRequest | undefined, field: string): unknown => decodeEjson(String(req?.body[field]));

describe('CloudBase store on the real SDK against the loopback CloudBase server: setup', () => {
  it('every collection the adapter names is declared for deploy, and nothing else is', () => {
    expect(declaredCollections().map((c) => c.name).sort()).toEqual(Object.values(COLLECTIONS).sort());
  });
});

describe('CloudBase store against the loopback CloudBase server: createTicket', () => {
  it('creates the ticket with its idempotency key, timeline and messages in one insert, then copies the messages to the outbox', async () => {
    const ticket = makeTicket('t1');
    const result = await h.store.createTicket({ ticket, event: makeEvent(ticket, 1), idempotencyKey: 'k-1', outbox: [makeMessage('m1'), makeMessage('m2')] });

    expect(result).toEqual({ ticket, created: true });
    // No transaction: a single-document insert is atomic; the key is a unique field of the document.
    expect(h.loopback.actions()).toEqual(['database.insertDocument', 'database.insertDocument']);
    const inserts = h.loopback.requestsFor('database.insertDocument');
    expect(inserts.map((r) => r.body.collectionName)).toEqual(['tickets', 'outbox']);
    expect(inserts.every((r) => r.body.transactionId === undefined)).toBe(true);
    // The event is the first of the ticket document's timeline (issue 17 §2), not a document of its own.
    const { _id: _e, ...event } = { _id: '', ...makeEvent(ticket, 1) };
    expect(h.loopback.docs('tickets')[0]).toMatchObject({ _id: 't1', id: 't1', idemKey: 'resident-1:k-1', indexUnitIds: ['unit-police', 'unit-street'], timeline: [event] });
    expect(h.loopback.docs('events')).toEqual([]);
    expect(h.loopback.docs('idempotency')).toEqual([]);
    expect(h.loopback.docs('outbox').map((d) => d._id)).toEqual(['m1', 'm2']);
    expect(await h.store.getTicket('t1')).toEqual(ticket);
    expect(await h.store.listEvents('t1')).toEqual([makeEvent(ticket, 1)]);
  });

  it('returns the stored ticket (created=false) and writes nothing when the key repeats', async () => {
    const first = makeTicket('t1');
    await h.store.createTicket({ ticket: first, event: makeEvent(first, 1), idempotencyKey: 'k-1', outbox: [makeMessage('m1')] });
    h.loopback.clearRequests();

    const retry = makeTicket('t2', { description: '重试' });
    const result = await h.store.createTicket({ ticket: retry, event: makeEvent(retry, 1), idempotencyKey: 'k-1', outbox: [makeMessage('m2')] });

    expect(result).toEqual({ ticket: first, created: false });
    expect(h.loopback.docs('tickets').map((d) => d._id)).toEqual(['t1']);
    expect(h.loopback.docs('tickets')[0]?.timeline).toHaveLength(1);
    expect(h.loopback.docs('outbox').map((d) => d._id)).toEqual(['m1']);
    // The insert fails on the unique key (MongoDB's E11000), then the stored ticket is read.
    expect(h.loopback.requests.map((r) => [r.action, r.error])).toEqual([
      ['database.insertDocument', 'DATABASE_DUPLICATE_WRITE'],
      ['database.getDocument', undefined],
    ]);
    expect(await h.store.findByIdempotencyKey('resident-1', 'k-1')).toEqual(first);
  });

  it('turns concurrent double-taps into one ticket', async () => {
    const tickets = ['t1', 't2', 't3', 't4'].map((id) => makeTicket(id));
    const results = await Promise.all(tickets.map((t) => h.store.createTicket({ ticket: t, event: makeEvent(t, 1), idempotencyKey: 'tap', outbox: [] })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
    expect(h.loopback.docs('tickets')).toHaveLength(1);
    expect(h.loopback.requestsFor('database.insertDocument').filter((r) => r.error === 'DATABASE_DUPLICATE_WRITE')).toHaveLength(3);
    expect(await h.store.findByIdempotencyKey('resident-1', 'tap')).toEqual(results[0]?.ticket);
    expect(await h.store.findByIdempotencyKey('resident-2', 'tap')).toBeNull();
  });

  it('finds a ticket created before the key moved into the ticket document by its idempotency record', async () => {
    const old = makeTicket('t-old');
    h.loopback.seed('tickets', [{ _id: 't-old', ...old }]);
    h.loopback.seed('idempotency', [{ _id: 'resident-1:k-old', ticketId: 't-old', reporterUserId: 'resident-1', createdAt: old.createdAt }]);
    h.loopback.seed('events', [{ _id: 't-old-e1', ...makeEvent(old, 1) }]);
    expect(await h.store.findByIdempotencyKey('resident-1', 'k-old')).toEqual(old);
    // Its timeline is read from the events collection.
    expect(await h.store.listEvents('t-old')).toEqual([makeEvent(old, 1)]);
  });

  it('keys idempotency per reporter: another reporter with the same key creates a ticket', async () => {
    const a = makeTicket('t1');
    const b = makeTicket('t2', { reporter: { userId: 'resident-2', anonymous: true } });
    await h.store.createTicket({ ticket: a, event: makeEvent(a, 1), idempotencyKey: 'same', outbox: [] });
    const result = await h.store.createTicket({ ticket: b, event: makeEvent(b, 1), idempotencyKey: 'same', outbox: [] });
    expect(result.created).toBe(true);
    expect(h.loopback.docs('tickets').map((d) => d._id)).toEqual(['t1', 't2']);
  });

  it('cannot confuse reporters whose ids contain the separator', async () => {
    const a = makeTicket('t1', { reporter: { userId: 'wx:o-a', anonymous: false } });
    const b = makeTicket('t2', { reporter: { userId: 'wx:o-a:x', anonymous: false } });
    expect((await h.store.createTicket({ ticket: a, event: makeEvent(a, 1), idempotencyKey: 'x:k', outbox: [] })).created).toBe(true);
    expect((await h.store.createTicket({ ticket: b, event: makeEvent(b, 1), idempotencyKey: 'k', outbox: [] })).created).toBe(true);
    expect(h.loopback.docs('tickets').map((d) => d.idemKey)).toEqual(['wx%3Ao-a:x:k', 'wx%3Ao-a%3Ax:k']);
  });

  it('does not mistake a reused ticket id for a retry', async () => {
    const a = makeTicket('t1');
    await h.store.createTicket({ ticket: a, event: makeEvent(a, 1), idempotencyKey: 'k-1', outbox: [] });
    await expect(h.store.createTicket({ ticket: a, event: makeEvent(a, 1, { id: 'other-event' }), idempotencyKey: 'k-2', outbox: [] })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    expect(h.loopback.docs('tickets').map((d) => d.idemKey)).toEqual(['resident-1:k-1']);
  });
});

describe('CloudBase store against the loopback CloudBase server: commitTransition', () => {
  async function created() {
    const ticket = makeTicket('t1');
    await h.store.createTicket({ ticket, event: makeEvent(ticket, 1), idempotencyKey: 'k', outbox: [] });
    h.loopback.clearRequests();
    return ticket;
  }

  it('is one version-checked update of the ticket document (ticket, event, messages), then one insert copies the messages to the outbox', async () => {
    const ticket = await created();
    const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5), assignedUnits: ['unit-city'] };
    await h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: [makeMessage('m1'), makeMessage('m2')] });

    // No transaction: a single-document update is atomic in MongoDB, and it is one round trip.
    expect(h.loopback.actions()).toEqual(['database.modifyDocument', 'database.insertDocument']);
    const modify = h.loopback.requestsFor('database.modifyDocument')[0];
    expect(modify?.body).toMatchObject({ collectionName: 'tickets', queryType: 'WHERE' });
    expect(modify?.body.transactionId).toBeUndefined();
    expect(ejson(modify, 'query')).toEqual({ _id: 't1', version: 1 });
    const update = ejson(modify, 'data') as { $set: Record<string, unknown>; $push: Record<string, { $each: unknown[] }> };
    expect(update.$set).toMatchObject({ version: 2, state: 'accepted', reporter: ticket.reporter, indexUnitIds: ['unit-city', 'unit-police', 'unit-street'], outboxPendingAt: T(5) });
    expect(update.$set).not.toHaveProperty('_id');
    expect(update.$push.timeline?.$each).toEqual([makeEvent(next, 2)]);
    expect(update.$push.outboxPending?.$each.map((m) => (m as { _id: string })._id)).toEqual(['m1', 'm2']);
    const copy = h.loopback.requestsFor('database.insertDocument')[0];
    expect(copy?.body.collectionName).toBe('outbox');
    expect(copy?.body.data as string[]).toHaveLength(2);
    expect(await h.store.getTicket('t1')).toEqual(next);
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1, 2]);
    expect(h.loopback.docs('outbox').map((d) => d._id)).toEqual(['m1', 'm2']);
  });

  it('sends the update alone when the step has no hand-over message', async () => {
    const ticket = await created();
    const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5) };
    await h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: [] });
    expect(h.loopback.actions()).toEqual(['database.modifyDocument']);
    expect(h.loopback.docs('tickets')[0]).not.toHaveProperty('outboxPending');
  });

  it('throws StoreConflictError when the stored version is not the expected one, and writes nothing', async () => {
    const ticket = await created();
    const next = { ...ticket, version: 8, state: 'accepted' as const };
    await expect(h.store.commitTransition({ next, expectedVersion: 7, event: makeEvent(next, 2), outbox: [makeMessage('m1')] })).rejects.toBeInstanceOf(
      StoreConflictError,
    );
    expect(h.loopback.actions()).toEqual(['database.modifyDocument']);
    expect(h.loopback.docs('tickets')[0]?.timeline).toHaveLength(1);
    expect(h.loopback.docs('tickets')[0]).not.toHaveProperty('outboxPending');
    expect(h.loopback.docs('outbox')).toHaveLength(0);
    expect(await h.store.getTicket('t1')).toEqual(ticket);
  });

  it('throws StoreConflictError for a ticket that does not exist', async () => {
    const ticket = makeTicket('nowhere', { version: 2 });
    await expect(h.store.commitTransition({ next: ticket, expectedVersion: 1, event: makeEvent(ticket, 2), outbox: [] })).rejects.toBeInstanceOf(StoreConflictError);
    expect(h.loopback.docs('tickets')).toHaveLength(0);
  });

  it('keeps a committed step when copying its messages fails: they wait in the ticket document for the notify timer', async () => {
    const ticket = await created();
    const next = { ...ticket, version: 2, state: 'accepted' as const, updatedAt: T(5) };
    // Both tries of the copy fail (a first failure alone is tried again at once).
    h.loopback.failNext('database.insertDocument', 'SYS_ERR', 'injected: connection reset');
    h.loopback.failNext('database.insertDocument', 'SYS_ERR', 'injected: connection reset');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: [makeMessage('m1')] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('connection reset'));
    warn.mockRestore();

    expect(await h.store.getTicket('t1')).toEqual(next);
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1, 2]);
    expect(h.loopback.docs('outbox')).toHaveLength(0);
    expect((h.loopback.docs('tickets')[0]?.outboxPending as Array<{ _id: string }>).map((m) => m._id)).toEqual(['m1']);
    // A retry at the same version is refused: the step happened once.
    await expect(h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: [makeMessage('m1')] })).rejects.toBeInstanceOf(StoreConflictError);
  });

  it('commits several tickets\' runs of steps together: one update per ticket, one copy of the committed runs\' messages; a moved ticket\'s run writes nothing', async () => {
    const t1 = await created();
    const t2 = makeTicket('t2');
    await h.store.createTicket({ ticket: t2, event: makeEvent(t2, 1), idempotencyKey: 'k2', outbox: [] });
    h.loopback.clearRequests();
    const a2 = { ...t1, version: 2, state: 'accepted' as const, updatedAt: T(5) };
    const a3 = { ...a2, version: 3, escalation: 1 as const, updatedAt: T(5) };
    // t2 is at version 1, but this run expects 4: another writer moved it.
    const b5 = { ...t2, version: 5, state: 'accepted' as const };
    const committed = await h.store.commitTransitionRuns!([
      { expectedVersion: 1, steps: [{ next: a2, event: makeEvent(a2, 2), outbox: [makeMessage('m1')] }, { next: a3, event: makeEvent(a3, 3), outbox: [makeMessage('m2')] }] },
      { expectedVersion: 4, steps: [{ next: b5, event: makeEvent(b5, 2), outbox: [makeMessage('m3', { ticketId: 't2' })] }] },
    ]);
    expect(committed).toEqual([true, false]);
    expect(h.loopback.actions()).toEqual(['database.modifyDocument', 'database.modifyDocument', 'database.insertDocument']);
    expect(await h.store.getTicket('t1')).toEqual(a3);
    expect((await h.store.listEvents('t1')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await h.store.getTicket('t2')).toEqual(t2);
    expect((await h.store.listEvents('t2')).map((e) => e.seq)).toEqual([1]);
    expect(h.loopback.docs('outbox').map((d) => d._id)).toEqual(['m1', 'm2']);
  });

  it('lets exactly one of two writers of the same version win', async () => {
    const ticket = await created();
    const a = { ...ticket, version: 2, state: 'accepted' as const };
    const b = { ...ticket, version: 2, state: 'rejected' as const };
    const results = await Promise.allSettled([
      h.store.commitTransition({ next: a, expectedVersion: 1, event: makeEvent(a, 2), outbox: [] }),
      h.store.commitTransition({ next: b, expectedVersion: 1, event: makeEvent(b, 2, { id: 'b-e2' }), outbox: [] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof StoreConflictError)).toHaveLength(1);
    const stored = h.loopback.docs('tickets')[0] as { state: string; timeline: Array<{ to: string }> };
    expect(stored.timeline).toHaveLength(2);
    // The winner's event is the one on the timeline.
    expect(stored.timeline[1]?.to).toBe(stored.state);
  });

  it('replaces object fields that were null and removes an absent sweepAt', async () => {
    const ticket = await created();
    const { sweepAt: _dropped, ...rest } = ticket;
    const next = {
      ...rest,
      version: 2,
      state: 'resolved' as const,
      rating: { fixed: true, score: 5 as const, at: T(60) },
      pendingExtension: { unitId: 'unit-police', until: T(999), reason: '等待配件', requestedAt: T(50) },
      holder: { kind: 'resident' as const, ids: [] },
    };
    await h.store.commitTransition({ next, expectedVersion: 1, event: makeEvent(next, 2), outbox: [] });
    const stored = await h.store.getTicket('t1');
    expect(stored).toEqual(next);
    expect(stored).not.toHaveProperty('sweepAt');
    const update = ejson(h.loopback.requestsFor('database.modifyDocument')[0], 'data') as Record<string, Record<string, unknown>>;
    expect(update.$unset).toEqual({ sweepAt: '' });
    // Whole objects, not dotted paths (a dotted $set into a null field fails in MongoDB).
    expect(Object.keys(update.$set ?? {}).some((k) => k.includes('.'))).toBe(false);
  });
});

describe('CloudBase store against the loopback CloudBase server: queries', () => {
  async function seed() {
    const specs: Array<[string, number, Partial<ReturnType<typeof makeTicket>>]> = [
      ['a', 0, { state: 'submitted', sweepAt: T(30) }],
      ['b', 10, { state: 'whistled', assignedUnits: ['unit-water'], sweepAt: T(20) }],
      ['c', 20, { state: 'closed', sweepAt: T(5), sharedGroups: ['g-1'] }],
      ['d', 20, { state: 'accepted', estateId: 'estate-2', sweepAt: null, category: 'noise' }],
      ['e', 40, { state: 'handling', reporter: { userId: 'resident-2', anonymous: false }, sweepAt: T(90) }],
    ];
    for (const [id, minute, over] of specs) {
      const t = makeTicket(id, { createdAt: T(minute), updatedAt: T(minute), ...over });
      await h.store.createTicket({ ticket: t, event: makeEvent(t, 1), idempotencyKey: id, outbox: [] });
    }
    h.loopback.clearRequests();
  }

  it('pages newest first with an opaque cursor (createdAt desc, id desc)', async () => {
    await seed();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: { items: Array<{ id: string }>; next: string | null } = await h.store.queryTickets({}, { limit: 2, after });
      seen.push(...page.items.map((t) => t.id));
      after = page.next;
      pages += 1;
    } while (after);
    expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(pages).toBe(3);
    const first = h.loopback.requestsFor('database.getDocument')[0];
    expect(ejson(first, 'order')).toEqual({ createdAt: -1, _id: -1 });
    expect(first?.body.limit).toBe(3);
  });

  it('translates filters into query operators', async () => {
    await seed();
    const { items } = await h.store.queryTickets(
      { states: ['submitted', 'whistled', 'accepted'], unitIds: ['unit-water', 'nobody'], createdFrom: T(0), createdTo: T(20) },
      { limit: 10 },
    );
    expect(items.map((t) => t.id)).toEqual(['b']);
    expect(ejson(h.loopback.requestsFor('database.getDocument')[0], 'query')).toEqual({
      $and: [{ indexUnitIds: { $in: ['unit-water', 'nobody'] } }, { state: { $in: ['submitted', 'whistled', 'accepted'] } }, { createdAt: { $gte: T(0) } }, { createdAt: { $lt: T(20) } }],
    });

    expect((await h.store.queryTickets({ unitIds: ['unit-street'] }, { limit: 10 })).items).toHaveLength(5);
    expect((await h.store.queryTickets({ groupIds: ['g-1'] }, { limit: 10 })).items.map((t) => t.id)).toEqual(['c']);
    expect((await h.store.queryTickets({ reporterUserId: 'resident-2' }, { limit: 10 })).items.map((t) => t.id)).toEqual(['e']);
    expect((await h.store.queryTickets({ estateIds: ['estate-2'], categories: ['noise'] }, { limit: 10 })).items.map((t) => t.id)).toEqual(['d']);
    expect((await h.store.queryTickets({ jurisdictions: ['wuzhong'] }, { limit: 10 })).items).toEqual([]);
  });

  it('finds open tickets due for the sweep, oldest sweepAt first', async () => {
    await seed();
    const due = await h.store.findDueForSweep(T(60), 10);
    // c is closed, d has nothing pending, e is due later.
    expect(due.map((t) => t.id)).toEqual(['b', 'a']);
    expect(ejson(h.loopback.requestsFor('database.getDocument')[0], 'query')).toEqual({
      sweepAt: { $lte: T(60) },
      state: { $nin: ['closed', 'rejected', 'merged'] },
    });
  });

  it('counts a reporter’s submissions since an instant with calculateDocument', async () => {
    await seed();
    expect(await h.store.countSubmissionsSince('resident-1', T(10))).toBe(3);
    expect(h.loopback.actions()).toEqual(['database.calculateDocument']);
    expect(ejson(h.loopback.requests[0], 'query')).toEqual({ 'reporter.userId': 'resident-1', createdAt: { $gte: T(10) } });
  });

  it('finds a ticket by number and lists events of several tickets', async () => {
    await seed();
    expect((await h.store.getTicketByNo('YN-20260302-d'))?.id).toBe('d');
    expect(await h.store.getTicketByNo('missing')).toBeNull();
    expect(await h.store.getTicket('missing')).toBeNull();
    const events = await h.store.listEventsFor(['e', 'a', 'a']);
    expect(events.map((e) => e.ticketId)).toEqual(['a', 'e']);
    expect(await h.store.listEventsFor([])).toEqual([]);
  });
});

describe('CloudBase store against the loopback CloudBase server: me-too and sequences', () => {
  it('records a me-too once per user and counts it on the ticket, in one transaction', async () => {
    const ticket = makeTicket('t1');
    await h.store.createTicket({ ticket, event: makeEvent(ticket, 1), idempotencyKey: 'k', outbox: [] });
    h.loopback.clearRequests();
    expect(await h.store.addMeToo('t1', 'u1', T(1))).toBe(true);
    expect(h.loopback.actions()).toEqual(['database.startTransaction', 'database.insertDocument', 'database.modifyDocument', 'database.commitTransaction']);
    expect(ejson(h.loopback.requestsFor('database.modifyDocument')[0], 'data')).toEqual({ $inc: { meToo: 1 } });
    expect(await h.store.addMeToo('t1', 'u1', T(2))).toBe(false);
    expect(await h.store.addMeToo('t1', 'u2', T(3))).toBe(true);
    expect(h.loopback.docs('me_too').map((d) => d._id)).toEqual(['t1:u1', 't1:u2']);
    expect((await h.store.getTicket('t1'))?.meToo).toBe(2);
  });

  it('refuses a me-too for a ticket that does not exist and keeps nothing of it', async () => {
    await expect(h.store.addMeToo('missing', 'u1', T(1))).rejects.toThrow('工单 missing 不存在');
    expect(h.loopback.docs('me_too')).toEqual([]);
    expect(h.loopback.actions()).toContain('database.abortTransaction');
  });

  it('hands out each sequence number once, also to concurrent callers', async () => {
    expect(await h.store.nextSequence('YN-20260302')).toBe(1);
    expect(await h.store.nextSequence('YN-20260302')).toBe(2);
    const values = await Promise.all(Array.from({ length: 6 }, () => h.store.nextSequence('YN-20260302')));
    expect([...values].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(await h.store.nextSequence('WZ-20260302')).toBe(1);
  });

  it('draws a number of an existing counter in one request ($inc, answered with the document after it)', async () => {
    await h.store.nextSequence('YN-20260302');
    h.loopback.clearRequests();
    expect(await h.store.nextSequence('YN-20260302')).toBe(2);
    expect(h.loopback.actions()).toEqual(['database.modifyAndReturnDoc']);
    expect(ejson(h.loopback.requests[0], 'data')).toEqual({ $inc: { value: 1 } });
    expect(h.loopback.docs('sequences')).toEqual([{ _id: 'YN-20260302', value: 2 }]);
  });

  it('creates a counter at 1 once when many draw its first number together', async () => {
    const values = await Promise.all(Array.from({ length: 5 }, () => h.store.nextSequence('QT-20260302')));
    expect([...values].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('CloudBase store against the loopback CloudBase server: directory', () => {
  const estate = (id: string, over = {}) => ({
    id,
    name: `小区${id}`,
    jurisdiction: 'yongning',
    areaId: null,
    townshipId: 'street-1',
    address: '永宁县杨和镇',
    location: { lat: 38.28, lng: 106.24 },
    sceneCode: `e=${id}`,
    propertyCompanyId: null,
    propertyInfo: null,
    ...over,
  });

  it('stores and finds estates, grids, users and reference data', async () => {
    const s = h.store;
    await s.putEstate(estate('e2'));
    await s.putEstate(estate('e1', { jurisdiction: 'wuzhong' }));
    await s.putEstate({ ...estate('e2'), name: '改名小区' });
    expect(h.loopback.requestsFor('database.modifyDocument')[0]?.body).toMatchObject({ merge: false, upsert: true, queryType: 'DOC' });
    expect((await s.getEstate('e2'))?.name).toBe('改名小区');
    expect((await s.getEstateByScene('e=e1'))?.id).toBe('e1');
    expect((await s.listEstates({})).map((e) => e.id)).toEqual(['e1', 'e2']);
    expect((await s.listEstates({ jurisdiction: 'wuzhong' })).map((e) => e.id)).toEqual(['e1']);
    expect(await s.listEstates({ ids: [] })).toEqual([]);
    expect((await s.listEstates({ ids: ['e2', 'x'] })).map((e) => e.id)).toEqual(['e2']);

    await s.putGrid({ id: 'g1', name: '一网格', jurisdiction: 'yongning', townshipId: 'street-1', estateIds: ['e1', 'e2'] });
    await s.putGrid({ id: 'g2', name: '二网格', jurisdiction: 'yongning', townshipId: 'street-1', estateIds: ['e3'] });
    expect((await s.listGrids({ estateId: 'e2' })).map((g) => g.id)).toEqual(['g1']);
    expect((await s.getGrid('g2'))?.estateIds).toEqual(['e3']);

    await s.putUser({ id: 'u1', openid: 'o1', name: '张网格', phone: null, demo: true, grants: [{ role: 'grid', jurisdiction: 'yongning', grids: ['g1'] }] });
    await s.putUser({
      id: 'u2',
      openid: null,
      name: '李部门',
      phone: '13800000000',
      demo: false,
      grants: [
        { role: 'resident', jurisdiction: 'yongning' },
        { role: 'department', jurisdiction: 'wuzhong', units: ['unit-water'] },
      ],
    });
    expect((await s.getUserByOpenid('o1'))?.id).toBe('u1');
    expect((await s.listUsers({ role: 'department', jurisdiction: 'wuzhong' })).map((u) => u.id)).toEqual(['u2']);
    // Role and jurisdiction must hold in the same grant.
    expect(await s.listUsers({ role: 'department', jurisdiction: 'yongning' })).toEqual([]);
    expect((await s.listUsers({ unitId: 'unit-water' })).map((u) => u.id)).toEqual(['u2']);
    expect((await s.listUsers({ demo: true })).map((u) => u.id)).toEqual(['u1']);

    await s.putPropertyCompany({ id: 'pc1', name: '物业一', jurisdiction: 'yongning' });
    expect(await s.listPropertyCompanies('yongning')).toEqual([{ id: 'pc1', name: '物业一', jurisdiction: 'yongning' }]);
    expect(await s.listPropertyCompanies('qitai')).toEqual([]);
    await s.putUnitContact({ unitId: 'unit-water', name: '水务局', phone: '0951-1234567' });
    expect(await s.listUnitContacts(['unit-water'])).toEqual([{ unitId: 'unit-water', name: '水务局', phone: '0951-1234567' }]);
    expect(await s.getSlaPolicy('yongning')).toBeNull();
    await s.putSlaPolicy('yongning', { ack: { urgent: 30 } });
    expect(await s.getSlaPolicy('yongning')).toEqual({ ack: { urgent: 30 } });
    await s.putOwnerGroup({ id: 'hash-1', estateId: 'e1', name: '业主群', boundBy: 'u1', boundAt: T(0), active: true });
    expect((await s.listOwnerGroups({ estateId: 'e1' })).map((g) => g.id)).toEqual(['hash-1']);
    expect(await s.listOwnerGroups({ ids: ['nope'] })).toEqual([]);
    expect(h.loopback.docs('users').every((d) => d._id === d.id)).toBe(true);
  });
});

describe('CloudBase store against the loopback CloudBase server: outbox', () => {
  it('lists pending messages, marks them sent or failed, and keeps each inbox private', async () => {
    const t = makeTicket('t1');
    const messages = [
      makeMessage('m1', { createdAt: T(1) }),
      makeMessage('m2', { createdAt: T(2), recipientUserId: 'other' }),
      makeMessage('m3', { createdAt: T(3) }),
    ];
    await h.store.createTicket({ ticket: t, event: makeEvent(t, 1), idempotencyKey: 'k', outbox: messages });

    expect((await h.store.pendingOutbox(10)).map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    await h.store.markSent('m1', T(10));
    await h.store.markFailed('m2', 'errcode 43101');
    await h.store.markFailed('m2', 'errcode 43101');
    const pending = await h.store.pendingOutbox(10);
    expect(pending.map((m) => m.id)).toEqual(['m2', 'm3']);
    expect(pending[0]).toMatchObject({ attempts: 2, lastError: 'errcode 43101' });

    expect((await h.store.listInbox('grid-worker-1', { limit: 10 })).map((m) => m.id)).toEqual(['m3', 'm1']);
    await h.store.markRead('grid-worker-1', ['m1', 'm2'], T(20));
    await h.store.markRead('grid-worker-1', ['m1'], T(30));
    expect((await h.store.listInbox('grid-worker-1', { unreadOnly: true, limit: 10 })).map((m) => m.id)).toEqual(['m3']);
    // m2 belongs to someone else; m1 keeps its first read time.
    expect((await h.store.listInbox('other', { unreadOnly: true, limit: 10 })).map((m) => m.id)).toEqual(['m2']);
    expect(h.loopback.docs('outbox').find((d) => d._id === 'm1')?.readAt).toBe(T(20));
  });
});
