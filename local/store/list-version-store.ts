/** Issue 19 on SQLite: responsibility-list versions (list-version-schema.ts). */
import type { ListVersion } from '../../shared/jurisdictions/versions';
import type { ListVersionStore } from '../../shared/ports/list-versions';
import { IN_LIST, jsonList, type StatementCache } from './statements';

export class SqliteListVersions implements ListVersionStore {
  constructor(private readonly st: StatementCache) {}

  async putListVersion(v: ListVersion): Promise<void> {
    this.st
      .get(
        `INSERT INTO list_versions (jurisdiction, version_id, status, created_at, doc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (jurisdiction, version_id) DO UPDATE SET status = excluded.status, created_at = excluded.created_at, doc = excluded.doc`,
      )
      .run(v.jurisdiction, v.versionId, v.status, v.createdAt, JSON.stringify(v));
  }

  async listListVersions(filter: Parameters<ListVersionStore['listListVersions']>[0]): Promise<ListVersion[]> {
    const parts: string[] = [];
    const params: string[] = [];
    if (filter.status !== undefined) {
      parts.push('status = ?');
      params.push(filter.status);
    }
    if (filter.jurisdictions !== undefined) {
      parts.push(`jurisdiction IN ${IN_LIST}`);
      params.push(jsonList(filter.jurisdictions));
    }
    const where = parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
    const rows = this.st.get(`SELECT doc FROM list_versions${where} ORDER BY jurisdiction, created_at, version_id`).all(...params) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as ListVersion);
  }
}
