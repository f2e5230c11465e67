/**
 * `npx tsx cloudfunctions/_deploy/backfill-facts.ts --from=YYYY-MM [--to=YYYY-MM]`
 *
 * One-off back-fill of the CloudBase tickets' facts records (issue 17 §3, cloudbase/ticket-facts.ts).
 * A ticket stored before the records existed, or whose record a container could not make, has none
 * or an older one; the first report over its window rebuilds it from the ticket's timeline and
 * writes it back (the lazy back-fill), so that report pays for it. Run once after deploying, this
 * walks every month from --from to --to (Beijing months, default to the current one) and asks the
 * store for that month's records (Store.listTicketFacts, one aggregate request per month), which
 * rebuilds and writes back every stale record it meets, at the version it read. Idempotent: a
 * record at its ticket's version is only read, so a second run writes nothing; a ticket that moves
 * meanwhile keeps its newer record. Months go one by one, so memory holds one month's records.
 *
 * Environment: TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY (as `npm run deploy`).
 */
import type { Store } from '../../shared/ports/store';
import { monthRange } from '../_app/usecases/bulletin';

/** The months from `from` to `to`, both YYYY-MM, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const parse = (m: string): number => {
    const match = /^([0-9]{4})-(0[1-9]|1[0-2])$/.exec(m);
    if (!match) throw new Error(`月份格式应为 YYYY-MM，收到 "${m}"`);
    return Number(match[1]) * 12 + Number(match[2]) - 1;
  };
  const first = parse(from);
  const last = parse(to);
  if (last < first) throw new Error(`--to ${to} 早于 --from ${from}`);
  return Array.from({ length: last - first + 1 }, (_, i) => `${Math.floor((first + i) / 12)}-${String(((first + i) % 12) + 1).padStart(2, '0')}`);
}

export interface BackfillResult {
  months: number;
  /** Records read (rebuilt or not): every ticket created in the months. */
  records: number;
}

/** Reads every month's records through the store, which rebuilds the stale ones (see the file comment). */
export async function backfillTicketFacts(store: Pick<Store, 'listTicketFacts'>, months: readonly string[], log: (line: string) => void = () => undefined): Promise<BackfillResult> {
  const list = store.listTicketFacts?.bind(store);
  if (!list) throw new Error('this store keeps no facts records to back-fill');
  let records = 0;
  for (const month of months) {
    const { from, to } = monthRange(month);
    const n = (await list({ createdFrom: from, createdTo: to })).length;
    records += n;
    log(`${month}: ${n} tickets`);
  }
  return { months: months.length, records };
}

/** The current Beijing month, YYYY-MM, at `nowMs`. */
export function beijingMonth(nowMs: number): string {
  return new Date(nowMs + 8 * 60 * 60 * 1000).toISOString().slice(0, 7);
}

async function main(argv: readonly string[]): Promise<void> {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const from = arg('from');
  if (!from) throw new Error('usage: backfill-facts.ts --from=YYYY-MM [--to=YYYY-MM]');
  const months = monthsBetween(from, arg('to') ?? beijingMonth(Date.now()));
  const env = process.env.TCB_ENV_ID;
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (!env || !secretId || !secretKey) throw new Error('TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must be set');
  // Loaded here only: the SDK is the platform edge.
  const { createCloudbaseStore, loadCloudbase } = await import('../_adapters/cloudbase/store');
  const store = createCloudbaseStore(loadCloudbase({ env, secretId, secretKey }));
  const result = await backfillTicketFacts(store, months, (line) => console.log(line));
  console.log(`done: ${result.months} months, ${result.records} tickets' records read; stale ones rebuilt and written back`);
}

// Node's typing of `require` (see deploy.ts): miniprogram-api-typings declares a global one without `main`.
if ((require as unknown as NodeJS.Require).main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
