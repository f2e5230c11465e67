/**
 * CloudBase round trips per action (issue 17 §1): every action of the functions, called the way a
 * warm CloudBase container calls it — identity from the openid (cloudbase/main.ts identityFor), then
 * the function's router with the CloudBase ports (cloudbaseDeps: the real @cloudbase/node-sdk 3.18
 * store, file store and content check) — against the loopback CloudBase server, which records every
 * request the SDK sends.
 *
 * Method for the sequential depth: the loopback holds every answer for `latencyMs` before writing it
 * (a stand-in for the network), and records when it had read each request and when it wrote the
 * answer. A request that starts only after another's answer was written waited for it (or for
 * something after it); requests sent together (Promise.all) start within the same few ms, before any
 * of them is answered. The depth of a request is 1 + the largest depth among the requests answered
 * before it started; the action's depth is the largest. With latencyMs well above the client's own
 * work between requests this is the critical path in requests; the measured wall time is printed
 * beside it as a check (≈ depth × latencyMs + the function's own work).
 *
 * Used by the bench (test/bench/run.ts, section 5) and by the budget test
 * (test/cloudfunctions/adapters/request-budget.test.ts), which asserts counts, never times.
 */
import { callWithIdentity, identityFor, cloudbaseDeps } from '../../cloudfunctions/_adapters/cloudbase/main';
import type { AppDeps } from '../../cloudfunctions/_app/context';
import { report } from '../../cloudfunctions/_app/functions/report';
import { ticket } from '../../cloudfunctions/_app/functions/ticket';
import { sweep } from '../../cloudfunctions/_app/functions/timers';
import type { FunctionHandler } from '../../cloudfunctions/_app/router';
import { fixedClock, type FixedClock } from '../../local/store/clock';
import type { User } from '../../shared/domain/directory';
import { CloudbaseLoopback, type RecordedRequest } from '../support/cloudbase-loopback';
import { ESTATE, GRID, NOW, OTHER_ESTATE, PEOPLE, REPORT, TINY_JPEG, type Person } from '../support/app';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFileStore } from '../../local/store/files';
import { randomIds } from '../../local/store/ids';
import { openSqliteStore } from '../../local/store/sqlite-store';
import { timingStore, type CallTimes } from './timing-store';

export interface RequestProfile {
  /** `function.action (who)`. */
  label: string;
  fn: string;
  action: string;
  ok: boolean;
  /** All requests of the action (database, storage, open APIs). */
  total: number;
  /** database.* requests only. */
  database: number;
  /** Longest chain of requests each waiting for an earlier answer (all requests). */
  depth: number;
  /** The same over database.* requests only. */
  databaseDepth: number;
  /** Requests by SDK action name. */
  byAction: Record<string, number>;
  wallMs: number;
}

/** Depth of the critical path of these requests (see the file comment). */
export function sequentialDepth(requests: readonly RecordedRequest[]): number {
  const timed = requests.filter((r) => r.startedAt !== undefined && r.endedAt !== undefined).sort((a, b) => (a.startedAt as number) - (b.startedAt as number));
  const depth: number[] = [];
  let best = 0;
  for (let i = 0; i < timed.length; i++) {
    const start = timed[i]!.startedAt as number;
    let before = 0;
    for (let j = 0; j < i; j++) if ((timed[j]!.endedAt as number) <= start) before = Math.max(before, depth[j]!);
    depth[i] = before + 1;
    best = Math.max(best, depth[i]!);
  }
  return best;
}

export function profileOf(label: string, fn: string, action: string, ok: boolean, requests: readonly RecordedRequest[], wallMs: number): RequestProfile {
  const database = requests.filter((r) => r.action.startsWith('database.'));
  const byAction: Record<string, number> = {};
  for (const r of requests) byAction[r.action] = (byAction[r.action] ?? 0) + 1;
  return { label, fn, action, ok, total: requests.length, database: database.length, depth: sequentialDepth(requests), databaseDepth: sequentialDepth(database), byAction, wallMs };
}

const openidOf = (u: User) => u.openid ?? `openid-${u.id}`;

/** A warm container on the loopback: one AppDeps for every call, a fixed clock. */
export interface CloudbaseScene extends Scene {
  loopback: CloudbaseLoopback;
}

/** What the action script needs from a backend. */
export interface Scene {
  deps: AppDeps;
  clock: FixedClock;
  /** Calls `fn` as cloudbaseMain does (identity from the openid first) and records its requests. */
  measure(fn: FunctionHandler, who: Person | null, action: string, data?: Record<string, unknown>, label?: string): Promise<{ profile: RequestProfile; data: unknown }>;
  /** The same call, unrecorded (set-up steps). */
  call(fn: FunctionHandler, who: Person | null, action: string, data?: Record<string, unknown>): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
  /** A photo in the backend's storage, uploaded by this person (what settle/resolve/submit may name). */
  photo(who: Person): Promise<string>;
  close(): Promise<void>;
}

/** The same action on the local runtime's store (SQLite, in process): store calls and time. */
export interface LocalProfile {
  label: string;
  storeCalls: number;
  ms: number;
}

export async function openScene(options: { latencyMs: number; reportsPerHour?: number; sdkTimeoutMs?: number }): Promise<CloudbaseScene> {
  const loopback = await CloudbaseLoopback.start();
  const clock = fixedClock(NOW);
  // sdkTimeoutMs: the bench's 1 M documents make the in-process loopback slower than the SDK's 15 s default allows.
  const base = cloudbaseDeps({ ...loopback.sdkOptions(), ...(options.sdkTimeoutMs !== undefined ? { timeout: options.sdkTimeoutMs } : {}) });
  const deps: AppDeps = { ...base, clock, config: { ...base.config, reportsPerHour: options.reportsPerHour ?? 1000 } };
  for (const e of [ESTATE, OTHER_ESTATE]) await deps.store.putEstate(e);
  await deps.store.putGrid(GRID);
  // Every person is bound to an openid, as after the invitation (staff) or the first call (residents).
  for (const u of Object.values(PEOPLE)) await deps.store.putUser({ ...u, openid: openidOf(u) });

  // As cloudbaseMain calls the function (the ticket a call names read alongside the identity).
  async function invoke(fn: FunctionHandler, who: Person | null, action: string, data: Record<string, unknown> = {}) {
    const { envelope } = await callWithIdentity(deps, fn, who ? openidOf(PEOPLE[who]) : null, { action, data });
    return envelope as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  }

  return {
    loopback,
    deps,
    clock,
    async measure(fn, who, action, data = {}, label) {
      loopback.clearRequests();
      loopback.latencyMs = options.latencyMs;
      const started = performance.now();
      let envelope: Awaited<ReturnType<typeof invoke>>;
      try {
        envelope = await invoke(fn, who, action, data);
      } finally {
        loopback.latencyMs = 0;
      }
      const wallMs = performance.now() - started;
      const fnName = (fn as { functionName?: string }).functionName ?? '?';
      const profile = profileOf(label ?? `${fnName}.${action}${who ? ` (${who})` : ''}`, fnName, action, envelope.ok, [...loopback.requests], wallMs);
      if (!envelope.ok) throw new Error(`${profile.label}: ${envelope.error?.code} ${envelope.error?.message}`);
      return { profile, data: envelope.data };
    },
    call: invoke,
    // As the mini-program uploads: a reserved slot (report.photoSlot), then the bytes at its path.
    async photo(who) {
      const slot = await invoke(report, who, 'photoSlot');
      const { fileId } = slot.data as { fileId: string };
      loopback.files.set(fileId, Buffer.from(TINY_JPEG));
      return fileId;
    },
    close: () => loopback.close(),
  };
}

let keySeq = 0;
const key = () => `bench-key-${(keySeq += 1).toString().padStart(6, '0')}`;

interface TicketAnswer {
  ticket: { id: string; version: number };
}

/**
 * The local runtime's store on the same script: SQLite in a temp folder, the identity looked up by
 * openid as on CloudBase, every store call counted (timing-store.ts), the action timed in process.
 */
async function openLocalScene(): Promise<Scene & { profiles: LocalProfile[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'xqcs-cb-bench-'));
  const calls: CallTimes = {};
  const raw = openSqliteStore(join(dir, 'store.sqlite'));
  const store = timingStore(raw, calls);
  const clock = fixedClock(NOW);
  const deps: AppDeps = {
    store,
    files: new DiskFileStore(join(dir, 'files'), { clock }),
    content: { checkText: async () => ({ ok: true }) },
    clock,
    ids: randomIds(),
    config: { platform: 'local', reportsPerHour: 1000 },
  };
  for (const e of [ESTATE, OTHER_ESTATE]) await raw.putEstate(e);
  await raw.putGrid(GRID);
  for (const u of Object.values(PEOPLE)) await raw.putUser({ ...u, openid: openidOf(u) });
  const profiles: LocalProfile[] = [];
  async function invoke(fn: FunctionHandler, who: Person | null, action: string, data: Record<string, unknown> = {}) {
    const identity = who ? await identityFor(deps, openidOf(PEOPLE[who])) : null;
    const { envelope } = await fn(deps, { identity }, { action, data });
    return envelope as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  }
  const count = () => Object.values(calls).reduce((n, c) => n + c.count, 0);
  return {
    deps,
    clock,
    profiles,
    async measure(fn, who, action, data = {}, label) {
      const before = count();
      const started = performance.now();
      const envelope = await invoke(fn, who, action, data);
      const ms = performance.now() - started;
      const fnName = (fn as { functionName?: string }).functionName ?? '?';
      const name = label ?? `${fnName}.${action}${who ? ` (${who})` : ''}`;
      if (!envelope.ok) throw new Error(`${name} (local): ${envelope.error?.code} ${envelope.error?.message}`);
      profiles.push({ label: name, storeCalls: count() - before, ms });
      return { profile: profileOf(name, fnName, action, true, [], ms), data: envelope.data };
    },
    call: invoke,
    async photo(who) {
      return (await deps.files.put({ bytes: TINY_JPEG, contentType: 'image/jpeg', ownerUserId: PEOPLE[who].id })).id;
    },
    async close() {
      raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One action measured on CloudBase (the loopback) and on the local store. */
export interface ActionFigures {
  cloudbase: RequestProfile;
  local: LocalProfile | null;
}

export async function measureActions(options: { latencyMs: number; local?: boolean }): Promise<ActionFigures[]> {
  const cloudbase = await openScene(options);
  const out: RequestProfile[] = [];
  try {
    await script(cloudbase, (p) => out.push(p));
  } finally {
    await cloudbase.close();
  }
  let local: LocalProfile[] = [];
  if (options.local !== false) {
    const scene = await openLocalScene();
    try {
      await script(scene, () => undefined);
      local = scene.profiles;
    } finally {
      await scene.close();
    }
  }
  return out.map((p) => ({ cloudbase: p, local: local.find((l) => l.label === p.label) ?? null }));
}

/**
 * Every action of the report and ticket functions a resident and the staff take on one ticket's way
 * (submit → accept → whistle → acknowledge → arrive → resolve → verify → confirm → rate), the reads
 * around it (home, queue, detail, inbox, the public lookups), then a second ticket's other branches.
 * Each call is measured on its own, in a container that is already warm (one untimed submit first:
 * the SDK is loaded and the directory cache holds the estate, its grid and the SLA policy).
 */
async function script(scene: Scene, record: (p: RequestProfile) => void): Promise<void> {
  {
    const m = async (fn: FunctionHandler, who: Person | null, action: string, data: Record<string, unknown> = {}, label?: string) => {
      const { profile, data: answer } = await scene.measure(fn, who, action, data, label);
      record(profile);
      return answer;
    };
    const version = async (id: string) => ((await scene.deps.store.getTicket(id)) as { version: number }).version;
    // Warm the container (the SDK, the app, the directory cache) with an untimed submit of another resident.
    const warm = await scene.call(report, 'otherResident', 'submit', { ...REPORT, description: '小区北门路灯不亮已有一周', category: 'garbage', idempotencyKey: key() });
    if (!warm.ok) throw new Error(`warm-up: ${warm.error?.code} ${warm.error?.message}`);

    const submitted = (await m(report, 'resident', 'submit', { ...REPORT, idempotencyKey: key() })) as TicketAnswer;
    const t = submitted.ticket.id;
    const retryKey = key();
    await scene.call(report, 'resident', 'submit', { ...REPORT, description: '小区东门垃圾桶满溢三天无人清运', category: 'garbage', idempotencyKey: retryKey });
    await m(report, 'resident', 'submit', { ...REPORT, description: '小区东门垃圾桶满溢三天无人清运', category: 'garbage', idempotencyKey: retryKey }, 'report.submit, a retry (resident)');
    await m(report, 'resident', 'detail', { ticketId: t });
    await m(report, 'resident', 'listMine', { limit: 20 });
    await m(report, 'otherResident', 'meToo', { ticketId: t });
    await m(report, null, 'nearby', { estateId: ESTATE.id, category: REPORT.category, location: REPORT.location });
    await m(report, null, 'estates', { limit: 20 });
    await m(report, null, 'noticeboard', { estateId: ESTATE.id });
    await m(report, null, 'publicView', { ticketId: t });
    await m(report, 'resident', 'inbox', { limit: 20 });

    await m(ticket, 'grid', 'home');
    await m(ticket, 'grid', 'queue', { view: 'grid', limit: 50 });
    // 全部工单 (issue 18 §2): one store page and the count of the same filter, sent together.
    await m(ticket, 'grid', 'queue', { view: 'all', limit: 50 }, 'ticket.queue 全部工单 (grid)');
    await m(ticket, 'police', 'home');
    await m(ticket, 'grid', 'detail', { ticketId: t });
    await m(ticket, 'grid', 'accept', { ticketId: t, version: await version(t) });
    await m(ticket, 'grid', 'whistle', { ticketId: t, version: await version(t), units: ['yongning.zjj', 'yongning.yjgl'], reason: '需住建局和应急局处置' });
    // The grid queue's 处理中 tab with a search (issue 18 §4): the whistled ticket, its list and count together.
    await m(ticket, 'grid', 'queue', { view: 'grid', tab: 'handling', q: '电线', limit: 50 }, 'ticket.queue, the 处理中 tab with a search (grid)');
    await m(ticket, 'housing', 'queue', { view: 'unit', limit: 50 });
    await m(ticket, 'housing', 'acknowledge', { ticketId: t, version: await version(t), officerName: '王强' });
    await m(ticket, 'housing', 'arrive', { ticketId: t, version: await version(t), location: REPORT.location });
    await m(ticket, 'housing', 'resolve', { ticketId: t, version: await version(t), note: '已拆除飞线，加装充电桩', photos: [await scene.photo('housing')] });
    await m(ticket, 'grid', 'verify', { ticketId: t, version: await version(t) });
    await m(report, 'resident', 'confirm', { ticketId: t, version: await version(t) });
    await m(report, 'resident', 'rate', { ticketId: t, version: await version(t), score: 5, fixed: true, comment: '处理很快' });

    const second = ((await scene.call(report, 'otherResident', 'submit', { ...REPORT, category: 'noise', description: '楼下商铺夜间噪音扰民', idempotencyKey: key() })).data as TicketAnswer).ticket.id;
    await m(ticket, 'grid', 'whistle', { ticketId: second, version: await version(second), units: ['yongning.zjj'], reason: '先请住建局核实' }, 'ticket.whistle, from submitted (grid)');
    await m(ticket, 'housing', 'return', { ticketId: second, version: await version(second), reasonCode: 'not-our-duty', reason: '噪声污染应由生态环境部门处理' });
    await m(ticket, 'street', 'queue', { view: 'street-returned', limit: 50 });
    await m(ticket, 'street', 'reroute', { ticketId: second, version: await version(second), units: ['yongning.zhzf'], reason: '改派综合执法局' });
    const third = ((await scene.call(report, 'resident', 'submit', { ...REPORT, category: 'parking', description: '消防通道被私家车长期占用', idempotencyKey: key() })).data as TicketAnswer).ticket.id;
    await m(ticket, 'grid', 'accept', { ticketId: third, version: await version(third) }, 'ticket.accept, another ticket (grid)');
    await m(ticket, 'grid', 'handle', { ticketId: third, version: await version(third), note: '正在联系车主' });
    await m(ticket, 'grid', 'settle', { ticketId: third, version: await version(third), note: '已联系车主挪车', photos: [await scene.photo('grid')], location: REPORT.location });
    await m(ticket, 'grid', 'inbox', { limit: 20 });
  }
}

/**
 * One sweep run with `due` tickets due (each submitted by the report function, then the clock moved
 * three days on so that every triage deadline has passed): the whole run's requests.
 */
export async function measureSweep(options: { latencyMs: number; due: number }): Promise<{ profile: RequestProfile; result: unknown }> {
  const scene = await openScene(options);
  try {
    const residents: Person[] = ['resident', 'otherResident'];
    for (let i = 0; i < options.due; i++) {
      const res = await scene.call(report, residents[i % 2]!, 'submit', { ...REPORT, description: `第${i + 1}处电动车飞线充电`, idempotencyKey: key() });
      if (!res.ok) throw new Error(`sweep set-up: ${res.error?.code} ${res.error?.message}`);
    }
    scene.clock.advance(3 * 24 * 60 * 60 * 1000);
    const { profile, data } = await scene.measure(sweep, null, 'run', {}, `sweep.run (${options.due} due)`);
    return { profile, result: data };
  } finally {
    await scene.close();
  }
}
