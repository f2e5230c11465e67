/**
 * Standing records CLI (issue 20 §4), against the local SQLite store (DATA_DIR, ./data):
 *   npm run --silent standing -- backfill
 * Writes the star-level / credit-status records of breaches confirmed before such records were
 * stored (usecases/standing-backfill.ts). Idempotent: a second run adds nothing.
 */
import { join, resolve } from 'node:path';
import { backfillStandingRecords } from '../../cloudfunctions/_app/usecases/standing-backfill';
import { openSqliteStore } from '../store/sqlite-store';
import { runCli } from './run';

const USAGE = 'usage: npm run --silent standing -- backfill\n';

async function main(args: string[]): Promise<number> {
  if (args[0] !== 'backfill' || args.length > 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const store = openSqliteStore(join(resolve(process.env.DATA_DIR || 'data'), 'store.sqlite'));
  try {
    const r = await backfillStandingRecords(store);
    process.stdout.write(`已读取九不准认定 ${r.breaches} 条：补记星级/信用状态变化 ${r.added} 条，已有记录 ${r.kept} 条，未引起变化 ${r.unmoved} 条\n`);
    return 0;
  } finally {
    store.close();
  }
}

runCli(main);
