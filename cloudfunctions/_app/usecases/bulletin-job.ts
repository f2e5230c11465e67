/**
 * 月通报 of a large month as an asynchronous job (issue 17 §3). At 1 M tickets on the CloudBase
 * loopback one synchronous `bulletin` call took 30–45 s (docs/PERFORMANCE.md §6a), over the `ticket`
 * function's 10 s timeout. Here the same bulletin is made in three bounded steps — the month's facts
 * and their metrics, then the overdue tickets and the tables, then the XLSX written to storage — one
 * step per call of `bulletinJob`.
 *
 * Who drives it: the caller polls. A cloud function does not keep running after it answered (the
 * invocation ends with its return value; https://docs.cloudbase.net/cloud-function/introduce), so
 * each poll claims the next step (a version-checked write with a lease, so two polls never run the
 * same step and a crashed poll's claim expires), runs it, stores what the next step needs and
 * answers the progress. Same authorization as `bulletin`: the caller's scope is computed from the
 * caller's grants on every poll and is part of the job's id, so no one reaches another scope's job.
 */
import type { Identity } from '../../../shared/domain/roles';
import { REGISTRY } from '../../../shared/jurisdictions';
import { computeMetricsFromRecords, overdueOpenAt, type MetricsRow } from '../../../shared/metrics';
import type { BulletinJob, BulletinJobStatus } from '../../../shared/ports/bulletin-job-store';
import { StoreConflictError } from '../../../shared/ports/store';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import {
  assembleTables,
  bulletinScope,
  bulletinXlsx,
  estateNamesOf,
  GROUPINGS,
  monthRange,
  monthTables,
  overdueTickets,
  slimOverdueTicket,
  UNFINISHED_STATES,
  unitNamer,
  XLSX_CONTENT_TYPE,
  type BulletinGrouping,
  type BulletinScope,
  type BulletinTables,
  type OverdueTicket,
} from './bulletin';
import { monthRectifications, noticeFilters } from './bulletin-rectifications';
import { factsMatching } from './support';

/**
 * Steps: the facts and their metrics (1), the overdue tickets of each jurisdiction of the scope (one
 * step each: their pages of unfinished tickets were the slowest part at 1 M, docs/PERFORMANCE.md §6a),
 * then the tables and the XLSX (1).
 */
/** Unfinished tickets per request (CloudBase's page ceiling, as support.ts pages them). */
const PAGE_SIZE = 1000;
export const stepsFor = (jurisdictions: readonly string[]) => jurisdictions.length + 2;
/**
 * The owner segment of the job's file path: the file is the scope's, shared by everyone who asks
 * for it, so it must not name the user who asked first (the path is part of the file id and URL).
 */
export const JOB_FILE_OWNER = 'bulletin-job';
/**
 * The most a stored job may weigh. A CloudBase database record is a MongoDB BSON document, at most
 * 16 MB ("单条记录大小受底层 BSON 限制，不超过 16mb", WeChat cloud development's answer on
 * developers.weixin.qq.com/community/develop/doc/000c6015024a20c1d6eb9af1756000; MongoDB's BSON
 * document limit). Each step writes the whole job, so it is kept far below: see the size test.
 */
export const STORED_JOB_LIMIT_BYTES = 16 * 1024 * 1024;
/** How long a claimed step is left alone: over the function timeout (10 s), so a live step is never taken twice. */
export const STEP_LEASE_MS = 15_000;

type Partial1 = {
  kind: 'metrics';
  rows: Record<BulletinGrouping, MetricsRow[]>;
  unitNames: Array<[string, string]>;
  /** Per jurisdiction of the scope, in step order: its overdue ticket ids. */
  overdue: Array<[string, string[]]>;
  /**
   * The overdue tickets read so far, cut to what their rows need (slimOverdueTicket): the job is one
   * database document, and whole tickets at 1 M (1,322 of them) were most of it (STORED_JOB_LIMIT_BYTES).
   */
  openTickets: OverdueTicket[];
  /** The jurisdiction (index into `overdue`) being read, and where its page-by-page read stopped. */
  at: number;
  after: string | null;
};
type Partial2 = { kind: 'tables'; tables: BulletinTables };
type JobPartial = Partial1 | Partial2 | null;

/** FNV-1a (32 bit), hex: a short stable key for a partial scope's filters. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The jurisdictions a scope's filters cover (the bulletin's jurisdiction and its children), in order. */
export function scopeJurisdictions(scope: BulletinScope): string[] {
  return [...new Set(scope.filters.flatMap((f) => f.jurisdictions ?? []))];
}

/** 'all' for the whole jurisdiction; else the hash of the caller's street/unit filters. */
export function scopeKey(scope: BulletinScope): string {
  return scope.full ? 'all' : `s${fnv1a(JSON.stringify(scope.filters))}`;
}

export const bulletinJobId = (jurisdiction: string, month: string, key: string) => `bulletin:${jurisdiction}:${month}:${key}`;

async function statusOf(deps: AppDeps, job: BulletinJob, stale?: boolean): Promise<BulletinJobStatus> {
  const base: BulletinJobStatus = { jobId: job.id, state: job.state, step: job.step, steps: job.steps, filename: job.filename, fileType: 'xlsx' };
  const done = { ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}), ...(stale === undefined ? {} : { stale }) };
  if (job.state === 'done' && job.fileId) return { ...base, ...done, xlsxFileId: job.fileId, xlsxUrl: await deps.files.url(job.fileId) };
  if (job.state === 'done' && job.inlineXlsx) return { ...base, ...done, xlsxBase64: job.inlineXlsx };
  // Made again: the previous file is offered until this run is done.
  const p = job.previous;
  const previous = p?.fileId ? { finishedAt: p.finishedAt, xlsxFileId: p.fileId, xlsxUrl: await deps.files.url(p.fileId) } : p?.inlineXlsx ? { finishedAt: p.finishedAt, xlsxBase64: p.inlineXlsx } : null;
  const withPrevious = previous ? { ...base, previous } : base;
  if (job.state === 'failed') return { ...withPrevious, error: job.error ?? 'INTERNAL' };
  return withPrevious;
}

/**
 * 已过期: whether the month has new facts since the job read them (from its start, createdAt):
 * a ticket of the month (in the scope) has moved since — its updatedAt, one count request per
 * filter — or, for a job made while its month ran, the month has since ended, or one of its 整改通知
 * changed or passed its deadline since. After a month's end its notices cannot change it (the month
 * cut, bulletin-rectifications.ts). Conservative: any move of a ticket counts, even one the tables do not show.
 */
export async function staleSince(deps: AppDeps, scope: BulletinScope, job: Pick<BulletinJob, 'month' | 'createdAt'>): Promise<boolean> {
  const range = monthRange(job.month);
  const since = job.createdAt;
  const now = deps.clock.now();
  const running = Date.parse(since) < Date.parse(range.to);
  if (running && Date.parse(now) >= Date.parse(range.to)) return true;
  // After the instant the job began (its first step reads the facts after it).
  const after = new Date(Date.parse(since) + 1).toISOString();
  const [moved, notices] = await Promise.all([
    Promise.all(scope.filters.map((f) => deps.store.countTickets({ ...f, createdFrom: range.from, createdTo: range.to, updatedFrom: after }))),
    running ? Promise.all(noticeFilters(scope, now).map((f) => deps.store.listRectificationNotices(f))) : Promise.resolve([]),
  ]);
  return moved.some((n) => n > 0) || notices.flat().some((n) => n.updatedAt >= after || n.deadline >= after);
}

/** Runs step `job.step + 1`; answers the job's next partial result and fields. */
async function runStep(deps: AppDeps, scope: BulletinScope, job: BulletinJob): Promise<Partial<BulletinJob>> {
  const input = { jurisdiction: job.jurisdiction, month: job.month };
  const range = monthRange(job.month);
  const now = job.createdAt; // every step reports as of the request
  const partial = job.partial as JobPartial;
  const last = job.steps - 1;
  if (job.step === 0) {
    const records = await factsMatching(deps, scope.filters, range);
    // A store without facts records: the tables in one step, as `bulletin` makes them.
    if (!records) return { step: last, partial: { kind: 'tables', tables: await monthTables(deps, scope, input) } satisfies Partial2 };
    const nowMs = Date.parse(now);
    const names = new Map<string, string>();
    for (const r of records) for (const [id, name] of r.unitNames) if (!names.has(id)) names.set(id, name);
    const rows = computeMetricsFromRecords({ records, now, groupBys: GROUPINGS });
    const overdue = scopeJurisdictions(scope).map((j): [string, string[]] => [j, records.filter((r) => r.jurisdiction === j && overdueOpenAt(r.openDeadlines, nowMs)).map((r) => r.ticketId)]);
    return { step: 1, partial: { kind: 'metrics', rows, unitNames: [...names], overdue, openTickets: [], at: 0, after: null } satisfies Partial1 };
  }
  if (partial?.kind === 'metrics' && partial.at < partial.overdue.length) {
    const [jurisdiction, ids] = partial.overdue[partial.at] as [string, string[]];
    const nextJurisdiction = { at: partial.at + 1, after: null };
    const [only, ...more] = scope.filters;
    if (ids.length && deps.store.listTicketFacts && only && !more.length) {
      // One page of the jurisdiction's unfinished tickets per step (as overdueTickets reads them, 1,000
      // a request): at 1 M tickets on the loopback two pages in one call took 10 s. Another page → one more step.
      const { jurisdictions: _all, ...filter } = only;
      const page = await deps.store.queryTickets(
        { ...filter, jurisdiction, states: UNFINISHED_STATES, createdFrom: range.from, createdTo: range.to },
        { limit: PAGE_SIZE, after: partial.after },
      );
      const wanted = new Set(ids);
      const openTickets = [...partial.openTickets, ...page.items.filter((t) => wanted.has(t.id)).map((t) => slimOverdueTicket(t, now))];
      const cursor = page.next ? { at: partial.at, after: page.next } : nextJurisdiction;
      return { step: job.step + 1, steps: job.steps + (page.next ? 1 : 0), partial: { ...partial, openTickets, ...cursor } satisfies Partial1 };
    }
    const within = { ...scope, filters: scope.filters.map((f) => ({ ...f, jurisdictions: [jurisdiction] })) };
    const read = ids.length ? await overdueTickets(deps, within, range, ids) : [];
    return { step: job.step + 1, partial: { ...partial, openTickets: [...partial.openTickets, ...read.map((t) => slimOverdueTicket(t, now))], ...nextJurisdiction } satisfies Partial1 };
  }
  if (partial) {
    // The month's overdue 整改通知 are read here, beside the estates' names (a few requests, sent together).
    const tables =
      partial.kind === 'tables'
        ? partial.tables
        : await Promise.all([estateNamesOf(deps, partial.openTickets), monthRectifications(deps, scope, range, now)]).then(([estateNames, rectifications]) =>
            assembleTables({ ...input, scope: scope.label, now, rows: partial.rows, tickets: partial.openTickets, unitName: unitNamer(partial.unitNames), estateNames, rectifications }),
          );
    const xlsx = await bulletinXlsx(tables);
    // As `bulletin` does: cloud storage on CloudBase; locally the bytes themselves (the H5 build downloads through GET /api/bulletin).
    // Done: the previous run's file (重新生成) is no longer offered.
    const finished = { step: job.steps, state: 'done' as const, partial: null, finishedAt: deps.clock.now(), previous: null };
    if (deps.config.platform !== 'cloudbase') return { ...finished, inlineXlsx: xlsx.toString('base64') };
    const file = await deps.files.put({ bytes: new Uint8Array(xlsx), contentType: XLSX_CONTENT_TYPE, ownerUserId: JOB_FILE_OWNER });
    return { ...finished, fileId: file.id };
  }
  throw new AppError('BULLETIN.JOB_STATE', '月通报任务状态异常', 500);
}

/**
 * ticket.bulletinJob: creates the month's job for the caller's scope on the first call, then
 * advances it by one step per call while it is not finished, and answers its progress; when done,
 * its file id and a temporary URL (CloudBase) or the local file URL.
 */
export async function bulletinJob(deps: AppDeps, identity: Identity, input: { jurisdiction: string; month: string; regenerate?: boolean | undefined }): Promise<BulletinJobStatus> {
  const list = REGISTRY.list(input.jurisdiction);
  if (!list) throw errors.notFound('辖区');
  monthRange(input.month);
  const scope = bulletinScope(identity, input.jurisdiction);
  const id = bulletinJobId(input.jurisdiction, input.month, scopeKey(scope));
  const now = deps.clock.now();
  let job = await deps.store.getBulletinJob(id);
  if (!job) {
    const fresh: BulletinJob = {
      id,
      jurisdiction: input.jurisdiction,
      month: input.month,
      scopeKey: scopeKey(scope),
      requestedBy: identity.userId,
      state: 'queued',
      step: 0,
      steps: stepsFor(scopeJurisdictions(scope)),
      leaseUntil: null,
      partial: null,
      fileId: null,
      filename: `${list.name}月通报-${input.month}.xlsx`,
      error: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    // Two first calls at once: one insert wins, the other reads it.
    job = (await deps.store.createBulletinJob(fresh)) ? fresh : await deps.store.getBulletinJob(id);
    if (!job) throw new AppError('BULLETIN.JOB_STATE', '月通报任务状态异常', 500);
    return statusOf(deps, job);
  }
  if (job.state === 'done' && input.regenerate) {
    // 重新生成: a new run of the same job; its file replaces the previous one only when it is done.
    const { inlineXlsx: _bytes, ...rest } = job;
    const again: BulletinJob = {
      ...rest,
      state: 'queued',
      step: 0,
      steps: stepsFor(scopeJurisdictions(scope)),
      partial: null,
      error: null,
      leaseUntil: null,
      fileId: null,
      previous: { fileId: job.fileId, ...(job.inlineXlsx ? { inlineXlsx: job.inlineXlsx } : {}), finishedAt: job.finishedAt ?? job.updatedAt },
      requestedBy: identity.userId,
      createdAt: now,
      updatedAt: now,
      version: job.version + 1,
    };
    try {
      await deps.store.updateBulletinJob(again, job.version);
      return statusOf(deps, again);
    } catch (err) {
      // Two 重新生成 at once: one run starts, the other is answered its progress.
      if (!(err instanceof StoreConflictError)) throw err;
      return statusOf(deps, (await deps.store.getBulletinJob(id)) ?? job);
    }
  }
  if (job.state === 'done') return statusOf(deps, job, await staleSince(deps, scope, job));
  if (job.state === 'failed') {
    // The poll that failed answered the code; asking again starts the month over (a failure may pass).
    const restarted: BulletinJob = { ...job, state: 'queued', step: 0, partial: null, error: null, leaseUntil: null, createdAt: now, updatedAt: now, version: job.version + 1 };
    try {
      await deps.store.updateBulletinJob(restarted, job.version);
      return statusOf(deps, restarted);
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
      return statusOf(deps, (await deps.store.getBulletinJob(id)) ?? job);
    }
  }
  if (job.state === 'running' && job.leaseUntil && Date.parse(job.leaseUntil) > Date.parse(now)) return statusOf(deps, job);

  // Claim the next step.
  const claimed: BulletinJob = { ...job, state: 'running', leaseUntil: new Date(Date.parse(now) + STEP_LEASE_MS).toISOString(), updatedAt: now, version: job.version + 1 };
  try {
    await deps.store.updateBulletinJob(claimed, job.version);
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err;
    const current = await deps.store.getBulletinJob(id);
    return statusOf(deps, current ?? job);
  }
  let next: BulletinJob;
  try {
    const result = await runStep(deps, scope, claimed);
    next = { ...claimed, state: 'running', ...result, leaseUntil: null, updatedAt: deps.clock.now(), version: claimed.version + 1 };
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'INTERNAL';
    if (!(err instanceof AppError)) console.error('[bulletin-job]', err);
    next = { ...claimed, state: 'failed', error: code, partial: null, leaseUntil: null, updatedAt: deps.clock.now(), version: claimed.version + 1 };
  }
  await deps.store.updateBulletinJob(next, claimed.version);
  return statusOf(deps, next);
}
