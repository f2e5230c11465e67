/**
 * Measurements on a generated store file (generate.ts), opened with the store's own pragmas: the
 * overdue sweep (findDueForSweep alone, and runSweep with a fixed clock) and the monthly bulletin of
 * one city (usecases/bulletin.ts), with their query plans; and, on the same file in the same run,
 * the paths the issue 8 changes replaced (growth/legacy.ts, and the store without its facts
 * records), so that §5 of docs/PERFORMANCE.md shows before and after side by side.
 */
import { readFileSync } from 'node:fs';
import type { AppDeps } from '../../../cloudfunctions/_app/context';
import {
  buildBulletin,
  buildBulletinTables,
  bulletinCsv,
  bulletinScope,
  bulletinTablesFromRecords,
  bulletinXlsx,
  type BulletinTables,
} from '../../../cloudfunctions/_app/usecases/bulletin';
import { submitReport } from '../../../cloudfunctions/_app/usecases/report';
import { metrics } from '../../../cloudfunctions/_app/usecases/stats';
import { factsMatching, perJurisdiction, ticketsMatching } from '../../../cloudfunctions/_app/usecases/support';
import { runSweep } from '../../../cloudfunctions/_app/usecases/sweep';
import { LocalContentCheck } from '../../../local/content-check';
import { fixedClock } from '../../../local/store/clock';
import { randomIds } from '../../../local/store/ids';
import { openSqliteStore, type SqliteStore } from '../../../local/store/sqlite-store';
import { IN_LIST } from '../../../local/store/statements';
import { buildTicketQuery, encodeCursor, SWEEP_SQL } from '../../../local/store/ticket-query';
import { buildUserQuery } from '../../../local/store/user-query';
import type { Identity } from '../../../shared/domain/roles';
import type { Ticket, TicketEvent } from '../../../shared/domain/ticket';
import { computeMetrics, computeMetricsFromRecords, computeMetricsSet, overdueOpenAt, type GroupBy, type MetricsRow, type TicketFactsRecord } from '../../../shared/metrics';
import type { FileStore } from '../../../shared/ports/platform';
import type { Store } from '../../../shared/ports/store';
import { median } from '../stats';
import { timingStore } from '../timing-store';
import { NOW } from './generate';
import { legacyMetrics, legacyTicketsOf, legacyUserQuery, withLegacy } from './legacy';

/** The bulletin month (Beijing time): November 2026, the last full month before NOW. */
export const MONTH = { label: '2026-11', from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
/** The city whose leadership office opens the bulletin: Yinchuan (its list and Yongning county's). */
export const BULLETIN_USER = 'demo.yinchuan.leadership';
export const BULLETIN_JURISDICTION = 'yinchuan';
const HOUR_MS = 3_600_000;
export const BULLETIN_GROUPINGS: readonly GroupBy[] = ['all', 'street', 'department', 'category'];

export interface Timed {
  medianMs: number;
  runsMs: number[];
}

export interface SweepRun {
  scanned: number;
  marked: number;
  escalated: number;
  closed: number;
  conflicts: number;
  ms: number;
}

export interface GrowthMeasure {
  sqliteStat1: boolean;
  sweepIndexRows: number;
  findDue: Array<{ due: number; found: number; timed: Timed }>;
  findDuePlan: string[];
  /** runSweep as it is. */
  sweep: { perRun: number; timed: Timed; runs: SweepRun[] };
  /** One more run with each store call timed: where a sweep's time goes. */
  sweepProfile: { totalMs: number; calls: Record<string, { count: number; ms: number }> };
  /** With commitTransition as it was (growth/legacy.ts): §5.1 alone. */
  sweepOldCommit: { timed: Timed; runs: SweepRun[] };
  /** With listUsers and commitTransition as they were: the sweep before the changes. */
  sweepBefore: { timed: Timed; runs: SweepRun[] };
  listUsers: {
    users: number;
    found: number;
    timed: Timed;
    sql: string;
    plan: string[];
    /** The old query (json_each over every user) on the same file. */
    before: { found: number; timed: Timed; sql: string; plan: string[] };
  };
  bulletin: {
    jurisdiction: string;
    month: string;
    scope: string[];
    tickets: number;
    events: number;
    /** Overdue open tickets read whole for the overdue list (facts path). */
    openTickets: number;
    overdueRows: number;
    /** buildBulletin as it is (the budget's figure): from the facts records, and each of its steps. */
    total: Timed;
    /** Steps: the records, the overdue tickets whole (getTicket each), the tables, the files. */
    facts: { records: Timed; open: Timed; tables: Timed; csv: Timed; xlsx: Timed; plan: string[] };
    /** buildBulletin on the store without queryTicketFacts: every document and event, and its steps. */
    scan: { total: Timed; fetch: Timed; events: Timed; estates: Timed; tables: Timed; pages: number; plans: { page1: string[]; page2: string[]; events: string[] } };
    /** Both ways gave the same tables. */
    sameTables: boolean;
    /** computeMetrics alone per grouping; computeMetricsSet for the four in one pass; the same from the records. */
    compute: Record<string, Timed>;
    computeSet: Timed;
    computeFromRecords: Timed;
    /** The stats screen's metrics use case (groupBy department) on the same month, from the records and from the documents. */
    metricsUseCase: Timed;
    metricsUseCaseScan: Timed;
    /** The old steps on the same file: the multi-jurisdiction fetch and one computeMetrics per grouping. */
    before: { fetch: Timed; pages: number; plan: string[]; metrics: Timed; sameTickets: boolean; sameMetrics: boolean };
  };
  /** A resident's submit through the use case on this store (its hand-over asks listUsers for the grid workers), now and with the old listUsers. */
  submit: { timed: Timed; before: Timed };
  /** Page-cache state when the measurements started (/proc/meminfo Cached), against the file size. */
  cachedMiB: number | null;
}

const NO_FILES: FileStore = {
  put: async () => {
    throw new Error('no file store in the growth benchmark');
  },
  get: async () => null,
  url: async (id) => `/files/${id}`,
  claim: async (ids) => (ids[0] ? { code: 'FILE.UNKNOWN', id: ids[0] } : null),
  removeOrphans: async () => 0,
};

async function timed(runs: number, fn: () => Promise<unknown> | unknown, warm = 1): Promise<Timed> {
  for (let i = 0; i < warm; i += 1) await fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    await fn();
    all.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { medianMs: median(all), runsMs: all };
}

/** EXPLAIN QUERY PLAN, as indented lines. */
export function plan(store: SqliteStore, sql: string, params: unknown[]): string[] {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ id: number; parent: number; detail: string }>;
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}

function depsFor(store: Store, nowIso: string): AppDeps {
  return { store, files: NO_FILES, content: new LocalContentCheck(), clock: fixedClock(nowIso), ids: randomIds(), config: { platform: 'local', reportsPerHour: 10 } };
}

/** The store without some of its optional capabilities: what an adapter without them offers. */
function without(store: Store, ...names: Array<'queryTicketFacts'>): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if ((names as string[]).includes(prop as string)) return undefined;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Counts the store's queryTickets calls (pages). */
function countingPages(store: Store): { store: Store; pages: () => number } {
  let pages = 0;
  const counted = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'queryTickets') {
        return (...args: unknown[]) => {
          pages += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { store: counted, pages: () => pages };
}

/** Runs the sweep with a fixed clock at the end of windows first..first+count; the first run is a warm-up. */
async function sweepWindows(store: Store, windowEnds: readonly string[], first: number, count: number): Promise<{ timed: Timed; runs: SweepRun[] }> {
  const runs: SweepRun[] = [];
  for (let w = first; w <= first + count; w += 1) {
    const t0 = process.hrtime.bigint();
    const r = await runSweep(depsFor(store, windowEnds[w] as string));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (w > first) runs.push({ scanned: r.scanned, marked: r.marked, escalated: r.escalated, closed: r.closed, conflicts: r.conflicts, ms });
  }
  return { timed: { medianMs: median(runs.map((r) => r.ms)), runsMs: runs.map((r) => r.ms) }, runs };
}

const sortedIds = (tickets: readonly Ticket[]) => tickets.map((t) => t.id).sort();
/** The tables without the instant they were made at (the two ways run at different moments of the same fixed clock anyway). */
const tablesText = (t: BulletinTables) => JSON.stringify({ ...t, generatedAt: null });

export async function measureGrowth(file: string, meta: { perWindow: number; windows: number; windowEnds: string[] }, runs: number): Promise<GrowthMeasure> {
  const cachedAtStart = cachedMiB();
  const store = openSqliteStore(file);
  try {
    const nowIso = new Date(NOW).toISOString();
    const db = store.db;
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const sqliteStat1 = count("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'") > 0;
    const sweepIndexRows = count('SELECT count(*) AS n FROM tickets WHERE sweep_at IS NOT NULL');
    if (meta.windows < 15) throw new Error('the growth measurements need 15 sweep windows');

    const findDue: GrowthMeasure['findDue'] = [];
    // At T_0 one window is due (perWindow tickets); at T_9 ten windows (10 × perWindow, the sweep's LIMIT 500).
    for (const w of [0, 9]) {
      const at = meta.windowEnds[w] as string;
      let found = 0;
      const t = await timed(7, async () => {
        found = (await store.findDueForSweep(at, 500)).length;
      });
      findDue.push({ due: meta.perWindow * (w + 1), found, timed: t });
    }
    const findDuePlan = plan(store, SWEEP_SQL, [nowIso, 500]);

    // Who gets told: the grid workers of a jurisdiction (each submit asks; each escalation asks for the street).
    const users = count('SELECT count(*) AS n FROM users');
    const gridWorkers = { jurisdiction: 'yinchuan', role: 'grid' } as const;
    const legacyUsers = withLegacy(store, { listUsers: true });
    let found = 0;
    let foundBefore = 0;
    const luTimed = await timed(7, async () => {
      found = (await store.listUsers(gridWorkers)).length;
    });
    const luBefore = await timed(5, async () => {
      foundBefore = (await legacyUsers.listUsers(gridWorkers)).length;
    });
    const luSql = buildUserQuery(gridWorkers);
    const luOld = legacyUserQuery(gridWorkers);

    // The bulletin of one city and month (cloudfunctions/_app/usecases/bulletin.ts).
    const identity: Identity = await (async () => {
      const u = await store.getUser(BULLETIN_USER);
      if (!u) throw new Error(`${BULLETIN_USER} missing from the generated directory`);
      return { userId: u.id, name: u.name, grants: u.grants };
    })();
    const scope = bulletinScope(identity, BULLETIN_JURISDICTION);
    const deps = depsFor(store, nowIso);
    const scanDeps = depsFor(without(store, 'queryTicketFacts'), nowIso);
    const range = { from: MONTH.from, to: MONTH.to };
    const common = { jurisdiction: BULLETIN_JURISDICTION, month: MONTH.label, scope: scope.label, now: nowIso };

    // As it is: the facts records, the open tickets, the tables, the files; and end to end.
    let records: TicketFactsRecord[] = [];
    let open: Ticket[] = [];
    let factsTables: BulletinTables | null = null;
    const recordsTimed = await timed(runs, async () => {
      records = (await factsMatching(deps, scope.filters, range)) ?? [];
    });
    const openTimed = await timed(runs, async () => {
      const overdue = await Promise.all(records.filter((r) => overdueOpenAt(r.openDeadlines, NOW)).map((r) => store.getTicket(r.ticketId)));
      open = overdue.filter((t): t is Ticket => t !== null);
    });
    const openEstates = new Map((await store.listEstates({ ids: [...new Set(open.map((t) => t.estateId).filter((id): id is string => id !== null))] })).map((e) => [e.id, e.name]));
    const factsTablesTimed = await timed(runs, () => {
      factsTables = bulletinTablesFromRecords({ ...common, records, openTickets: open, estateNames: openEstates });
    });
    const builtFromFacts = factsTables as BulletinTables | null;
    if (!builtFromFacts) throw new Error('no bulletin tables');
    const csvTimed = await timed(runs, () => bulletinCsv(builtFromFacts));
    const xlsxTimed = await timed(runs, () => bulletinXlsx(builtFromFacts));
    const total = await timed(runs, () => buildBulletin(deps, identity, { jurisdiction: BULLETIN_JURISDICTION, month: MONTH.label }));
    const factsPlanQuery = buildTicketQuery({ jurisdiction: BULLETIN_JURISDICTION, createdFrom: MONTH.from, createdTo: MONTH.to }, { limit: 1000 }, 'facts');

    // Every document and event: the store without its facts records (as the CloudBase adapter).
    let tickets: Ticket[] = [];
    let pages = 0;
    let events: TicketEvent[] = [];
    let estateNames = new Map<string, string>();
    let scanTables: BulletinTables | null = null;
    const fetch = await timed(runs, async () => {
      const counted = countingPages(store);
      tickets = await ticketsMatching({ ...deps, store: counted.store }, scope.filters, range);
      pages = counted.pages();
    });
    const eventsTimed = await timed(runs, async () => {
      events = await store.listEventsFor(tickets.map((t) => t.id));
    });
    const estatesTimed = await timed(runs, async () => {
      const ids = [...new Set(tickets.map((t) => t.estateId).filter((id): id is string => id !== null))];
      estateNames = new Map((await store.listEstates({ ids })).map((e) => [e.id, e.name]));
    });
    const scanTablesTimed = await timed(runs, () => {
      scanTables = buildBulletinTables({ ...common, tickets, events, estateNames });
    });
    const scanTotal = await timed(runs, () => buildBulletin(scanDeps, identity, { jurisdiction: BULLETIN_JURISDICTION, month: MONTH.label }));
    const sameTables = scanTables !== null && tablesText(scanTables) === tablesText(builtFromFacts);

    const compute: Record<string, Timed> = {};
    for (const groupBy of BULLETIN_GROUPINGS) compute[groupBy] = await timed(runs, () => computeMetrics({ tickets, events, now: nowIso, groupBy }));
    let metricsAfter: Record<string, MetricsRow[]> = {};
    const groupBys = ['all', 'department', 'street', 'category'] as const;
    const computeSet = await timed(runs, () => {
      metricsAfter = computeMetricsSet({ tickets, events, now: nowIso, groupBys });
    });
    const computeFromRecords = await timed(runs, () => computeMetricsFromRecords({ records, now: nowIso, groupBys }));
    const metricsInput = { groupBy: 'department' as const, from: MONTH.from, to: MONTH.to };
    const metricsUseCase = await timed(runs, () => metrics(deps, identity, metricsInput));
    const metricsUseCaseScan = await timed(runs, () => metrics(scanDeps, identity, metricsInput));

    const single = perJurisdiction(scope.filters).map((f) => ({ ...f, createdFrom: MONTH.from, createdTo: MONTH.to }));
    const q1 = single[0] ? buildTicketQuery(single[0], { limit: 1000 }) : null;
    const mid = tickets.find((t) => t.jurisdiction === single[0]?.jurisdiction);
    const q2 = single[0] ? buildTicketQuery(single[0], { limit: 1000, after: mid ? encodeCursor({ createdAt: mid.createdAt, id: mid.id }) : null }) : null;
    const eventsSql = `SELECT doc FROM events WHERE ticket_id IN ${IN_LIST} ORDER BY ticket_id, seq`;

    // The old steps, on the same file (fewer runs when the month is large: the old fetch re-reads it per page).
    let old: { tickets: Ticket[]; pages: number } = { tickets: [], pages: 0 };
    const beforeRuns = tickets.length > 10_000 ? Math.min(runs, 3) : runs;
    const fetchBefore = await timed(beforeRuns, async () => {
      old = await legacyTicketsOf(store, scope.filters, MONTH.from, MONTH.to);
    });
    let metricsBefore: Record<string, MetricsRow[]> = {};
    const metricsBeforeTimed = await timed(beforeRuns, () => {
      metricsBefore = legacyMetrics(tickets, events, nowIso);
    });
    const qOld = buildTicketQuery({ ...(scope.filters[0] ?? {}), createdFrom: MONTH.from, createdTo: MONTH.to }, { limit: 1000 });

    // The sweep: as it is; with the old commit; with the old commit and listUsers — each on later windows of the same file.
    const sweep = await sweepWindows(store, meta.windowEnds, 0, 5);
    const calls: Record<string, { count: number; ms: number }> = {};
    const p0 = process.hrtime.bigint();
    await runSweep(depsFor(timingStore(store, calls), meta.windowEnds[6] as string));
    const profileMs = Number(process.hrtime.bigint() - p0) / 1e6;
    const sweepOldCommit = await sweepWindows(withLegacy(store, { commit: true }), meta.windowEnds, 7, 3);
    const sweepBefore = await sweepWindows(withLegacy(store, { listUsers: true, commit: true }), meta.windowEnds, 11, 3);

    // A resident's submit on this store, now and the old way (a different resident each time: the hourly limit).
    const residents = (db.prepare("SELECT id FROM users WHERE id LIKE 'u.yinchuan.%' ORDER BY id LIMIT 40").all() as Array<{ id: string }>).map((r) => r.id);
    const estate = (db.prepare("SELECT id FROM estates WHERE jurisdiction = 'yinchuan' ORDER BY id LIMIT 1").get() as { id: string }).id;
    let submitted = 0;
    const submitOnce = async (s: Store) => {
      const userId = residents[submitted % residents.length] as string;
      const u = await store.getUser(userId);
      if (!u) throw new Error(`resident ${userId} missing`);
      submitted += 1;
      await submitReport(depsFor(s, new Date(NOW + 2 * HOUR_MS).toISOString()), { userId: u.id, grants: u.grants, ...(u.openid ? { openid: u.openid } : {}) }, {
        idempotencyKey: `bench-submit-${submitted}`,
        estateId: estate,
        category: 'garbage',
        description: '3号楼北侧垃圾桶满溢，已经连续三天无人清运。',
        photos: [],
        anonymous: false,
        photosPublic: false,
      });
    };
    const submitTimed = await timed(7, () => submitOnce(store));
    const submitBefore = await timed(7, () => submitOnce(legacyUsers));

    return {
      sqliteStat1,
      sweepIndexRows,
      findDue,
      findDuePlan,
      sweep: { perRun: meta.perWindow, ...sweep },
      sweepProfile: { totalMs: profileMs, calls },
      sweepOldCommit,
      sweepBefore,
      listUsers: {
        users,
        found,
        timed: luTimed,
        sql: luSql.sql,
        plan: plan(store, luSql.sql, luSql.params),
        before: { found: foundBefore, timed: luBefore, sql: luOld.sql, plan: plan(store, luOld.sql, luOld.params) },
      },
      bulletin: {
        jurisdiction: BULLETIN_JURISDICTION,
        month: MONTH.label,
        scope: scope.filters.flatMap((f) => f.jurisdictions ?? []),
        tickets: tickets.length,
        events: events.length,
        openTickets: open.length,
        overdueRows: builtFromFacts.overdue.length,
        total,
        facts: {
          records: recordsTimed,
          open: openTimed,
          tables: factsTablesTimed,
          csv: csvTimed,
          xlsx: xlsxTimed,
          plan: factsPlanQuery ? plan(store, factsPlanQuery.sql, factsPlanQuery.params) : [],
        },
        scan: {
          total: scanTotal,
          fetch,
          events: eventsTimed,
          estates: estatesTimed,
          tables: scanTablesTimed,
          pages,
          plans: {
            page1: q1 ? plan(store, q1.sql, q1.params) : [],
            page2: q2 ? plan(store, q2.sql, q2.params) : [],
            events: plan(store, eventsSql, [JSON.stringify(tickets.slice(0, 3).map((t) => t.id))]),
          },
        },
        sameTables,
        compute,
        computeSet,
        computeFromRecords,
        metricsUseCase,
        metricsUseCaseScan,
        before: {
          fetch: fetchBefore,
          pages: old.pages,
          plan: qOld ? plan(store, qOld.sql, qOld.params) : [],
          metrics: metricsBeforeTimed,
          sameTickets: JSON.stringify(sortedIds(old.tickets)) === JSON.stringify(sortedIds(tickets)),
          sameMetrics: JSON.stringify(metricsBefore) === JSON.stringify(metricsAfter),
        },
      },
      submit: { timed: submitTimed, before: submitBefore },
      cachedMiB: cachedAtStart,
    };
  } finally {
    store.close();
  }
}

function cachedMiB(): number | null {
  try {
    const line = readFileSync('/proc/meminfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Cached:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : null;
  } catch {
    return null;
  }
}
