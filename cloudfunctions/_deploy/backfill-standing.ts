/**
 * `npx tsx cloudfunctions/_deploy/backfill-standing.ts`
 *
 * One-off back-fill of the standing records (issue 20 §4) on CloudBase: the breaches confirmed before
 * records were stored get the record their confirmation would have written
 * (usecases/standing-backfill.ts; the local runtime's counterpart is `npm run --silent standing -- backfill`).
 * Idempotent: record ids are the breaches', so a second run adds nothing.
 *
 * Environment: TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY (as `npm run deploy`).
 */
import { backfillStandingRecords } from '../_app/usecases/standing-backfill';

async function main(): Promise<void> {
  const env = process.env.TCB_ENV_ID;
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (!env || !secretId || !secretKey) throw new Error('TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must be set');
  // Loaded here only: the SDK is the platform edge.
  const { createCloudbaseStore, loadCloudbase } = await import('../_adapters/cloudbase/store');
  const r = await backfillStandingRecords(createCloudbaseStore(loadCloudbase({ env, secretId, secretKey })));
  console.log(`已读取九不准认定 ${r.breaches} 条：补记星级/信用状态变化 ${r.added} 条，已有记录 ${r.kept} 条，未引起变化 ${r.unmoved} 条`);
}

// Node's typing of `require` (see deploy.ts): miniprogram-api-typings declares a global one without `main`.
if ((require as unknown as NodeJS.Require).main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
