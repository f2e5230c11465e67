/**
 * FAKE of the CloudBase platform edge, for offline tests only: `database.aggregateDocuments` for the
 * loopback server (cloudbase-loopback.ts), as @cloudbase/database 1.4.3 sends it
 * (dist/commonjs/aggregate.js `end()`: body {collectionName, stages: [{stageKey: '$match', stageValue}]},
 * each stageValue EJSON text of the stage's argument; answered with `data.list`, EJSON texts).
 *
 * Only what the adapters use, with MongoDB's semantics: `$match` (the loopback's matcher), `$group`
 * (an `_id` expression; accumulators `$push` and `$sum`), `$sort`, `$skip` and `$limit`.
 * Expressions: a `'$field.path'` string, `{ $substr: [expr, start, length] }`, an object of
 * expressions (a field whose value is missing is left out, as MongoDB does) and literals.
 * Without a `$limit` stage the answer holds 20 results, as CloudBase's aggregate does (reported by
 * its users: https://developers.weixin.qq.com/community/develop/doc/00008ce0504388afcd590911b5b400).
 * Anything else is refused loudly.
 */
import type { Doc } from './cloudbase-loopback';

/** What CloudBase answers without a `$limit` stage. */
export const AGGREGATE_DEFAULT_LIMIT = 20;

export interface Stage {
  stageKey: string;
  stageValue: string;
}

export interface AggregateHelpers {
  decode(text: string): unknown;
  matches(doc: Doc, query: Doc): boolean;
  refuse(message: string): Error;
}

const MISSING = Symbol('missing');

function isObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathValue(doc: Doc, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (!isObject(node) || !(part in node)) return MISSING;
    node = node[part];
  }
  return node;
}

function evaluate(expr: unknown, doc: Doc, h: AggregateHelpers): unknown {
  if (typeof expr === 'string' && expr.startsWith('$')) return pathValue(doc, expr.slice(1));
  if (Array.isArray(expr)) return expr.map((e) => evaluate(e, doc, h));
  if (!isObject(expr)) return expr;
  const keys = Object.keys(expr);
  if (keys.length === 1 && keys[0]?.startsWith('$')) {
    const op = keys[0];
    if (op === '$substr') {
      const [value, start, length] = (expr.$substr as unknown[]).map((e) => evaluate(e, doc, h));
      const text = value === MISSING || value === null ? '' : String(value);
      return text.substr(Number(start), Number(length) < 0 ? undefined : Number(length));
    }
    throw h.refuse(`fake CloudBase: aggregation operator ${op} is not supported`);
  }
  const out: Doc = {};
  for (const [k, v] of Object.entries(expr)) {
    const value = evaluate(v, doc, h);
    if (value !== MISSING) out[k] = value;
  }
  return out;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = JSON.stringify(a) ?? '';
  const y = JSON.stringify(b) ?? '';
  return typeof a === 'string' && typeof b === 'string' ? (a < b ? -1 : a > b ? 1 : 0) : x < y ? -1 : x > y ? 1 : 0;
}

function group(docs: readonly Doc[], spec: Doc, h: AggregateHelpers): Doc[] {
  const groups = new Map<string, Doc>();
  for (const doc of docs) {
    const id = evaluate(spec._id, doc, h);
    const key = JSON.stringify(id === MISSING ? null : id);
    let out = groups.get(key);
    if (!out) {
      out = { _id: id === MISSING ? null : id };
      groups.set(key, out);
    }
    for (const [field, acc] of Object.entries(spec)) {
      if (field === '_id') continue;
      if (!isObject(acc) || Object.keys(acc).length !== 1) throw h.refuse(`fake CloudBase: accumulator of ${field} must be one operator`);
      const [op, arg] = Object.entries(acc)[0] as [string, unknown];
      const value = evaluate(arg, doc, h);
      if (op === '$push') {
        const list = (out[field] as unknown[] | undefined) ?? [];
        if (value !== MISSING) list.push(value);
        out[field] = list;
      } else if (op === '$sum') {
        out[field] = ((out[field] as number | undefined) ?? 0) + (typeof value === 'number' ? value : 0);
      } else {
        throw h.refuse(`fake CloudBase: accumulator ${op} is not supported`);
      }
    }
  }
  return [...groups.values()];
}

/** A test every match must pass: the top-level (or `$and`) string equalities and string ranges. */
function preTest(query: Doc): (doc: Doc) => boolean {
  const tests: Array<(doc: Doc) => boolean> = [];
  const walk = (q: Doc) => {
    for (const [k, v] of Object.entries(q)) {
      if (k === '$and' && Array.isArray(v)) for (const x of v) if (isObject(x)) walk(x);
      if (k.startsWith('$') || k.includes('.')) continue;
      if (typeof v === 'string') tests.push((d) => d[k] === v);
      if (!isObject(v)) continue;
      for (const [op, bound] of Object.entries(v)) {
        if (typeof bound !== 'string') continue;
        if (op === '$gte') tests.push((d) => typeof d[k] === 'string' && (d[k] as string) >= bound);
        if (op === '$gt') tests.push((d) => typeof d[k] === 'string' && (d[k] as string) > bound);
        if (op === '$lt') tests.push((d) => typeof d[k] === 'string' && (d[k] as string) < bound);
        if (op === '$lte') tests.push((d) => typeof d[k] === 'string' && (d[k] as string) <= bound);
      }
    }
  };
  walk(query);
  return (doc) => tests.every((t) => t(doc));
}

/** The results of a pipeline over a collection's documents. */
export function runAggregate(collection: readonly Doc[], stages: readonly Stage[], h: AggregateHelpers): Doc[] {
  let docs: Doc[] = [...collection];
  let limited = false;
  for (const { stageKey, stageValue } of stages) {
    const arg = h.decode(stageValue);
    switch (stageKey) {
      case '$match': {
        // A cheap pre-test on the top-level string equalities and ranges (what an index narrows to), then
        // the full matcher on the survivors: the same documents, faster over the bench's 1 M.
        const pass = preTest(arg as Doc);
        docs = docs.filter((d) => pass(d) && h.matches(d, arg as Doc));
        break;
      }
      case '$group':
        docs = group(docs, arg as Doc, h);
        break;
      case '$sort': {
        const order = Object.entries(arg as Record<string, number>);
        docs = [...docs].sort((a, b) => {
          for (const [field, dir] of order) {
            const c = compare(pathValue(a, field), pathValue(b, field));
            if (c !== 0) return dir < 0 ? -c : c;
          }
          return 0;
        });
        break;
      }
      case '$skip':
        docs = docs.slice(Number(arg));
        break;
      case '$limit':
        docs = docs.slice(0, Number(arg));
        limited = true;
        break;
      default:
        throw h.refuse(`fake CloudBase: aggregation stage ${stageKey} is not supported`);
    }
  }
  return limited ? docs : docs.slice(0, AGGREGATE_DEFAULT_LIMIT);
}
