/**
 * Child process of the submit benchmark (§3), so that the server (or the raw store loop) has a core
 * of its own while autocannon drives it from the parent.
 *   serve <dataDir>: the local runtime on 127.0.0.1:0 (demo directory, no demo tickets, the sweep
 *     timer pushed out of the way, a per-user limit high enough for a burst). It records the first
 *     created row (createNumberedTicket's build, or a createTicket input), so that the raw loop
 *     inserts exactly the row a submit stores.
 *     It also notes when the server accepts each connection ({cmd: 'mark'} starts a run's clock,
 *     {cmd: 'accepts'} answers the times since).
 *   serve-alone <dataDir>: the same runtime with group commit off (each create its own transaction).
 *   raw <dataDir>: waits for {input, durationMs, batch}, then inserts that row on a fresh SQLite file
 *     (same pragmas: openSqliteStore) in a loop and answers with the insert count and latencies:
 *     batch 1 calls createTicketAlone (one row, one transaction, synchronous); batch k > 1 calls
 *     createTicketsTogether (k rows, one transaction, a savepoint each, synchronous).
 *   Both loops take {idle: true}: about 1 ms asleep before each call (only the calls are timed).
 *   usecase <dataDir>: the same submits as the HTTP runs, called on the `report` function's router
 *     in-process (no HTTP, no session lookup) on a fresh store with the demo directory: where the
 *     time between the raw insert and the gateway goes.
 *   ceiling <dataDir>: waits for {input}, then serves a bare node:http server on 127.0.0.1:0 whose
 *     every POST reads and parses its JSON body, stores that row (createTicketAlone, a fresh file,
 *     same pragmas) and answers a small JSON: HTTP plus the insert and nothing else, the most a Node
 *     gateway in front of this insert could reach.
 * Messages: parent → child {cmd}, child → parent {type, ...}.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AppDeps } from '../../cloudfunctions/_app/context';
import { report } from '../../cloudfunctions/_app/functions/report';
import { seedDemo } from '../../local/demo';
import { localDeps, startRuntime } from '../../local/runtime';
import { identityOfUser } from '../../local/server/sessions';
import { systemClock } from '../../local/store/clock';
import { randomIds } from '../../local/store/ids';
import { openSqliteStore } from '../../local/store/sqlite-store';
import type { Identity } from '../../shared/domain/roles';
import type { TicketStore } from '../../shared/ports/store';
import { timingStore, type CallTimes } from './timing-store';

type CreateInput = Parameters<TicketStore['createTicket']>[0];

const send = (msg: unknown): void => {
  process.send?.(msg);
};

async function serve(dataDir: string, groupCommit: boolean): Promise<void> {
  const runtime = await startRuntime({
    groupCommit,
    dataDir,
    port: 0,
    reportsPerHour: 1_000_000_000,
    demoTickets: false,
    sweepEveryMs: 24 * 60 * 60 * 1000,
    open311ApiKey: null,
    simulatedNow: null,
  });
  const store = runtime.deps.store;
  let captured: CreateInput | null = null;
  const original = store.createTicket.bind(store);
  store.createTicket = (input: CreateInput) => {
    captured ??= structuredClone(input);
    return original(input);
  };
  // A submit draws its number inside the create (issue 17 §2): the row is what its build returns.
  const numbered = store.createNumberedTicket.bind(store);
  store.createNumberedTicket = (input) =>
    numbered({
      ...input,
      build: (seq) => {
        const out = input.build(seq);
        captured ??= structuredClone({ ...out, idempotencyKey: input.idempotencyKey });
        return out;
      },
    });
  // When the server accepts each connection, in ms after the parent's last 'mark' (a run's start).
  let markedAt = performance.now();
  let accepted: number[] = [];
  runtime.server.on('connection', () => accepted.push(performance.now() - markedAt));
  process.on('message', (msg: { cmd: string }) => {
    void (async () => {
      if (msg.cmd === 'mark') {
        markedAt = performance.now();
        accepted = [];
        send({ type: 'marked' });
      } else if (msg.cmd === 'accepts') send({ type: 'accepts', accepted });
      else if (msg.cmd === 'captured') send({ type: 'captured', input: captured });
      else if (msg.cmd === 'count') {
        const row = store.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
        send({ type: 'count', tickets: row.n, batches: store.createBatches });
      } else if (msg.cmd === 'close') {
        await runtime.close();
        send({ type: 'closed' });
        process.exit(0);
      }
    })();
  });
  send({ type: 'ready', url: runtime.url });
}

/** The same submission with fresh ids and idempotency key: a new row of the same shape. */
function cloneInput(input: CreateInput, ids: ReturnType<typeof randomIds>, n: number): CreateInput {
  const id = ids.newId();
  return {
    ticket: { ...input.ticket, id, no: `${input.ticket.no}-${n}` },
    event: { ...input.event, id: ids.newId(), ticketId: id },
    idempotencyKey: `raw-${n}-${id}`,
    outbox: input.outbox.map((m) => ({ ...m, id: ids.newId(), ticketId: id })),
  };
}

/**
 * The process sleeps for about a millisecond (a 0 ms timer waits at least 1 ms), as the server does
 * at c=1 between an answer and the next request: the call after it starts with cold caches.
 */
const idleTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs `call` on what `prepare` made until `durationMs` has passed, asleep about 1 ms before each
 * call when `idle`; only the call is timed. `rows` checks the result and says how many rows it
 * stored: each gets the call's latency. A synchronous call is not awaited (no tick in the timing).
 */
async function timedLoop<P, R>(
  durationMs: number,
  idle: boolean,
  prepare: (n: number) => P,
  call: (p: P) => R | Promise<R>,
  rows: (r: R) => number,
): Promise<{ inserts: number; elapsedMs: number; latencies: number[] }> {
  const latencies: number[] = [];
  const until = performance.now() + durationMs;
  const started = performance.now();
  let n = 0;
  while (performance.now() < until) {
    if (idle) await idleTurn();
    const p = prepare(n);
    const t0 = process.hrtime.bigint();
    const out = call(p);
    const result = out instanceof Promise ? await out : out;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const k = rows(result);
    for (let i = 0; i < k; i += 1) latencies.push(ms);
    n += k;
  }
  return { inserts: n, elapsedMs: performance.now() - started, latencies };
}

async function raw(dataDir: string): Promise<void> {
  process.on('message', (msg: { cmd: string; input?: CreateInput; durationMs?: number; run?: number; batch?: number; idle?: boolean }) => {
    if (msg.cmd !== 'raw' || !msg.input) return;
    const batch = Math.max(1, Math.floor(msg.batch ?? 1));
    const idle = msg.idle === true;
    const file = join(dataDir, `raw-${msg.run ?? 0}.sqlite`);
    rmSync(file, { force: true });
    const store = openSqliteStore(file);
    const ids = randomIds();
    const input = msg.input;
    void (async () => {
      // Warm-up: statements prepared, pages allocated.
      for (let i = 0; i < 200; i += 1) store.createTicketAlone(cloneInput(input, ids, -1 - i));
      // Batch 1: the synchronous insert. Batch k: k rows in one transaction; every row's latency is the batch's.
      const { inserts, elapsedMs, latencies } = await timedLoop(
        msg.durationMs ?? 3000,
        idle,
        (n) => Array.from({ length: batch }, (_, i) => cloneInput(input, ids, n + i)),
        (rows) => {
          if (batch === 1) return [store.createTicketAlone(rows[0] as CreateInput)];
          return store.createTicketsTogether(rows);
        },
        (results) => {
          if (results.some((r) => !r.created)) throw new Error('raw insert did not create a ticket');
          return results.length;
        },
      );
      store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      send({ type: 'raw', inserts, elapsedMs, latencies });
    })().catch((err: unknown) => {
      send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    });
  });
  send({ type: 'ready' });
}

/** The in-process loop: the router and the use case with the runtime's ports, no HTTP. */
async function usecase(dataDir: string): Promise<void> {
  process.on('message', (msg: { cmd: string; durationMs?: number; run?: number; idle?: boolean; submits?: Array<{ userId: string; data: unknown }> }) => {
    if (msg.cmd !== 'usecase' || !msg.submits) return;
    const submits = msg.submits;
    const idle = msg.idle === true;
    void (async () => {
      const dir = join(dataDir, `usecase-${msg.run ?? 0}`);
      rmSync(dir, { recursive: true, force: true });
      const clock = systemClock();
      // The runtime's own ports (local/runtime.ts), the rate limit out of the way.
      const deps = localDeps(dir, { clock, reportsPerHour: 1_000_000_000 });
      const { store } = deps;
      await seedDemo(store, clock, { ids: deps.ids, content: deps.content, tickets: false });
      const identities = new Map<string, Identity>();
      for (const s of submits) {
        const u = await store.getUser(s.userId);
        if (!u) throw new Error(`demo user ${s.userId} missing`);
        identities.set(u.id, identityOfUser(u));
      }
      const once = async (i: number, tag = 'uc', on: AppDeps = deps) => {
        const s = submits[i % submits.length] as { userId: string; data: Record<string, unknown> };
        const { envelope } = await report(on, { identity: identities.get(s.userId) ?? null }, { action: 'submit', data: { ...s.data, idempotencyKey: `${tag}-run${msg.run ?? 0}-${i}` } });
        if (!envelope.ok) throw new Error(`submit failed: ${envelope.error.code}`);
      };
      // Warm-up (JIT, statements): its own idempotency keys, so that the measured submits all create.
      for (let i = 0; i < 200; i += 1) await once(i, 'ucw');
      const { inserts: n, elapsedMs, latencies } = await timedLoop(
        msg.durationMs ?? 3000,
        idle,
        (i) => i,
        (i) => once(i),
        () => 1,
      );
      if (idle) {
        store.close();
        rmSync(dir, { recursive: true, force: true });
        send({ type: 'usecase', inserts: n, elapsedMs, latencies });
        return;
      }
      // Then the same submits with every store call timed: where a submit's time goes.
      const calls: CallTimes = {};
      const timedDeps = { ...deps, store: timingStore(store, calls) };
      const p0 = process.hrtime.bigint();
      const profiled = 500;
      for (let i = 0; i < profiled; i += 1) await once(i, 'ucp', timedDeps);
      const profileMs = Number(process.hrtime.bigint() - p0) / 1e6;
      store.close();
      rmSync(dir, { recursive: true, force: true });
      send({ type: 'usecase', inserts: n, elapsedMs, latencies, profile: { submits: profiled, ms: profileMs, calls } });
    })().catch((err: unknown) => {
      send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    });
  });
  send({ type: 'ready' });
}

/** The bare server: HTTP and the raw insert, no use case, no session, no envelope. */
function ceiling(dataDir: string): void {
  process.on('message', (msg: { cmd: string; input?: CreateInput }) => {
    if (msg.cmd !== 'ceiling' || !msg.input) return;
    const input = msg.input;
    const store = openSqliteStore(join(dataDir, 'ceiling.sqlite'));
    const ids = randomIds();
    for (let i = 0; i < 200; i += 1) store.createTicketAlone(cloneInput(input, ids, -1 - i));
    let n = 0;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const { ticket, created } = store.createTicketAlone(cloneInput(input, ids, n));
        n += 1;
        const body = JSON.stringify({ ok: true, data: { id: ticket.id, no: ticket.no, created } });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    server.listen(0, '127.0.0.1', () => send({ type: 'ceiling', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
  send({ type: 'ready' });
}

const [mode, dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: submit-worker.ts serve|serve-alone|raw|usecase|ceiling <dataDir>');
if (mode === 'ceiling') ceiling(dataDir);
else (mode === 'serve' || mode === 'serve-alone' ? serve(dataDir, mode === 'serve') : mode === 'usecase' ? usecase(dataDir) : raw(dataDir)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
