/**
 * §4 Growth: the overdue sweep and the monthly bulletin at 10 k, 100 k and 1 M tickets, each size
 * generated and measured in its own child process (growth-worker.ts), in test/bench/dist/growth.
 * BENCH_MAX caps the sizes; BENCH_KEEP=1 keeps the store files (about 9 GB at 1 M).
 */
import { fork } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerateResult } from './growth/generate';
import type { GrowthMeasure } from './growth/measure';

export const GROWTH_SIZES = [10_000, 100_000, 1_000_000];

export interface GrowthSize {
  size: number;
  generated: GenerateResult;
  measured: GrowthMeasure;
}

function runSize(size: number, dir: string): Promise<GrowthSize> {
  return new Promise((resolveRun, reject) => {
    const child = fork(join(__dirname, 'growth-worker.ts'), [String(size), dir], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let done = false;
    child.on('message', (msg: { type: string; message?: string; generated?: GenerateResult; measured?: GrowthMeasure }) => {
      if (msg.type === 'result' && msg.generated && msg.measured) {
        done = true;
        resolveRun({ size, generated: msg.generated, measured: msg.measured });
      } else if (msg.type === 'error') {
        done = true;
        reject(new Error(msg.message));
      }
    });
    child.on('exit', (code) => {
      if (!done) reject(new Error(`growth worker for ${size} exited (${code})`));
    });
  });
}

/** Where the store files are written: inside the repository's ignored test/bench/dist (dist/ in .gitignore). */
export const GROWTH_DIR = join(__dirname, 'dist', 'growth');

export async function benchGrowth(max: number, onSize: (size: number) => void = () => undefined): Promise<GrowthSize[]> {
  const dir = GROWTH_DIR;
  mkdirSync(dir, { recursive: true });
  try {
    const out: GrowthSize[] = [];
    for (const size of GROWTH_SIZES.filter((s) => s <= max)) {
      onSize(size);
      const started = performance.now();
      const r = await runSize(size, dir);
      const m = r.measured;
      console.log(
        `  ${size.toLocaleString('en-US')} tickets: generated in ${(r.generated.ms.total / 1000).toFixed(1)} s; ` +
          `findDueForSweep ${m.findDue[0]?.timed.medianMs.toFixed(2)} ms; runSweep (${m.sweep.perRun} due) ${m.sweep.timed.medianMs.toFixed(1)} ms; ` +
          `bulletin ${m.bulletin.total.medianMs.toFixed(0)} ms (${m.bulletin.tickets} tickets); ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
      );
      out.push(r);
    }
    return out;
  } finally {
    // Each worker deletes its file unless BENCH_KEEP is set; then the files stay here for a look.
    if (process.env.BENCH_KEEP) console.log(`  store files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
