/** The machine the figures were measured on: cores, memory, CPU model, Node, SQLite. */
import { closeSync, fsyncSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface Machine {
  date: string;
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  sqlite: string;
  platform: string;
  /** A 4 KB write followed by fsync on the temp folder's disk, median of 50: what a durable commit pays at least. */
  writeFsyncMs: number;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line ? line.split(':').slice(1).join(':').trim() : 'unknown';
  } catch {
    return 'unknown';
  }
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

export function describeMachine(now: Date = new Date()): Machine {
  return {
    date: now.toISOString(),
    nproc: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: cpuModel(),
    node: process.version,
    sqlite: sqliteVersion(),
    platform: `${process.platform} ${process.arch}`,
    writeFsyncMs: writeFsyncMs(),
  };
}

function writeFsyncMs(): number {
  const dir = mkdtempSync(join(tmpdir(), 'xqcs-bench-fsync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  try {
    const block = Buffer.alloc(4096, 1);
    const times: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const t0 = process.hrtime.bigint();
      writeSync(fd, block, 0, block.length, i * block.length);
      fsyncSync(fd);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] as number;
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Other sessions' headless browsers running now (processes whose command line names chromium), for the load note. */
export function browserProcesses(): number {
  let n = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(pid) || Number(pid) === process.pid) continue;
      try {
        if (/chrom(e|ium)/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) n += 1;
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  return n;
}
