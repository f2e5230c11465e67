/**
 * County onboarding and responsibility-list versions (issue 19): which list routes a ticket.
 */
import { REGISTRY, type Registry } from '../../../shared/jurisdictions';
import { registryAt } from '../../../shared/jurisdictions/versions';
import type { AppDeps } from '../context';

const BASE = [...REGISTRY.lists.values()];
/** Registries per combination of effective versions (immutable); a warm container keeps a few. */
const CACHE = new Map<string, Registry>();
const CACHE_MAX = 16;

/**
 * The registry that routes a ticket created at `at`: each jurisdiction's active version effective
 * that day (China time), else its bundled list. One store query.
 */
export async function registryFor(deps: Pick<AppDeps, 'store'>, at: string): Promise<Registry> {
  const versions = await deps.store.listListVersions({ status: 'active' });
  if (versions.length === 0) return REGISTRY;
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  return registryAt(BASE, versions, at, CACHE);
}
