/**
 * §2 The cloud function bundles: bytes, and the time to load each one in a fresh Node process
 * (a cold-start proxy), with a check that loading it does not load @cloudbase/node-sdk.
 * Bundles are built by cloudfunctions/_build/bundle.ts into test/bench/dist/cloudfunctions (inside
 * the repository, so that an eager `require('@cloudbase/node-sdk')` would resolve and show up).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleFunctions } from '../../cloudfunctions/_build/bundle';
import { median } from './stats';

export const BUNDLE_BUDGET_BYTES = 1024 * 1024;
export const LOAD_BUDGET_MS = 150;

export interface LoadRun {
  requireMs: number;
  wallMs: number;
  sdkModules: number;
  modules: number;
}

export interface BundleResult {
  name: string;
  bytes: number;
  runs: LoadRun[];
  medianRequireMs: number;
  medianWallMs: number;
  /** Modules under @cloudbase in require.cache after loading the bundle (must be 0). */
  sdkModules: number;
}

export interface FunctionsResult {
  outDir: string;
  bundleMs: number;
  bundles: BundleResult[];
  /** `node -e ""`: the process start every cold start pays anyway. */
  nodeBaselineWallMs: number;
  /** require('@cloudbase/node-sdk') alone: what the first platform call pays, lazily. */
  sdkRequireMs: number;
  sdkWallMs: number;
}

const run = promisify(execFile);

/** Loads `target` (a path, or a package name) in a fresh process; returns its own timing. */
async function loadOnce(root: string, target: string | null): Promise<LoadRun> {
  const script = target
    ? `const t0 = process.hrtime.bigint(); require(${JSON.stringify(target)}); const t1 = process.hrtime.bigint();` +
      `const keys = Object.keys(require.cache);` +
      `process.stdout.write(JSON.stringify({ requireMs: Number(t1 - t0) / 1e6, sdkModules: keys.filter((k) => k.includes('@cloudbase')).length, modules: keys.length }));`
    : `process.stdout.write(JSON.stringify({ requireMs: 0, sdkModules: 0, modules: 0 }))`;
  const started = process.hrtime.bigint();
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { ...(JSON.parse(stdout) as Omit<LoadRun, 'wallMs'>), wallMs };
}

export async function benchFunctions(root: string, runs = 7): Promise<FunctionsResult> {
  const outDir = join(root, 'test', 'bench', 'dist', 'cloudfunctions');
  const started = performance.now();
  const sizes = await bundleFunctions(outDir);
  const bundleMs = performance.now() - started;

  // One untimed load first: the OS file cache is then warm for every measured run alike.
  const baseline: LoadRun[] = [];
  for (let i = 0; i < runs; i += 1) baseline.push(await loadOnce(root, null));
  const sdk: LoadRun[] = [];
  await loadOnce(root, '@cloudbase/node-sdk');
  for (let i = 0; i < runs; i += 1) sdk.push(await loadOnce(root, '@cloudbase/node-sdk'));

  const bundles: BundleResult[] = [];
  for (const { name, bytes } of sizes) {
    const file = join(outDir, name, 'index.js');
    await loadOnce(root, file);
    const loads: LoadRun[] = [];
    for (let i = 0; i < runs; i += 1) loads.push(await loadOnce(root, file));
    bundles.push({
      name,
      bytes,
      runs: loads,
      medianRequireMs: median(loads.map((l) => l.requireMs)),
      medianWallMs: median(loads.map((l) => l.wallMs)),
      sdkModules: Math.max(...loads.map((l) => l.sdkModules)),
    });
  }
  return {
    outDir,
    bundleMs,
    bundles,
    nodeBaselineWallMs: median(baseline.map((l) => l.wallMs)),
    sdkRequireMs: median(sdk.map((l) => l.requireMs)),
    sdkWallMs: median(sdk.map((l) => l.wallMs)),
  };
}
