import type { ListVersion } from '../../../shared/jurisdictions/versions';
import type { ListVersionStore } from '../../../shared/ports/list-versions';
import { COLLECTIONS, fromDoc, getAll, toDoc, withoutId } from './collections';
import { DIRECTORY_CACHE_TTL_MS, type DirectoryCacheOptions } from './directory-store';
import type { CbDatabase, CbQueryCommand, DocData } from './sdk';

/**
 * Issue 19 in the `list_versions` collection: `_id` = `${jurisdiction}:${versionId}`, so a put of
 * the same version replaces it (doc().set) and `_id` orders versions of one jurisdiction and day
 * the way SQLite's version_id does.
 *
 * Every report reads the active versions, so a warm container keeps that answer by the directory
 * cache's rule (directory-store.ts): at most 60 s, dropped at once by a put through this container.
 * An activation made elsewhere is seen within that minute; drafts and other filters always read.
 */
export function createCloudbaseListVersionStore(db: CbDatabase, cache: DirectoryCacheOptions = {}): ListVersionStore {
  const _ = db.command;
  const col = () => db.collection(COLLECTIONS.listVersions);
  const ttlMs = cache.ttlMs ?? DIRECTORY_CACHE_TTL_MS;
  const now = cache.now ?? Date.now;
  let active: { at: number; json: string } | null = null;
  /** Moves on every put: a read that began before a put does not store what it read. */
  let generation = 0;

  async function list(filter: Parameters<ListVersionStore['listListVersions']>[0]): Promise<ListVersion[]> {
    const c: Array<DocData | CbQueryCommand> = [];
    if (filter.status !== undefined) c.push({ status: filter.status });
    if (filter.jurisdictions !== undefined) c.push({ jurisdiction: _.in([...filter.jurisdictions]) });
    const w = c.length === 0 ? null : c.length === 1 ? (c[0] as DocData) : _.and(c);
    const docs = await getAll((w ? col().where(w) : col()).orderBy('jurisdiction', 'asc').orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
    return docs.map((d) => fromDoc<ListVersion>(d));
  }

  return {
    async putListVersion(v) {
      generation += 1;
      active = null;
      const id = `${v.jurisdiction}:${v.versionId}`;
      await col().doc(id).set(withoutId(toDoc(id, v)));
    },
    async listListVersions(filter) {
      const cacheable = ttlMs > 0 && filter.status === 'active' && filter.jurisdictions === undefined;
      if (!cacheable) return list(filter);
      if (active && now() - active.at < ttlMs) return JSON.parse(active.json) as ListVersion[];
      const [at, gen] = [now(), generation];
      const versions = await list(filter);
      if (gen === generation) active = { at, json: JSON.stringify(versions) };
      return versions;
    },
  };
}
