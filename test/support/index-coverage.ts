/**
 * Whether the deploy configuration (cloudfunctions/_deploy/resources.ts) has an index for each query
 * the adapter sent to the loopback CloudBase server. A query is served by an index when:
 * - it filters on `_id` (every collection's built-in index), or
 * - it filters, conjunctively (at the top level or under $and, not only inside an $or branch), on
 *   the first key of a declared index of its collection (an `$elemMatch` on `grants` filters on
 *   `grants.<key>`), or
 * - it has an `$or` each of whose branches filters on such a key (MongoDB then uses one index per
 *   branch), or
 * - it has no conjunctive filter and its first orderBy field is `_id` or the first key of an index.
 * A collection that is not declared never is.
 */
import type { IndexDeclaration } from '../../cloudfunctions/_deploy/resources';
import type { Doc, ObservedQuery } from './cloudbase-loopback';

function isObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields every matching document must satisfy: top-level keys and those under $and. */
export function conjunctiveFields(query: Doc, prefix = ''): string[] {
  const out = new Set<string>();
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const q of cond) if (isObject(q)) for (const f of conjunctiveFields(q, prefix)) out.add(f);
      continue;
    }
    if (key.startsWith('$')) continue;
    const path = `${prefix}${key}`;
    out.add(path);
    if (isObject(cond) && isObject(cond.$elemMatch)) for (const f of conjunctiveFields(cond.$elemMatch, `${path}.`)) out.add(f);
  }
  return [...out];
}

/** The `$or`s every matching document must satisfy, as the field lists of their branches. */
export function conjunctiveOrs(query: Doc, prefix = ''): string[][][] {
  const out: string[][][] = [];
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const q of cond) if (isObject(q)) out.push(...conjunctiveOrs(q, prefix));
    } else if (key === '$or' && Array.isArray(cond)) {
      out.push(cond.filter(isObject).map((branch) => conjunctiveFields(branch, prefix)));
    } else if (!key.startsWith('$') && isObject(cond) && isObject(cond.$elemMatch)) {
      out.push(...conjunctiveOrs(cond.$elemMatch, `${prefix}${key}.`));
    }
  }
  return out;
}

export interface Uncovered {
  collection: string;
  fields: string[];
  order: string[];
  reason: string;
}

export function uncoveredQueries(observed: readonly ObservedQuery[], declared: ReadonlyMap<string, readonly IndexDeclaration[]>): Uncovered[] {
  const out = new Map<string, Uncovered>();
  for (const q of observed) {
    const fields = conjunctiveFields(q.query).sort();
    const key = JSON.stringify([q.collection, fields, conjunctiveOrs(q.query), q.order]);
    if (out.has(key)) continue;
    const indexes = declared.get(q.collection);
    if (!indexes) {
      out.set(key, { collection: q.collection, fields, order: q.order, reason: 'collection not declared' });
      continue;
    }
    const firstKeys = new Set(indexes.map((i) => i.keys[0]?.[0]));
    firstKeys.add('_id');
    const ors = conjunctiveOrs(q.query);
    const served =
      fields.some((f) => firstKeys.has(f)) ||
      ors.some((branches) => branches.length > 0 && branches.every((b) => b.some((f) => firstKeys.has(f)))) ||
      (fields.length === 0 && ors.length === 0 && (q.order.length === 0 || firstKeys.has(q.order[0] as string)));
    if (!served) out.set(key, { collection: q.collection, fields, order: q.order, reason: 'no declared index starts with a field of this query' });
  }
  return [...out.values()];
}
