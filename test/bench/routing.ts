/**
 * §3 The routing decision's cost: shared/routing route() in a tight loop over every jurisdiction ×
 * category × estate place (known township and area, and unknown estate), median of several runs.
 */
import { JURISDICTION_IDS, REGISTRY } from '../../shared/jurisdictions';
import { route, type RouteQuery } from '../../shared/routing/route';
import { CATEGORY_CODES } from '../../shared/taxonomy/categories';
import { median } from './stats';

export interface RoutingResult {
  queries: number;
  callsPerRun: number;
  runs: number;
  nsPerCall: number;
  runNsPerCall: number[];
}

export function routeQueries(): RouteQuery[] {
  const queries: RouteQuery[] = [];
  for (const j of JURISDICTION_IDS) {
    const list = REGISTRY.list(j);
    if (!list) continue;
    const places = [null, ...list.townships.slice(0, 3).map((t) => ({ jurisdiction: j, townshipId: t.id, areaId: t.area ?? null }))];
    for (const category of CATEGORY_CODES) for (const estate of places) queries.push({ jurisdiction: j, category, estate });
  }
  return queries;
}

export function benchRouting(runs = 7, callsPerRun = 200_000): RoutingResult {
  const queries = routeQueries();
  let sink = 0;
  const once = (calls: number): number => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i += 1) sink += route(queries[i % queries.length] as RouteQuery).lead.length;
    return Number(process.hrtime.bigint() - started) / calls;
  };
  once(callsPerRun); // warm-up: JIT
  const perRun: number[] = [];
  for (let r = 0; r < runs; r += 1) perRun.push(once(callsPerRun));
  if (sink === 0) throw new Error('route() returned no lead unit at all');
  return { queries: queries.length, callsPerRun, runs, nsPerCall: median(perRun), runNsPerCall: perRun };
}
