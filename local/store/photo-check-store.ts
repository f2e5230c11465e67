/** Photo content checks on SQLite (table `photo_checks`, migration 6). */
import type { PhotoCheck, PhotoCheckStore } from '../../shared/ports/store';
import type { StatementCache } from './statements';

export class SqlitePhotoChecks implements PhotoCheckStore {
  constructor(private readonly st: StatementCache) {}

  async putPhotoCheck(check: PhotoCheck): Promise<void> {
    this.st
      .get(
        `INSERT INTO photo_checks (trace_id, file_id, doc) VALUES (?, ?, ?)
         ON CONFLICT (trace_id) DO UPDATE SET file_id = excluded.file_id, doc = excluded.doc`,
      )
      .run(check.traceId, check.fileId, JSON.stringify(check));
  }

  async getPhotoCheck(traceId: string): Promise<PhotoCheck | null> {
    const row = this.st.get('SELECT doc FROM photo_checks WHERE trace_id = ?').get(traceId) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as PhotoCheck) : null;
  }

  async listPhotoChecks(fileIds: readonly string[]): Promise<PhotoCheck[]> {
    const unique = [...new Set(fileIds)];
    if (unique.length === 0) return [];
    const rows = this.st.get('SELECT doc FROM photo_checks WHERE file_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(unique)) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc) as PhotoCheck);
  }
}
