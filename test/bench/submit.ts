/**
 * §3 The submit path on the local runtime: reports/s and p50/p99 latency through the HTTP gateway
 * (POST /api/report {action: 'submit'}) at several concurrencies, driven by autocannon on loopback;
 * and, in the same run, the raw embedded-store insert of the same row (one row per transaction in a
 * loop on a fresh SQLite file, same pragmas). Each level runs twice, on a runtime with the store's
 * group commit (the default) and on one without it; the first also answers GET /healthz at the same
 * concurrency (the gateway with no work behind it). The raw loop runs once more with its rows grouped
 * as the busiest level grouped them. Every measured run of a path (an HTTP level, the grouped raw
 * loop, the in-process use case) follows a run of the raw one-row loop, and its ratio is taken to
 * those raw runs: the VM's speed drifts over minutes, and the drift then weighs on both sides alike.
 * At every group-commit level a bare node:http server doing the same insert (submit-worker.ts
 * `ceiling`) runs at the same concurrency right after each measured run: issue 17 §4 holds c=1 to
 * ≥ 0.8 of it (SUBMIT_BARE_RATIO_GOAL) and c=50/200 to ≥ 0.5 of the raw insert (SUBMIT_RATIO_GOAL).
 * The runtime and the loops run in child processes (submit-worker.ts); autocannon runs here.
 * BENCH_CPU_PROF=1 writes a CPU profile of the serving process per level to /tmp/prof
 * (node --cpu-prof), to see where a submit's time goes.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Options as AutocannonOptions } from 'autocannon';
import { demoData } from '../../local/demo';
import type { GroupCommitStats } from '../../local/store/group-commit';
import type { TicketStore } from '../../shared/ports/store';
import type { CategoryCode } from '../../shared/taxonomy/categories';
import { median, percentile } from './stats';
import type { CallTimes } from './timing-store';

type CreateInput = Parameters<TicketStore['createTicket']>[0];

export interface SubmitRun {
  reports: number;
  non2xx: number;
  errors: number;
  elapsedMs: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface SubmitLevel {
  connections: number;
  runs: SubmitRun[];
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Tickets in the store after the runs vs 2xx answers (every 2xx must be a new ticket). */
  ticketsStored: number;
  answered2xx: number;
  /** How the runtime grouped the level's creates (warm-up included) into commits. */
  commits: GroupCommitStats;
  /** GET /healthz on the same runtime and concurrency, one run: what the gateway costs with no work behind it. */
  floor: SubmitRun | null;
  /** Per measured run: connections the server accepted, how many of them later than 0.5 s after the run began, the latest (ms). */
  accepts: Array<{ accepted: number; late: number; latestMs: number }>;
  /** The raw one-row loop, one run just before each measured run: this level's baseline. */
  raw: RawRun[];
  rawPerSecond: number;
  /**
   * The bare node:http server with the same insert (submit-worker.ts `ceiling`), one run just after
   * each measured run at the same concurrency (group commit on only): issue 17's c=1 baseline.
   */
  bare: SubmitRun[];
  barePerSecond: number;
}

/** 500 more in-process submits with every store call timed. */
export interface UsecaseProfile {
  submits: number;
  ms: number;
  calls: CallTimes;
}

export interface RawRun {
  inserts: number;
  elapsedMs: number;
  perSecond: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** A bare node:http server that only stores the row per POST (submit-worker.ts `ceiling`), with its raw runs beside it. */
export interface CeilingLevel {
  connections: number;
  runs: SubmitRun[];
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  raw: RawRun[];
  rawPerSecond: number;
}

/** Runs of a loop, their medians, and the raw one-row runs made just before each of them. */
export interface LoopSummary {
  runs: RawRun[];
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  raw: RawRun[];
  rawPerSecond: number;
}

export interface SubmitResult {
  durationS: number;
  runsPerLevel: number;
  residents: number;
  levels: SubmitLevel[];
  /** The same levels on a runtime whose store commits each create alone (group commit off). */
  levelsAlone: SubmitLevel[];
  /** Every run of the raw one-row loop in this benchmark (each made beside a run of another path). */
  raw: { runs: RawRun[]; perSecond: number; p50Ms: number; p99Ms: number; rowBytes: number; outboxRows: number };
  /** The raw insert k rows per transaction, k the mean creates per commit the runtime made at its busiest level. */
  rawBatched: (LoopSummary & { batch: number }) | null;
  /** The same submits on the report function's router in-process, sequentially (no HTTP). */
  usecase: LoopSummary & { profile: UsecaseProfile | null };
  /** HTTP plus the insert and nothing else, at every level (the runs of SubmitLevel.bare): the most a Node gateway could reach. */
  ceiling: CeilingLevel[];
  /**
   * One run each of the raw insert and the in-process submit with the process asleep ~1 ms before
   * every call, as the server is at c=1: per-call times hot (the loops above) and after idling.
   */
  idle: { raw: RawRun; usecase: RawRun; hotRawMeanMs: number; hotUsecaseMeanMs: number };
}

const WORKER = join(__dirname, 'submit-worker.ts');

/** A path's reports/s ÷ the raw one-row loop's, both measured in alternation (an HTTP level or a loop). */
export function rawRatio(x: { perSecond: number; rawPerSecond: number }): number {
  return x.perSecond / x.rawPerSecond;
}

/** Mean creates per commit the runtime made at a level. */
export function createsPerCommit(l: SubmitLevel): number {
  return l.commits.calls / Math.max(1, l.commits.batches);
}

/** Issue #8: reports/s through the HTTP gateway ÷ the raw insert's; since issue 17 §4 at c = 50 and 200 only. */
export const SUBMIT_RATIO_GOAL = 0.5;

/**
 * Issue 17 §4: at c=1 the raw ratio measures the HTTP round trip, not the product; the goal there is
 * reports/s through the gateway ÷ the bare node:http server doing the same insert, measured beside it.
 */
export const SUBMIT_BARE_RATIO_GOAL = 0.8;

/** Which goal a level is held to: the bare-server ratio at one client, the raw ratio above. */
export function submitGoal(connections: number): 'bare' | 'raw' {
  return connections === 1 ? 'bare' : 'raw';
}

/** A level's reports/s ÷ the bare server's, both measured in alternation on the same concurrency. */
export function bareRatio(l: { perSecond: number; barePerSecond: number }): number {
  return l.perSecond / l.barePerSecond;
}

/** A connection accepted later than this after its run began waited in the listen queue. */
export const LATE_ACCEPT_MS = 500;

/** Reports a resident might send after a storm: a weighted rotation of categories and texts. */
const REPORTS: ReadonlyArray<{ category: CategoryCode; description: string }> = [
  { category: 'flood', description: '地下车库入口积水已经没过脚踝，排水泵好像没有启动，车辆无法出入。' },
  { category: 'garbage', description: '3号楼北侧垃圾桶满溢，已经连续三天无人清运，气味很大。' },
  { category: 'parking', description: '东门消防通道旁长期停放一辆无牌面包车，多次提醒无人挪走，影响车辆进出。' },
  { category: 'fly-wire', description: '5号楼2单元有人从三楼窗户拉电线下来给电动车充电，下雨天很危险。' },
  { category: 'greenery', description: '大风刮倒了小区中心花园的两棵树，压在步道上，老人孩子绕行不便。' },
  { category: 'elevator', description: '7号楼1单元电梯停在半层不动，按钮无反应，物业电话一直占线。' },
  { category: 'fire-lane', description: '北门消防车道被几辆私家车堵死，救护车刚才进不来。' },
  { category: 'noise', description: '楼下商铺每天晚上十一点后还在装修电钻施工，严重影响休息。' },
];

interface Worker {
  child: ChildProcess;
  next<T>(type: string): Promise<T>;
}

function startWorker(mode: 'serve' | 'serve-alone' | 'raw' | 'usecase' | 'ceiling', dataDir: string): Worker {
  const child = fork(WORKER, [mode, dataDir], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF && mode === 'serve' ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: Array<{ type: string; resolve: (v: never) => void; reject: (e: Error) => void }> = [];
  child.on('message', (msg: { type: string; message?: string }) => {
    const i = waiting.findIndex((w) => w.type === msg.type || msg.type === 'error');
    if (i < 0) return;
    const [w] = waiting.splice(i, 1);
    if (msg.type === 'error') w?.reject(new Error(msg.message));
    else w?.resolve(msg as never);
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`submit worker exited (${code})`));
  });
  return {
    child,
    next: <T>(type: string) => new Promise<T>((resolve, reject) => waiting.push({ type, resolve: resolve as (v: never) => void, reject })),
  };
}

async function post(url: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (!json.ok) throw new Error(`${url}: ${json.error?.code} ${json.error?.message}`);
  return json.data;
}

/** The demo residents (two per jurisdiction), each with the estate their grant names. */
function demoResidents(): Array<{ userId: string; estateId: string }> {
  return demoData()
    .users.filter((u) => u.grants.every((g) => g.role === 'resident'))
    .map((u) => ({ userId: u.id, estateId: u.grants[0]?.estates?.[0] ?? '' }))
    .filter((r) => r.estateId !== '');
}

let keyCounter = 0;

/** One bounded autocannon run; latencies of the 2xx answers, measured per request. */
async function measure(options: AutocannonOptions): Promise<SubmitRun> {
  const latencies: number[] = [];
  const started = performance.now();
  const instance = autocannon({ pipelining: 1, timeout: 30, ...options });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    if (status >= 200 && status < 300) latencies.push(responseTime);
  });
  const result = await instance;
  const elapsedMs = performance.now() - started;
  return {
    reports: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    elapsedMs,
    perSecond: result['2xx'] / (result.duration || elapsedMs / 1000),
    p50Ms: latencies.length ? percentile(latencies, 50) : Number.NaN,
    p99Ms: latencies.length ? percentile(latencies, 99) : Number.NaN,
  };
}

/** Submits: every request a valid report with a fresh idempotency key. */
function drive(url: string, sessions: Array<{ token: string; estateId: string }>, connections: number, durationS: number): Promise<SubmitRun> {
  const runTag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  return measure({
    url: `${url}/api/report`,
    connections,
    duration: durationS,
    requests: [
      {
        setupRequest: (req) => {
          keyCounter += 1;
          const who = sessions[keyCounter % sessions.length] as { token: string; estateId: string };
          const report = REPORTS[keyCounter % REPORTS.length] as (typeof REPORTS)[number];
          return {
            ...req,
            method: 'POST',
            path: '/api/report',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
            body: JSON.stringify({
              action: 'submit',
              data: { idempotencyKey: `bench-${runTag}-${keyCounter}`, estateId: who.estateId, category: report.category, description: report.description },
            }),
          };
        },
      },
    ],
  });
}

/** GET /healthz: the gateway's answer with no work behind it. */
function driveFloor(url: string, connections: number, durationS: number): Promise<SubmitRun> {
  return measure({ url: `${url}/healthz`, connections, duration: durationS });
}

/**
 * One concurrency on a fresh runtime: a warm-up, then `runs` measured runs, each after a run of the
 * raw loop (`rawRun`) on the row a submit stores (`input`, or captured from this runtime's warm-up).
 */
async function serveLevel(
  connections: number,
  runs: number,
  durationS: number,
  opts: { groupCommit: boolean; input: CreateInput | null; rawRun: (input: CreateInput) => Promise<RawRun>; bare: boolean },
): Promise<{ level: SubmitLevel; captured: CreateInput }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xqcs-bench-submit-'));
  const worker = startWorker(opts.groupCommit ? 'serve' : 'serve-alone', dataDir);
  let bareServer: BareServer | null = null;
  try {
    const { url } = await worker.next<{ url: string }>('ready');
    const sessions: Array<{ token: string; estateId: string }> = [];
    for (const r of demoResidents()) {
      const data = (await post(`${url}/api/dev/signin`, { userId: r.userId })) as { token: string };
      sessions.push({ token: data.token, estateId: r.estateId });
    }
    // Warm-up (not measured): JIT, statement cache, first pages of every table.
    const warm = await drive(url, sessions, connections, 2);
    let input = opts.input;
    if (!input) {
      worker.child.send({ cmd: 'captured' });
      input = (await worker.next<{ input: CreateInput | null }>('captured')).input;
      if (!input) throw new Error('no createTicket input was captured from the runtime');
    }
    // The bare server beside this runtime, warmed up now, so that each of its runs follows a gateway run.
    bareServer = opts.bare ? await startBare(input, connections) : null;
    const measured: SubmitRun[] = [];
    const bare: SubmitRun[] = [];
    const accepts: SubmitLevel['accepts'] = [];
    const raw: RawRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      raw.push(await opts.rawRun(input));
      worker.child.send({ cmd: 'mark' });
      await worker.next('marked');
      measured.push(await drive(url, sessions, connections, durationS));
      worker.child.send({ cmd: 'accepts' });
      const { accepted } = await worker.next<{ accepted: number[] }>('accepts');
      accepts.push({ accepted: accepted.length, late: accepted.filter((ms) => ms > LATE_ACCEPT_MS).length, latestMs: Math.max(0, ...accepted) });
      if (bareServer) bare.push(await bareServer.run(durationS));
    }
    bareServer?.close();
    const floor = opts.groupCommit ? await driveFloor(url, connections, durationS) : null;
    worker.child.send({ cmd: 'count' });
    const { tickets, batches } = await worker.next<{ tickets: number; batches: GroupCommitStats }>('count');
    worker.child.send({ cmd: 'close' });
    await worker.next('closed').catch(() => undefined);
    // Let the worker exit by itself (up to 5 s): with BENCH_CPU_PROF it writes its profile on exit.
    if (worker.child.exitCode === null) await new Promise((r) => { worker.child.once('exit', r); setTimeout(r, 5000); });
    return {
      captured: input,
      level: {
        connections,
        runs: measured,
        perSecond: median(measured.map((r) => r.perSecond)),
        p50Ms: median(measured.map((r) => r.p50Ms)),
        p99Ms: median(measured.map((r) => r.p99Ms)),
        ticketsStored: tickets,
        commits: batches,
        floor,
        accepts,
        answered2xx: warm.reports + measured.reduce((s, r) => s + r.reports, 0),
        raw,
        rawPerSecond: median(raw.map((r) => r.perSecond)),
        bare,
        barePerSecond: bare.length ? median(bare.map((r) => r.perSecond)) : Number.NaN,
      },
    };
  } finally {
    bareServer?.close();
    if (worker.child.exitCode === null) worker.child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface BareServer {
  run(durationS: number): Promise<SubmitRun>;
  close(): void;
}

/** The bare server (submit-worker.ts `ceiling`) on a fresh file, warmed up at `connections` for 2 s. */
async function startBare(input: CreateInput, connections: number): Promise<BareServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xqcs-bench-ceiling-'));
  const worker = startWorker('ceiling', dataDir);
  const close = () => {
    if (worker.child.exitCode === null) worker.child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await worker.next('ready');
    worker.child.send({ cmd: 'ceiling', input });
    const { url } = await worker.next<{ url: string }>('ceiling');
    // The same requests as the runtime gets (the bare server reads and parses them, nothing more).
    const sessions = demoResidents().map((r) => ({ token: 'unused', estateId: r.estateId }));
    await drive(url, sessions, connections, 2);
    return { run: (durationS) => drive(url, sessions, connections, durationS), close };
  } catch (err) {
    close();
    throw err;
  }
}

/** A child running sequential loops, run after run: `raw` (the store insert) or `usecase` (the router, no HTTP). */
interface LoopWorker {
  run(message: Record<string, unknown>, durationMs: number): Promise<{ run: RawRun; profile: UsecaseProfile | null }>;
  close(): void;
}

function loopWorker(mode: 'raw' | 'usecase'): LoopWorker {
  const dataDir = mkdtempSync(join(tmpdir(), `xqcs-bench-${mode}-`));
  const worker = startWorker(mode, dataDir);
  const ready = worker.next('ready');
  let runs = 0;
  return {
    async run(message, durationMs) {
      await ready;
      // Every run on a fresh store file of its own (named by the run's number).
      worker.child.send({ cmd: mode, ...message, durationMs, run: runs });
      runs += 1;
      const r = await worker.next<{ inserts: number; elapsedMs: number; latencies: number[]; profile?: UsecaseProfile }>(mode);
      const meanMs = r.latencies.reduce((a, b) => a + b, 0) / Math.max(1, r.latencies.length);
      return {
        run: { inserts: r.inserts, elapsedMs: r.elapsedMs, perSecond: r.inserts / (r.elapsedMs / 1000), meanMs, p50Ms: percentile(r.latencies, 50), p99Ms: percentile(r.latencies, 99) },
        profile: r.profile ?? null,
      };
    },
    close() {
      if (worker.child.exitCode === null) worker.child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const medians = (rs: RawRun[]) => ({ runs: rs, perSecond: median(rs.map((r) => r.perSecond)), p50Ms: median(rs.map((r) => r.p50Ms)), p99Ms: median(rs.map((r) => r.p99Ms)) });

export async function benchSubmit(opts: { levels?: number[]; runs?: number; durationS?: number } = {}): Promise<SubmitResult> {
  const levels = opts.levels ?? [1, 50, 200];
  const runs = opts.runs ?? 3;
  const durationS = opts.durationS ?? 5;
  const durationMs = durationS * 1000;
  const rawWorker = loopWorker('raw');
  let usecaseWorker: LoopWorker | null = null;
  try {
    // Every one-row raw run, each made beside a run of some path: the raw row of the report.
    const allRaw: RawRun[] = [];
    const rawRun = async (input: CreateInput): Promise<RawRun> => {
      const { run } = await rawWorker.run({ input }, durationMs);
      allRaw.push(run);
      return run;
    };
    const results: SubmitLevel[] = [];
    let captured: CreateInput | null = null;
    const ceiling: CeilingLevel[] = [];
    for (const c of levels) {
      const { level, captured: input } = await serveLevel(c, runs, durationS, { groupCommit: true, input: captured, rawRun, bare: true });
      captured = input;
      results.push(level);
      // The bare server's runs alternate with this level's, after the same raw runs.
      ceiling.push({ connections: c, runs: level.bare, perSecond: level.barePerSecond, p50Ms: median(level.bare.map((r) => r.p50Ms)), p99Ms: median(level.bare.map((r) => r.p99Ms)), raw: level.raw, rawPerSecond: level.rawPerSecond });
      const perCommit = createsPerCommit(level);
      const floor = level.floor ? `; GET /healthz ${level.floor.perSecond.toFixed(0)}/s` : '';
      const late = level.accepts.map((a) => `${a.late}/${a.accepted}`).join(', ');
      console.log(
        `  c=${c}: ${level.perSecond.toFixed(0)} reports/s (raw beside it ${level.rawPerSecond.toFixed(0)}/s: ${rawRatio(level).toFixed(2)}; ` +
          `bare node:http + insert beside it ${level.barePerSecond.toFixed(0)}/s: ${bareRatio(level).toFixed(2)}), p50 ${level.p50Ms.toFixed(2)} ms, p99 ${level.p99Ms.toFixed(2)} ms, ` +
          `${perCommit.toFixed(1)} creates per commit (largest ${level.commits.largest})${floor}; accepted late: ${late}`,
      );
    }
    if (!captured) throw new Error('no level ran, so no createTicket input was captured');
    const input: CreateInput = captured;
    const alone: SubmitLevel[] = [];
    for (const c of levels) {
      const { level } = await serveLevel(c, runs, durationS, { groupCommit: false, input, rawRun, bare: false });
      alone.push(level);
      console.log(`  group commit off, c=${c}: ${level.perSecond.toFixed(0)} reports/s (raw beside it ${level.rawPerSecond.toFixed(0)}/s: ${rawRatio(level).toFixed(2)}), p50 ${level.p50Ms.toFixed(2)} ms, p99 ${level.p99Ms.toFixed(2)} ms`);
    }
    // A loop's runs, each after a raw one-row run.
    const besideRaw = async (once: () => Promise<RawRun>): Promise<LoopSummary> => {
      const mine: RawRun[] = [];
      const raw: RawRun[] = [];
      for (let run = 0; run < runs; run += 1) {
        raw.push(await rawRun(input));
        mine.push(await once());
      }
      return { ...medians(mine), raw, rawPerSecond: median(raw.map((r) => r.perSecond)) };
    };
    const busiest = [...results].sort((a, b) => b.perSecond - a.perSecond)[0];
    const batch = busiest ? Math.round(createsPerCommit(busiest)) : 1;
    const rawBatched = batch > 1 ? { batch, ...(await besideRaw(async () => (await rawWorker.run({ input, batch }, durationMs)).run)) } : null;
    const submits = demoResidents().flatMap((r, i) =>
      REPORTS.map((_, k) => {
        const rep = REPORTS[(i + k) % REPORTS.length] as (typeof REPORTS)[number];
        return { userId: r.userId, data: { estateId: r.estateId, category: rep.category, description: rep.description } };
      }),
    );
    // Started only now, so that its start-up does not overlap the HTTP levels.
    const uc = loopWorker('usecase');
    usecaseWorker = uc;
    let profile: UsecaseProfile | null = null;
    const usecase = await besideRaw(async () => {
      const r = await uc.run({ submits }, durationMs);
      profile = r.profile ?? profile;
      return r.run;
    });
    const idleRaw = (await rawWorker.run({ input, idle: true }, durationMs)).run;
    const idleUsecase = (await uc.run({ submits, idle: true }, durationMs)).run;
    return {
      durationS,
      runsPerLevel: runs,
      residents: demoResidents().length,
      levels: results,
      levelsAlone: alone,
      raw: { ...medians(allRaw), rowBytes: JSON.stringify(input.ticket).length + JSON.stringify(input.event).length, outboxRows: input.outbox.length },
      rawBatched,
      usecase: { ...usecase, profile },
      ceiling,
      idle: {
        raw: idleRaw,
        usecase: idleUsecase,
        hotRawMeanMs: median(allRaw.map((r) => r.meanMs)),
        hotUsecaseMeanMs: median(usecase.runs.map((r) => r.meanMs)),
      },
    };
  } finally {
    rawWorker.close();
    usecaseWorker?.close();
  }
}
