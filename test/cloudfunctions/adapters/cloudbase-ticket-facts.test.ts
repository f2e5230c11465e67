/**
 * Issue 17 §3: the facts records on CloudBase are kept in each ticket document
 * (cloudbase/ticket-facts.ts), written by the same insert or update as the ticket, and a report
 * reads a whole window with one aggregate request (listTicketFacts) instead of one request per
 * 1,000 tickets (queryTicketFacts). Through the real @cloudbase/node-sdk on the loopback server (a
 * FAKE of the platform edge that answers `database.aggregateDocuments` as the SDK sends it,
 * test/support/cloudbase-aggregate.ts), every request counted, never timed.
 */
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { monthRange } from '../../../cloudfunctions/_app/usecases/bulletin';
import { loadCloudbase } from '../../../cloudfunctions/_adapters/cloudbase/sdk';
import { createCloudbaseStore } from '../../../cloudfunctions/_adapters/cloudbase/store';
import { computeMetricsFromRecords, factsRecord, overdueOpenAt, type MetricsRow, type TicketFactsRecord } from '../../../shared/metrics';
import type { Store, TicketFilter } from '../../../shared/ports/store';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { callWithIdentity } from '../../../cloudfunctions/_adapters/cloudbase/main';
import { MORE_PEOPLE, type TestApp } from '../../support/app';
import { openScene, profileOf, type CloudbaseScene, type RequestProfile } from '../../bench/cloudbase-requests';
import { seedTickets, type SeedResult } from '../../bench/cloudbase-seed';
import { makeMonth } from '../_app/usecases/month';

jest.setTimeout(180_000);

const NOVEMBER = monthRange('2026-11');

/** Every record of the filter, page by page (the path of a store without listTicketFacts). */
async function pagedFacts(store: Store, filter: TicketFilter): Promise<TicketFactsRecord[]> {
  const out: TicketFactsRecord[] = [];
  let after: string | null = null;
  do {
    const page: { items: TicketFactsRecord[]; next: string | null } = await (store.queryTicketFacts as NonNullable<Store['queryTicketFacts']>)(filter, { limit: 1000, after });
    out.push(...page.items);
    after = page.next;
  } while (after);
  return out;
}

function actionsOf(scene: CloudbaseScene): string[] {
  return scene.loopback.requests.map((r) => r.action);
}

describe('a month made by the real functions on CloudBase', () => {
  let scene: CloudbaseScene;
  let store: Store;
  const filter: TicketFilter = { jurisdiction: 'yongning', createdFrom: NOVEMBER.from, createdTo: NOVEMBER.to };

  beforeAll(async () => {
    scene = await openScene({ latencyMs: 0 });
    store = scene.deps.store;
    scene.clock.set('2026-11-02T01:00:00.000Z');
    await makeMonth({ ...scene, store } as unknown as TestApp);
  });

  afterAll(() => scene.close());

  it('keeps every ticket\'s record at its version: the month is one aggregate request, the records derived from the documents\' timelines', async () => {
    const paged = await pagedFacts(store, filter);
    // Not vacuous: the month has whistled, rated and open tickets.
    expect(paged.length).toBe(8);
    expect(paged.some((r) => r.whistled) && paged.some((r) => r.rating !== null) && paged.some((r) => r.openDeadlines !== null)).toBe(true);
    scene.loopback.clearRequests();
    const listed = await (store.listTicketFacts as NonNullable<Store['listTicketFacts']>)(filter);
    // One request and nothing rebuilt: each submit, transition and sweep step wrote its record.
    expect(actionsOf(scene)).toEqual(['database.aggregateDocuments']);
    expect(listed).toEqual(paged);
    // …and each is factsRecord of the ticket and all its events as they are now.
    for (const r of listed) {
      const t = await store.getTicket(r.ticketId);
      expect(r).toEqual(factsRecord(t as NonNullable<typeof t>, await store.listEvents(r.ticketId)));
    }
  });

  it('rebuilds a record that is missing (a ticket stored before records) or older than its ticket, and writes it back once', async () => {
    const before = await pagedFacts(store, filter);
    const [a, b] = before;
    const db = loadCloudbase(scene.loopback.sdkOptions()).database();
    const _ = db.command;
    await db.collection('tickets').doc(a?.ticketId as string).update({ facts: _.remove(), factsVersion: _.remove() });
    await db.collection('tickets').doc(b?.ticketId as string).update({ factsVersion: _.inc(-1) });

    scene.loopback.clearRequests();
    expect(await store.listTicketFacts?.(filter)).toEqual(before);
    // The aggregate; the two documents read together; each record written back at the version read.
    expect(actionsOf(scene).sort()).toEqual(['database.aggregateDocuments', 'database.getDocument', 'database.modifyDocument', 'database.modifyDocument']);
    scene.loopback.clearRequests();
    expect(await store.listTicketFacts?.(filter)).toEqual(before);
    expect(actionsOf(scene)).toEqual(['database.aggregateDocuments']);
  });

  it('a transition committed without the whole timeline in hand leaves the record at the older version; the next report rebuilds it', async () => {
    // Another container: it reads the ticket but never lists its timeline, so it cannot make the record.
    const other = createCloudbaseStore(loadCloudbase(scene.loopback.sdkOptions()));
    const [first] = await pagedFacts(store, filter);
    const current = await other.getTicket(first?.ticketId as string);
    if (!current) throw new Error('no ticket');
    const events = await store.listEvents(current.id);
    const last = events[events.length - 1] as TicketEvent;
    const event: TicketEvent = { ...last, id: `${last.id}-more`, seq: last.seq + 1, at: '2026-11-30T01:00:00.000Z', action: 'reopen', payload: {} };
    const next = { ...current, version: current.version + 1, updatedAt: event.at };
    await other.commitTransition({ next, expectedVersion: current.version, event, outbox: [] });

    scene.loopback.clearRequests();
    const listed = await (store.listTicketFacts as NonNullable<Store['listTicketFacts']>)(filter);
    expect(actionsOf(scene)).toContain('database.getDocument');
    const record = listed.find((r) => r.ticketId === current.id);
    // The reopen is in the rebuilt record: it was made from the ticket's timeline as it is now.
    expect(record?.reopened).toBe(true);
    expect(record).toEqual(factsRecord(next, [...events, event]));
    expect(listed).toEqual(await pagedFacts(store, filter));
  });
});

describe('request counts at scale: the stats screen and the bulletin of a month', () => {
  let scene: CloudbaseScene;
  let seeded: SeedResult;
  /** The records of the scope's November tickets, derived from the stored documents and their timelines. */
  let expected: TicketFactsRecord[];
  const NOW_MS = Date.parse('2026-12-01T02:00:00.000Z');
  // The Yinchuan leadership office: its scope is yinchuan and its child jurisdiction yongning.
  const who = MORE_PEOPLE.cityLeadership;
  const openid = 'openid-city-leadership';

  /** The call as a warm container makes it (identity from the openid first), every request counted. */
  async function measure(action: string, data: Record<string, unknown>): Promise<{ profile: RequestProfile; data: unknown }> {
    scene.loopback.clearRequests();
    // Each answer held 20 ms, so that requests sent together overlap (the depth of cloudbase-requests.ts).
    scene.loopback.latencyMs = 20;
    const { envelope } = await callWithIdentity(scene.deps, ticket, openid, { action, data }).finally(() => {
      scene.loopback.latencyMs = 0;
    });
    const answer = envelope as { ok: boolean; data?: unknown };
    return { profile: profileOf(action, 'ticket', action, answer.ok, [...scene.loopback.requests], 0), data: answer.data };
  }

  beforeAll(async () => {
    scene = await openScene({ latencyMs: 0 });
    // 16,000 tickets reported in November 2026 (the growth bench's histories), stored straight into
    // the loopback's memory; the reports are made on 1 December.
    seeded = seedTickets(scene.loopback, { tickets: 16_000, start: Date.parse('2026-11-01T00:00:00.000Z'), now: NOW_MS, full: NOVEMBER, templates: 400 });
    scene.clock.set(new Date(NOW_MS).toISOString());
    await new Promise((resolve) => setTimeout(resolve, 200));
    await scene.deps.store.putUser({ ...who, openid });
    const inScope = scene.loopback
      .docs('tickets')
      .filter((d) => ['yinchuan', 'yongning'].includes(String(d.jurisdiction)) && String(d.createdAt) >= NOVEMBER.from && String(d.createdAt) < NOVEMBER.to);
    // A stored document holds the ticket's own fields (id included) and its timeline's events.
    expected = inScope
      .map((d) => factsRecord(d as unknown as Ticket, d.timeline as TicketEvent[]))
      .sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.ticketId < b.ticketId ? 1 : -1));
    // Seeding and this derivation held the event loop for seconds: let the idle keep-alive sockets the
    // server closed meanwhile be seen closed before the SDK reuses one (else ECONNRESET).
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  afterAll(() => scene.close());

  it('is a size where paging would not do: the identity and 1,000 records a page make over 10 requests', () => {
    const pages = ['yinchuan', 'yongning'].reduce((n, j) => n + Math.ceil((seeded.fullByJurisdiction[j] ?? 0) / 1000), 0);
    expect(1 + pages).toBeGreaterThan(10);
    expect(expected.length).toBe((seeded.fullByJurisdiction.yinchuan ?? 0) + (seeded.fullByJurisdiction.yongning ?? 0));
  });

  it('metrics (the stats screen): at most 10 requests, identity lookup included; the rows of the records derived from the documents', async () => {
    const input = { groupBy: 'department', from: NOVEMBER.from, to: NOVEMBER.to };
    const { profile, data } = await measure('metrics', input);
    expect(profile.ok).toBe(true);
    expect(profile.total).toBeLessThanOrEqual(10);
    // The identity, then one aggregate per jurisdiction of the scope, sent together.
    expect(profile.byAction['database.aggregateDocuments']).toBe(2);
    expect(profile.depth).toBe(2);
    const rows = computeMetricsFromRecords({ records: expected, now: new Date(NOW_MS).toISOString(), groupBys: ['department'] }).department;
    expect((data as { rows: unknown[] }).rows).toEqual(JSON.parse(JSON.stringify(rows)));
    expect((data as { tickets: number }).tickets).toBe(expected.length);
  });

  it('the bulletin: at most 50 requests, the XLSX in storage, the figures and overdue list of the records derived from the documents', async () => {
    const { profile, data } = await measure('bulletin', { jurisdiction: 'yinchuan', month: '2026-11' });
    expect(profile.ok).toBe(true);
    expect(profile.total).toBeLessThanOrEqual(50);
    const answer = data as { xlsxFileId: string; tables: { overall: MetricsRow; overdue: Array<{ ticketNo: string }> } };
    // The file is in storage: an XLSX is a ZIP ("PK").
    expect(scene.loopback.files.get(answer.xlsxFileId)?.subarray(0, 2).toString()).toBe('PK');
    const [overall] = computeMetricsFromRecords({ records: expected, now: new Date(NOW_MS).toISOString(), groupBys: ['all'] }).all;
    expect(answer.tables.overall).toEqual(JSON.parse(JSON.stringify(overall)));
    // Not vacuous: the month has overdue open tickets, read whole for their list.
    const overdue = expected.filter((r) => overdueOpenAt(r.openDeadlines, NOW_MS));
    expect(overdue.length).toBeGreaterThan(100);
    expect(answer.tables.overdue.map((r) => r.ticketNo).sort()).toEqual(overdue.map((r) => r.no).sort());
  });
});
