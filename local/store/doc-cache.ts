/**
 * Directory reads kept as their stored JSON text, keyed by statement and parameters. The directory
 * (estates, grids, users, policies…) changes rarely while every submit reads it several times.
 * Every answer is parsed afresh, so callers never share an object. The cache is dropped when this
 * connection writes a directory row (SqliteDirectory calls `clear`) and when any other connection
 * commits (SQLite's `PRAGMA data_version` moves), so a read never returns text the file no longer holds.
 */
import type Database from 'better-sqlite3';

const MAX_ENTRIES = 2_000;

export class DocCache {
  private readonly entries = new Map<string, readonly string[]>();
  private readonly dataVersion: Database.Statement;
  private seenVersion: unknown = null;

  constructor(db: Database.Database) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  /** The doc texts of `sql` with `params`, read through `load` on a miss. */
  docs(sql: string, params: readonly unknown[], load: () => string[]): readonly string[] {
    const version = this.dataVersion.get();
    if (version !== this.seenVersion) {
      this.entries.clear();
      this.seenVersion = version;
    }
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const docs = load();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, docs);
    return docs;
  }

  clear(): void {
    this.entries.clear();
  }
}
