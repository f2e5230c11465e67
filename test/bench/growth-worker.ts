/**
 * Child process of the growth benchmark (§4): generates one store file of N tickets, measures the
 * sweep and the bulletin on it, sends the figures to the parent and deletes the file. One process
 * per size, so that each size starts with a fresh heap and its own SQLite page cache.
 *   growth-worker.ts <tickets> <dir>
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateStore } from './growth/generate';
import { measureGrowth } from './growth/measure';

async function main(): Promise<void> {
  const tickets = Number(process.argv[2]);
  const dir = process.argv[3];
  if (!Number.isInteger(tickets) || tickets < 1 || !dir) throw new Error('usage: growth-worker.ts <tickets> <dir>');
  const file = join(dir, `growth-${tickets}.sqlite`);
  const clean = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  };
  clean();
  try {
    const generated = await generateStore({ file, tickets });
    const measured = await measureGrowth(file, generated, tickets >= 500_000 ? 3 : 5);
    process.send?.({ type: 'result', generated, measured });
  } finally {
    if (!process.env.BENCH_KEEP) clean();
  }
}

main().catch((err: unknown) => {
  process.send?.({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
});
