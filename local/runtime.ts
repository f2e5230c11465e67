/**
 * The local runtime behind `npm start`: the SQLite store and photos under a data directory, the
 * same action routers as CloudBase, the overdue sweep and outbox flush on a timer, Open311 and the
 * H5 build, on 127.0.0.1.
 *
 * Demo mode (the default; DEMO=0 turns it off) adds the demo data of all four jurisdictions and the
 * dev sign-in, with which anyone becomes any demo user. So demo mode listens on loopback only and
 * answers only requests whose Host is loopback (server.ts), which stops DNS rebinding. Without demo
 * mode there is neither: sessions are opened only through Runtime.sessions, by an identity provider
 * in front of the runtime.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { AppDeps } from '../cloudfunctions/_app/context';
import { notify, sweep } from '../cloudfunctions/_app/functions/timers';
import type { Clock } from '../shared/ports/platform';
import { instantMs } from '../shared/sla/calendar';
import { LocalContentCheck } from './content-check';
import { seedDemo } from './demo';
import type { ServerContext, TimerRun } from './server/context';
import { isLoopbackHost } from './server/host';
import { createAppServer } from './server/server';
import { DevSessions } from './server/sessions';
import { simulatedClock, systemClock } from './store/clock';
import { DiskFileStore } from './store/files';
import { randomIds } from './store/ids';
import { openSqliteStore, type SqliteStore } from './store/sqlite-store';

export const DEFAULT_PORT = 8787;
export const DEFAULT_REPORTS_PER_HOUR = 10;
export const DEFAULT_SWEEP_EVERY_MS = 60_000;

export interface RuntimeOptions {
  dataDir: string;
  /** 0 picks a free port. Default 8787. */
  port?: number;
  host?: string;
  /** ISO-8601 with offset: the clock starts there and runs on (SIMULATED_NOW). */
  simulatedNow?: string | null;
  /** Folder of the H5 build; default dist/h5 of the repository. */
  h5Dir?: string;
  sweepEveryMs?: number;
  /** OPEN311_API_KEY; undefined reads the environment, null or '' refuses Open311 creation. */
  open311ApiKey?: string | null;
  /** Reports per user per hour; default REPORTS_PER_HOUR from the environment, else 10. */
  reportsPerHour?: number;
  /** Seed the demo tickets too (default true). */
  demoTickets?: boolean;
  /** Concurrent submits share a commit (default true; the benchmark compares both). */
  groupCommit?: boolean;
  /**
   * Demo mode (default true; DEMO=0 for `npm start`): demo data, the dev sign-in and the open dev
   * endpoints; loopback bind and loopback Host headers only.
   */
  demo?: boolean;
}

export interface Runtime {
  url: string;
  port: number;
  /** The runtime's ports; the store is the SQLite adapter (for tests and the benchmark). */
  deps: AppDeps & { store: SqliteStore };
  /** The HTTP server, for observers (the benchmark counts when connections are accepted). */
  server: Server;
  /** Whether the runtime runs in demo mode. */
  demo: boolean;
  /**
   * The bearer-token sessions. In demo mode POST /api/dev/signin opens them for demo users; without
   * demo mode only an identity provider in front of the runtime does, for users that are not demo users.
   */
  sessions: DevSessions;
  /** Runs the sweep and the outbox flush now. */
  runTimers(): Promise<TimerRun>;
  close(): Promise<void>;
}

function positiveInt(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`REPORTS_PER_HOUR 须为正整数，收到 "${raw}"`);
  return n;
}

/** SIMULATED_NOW must carry its offset (e.g. 2026-10-01T09:00:00+08:00): a bare local time is ambiguous. */
export function clockFor(simulatedNow: string | null | undefined): Clock {
  if (!simulatedNow) return systemClock();
  try {
    instantMs(simulatedNow);
  } catch {
    throw new Error(`SIMULATED_NOW 须为带时区的 ISO-8601 时间，例如 2026-10-01T09:00:00+08:00，收到 "${simulatedNow}"`);
  }
  return simulatedClock(simulatedNow);
}

/** The local ports over a data directory: the SQLite store, files on disk, the local content check. */
export function localDeps(dataDir: string, opts: { clock: Clock; reportsPerHour: number; groupCommit?: boolean }): AppDeps & { store: SqliteStore } {
  return {
    store: openSqliteStore(join(dataDir, 'store.sqlite'), { groupCommit: opts.groupCommit ?? true }),
    files: new DiskFileStore(join(dataDir, 'files')),
    content: new LocalContentCheck(),
    clock: opts.clock,
    ids: randomIds(),
    config: { platform: 'local', reportsPerHour: opts.reportsPerHour },
  };
}

/** Demo mode binds loopback only: its dev sign-in lets anyone act as anyone. */
export function checkDemoBind(host: string, demo: boolean): void {
  if (demo && !isLoopbackHost(host)) {
    throw new Error(
      `演示模式只能监听本机回环地址（127.0.0.1、::1 或 localhost），收到 HOST=${host}：演示账号登录让任何人都能以任意身份操作。` +
        '如需对外提供服务，请用 DEMO=0 启动（无演示数据、无演示账号登录），并在前面接入真实的身份认证。',
    );
  }
}

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const demo = opts.demo ?? true;
  const host = opts.host ?? '127.0.0.1';
  // Before the store is opened: a refused bind leaves nothing behind.
  checkDemoBind(host, demo);
  const dataDir = resolve(opts.dataDir);
  const clock = clockFor(opts.simulatedNow);
  const deps = localDeps(dataDir, {
    clock,
    reportsPerHour: opts.reportsPerHour ?? positiveInt(process.env.REPORTS_PER_HOUR) ?? DEFAULT_REPORTS_PER_HOUR,
    groupCommit: opts.groupCommit ?? true,
  });
  const { store } = deps;

  let server: ReturnType<typeof createAppServer> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TimerRun> | null = null;
  try {
    if (demo) await seedDemo(store, clock, { ids: deps.ids, content: deps.content, tickets: opts.demoTickets !== false });

    // Timer functions run with no identity, as CloudBase's timer trigger would call them.
    const runTimers = (): Promise<TimerRun> => {
      running ??= (async () => {
        try {
          const s = await sweep(deps, { identity: null }, { action: 'run', data: {} });
          const n = await notify(deps, { identity: null }, { action: 'flush', data: {} });
          return { sweep: s.envelope, notify: n.envelope };
        } finally {
          running = null;
        }
      })();
      return running;
    };

    const apiKey = opts.open311ApiKey === undefined ? (process.env.OPEN311_API_KEY ?? null) : opts.open311ApiKey;
    const sessions = new DevSessions();
    const ctx: ServerContext = {
      deps,
      demo,
      sessions,
      h5Dir: resolve(opts.h5Dir ?? join(__dirname, '..', 'dist', 'h5')),
      open311: { apiKey: apiKey || null },
      simulatedNow: opts.simulatedNow || null,
      runTimers,
    };
    const srv = createAppServer(ctx);
    server = srv;
    await new Promise<void>((done, failed) => {
      srv.once('error', failed);
      srv.listen(opts.port ?? DEFAULT_PORT, host, () => {
        srv.off('error', failed);
        done();
      });
    });
    const port = (srv.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    ctx.open311.baseUrl = url;

    timer = setInterval(() => {
      runTimers().catch((err: unknown) => console.error('[local-runtime] sweep failed', err));
    }, opts.sweepEveryMs ?? DEFAULT_SWEEP_EVERY_MS);
    timer.unref();

    let closed: Promise<void> | null = null;
    return {
      url,
      port,
      deps,
      server: srv,
      demo,
      sessions,
      runTimers,
      close: () => {
        closed ??= (async () => {
          if (timer) clearInterval(timer);
          await new Promise<void>((done) => {
            srv.close(() => done());
            srv.closeAllConnections();
          });
          await (running as Promise<TimerRun> | null)?.catch(() => undefined);
          store.close();
        })();
        return closed;
      },
    };
  } catch (err) {
    if (timer) clearInterval(timer);
    server?.close();
    store.close();
    throw err;
  }
}
