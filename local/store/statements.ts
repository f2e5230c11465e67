import type Database from 'better-sqlite3';

const MAX_CACHED = 500;

/** Prepared statements, compiled once per SQL text (queries built from filters have a few shapes). */
export class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      // Bounded: the oldest shape goes first (Map keeps insertion order).
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}

/** One bound parameter holding a list, expanded in SQL by json_each: the statement text does not depend on its length. */
export function jsonList(values: readonly string[]): string {
  return JSON.stringify(values);
}

export const IN_LIST = '(SELECT value FROM json_each(?))';

const MAX_PLACEHOLDERS = 50;

/**
 * An IN list for a filter that should drive an index: with one placeholder per value the planner
 * knows how many there are and picks the column's index (with json_each it guesses, and after
 * ANALYZE it prefers scanning by date). Long lists fall back to json_each.
 */
export function placeholders(values: readonly string[]): { sql: string; params: string[] } {
  if (values.length > MAX_PLACEHOLDERS) return { sql: IN_LIST, params: [jsonList(values)] };
  return { sql: `(${values.map(() => '?').join(', ')})`, params: [...values] };
}
