/**
 * `npm run bench`: the performance figures of issue 8, printed and written to docs/PERFORMANCE.md.
 *   1. the production weapp package (built if stale), 2. the cloud function bundles,
 *   3. the submit path on the local runtime and the routing decision, 4. the sweep and the bulletin
 *   at 10 k / 100 k / 1 M tickets (BENCH_MAX caps the sizes; BENCH_KEEP=1 keeps the store files),
 *   (BENCH_ONLY=submit runs section 3 alone and only prints it, raw figures in test/bench/dist/submit.json;
 *   BENCH_LEVELS=1,50 picks its concurrencies),
 *   6. CloudBase requests per action on the loopback server (BENCH_ONLY=cloudbase runs this one
 *   alone and writes only its section into docs/PERFORMANCE.md), 6a. the metrics and the bulletin at
 *   1 M tickets on the CloudBase path (test/bench/cloudbase-facts.ts, its own script like 7;
 *   BENCH_ONLY=cloudbase-facts alone), 7. the category classifier
 *   (test/bench/classify.ts, run last as its own script: it splices its section into the new file).
 * Not part of `npm test`. Raw figures: test/bench/dist/latest.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { benchCloudbase, renderCloudbaseSection, requestBudgets, spliceSection, type CloudbaseResult } from './cloudbase';
import { benchFunctions, type FunctionsResult } from './functions';
import { benchGrowth, type GrowthSize } from './growth';
import { browserProcesses, describeMachine } from './machine';
import { budgetLines, renderReport, type BenchResults } from './report';
import { benchRouting } from './routing';
import { kb } from './stats';
import { bareRatio, benchSubmit, rawRatio, SUBMIT_BARE_RATIO_GOAL, SUBMIT_RATIO_GOAL, submitGoal, type SubmitResult } from './submit';
import { benchWeapp, type WeappResult } from './weapp';

const ROOT = resolve(__dirname, '..', '..');

async function attempt<T>(label: string, fn: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`  ${label} failed: ${message}`);
    return { error: message.split('\n')[0] ?? message };
  }
}

function printCloudbase(r: CloudbaseResult): void {
  console.log(`  ${'action (caller)'.padEnd(42)} ${'db req'.padStart(6)} ${'depth'.padStart(5)} ${'all'.padStart(4)} ${'depth'.padStart(5)} ${'@10ms'.padStart(7)} ${'@30ms'.padStart(7)}  local`);
  const line = (p: CloudbaseResult['sweep']['profile'], local: string) =>
    console.log(`  ${p.label.padEnd(42)} ${String(p.database).padStart(6)} ${String(p.databaseDepth).padStart(5)} ${String(p.total).padStart(4)} ${String(p.depth).padStart(5)} ${`${p.depth * 10} ms`.padStart(7)} ${`${p.depth * 30} ms`.padStart(7)}  ${local}`);
  for (const a of r.actions) line(a.cloudbase, a.local ? `${a.local.storeCalls} store calls, ${a.local.ms.toFixed(2)} ms` : '');
  line(r.sweep.profile, '');
  console.log('  budgets (issue 17):');
  for (const b of requestBudgets(r.actions.map((a) => a.cloudbase), r.sweep.profile)) console.log(`    ${b.ok ? 'OK' : '!!'}  ${b.what}: ${b.measured} (${b.measure}, budget ≤ ${b.budget})`);
}

/** Both ratios per level, and which goal issue 17 §4 holds it to (bare server at c=1, raw insert above). */
function printSubmitRatios(submit: SubmitResult): void {
  for (const l of submit.levels) {
    const goal = submitGoal(l.connections) === 'bare' ? `goal ÷ bare ≥ ${SUBMIT_BARE_RATIO_GOAL}: ${bareRatio(l) >= SUBMIT_BARE_RATIO_GOAL ? 'met' : 'NOT met'}` : `goal ÷ raw ≥ ${SUBMIT_RATIO_GOAL}: ${rawRatio(l) >= SUBMIT_RATIO_GOAL ? 'met' : 'NOT met'}`;
    console.log(`  HTTP c=${l.connections}: ÷ raw insert beside it ${rawRatio(l).toFixed(2)}, ÷ bare node:http + insert beside it ${bareRatio(l).toFixed(2)} (${goal})`);
  }
}

/** BENCH_ONLY=submit: section 3 alone, printed and kept in test/bench/dist/submit.json (docs/PERFORMANCE.md untouched). */
async function submitOnly(): Promise<void> {
  console.log(`3. the submit path (load ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  // BENCH_LEVELS=1 (a comma list) measures only those concurrencies.
  const levels = process.env.BENCH_LEVELS?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const submit = await benchSubmit(levels?.length ? { levels } : {});
  console.log(`  raw createTicket ${submit.raw.perSecond.toFixed(0)}/s; use case in-process ${submit.usecase.perSecond.toFixed(0)}/s`);
  printSubmitRatios(submit);
  const distDir = join(ROOT, 'test', 'bench', 'dist');
  mkdirSync(distDir, { recursive: true });
  writeFileSync(join(distDir, 'submit.json'), JSON.stringify({ machine: describeMachine(), loadEnd: loadavg(), submit }, null, 1));
  console.log(`\nload at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}; raw figures: test/bench/dist/submit.json`);
}

/** BENCH_ONLY=cloudbase: section 6 alone, spliced into the existing docs/PERFORMANCE.md. */
async function cloudbaseOnly(): Promise<void> {
  console.log('6. CloudBase requests per action (loopback server)');
  const result = await benchCloudbase();
  printCloudbase(result);
  const distDir = join(ROOT, 'test', 'bench', 'dist');
  mkdirSync(distDir, { recursive: true });
  writeFileSync(join(distDir, 'cloudbase.json'), JSON.stringify(result, null, 1));
  const doc = join(ROOT, 'docs', 'PERFORMANCE.md');
  writeFileSync(doc, spliceSection(readFileSync(doc, 'utf8'), renderCloudbaseSection(result, new Date().toISOString())));
  console.log('\nwritten: section 6 of docs/PERFORMANCE.md (raw figures: test/bench/dist/cloudbase.json)');
}

/**
 * Section 6a (issue 17 §3): the metrics and the bulletin at 1 M tickets on the CloudBase path, its own
 * process with a large heap (the documents live in the loopback's memory); it splices its section
 * into docs/PERFORMANCE.md before section 7.
 */
function cloudbaseFacts(): void {
  execFileSync(process.execPath, ['--max-old-space-size=12288', join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'test', 'bench', 'cloudbase-facts.ts'), '--write'], { cwd: ROOT, stdio: 'inherit' });
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'cloudbase-facts') return cloudbaseFacts();
  if (process.env.BENCH_ONLY === 'cloudbase') return cloudbaseOnly();
  if (process.env.BENCH_ONLY === 'submit') return submitOnly();
  if (process.env.BENCH_ONLY) throw new Error(`BENCH_ONLY knows only "cloudbase", "cloudbase-facts" and "submit", got ${process.env.BENCH_ONLY}`);
  const started = performance.now();
  const benchMax = Number(process.env.BENCH_MAX ?? 1_000_000);
  if (!Number.isFinite(benchMax) || benchMax < 10_000) throw new Error(`BENCH_MAX must be at least 10000, got ${process.env.BENCH_MAX}`);
  const machine = describeMachine();
  const loadStart = loadavg();
  const sectionLoad: BenchResults['sectionLoad'] = {};
  const section = (name: string, title: string) => {
    sectionLoad[name] = { load: loadavg(), browsers: browserProcesses() };
    console.log(`${title} (load ${sectionLoad[name].load[0]?.toFixed(2)}, other browsers: ${sectionLoad[name].browsers})`);
  };
  console.log(`bench: ${machine.cpuModel}, ${machine.nproc} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, SQLite ${machine.sqlite}; load ${loadStart.map((l) => l.toFixed(2)).join(' ')}`);

  section('weapp', '1. weapp package');
  const weapp = await attempt<WeappResult>('weapp', () => benchWeapp(ROOT));
  if (!('error' in weapp && Object.keys(weapp).length === 1)) {
    const w = weapp as WeappResult;
    for (const p of w.packages) console.log(`  ${p.name.padEnd(8)} ${kb(p.bytes).padStart(10)}  (${p.files} files)`);
    if (w.error) console.log(`  ${w.error}`);
  }

  section('functions', '2. cloud function bundles');
  const functions = await attempt<FunctionsResult>('functions', () => benchFunctions(ROOT));
  if ('bundles' in functions) {
    for (const b of functions.bundles) console.log(`  ${b.name.padEnd(8)} ${kb(b.bytes).padStart(10)}  load ${b.medianRequireMs.toFixed(1)} ms (process ${b.medianWallMs.toFixed(0)} ms), SDK modules loaded: ${b.sdkModules}`);
    console.log(`  node -e "" ${functions.nodeBaselineWallMs.toFixed(0)} ms; require('@cloudbase/node-sdk') ${functions.sdkRequireMs.toFixed(0)} ms`);
  }

  section('submit', '3. routing and the submit path');
  const routing = benchRouting();
  console.log(`  route(): ${routing.nsPerCall.toFixed(0)} ns/call`);
  const submit = await attempt<SubmitResult>('submit', () => benchSubmit());
  if ('levels' in submit) {
    console.log(`  raw createTicket ${submit.raw.perSecond.toFixed(0)}/s; use case in-process ${submit.usecase.perSecond.toFixed(0)}/s`);
    const i = submit.idle;
    console.log(`  after ~1 ms asleep: raw insert ${i.hotRawMeanMs.toFixed(2)} → ${i.raw.meanMs.toFixed(2)} ms, in-process submit ${i.hotUsecaseMeanMs.toFixed(2)} → ${i.usecase.meanMs.toFixed(2)} ms`);
    printSubmitRatios(submit);
  }

  section('growth', `4. growth (up to ${benchMax.toLocaleString('en-US')} tickets)`);
  const growth = await attempt<GrowthSize[]>('growth', () => benchGrowth(benchMax, (size) => section(`growth ${size >= 1_000_000 ? `${size / 1_000_000} M` : `${size / 1000} k`}`, `  ${size.toLocaleString('en-US')} tickets`)));

  section('cloudbase', '6. CloudBase requests per action (loopback server)');
  const cloudbase = await attempt<CloudbaseResult>('cloudbase', () => benchCloudbase());
  if ('actions' in cloudbase) printCloudbase(cloudbase);

  const results: BenchResults = {
    machine,
    loadStart,
    loadEnd: loadavg(),
    sectionLoad,
    durationS: (performance.now() - started) / 1000,
    benchMax,
    weapp,
    functions,
    routing,
    submit,
    growth,
    cloudbase,
  };
  const distDir = join(ROOT, 'test', 'bench', 'dist');
  mkdirSync(distDir, { recursive: true });
  writeFileSync(join(distDir, 'latest.json'), JSON.stringify(results, null, 1));
  writeFileSync(join(ROOT, 'docs', 'PERFORMANCE.md'), renderReport(results));
  console.log('\nbudgets:');
  for (const line of budgetLines(results)) console.log(`  ${line}`);
  console.log(`\nwritten: docs/PERFORMANCE.md (raw figures: test/bench/dist/latest.json), ${(results.durationS / 60).toFixed(1)} min`);
  console.log('\n6a. dashboards and the bulletin at 1 M tickets on CloudBase');
  cloudbaseFacts();
  console.log('\n7. category suggestion');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'test', 'bench', 'classify.ts'), '--write'], { cwd: ROOT, stdio: 'inherit' });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
