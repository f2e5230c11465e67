/**
 * Two OS processes on one SQLite file commit the same transition at the same moment: the write lock
 * and the version check let exactly one through, and the history keeps no gap and no duplicate.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openSqliteStore, type SqliteStore } from '../../../local/store/sqlite-store';
import { makeEvent, makeTicket } from '../../support/fixtures';

const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const RACER = join(__dirname, 'support/racer.ts');
const ROUNDS = 6;

/** A racer process and a way to send a command and await its one-line answer. */
class Racer {
  private readonly lines: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  private stderr = '';

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(line);
      } else this.lines.push(line);
    });
    child.stderr.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
  }

  send(command: string): void {
    this.child.stdin.write(`${command}\n`);
  }

  answer(): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer; stderr: ${this.stderr}`)), 20_000);
      this.waiting = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
    });
  }

  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }
}

let dir: string;
let store: SqliteStore;
let racers: Racer[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'two-processes-'));
  store = openSqliteStore(join(dir, 'store.db'));
});

afterEach(() => {
  for (const r of racers) if (r.child.exitCode === null) r.child.kill();
  racers = [];
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

it(`two processes racing on one version, ${ROUNDS} rounds: exactly one commit per round, no gap, no duplicate`, async () => {
  const ticket = makeTicket();
  await store.createTicket({ ticket, event: makeEvent(ticket), idempotencyKey: 'k', outbox: [] });
  const file = join(dir, 'store.db');
  racers = ['甲', '乙'].map((name) => new Racer(spawn(TSX, [RACER, file, ticket.id, name], { cwd: ROOT })));

  const winners: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const r of racers) r.send('prepare');
    // Both read the same version before either commits.
    expect(await Promise.all(racers.map((r) => r.answer()))).toEqual([`ready ${round}`, `ready ${round}`]);
    for (const r of racers) r.send('go');
    const results = await Promise.all(racers.map((r) => r.answer()));
    expect([...results].sort()).toEqual(['conflict', 'ok']);
    winners.push(results[0] === 'ok' ? '甲' : '乙');
  }
  for (const r of racers) r.send('exit');
  expect(await Promise.all(racers.map((r) => r.exited()))).toEqual([0, 0]);

  const events = await store.listEvents(ticket.id);
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1));
  expect(events.slice(1).map((e) => e.note)).toEqual(winners);
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  const final = await store.getTicket(ticket.id);
  expect(final?.version).toBe(ROUNDS + 1);
  expect(final?.description).toBe(`${winners[ROUNDS - 1]} 第${ROUNDS}轮`);
  // Only the winners' notifications were written.
  expect((await store.pendingOutbox(100)).map((m) => m.body)).toEqual(winners);
});
