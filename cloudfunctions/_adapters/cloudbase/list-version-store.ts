import type { ListVersion } from '../../../shared/jurisdictions/versions';
import type { ListVersionStore } from '../../../shared/ports/list-versions';
import { COLLECTIONS, fromDoc, getAll, toDoc, withoutId } from './collections';
import type { CbDatabase, CbQueryCommand, DocData } from './sdk';

/**
 * Issue 19 in the `list_versions` collection: `_id` = `${jurisdiction}:${versionId}`, so a put of
 * the same version replaces it (doc().set) and `_id` orders versions of one jurisdiction and day
 * the way SQLite's version_id does.
 */
export function createCloudbaseListVersionStore(db: CbDatabase): ListVersionStore {
  const _ = db.command;
  const col = () => db.collection(COLLECTIONS.listVersions);
  return {
    async putListVersion(v) {
      const id = `${v.jurisdiction}:${v.versionId}`;
      await col().doc(id).set(withoutId(toDoc(id, v)));
    },
    async listListVersions(filter) {
      const c: Array<DocData | CbQueryCommand> = [];
      if (filter.status !== undefined) c.push({ status: filter.status });
      if (filter.jurisdictions !== undefined) c.push({ jurisdiction: _.in([...filter.jurisdictions]) });
      const w = c.length === 0 ? null : c.length === 1 ? (c[0] as DocData) : _.and(c);
      const docs = await getAll((w ? col().where(w) : col()).orderBy('jurisdiction', 'asc').orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
      return docs.map((d) => fromDoc<ListVersion>(d));
    },
  };
}
