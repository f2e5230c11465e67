import type { StoredJurisdiction } from '../../../shared/jurisdictions/stored';
import type { JurisdictionStore } from '../../../shared/ports/jurisdictions';
import { COLLECTIONS, fromDoc, getAll, toDoc, withoutId } from './collections';
import { DIRECTORY_CACHE_TTL_MS, type DirectoryCacheOptions } from './directory-store';
import type { CbDatabase } from './sdk';

/**
 * Issue 19 §4 in the `jurisdictions` collection: `_id` = the jurisdiction id, so a put replaces it.
 *
 * Every call reads the stored jurisdictions (the registry's refresh, usecases/live-registry.ts), so
 * a warm container keeps the answer by the directory cache's rule (directory-store.ts): at most
 * 60 s, dropped at once by a put through this container. A jurisdiction created or re-imported in
 * another container is seen here within that minute.
 */
export function createCloudbaseJurisdictionStore(db: CbDatabase, cache: DirectoryCacheOptions = {}): JurisdictionStore {
  const col = () => db.collection(COLLECTIONS.jurisdictions);
  const ttlMs = cache.ttlMs ?? DIRECTORY_CACHE_TTL_MS;
  const now = cache.now ?? Date.now;
  let held: { at: number; json: string } | null = null;
  /** Moves on every put: a read that began before a put does not store what it read. */
  let generation = 0;

  async function list(): Promise<StoredJurisdiction[]> {
    const docs = await getAll(col().orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
    return docs.map((d) => fromDoc<StoredJurisdiction>(d));
  }

  return {
    async putJurisdiction(j) {
      generation += 1;
      held = null;
      await col().doc(j.id).set(withoutId(toDoc(j.id, j)));
    },
    async listJurisdictions() {
      if (ttlMs <= 0) return list();
      if (held && now() - held.at < ttlMs) return JSON.parse(held.json) as StoredJurisdiction[];
      const [at, gen] = [now(), generation];
      const out = await list();
      if (gen === generation) held = { at, json: JSON.stringify(out) };
      return out;
    },
  };
}
