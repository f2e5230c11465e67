/**
 * §1 The production weapp package: main-package and per-subpackage bytes against WeChat's 2 MB
 * limit and our 1 MB budget, and the largest files. Builds dist/weapp (NODE_ENV=production) only
 * when it is missing, older than its sources, or not a production build; never while another
 * `taro build --type weapp` is running (the build-output test builds into the same folder).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';

export const WEAPP_LIMIT = 2 * 1024 * 1024;
export const WEAPP_BUDGET = 1024 * 1024;
const BUILD_TIMEOUT_MS = 10 * 60 * 1000;
/** Not part of the uploaded code package: WeChat DevTools' own project settings. */
const NOT_PACKAGED = /(^|\/)project(\.private)?\.config\.json$/;

export interface PackageSize {
  name: string;
  root: string;
  bytes: number;
  files: number;
}

export interface WeappResult {
  built: boolean;
  buildMs: number | null;
  buildReason: string;
  outDir: string;
  packages: PackageSize[];
  totalBytes: number;
  largest: Array<{ file: string; package: string; bytes: number }>;
  error?: string;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function newestMtime(paths: readonly string[]): { ms: number; file: string } {
  let best = { ms: 0, file: '' };
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const files = statSync(p).isDirectory() ? filesUnder(p) : [p];
    for (const f of files) {
      const m = statSync(f).mtimeMs;
      if (m > best.ms) best = { ms: m, file: f };
    }
  }
  return best;
}

/** A minified (production) taro.js has very long lines; the dev/watch build is about 3× larger and line-broken. */
function looksLikeProduction(outDir: string): boolean {
  const taro = join(outDir, 'taro.js');
  if (!existsSync(taro)) return false;
  const text = readFileSync(taro, 'utf8');
  const lines = text.split('\n').length;
  return text.length / lines > 500;
}

/** Other `taro build --type weapp` processes (read from /proc; nothing is signalled). */
function runningWeappBuilds(): number[] {
  if (!existsSync('/proc')) return [];
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const joined = args.join(' ');
      if (/taro/.test(joined) && args.includes('build') && /--type(=|\s)weapp/.test(joined)) pids.push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

async function waitForOtherBuilds(maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  while (runningWeappBuilds().length > 0) {
    if (Date.now() > until) throw new Error('another weapp build is still running after 10 min');
    await new Promise((r) => setTimeout(r, 2000));
  }
}

export function freshness(root: string): { fresh: boolean; reason: string } {
  const outDir = join(root, 'dist', 'weapp');
  const appJson = join(outDir, 'app.json');
  if (!existsSync(appJson)) return { fresh: false, reason: 'dist/weapp/app.json missing' };
  const built = statSync(appJson).mtimeMs;
  const sources = newestMtime(
    ['miniprogram', 'shared', 'config', 'babel.config.js', 'package.json', 'project.config.json', 'tsconfig.json'].map((p) => join(root, p)),
  );
  if (sources.ms > built) return { fresh: false, reason: `sources newer than the build (${relative(root, sources.file)})` };
  if (!looksLikeProduction(outDir)) return { fresh: false, reason: 'dist/weapp is not a production (minified) build' };
  return { fresh: true, reason: 'dist/weapp/app.json newer than every source: build skipped' };
}

async function build(root: string): Promise<number> {
  const started = performance.now();
  await promisify(execFile)(process.execPath, [join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'weapp'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: BUILD_TIMEOUT_MS,
  });
  return performance.now() - started;
}

export function measurePackages(outDir: string): Pick<WeappResult, 'packages' | 'totalBytes' | 'largest'> {
  const app = JSON.parse(readFileSync(join(outDir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));
  const packages: PackageSize[] = [{ name: 'main', root: '', bytes: 0, files: 0 }, ...subRoots.map((r) => ({ name: r, root: r, bytes: 0, files: 0 }))];
  const all: Array<{ file: string; package: string; bytes: number }> = [];
  for (const full of filesUnder(outDir)) {
    const rel = relative(outDir, full).split(sep).join('/');
    if (NOT_PACKAGED.test(rel)) continue;
    const bytes = statSync(full).size;
    const pkg = packages.find((p) => p.root !== '' && (rel === p.root || rel.startsWith(`${p.root}/`))) ?? (packages[0] as PackageSize);
    pkg.bytes += bytes;
    pkg.files += 1;
    all.push({ file: rel, package: pkg.name, bytes });
  }
  all.sort((a, b) => b.bytes - a.bytes);
  return { packages, totalBytes: packages.reduce((s, p) => s + p.bytes, 0), largest: all.slice(0, 12) };
}

export async function benchWeapp(root: string): Promise<WeappResult> {
  const outDir = join(root, 'dist', 'weapp');
  await waitForOtherBuilds(BUILD_TIMEOUT_MS);
  const state = freshness(root);
  let buildMs: number | null = null;
  let error: string | undefined;
  if (!state.fresh) {
    console.log(`  building weapp (NODE_ENV=production): ${state.reason}`);
    try {
      buildMs = await build(root);
    } catch (err) {
      error = `taro build failed: ${(err as Error).message.split('\n').slice(0, 6).join(' ')}`;
    }
  }
  if (!existsSync(join(outDir, 'app.json'))) {
    return { built: !state.fresh, buildMs, buildReason: state.reason, outDir, packages: [], totalBytes: 0, largest: [], error: error ?? 'no dist/weapp/app.json' };
  }
  return { built: !state.fresh, buildMs, buildReason: state.reason, outDir, ...measurePackages(outDir), ...(error ? { error } : {}) };
}
