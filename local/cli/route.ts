/**
 * Route CLI (DESIGN.md §5):
 *   npm run --silent route -- --jurisdiction <id> --category <code> [--area <areaId>] [--township <townshipId>]
 *   npm run --silent route -- --batch   (JSON lines {"jurisdiction","category"} on stdin, one JSON line out per query)
 * Output: {"lead":[{"id","name","kind"}],"responsible":[{"id","name","kind"}],"basis":[{"source","item","text"}]}
 * where kind is "handling" (reports in, 报到 clock, 响应率) or "coordinating" (informed, escalation target).
 * An estate's place (--area/--township, or "area"/"township" in a batch line) routes by its real list:
 * an estate in 永宁县 (--jurisdiction yinchuan --area yinchuan.yongning) gets Yongning's list.
 * --data-dir <dir> (issue 19): the lists active in that local store (<dir>/store.sqlite), as a ticket
 * created at --at <ISO instant> (default now) would be routed; without it, the bundled lists.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { REGISTRY, type Registry } from '../../shared/jurisdictions';
import { registryFor } from '../../cloudfunctions/_app/usecases/county';
import { route, RouteError, type RouteQuery } from '../../shared/routing/route';
import { openSqliteStore } from '../store/sqlite-store';
import { runCli } from './run';

type Answer = { lead: unknown; responsible: unknown; basis: unknown } | { error: { code: string; message: string } };

let registry: Registry = REGISTRY;

function answer(q: RouteQuery): Answer {
  try {
    const d = route(q, registry);
    return { lead: d.lead, responsible: d.responsible, basis: d.basis };
  } catch (err) {
    if (err instanceof RouteError) return { error: { code: err.code, message: err.message } };
    throw err;
  }
}

function queryFrom(value: unknown): RouteQuery | string {
  if (typeof value !== 'object' || value === null) return 'each line must be a JSON object {"jurisdiction","category"}';
  const v = value as Record<string, unknown>;
  if (typeof v.jurisdiction !== 'string' || typeof v.category !== 'string') return 'jurisdiction and category must be strings';
  const areaId = typeof v.area === 'string' ? v.area : null;
  const townshipId = typeof v.township === 'string' ? v.township : null;
  return {
    jurisdiction: v.jurisdiction,
    category: v.category,
    estate: areaId || townshipId ? { jurisdiction: v.jurisdiction, areaId, townshipId } : null,
  };
}

async function batch(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let out: Answer;
    try {
      const q = queryFrom(JSON.parse(line));
      out = typeof q === 'string' ? { error: { code: 'ROUTE.BAD_QUERY', message: q } } : answer(q);
    } catch {
      out = { error: { code: 'ROUTE.BAD_QUERY', message: 'line is not valid JSON' } };
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  // A bad line gets an error line; the run itself succeeds.
  return 0;
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The registry of the store's active versions and created jurisdictions at the instant (as the functions route); an unknown directory is a usage error. */
async function storeRegistry(dir: string, at: string): Promise<Registry | string> {
  const file = join(resolve(dir), 'store.sqlite');
  if (!existsSync(file)) return `no store at ${file}`;
  const store = openSqliteStore(file);
  try {
    return await registryFor({ store }, at);
  } finally {
    store.close();
  }
}

async function main(args: string[]): Promise<number> {
  const dataDir = flag(args, 'data-dir');
  if (dataDir) {
    const at = flag(args, 'at') ?? new Date().toISOString();
    const r = Number.isNaN(Date.parse(at)) ? '--at must be an ISO instant' : await storeRegistry(dataDir, at);
    if (typeof r === 'string') {
      process.stderr.write(`${r}\n`);
      return 2;
    }
    registry = r;
  }
  if (args.includes('--batch')) return batch();
  const jurisdiction = flag(args, 'jurisdiction');
  const category = flag(args, 'category');
  if (!jurisdiction || !category) {
    process.stderr.write('usage: npm run --silent route -- --jurisdiction <id> --category <code> [--area <areaId>] [--township <townshipId>] | --batch  [--data-dir <dir> [--at <ISO>]]\n');
    return 2;
  }
  const q = queryFrom({ jurisdiction, category, area: flag(args, 'area'), township: flag(args, 'township') });
  const out = typeof q === 'string' ? { error: { code: 'ROUTE.BAD_QUERY', message: q } } : answer(q);
  if ('error' in out) {
    process.stderr.write(`${JSON.stringify(out)}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
}

runCli(main);
