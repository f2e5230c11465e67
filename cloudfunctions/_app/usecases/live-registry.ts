/**
 * Keeps REGISTRY (shared/jurisdictions) in step with the store (issue 19 §4): the bundled lists plus
 * the jurisdictions admins created, each once its list is active.
 *
 * Cache rule: every call of every function reads the created jurisdictions and the active list
 * versions (refreshRegistry, from the router, before the use case runs) and installs a new registry
 * only when what it read differs from what the installed one was built from (the revision: each
 * jurisdiction's id and updatedAt, each active version's id and activatedAt). On CloudBase both
 * reads are kept by a warm container for at most 60 s and dropped at once by its own writes
 * (directory-store.ts DirectoryCache), so a warm call costs no request; a jurisdiction created or a
 * list activated in another container is seen here within that minute.
 */
import { BUNDLED_REGISTRY, installRegistry } from '../../../shared/jurisdictions';
import { directoryRegistry, type StoredJurisdiction } from '../../../shared/jurisdictions/stored';
import type { ListVersion } from '../../../shared/jurisdictions/versions';
import type { AppDeps } from '../context';

const BASE = [...BUNDLED_REGISTRY.lists.values()];
let installed = '';

/** What a registry built from these records depends on. */
export function revisionOf(stored: readonly StoredJurisdiction[], active: readonly ListVersion[]): string {
  return JSON.stringify([stored.map((j) => [j.id, j.updatedAt]), active.map((v) => [v.jurisdiction, v.versionId, v.activatedAt ?? ''])]);
}

/** Reads the store and installs the registry REGISTRY answers by, when its revision moved. */
export async function refreshRegistry(deps: Pick<AppDeps, 'store'>): Promise<void> {
  const [stored, active] = await Promise.all([deps.store.listJurisdictions(), deps.store.listListVersions({ status: 'active' })]);
  const revision = revisionOf(stored, active);
  if (revision === installed) return;
  if (stored.length === 0) {
    installRegistry(BUNDLED_REGISTRY);
  } else {
    const { registry, skipped } = directoryRegistry(BASE, stored, active);
    if (skipped.length) console.error(`[registry] created jurisdictions left out: ${skipped.join(', ')}`);
    installRegistry(registry);
  }
  installed = revision;
}
