/** Issue 19 §4 on SQLite: jurisdictions created by admins (jurisdiction-schema.ts). */
import type { StoredJurisdiction } from '../../shared/jurisdictions/stored';
import type { JurisdictionStore } from '../../shared/ports/jurisdictions';
import type { StatementCache } from './statements';

export class SqliteJurisdictions implements JurisdictionStore {
  constructor(private readonly st: StatementCache) {}

  async putJurisdiction(j: StoredJurisdiction): Promise<void> {
    this.st
      .get(`INSERT INTO jurisdictions (id, created_at, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, doc = excluded.doc`)
      .run(j.id, j.createdAt, JSON.stringify(j));
  }

  async listJurisdictions(): Promise<StoredJurisdiction[]> {
    const rows = this.st.get(`SELECT doc FROM jurisdictions ORDER BY created_at, id`).all() as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as StoredJurisdiction);
  }
}
