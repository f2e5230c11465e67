/**
 * FAKE of the CloudBase platform edge, for offline tests only.
 *
 * A small HTTP server on 127.0.0.1 that answers the real @cloudbase/node-sdk when it is initialised
 * with `serviceUrl: loopback.serviceUrl`. It speaks the SDK's wire protocol (POST /admin with a JSON
 * body whose `action` names the call; canonical EJSON strings for queries, updates and documents)
 * well enough for our adapters:
 * - database.*: an in-memory document store per collection with MongoDB-like matching ($eq $ne $gt
 *   $gte $lt $lte $in $nin $exists $elemMatch $all $size, $and/$or/$nor, dotted paths, array
 *   fields match when any element matches), order/limit/offset, insert with duplicate `_id` →
 *   DATABASE_DUPLICATE_WRITE, update ($set $unset $inc $push; `updated` counts modified documents, as
 *   MongoDB's nModified), replace/upsert, remove, count, add/missing collections, and transactions
 *   (start/commit/abort; writes buffered per transaction, first writer wins, a commit after a
 *   concurrent write of the same document fails with DATABASE_TRANSACTION_CONFLICT);
 * - storage.*: upload metadata + PUT, temp URLs + GET, delete;
 * - wx.api: WeChat open-API passthrough, recorded and answered with canned JSON.
 * - wx.openApi: what wx-server-sdk 4.0.2 `cloud.openapi.*` and `cloud.getOpenData` send through
 *   @cloudbase/node-sdk 3.17.2 `callCompatibleWxOpenApi` (dist/wx/index.js): a multipart/form-data
 *   POST (action, apiName, envName…, and `requestData`: a protobuf `CommApiData`), answered with the
 *   raw bytes of a protobuf `CommOpenApiResp`, or with JSON `{code, message}` when CloudBase itself
 *   refuses (the SDK tells them apart by `content-type: application/json; charset=utf-8`,
 *   src/utils/tcbapirequester.ts `handleWxOpenApiData`). Message layouts are those of
 *   wx-server-sdk's src/protobuf/openapi.js (see wx-openapi-pb.ts); OPEN_API calls carry one
 *   key/value pair per top-level field, each value JSON (src/api/openapi/namespace/openapi.ts), and
 *   getOpenData is the SVRKIT call `ApiGetOpenDataByCloudId` (src/api/open/api/getOpenData.ts).
 * Every request is recorded (action + body) so tests can assert what the SDK sent.
 *
 * Strict where the platform is (the production path of DESIGN.md §9):
 * - the collections are exactly those of the deploy configuration (cloudfunctions/_deploy/resources.ts),
 *   created at start; any read or write of another collection answers DATABASE_COLLECTION_NOT_EXIST
 *   (code: https://docs.cloudbase.net/en/error-code/basic/DATABASE_COLLECTION_NOT_EXIST and the
 *   `e.code === 'DATABASE_COLLECTION_NOT_EXIST'` check of @cloudbase/node-sdk 2.0.0
 *   test/common/index.ts; message as the service words it: "[ResourceNotFound] Db or Table not
 *   exist. Please check your request, …");
 * - the unique indexes of that configuration are enforced (sparse ones skip documents without the
 *   field; `null` is a value, as in MongoDB): a duplicate answers DATABASE_DUPLICATE_WRITE with
 *   MongoDB's E11000 text naming the index;
 * - inside a transaction only single-document operations are accepted: the SDK marks each request
 *   with `queryType` 'DOC' (doc().get/set/update/remove) or 'WHERE' (where().get/update/remove,
 *   updateAndReturn), and sends `transactionId` with both (@cloudbase/database 1.4.3
 *   src/query.ts, src/document.ts); the platform refuses batch (where) operations in a transaction
 *   ("在事务中不支持批量操作(where 语句),只支持单记录操作(collection.doc, collection.add)",
 *   https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html);
 * - a query with `limit` over 1,000 is refused (the server-side ceiling; the SDK itself clamps to
 *   1,000, src/query.ts `param.limit = limit < 1000 ? limit : 1000`, so only a hand-made request
 *   gets there).
 * Every filtered query is also logged process-wide (`observedQueries`) with its collection, fields
 * and order, so a test can check that the deploy configuration has an index for it.
 *
 * It is not CloudBase: error texts of the refusals above other than the missing collection, index
 * use and transaction isolation are approximations. Unsupported operators or actions answer with an
 * error so gaps show up loudly.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { declaredCollections, type IndexDeclaration } from '../../cloudfunctions/_deploy/resources';
import { runAggregate, type Stage } from './cloudbase-aggregate';
import { decodeCommApiData, decodeGetOpenDataReq, encodeCommOpenApiResp, encodeGetOpenDataResp, parseMultipart, type OpenDataItem } from './wx-openapi-pb';

export type Doc = Record<string, unknown>;

export interface RecordedRequest {
  action: string;
  /** The JSON body as sent (EJSON fields such as `query`, `data`, `order` are still strings). */
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  /** The CloudBase error code answered, if the request failed. */
  error?: string;
  /** performance.now() when the server had read the whole request, and when it wrote the answer. */
  startedAt?: number;
  endedAt?: number;
}

export interface WxCall {
  apiName: string;
  requestData: unknown;
  /** The CloudBase action that carried it: `wx.api` (JSON passthrough) or `wx.openApi` (protobuf, wx-server-sdk). */
  via?: 'wx.api' | 'wx.openApi';
}

/** A binary open-API answer (e.g. wxacode.getUnlimited's image). */
export interface WxBinaryAnswer {
  contentType: string;
  buffer: Buffer;
}

class CloudbaseFault extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/* ------------------------------------------------------------------ EJSON */

/**
 * EJSON `{ $regularExpression: { pattern, options } }` (what @cloudbase/database 1.4.3 sends for a JS
 * RegExp or db.RegExp, serializer/query.js encodeRegExp) as a JS RegExp: a query value that a string
 * field matches when the pattern finds it (MongoDB's implicit $regex). Options i, m, s as MongoDB's;
 * others (x, u) are refused loudly.
 */
function regexOf(inner: unknown): RegExp {
  const spec = inner as { pattern?: unknown; options?: unknown };
  const options = typeof spec?.options === 'string' ? spec.options : '';
  if (typeof spec?.pattern !== 'string' || /[^ims]/.test(options)) {
    throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: regular expression ${JSON.stringify(inner)} is not supported`);
  }
  return new RegExp(spec.pattern, options);
}

/** Canonical EJSON (what the SDK sends: `{"$numberInt":"3"}` …) to plain values. */
export function decodeEjson(text: string): unknown {
  return fromEjson(JSON.parse(text));
}

function fromEjson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromEjson);
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const key = keys[0] as string;
    const inner = value[key];
    switch (key) {
      case '$numberInt':
      case '$numberLong':
        return Number(inner);
      case '$numberDouble':
        return inner === 'Infinity' ? Infinity : inner === '-Infinity' ? -Infinity : Number(inner);
      case '$regularExpression':
        return regexOf(inner);
      case '$date':
      case '$oid':
      case '$binary':
        throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: EJSON type ${key} is not supported`);
    }
  }
  const out: Doc = {};
  for (const [k, v] of Object.entries(value)) out[k] = fromEjson(v);
  return out;
}

/* ------------------------------------------------------------ matching */

function isObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MISSING = Symbol('missing');
type Value = unknown;

/** Values reached by a dotted path, expanding arrays on the way (MongoDB semantics). */
function collect(value: Value, parts: string[]): Value[] {
  if (parts.length === 0) return [value];
  if (Array.isArray(value)) {
    const [head, ...rest] = parts;
    if (head !== undefined && /^\d+$/.test(head)) return collect(value[Number(head)] ?? MISSING, rest);
    return value.flatMap((el) => (isObject(el) || Array.isArray(el) ? collect(el, parts) : []));
  }
  if (isObject(value)) {
    const [head, ...rest] = parts as [string, ...string[]];
    return head in value ? collect(value[head], rest) : [MISSING];
  }
  return [MISSING];
}

/** Candidates for comparison: each value, and the elements of array values. */
function candidates(doc: Doc, path: string): Value[] {
  return collect(doc, path.split('.')).flatMap((v) => (Array.isArray(v) ? [v, ...v] : [v]));
}

function typeRank(v: Value): number {
  if (v === MISSING || v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'object') return 4;
  if (typeof v === 'boolean') return 8;
  return 9;
}

/** Sort order across types (BSON order), then within a type. */
function compareForSort(a: Value, b: Value): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const ja = JSON.stringify(a) ?? '';
  const jb = JSON.stringify(b) ?? '';
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/** Range comparison only within one type, as MongoDB's type bracketing. */
function compareSameType(a: Value, b: Value): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return null;
}

function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual(a[k], b[k]));
  }
  return false;
}

function equalsAny(cands: Value[], target: Value): boolean {
  if (target === null) return cands.some((c) => c === null || c === MISSING);
  return cands.some((c) => c !== MISSING && deepEqual(c, target));
}

const LOGICAL = new Set(['$and', '$or', '$nor']);

/** `{ $gt: 1, $lt: 5 }`: conditions on a value (logical operators make a query document instead). */
function isOperatorObject(value: Value): value is Doc {
  const keys = isObject(value) ? Object.keys(value) : [];
  return keys.length > 0 && keys.every((k) => k.startsWith('$') && !LOGICAL.has(k));
}

function applyOperator(op: string, arg: Value, doc: Doc, path: string): boolean {
  const cands = candidates(doc, path);
  switch (op) {
    case '$eq':
      return equalsAny(cands, arg);
    case '$ne':
      return !equalsAny(cands, arg);
    case '$in':
      return asList(op, arg).some((t) => equalsAny(cands, t));
    case '$nin':
      return !asList(op, arg).some((t) => equalsAny(cands, t));
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return cands.some((c) => {
        const cmp = compareSameType(c, arg);
        if (cmp === null) return false;
        return op === '$gt' ? cmp > 0 : op === '$gte' ? cmp >= 0 : op === '$lt' ? cmp < 0 : cmp <= 0;
      });
    case '$exists': {
      const present = collect(doc, path.split('.')).some((v) => v !== MISSING);
      return arg ? present : !present;
    }
    case '$size':
      return collect(doc, path.split('.')).some((v) => Array.isArray(v) && v.length === arg);
    case '$all':
      return asList(op, arg).every((t) => equalsAny(cands, t));
    case '$elemMatch':
      return collect(doc, path.split('.')).some(
        (v) => Array.isArray(v) && v.some((el) => (isOperatorObject(arg) ? matchesValue(el, arg) : isObject(el) && matches(el, arg as Doc))),
      );
    default:
      throw new CloudbaseFault('DATABASE_INVALID_OPERRATOR', `fake CloudBase: query operator ${op} is not supported`);
  }
}

/** `$elemMatch: { $gte: 1 }` on scalar elements. */
function matchesValue(value: Value, ops: Doc): boolean {
  return matches({ v: value }, { v: ops });
}

function asList(op: string, arg: Value): Value[] {
  if (!Array.isArray(arg)) throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: ${op} needs an array`);
  return arg;
}

export function matches(doc: Doc, query: Doc): boolean {
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and') {
      if (!asList(key, cond).every((q) => matches(doc, q as Doc))) return false;
    } else if (key === '$or') {
      if (!asList(key, cond).some((q) => matches(doc, q as Doc))) return false;
    } else if (key === '$nor') {
      if (asList(key, cond).some((q) => matches(doc, q as Doc))) return false;
    } else if (key.startsWith('$')) {
      throw new CloudbaseFault('DATABASE_INVALID_OPERRATOR', `fake CloudBase: top-level ${key} is not supported`);
    } else if (cond instanceof RegExp) {
      if (!candidates(doc, key).some((c) => typeof c === 'string' && cond.test(c))) return false;
    } else if (isOperatorObject(cond)) {
      for (const [op, arg] of Object.entries(cond)) if (!applyOperator(op, arg, doc, key)) return false;
    } else if (!equalsAny(candidates(doc, key), cond)) {
      return false;
    }
  }
  return true;
}

function sortKey(doc: Doc, path: string): Value {
  const [first] = collect(doc, path.split('.'));
  return first === undefined ? MISSING : first;
}

/* ------------------------------------------------------------- updates */

function clone<T>(value: T): T {
  return structuredClone(value);
}

function setPath(doc: Doc, path: string, value: Value): void {
  const parts = path.split('.');
  let node: Doc = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const next = node[part];
    if (next === undefined) {
      node[part] = {};
    } else if (!isObject(next)) {
      // MongoDB: "Cannot create field 'x' in element {y: null}".
      throw new CloudbaseFault('DATABASE_REQUEST_FAILED', `Cannot create field '${parts[i + 1]}' in element {${part}: ${JSON.stringify(next)}}`);
    }
    node = node[part] as Doc;
  }
  node[parts[parts.length - 1] as string] = clone(value);
}

function unsetPath(doc: Doc, path: string): void {
  const parts = path.split('.');
  let node: Value = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    if (!isObject(node)) return;
    node = node[parts[i] as string];
  }
  if (isObject(node)) delete node[parts[parts.length - 1] as string];
}

function applyUpdate(doc: Doc, update: Doc): Doc {
  const next = clone(doc);
  for (const [op, fields] of Object.entries(update)) {
    if (!isObject(fields)) throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: ${op} needs an object`);
    for (const [path, value] of Object.entries(fields)) {
      if (path === '_id' || path.startsWith('_id.')) throw new CloudbaseFault('INVALID_PARAM', '不能更新_id的值');
      switch (op) {
        case '$set':
          setPath(next, path, value);
          break;
        case '$unset':
          unsetPath(next, path);
          break;
        case '$inc': {
          const current = collect(next, path.split('.'))[0];
          if (current !== MISSING && typeof current !== 'number') throw new CloudbaseFault('DATABASE_REQUEST_FAILED', `Cannot apply $inc to a non-numeric value at ${path}`);
          setPath(next, path, (current === MISSING ? 0 : (current as number)) + (value as number));
          break;
        }
        case '$push': {
          // _.push([…]) sends {$push: {field: {$each: […]}}} (@cloudbase/database 1.4.3 dist/commonjs/serializer/update.js); MongoDB creates a missing array.
          const current = collect(next, path.split('.'))[0];
          if (current !== MISSING && !Array.isArray(current)) throw new CloudbaseFault('DATABASE_REQUEST_FAILED', `The field '${path}' must be an array`);
          const each = isObject(value) && Array.isArray(value.$each) ? value.$each : [value];
          setPath(next, path, [...((current === MISSING ? [] : current) as Value[]), ...each]);
          break;
        }
        default:
          throw new CloudbaseFault('DATABASE_INVALID_OPERRATOR', `fake CloudBase: update operator ${op} is not supported`);
      }
    }
  }
  return next;
}

/* ------------------------------------------------------------ database */

interface Transaction {
  id: string;
  /** Buffered writes: document or null (removed), keyed by collection + id. */
  writes: Map<string, { collection: string; id: string; doc: Doc | null }>;
  /** Revision of each touched document when the transaction first wrote it. */
  baseRevs: Map<string, number>;
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;

/** A unique index as the fake enforces it. */
interface UniqueIndex {
  name: string;
  fields: string[];
  sparse: boolean;
}

/** The key of `doc` in a unique index, or null when a sparse index leaves the document out. */
function uniqueKey(doc: Doc, index: UniqueIndex): string | null {
  const values = index.fields.map((f) => collect(doc, f.split('.'))[0]);
  if (index.sparse && values.every((v) => v === MISSING || v === undefined)) return null;
  return JSON.stringify(values.map((v) => (v === MISSING || v === undefined ? null : v)));
}

class FakeDatabase {
  readonly collections = new Map<string, Map<string, Doc>>();
  readonly uniqueIndexes = new Map<string, UniqueIndex[]>();
  private readonly revs = new Map<string, number>();
  private readonly txs = new Map<string, Transaction>();
  private counter = 0;

  /** Creates the declared collections and their unique indexes. */
  constructor(declared: ReadonlyArray<{ name: string; indexes: readonly IndexDeclaration[] }>) {
    for (const c of declared) {
      this.collections.set(c.name, new Map());
      this.uniqueIndexes.set(
        c.name,
        c.indexes.filter((i) => i.unique).map((i) => ({ name: i.name, fields: i.keys.map(([f]) => f), sparse: i.sparse === true })),
      );
    }
  }

  /**
   * Refuses `doc` (to be stored as `id`) when another document of `visible` holds the same key in a
   * unique index, as MongoDB's E11000 does.
   */
  checkUnique(name: string, id: string, doc: Doc, visible: Doc[]): void {
    for (const index of this.uniqueIndexes.get(name) ?? []) {
      const k = uniqueKey(doc, index);
      if (k === null) continue;
      if (visible.some((other) => String(other._id) !== id && uniqueKey(other, index) === k)) {
        const shown = index.fields.map((f, i) => `${f}: ${JSON.stringify((JSON.parse(k) as unknown[])[i])}`).join(', ');
        throw new CloudbaseFault('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${name} index: ${index.name} dup key: { ${shown} }`);
      }
    }
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(16).padStart(8, '0')}`;
  }

  createCollection(name: string): void {
    if (this.collections.has(name)) throw new CloudbaseFault('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    this.collections.set(name, new Map());
  }

  collection(name: string): Map<string, Doc> {
    const coll = this.collections.get(name);
    if (!coll) {
      throw new CloudbaseFault(
        'DATABASE_COLLECTION_NOT_EXIST',
        `[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us. (collection: ${name})`,
      );
    }
    return coll;
  }

  tx(id: unknown): Transaction | undefined {
    if (id === undefined || id === null || id === '') return undefined;
    const tx = this.txs.get(String(id));
    if (!tx) throw new CloudbaseFault('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} is not active`);
    return tx;
  }

  /** Documents of a collection as the transaction (if any) sees them, in insertion order. */
  view(name: string, tx: Transaction | undefined): Doc[] {
    const base = this.collection(name);
    if (!tx) return [...base.values()];
    const out: Doc[] = [];
    for (const [id, doc] of base) {
      const w = tx.writes.get(key(name, id));
      if (!w) out.push(doc);
      else if (w.doc) out.push(w.doc);
    }
    for (const w of tx.writes.values()) {
      if (w.collection === name && w.doc && !base.has(w.id)) out.push(w.doc);
    }
    return out;
  }

  write(name: string, id: string, doc: Doc | null, tx: Transaction | undefined): void {
    const k = key(name, id);
    const base = this.collection(name);
    if (doc) this.checkUnique(name, id, doc, this.view(name, tx));
    if (!tx) {
      if (doc) base.set(id, doc);
      else base.delete(id);
      this.revs.set(k, (this.revs.get(k) ?? 0) + 1);
      return;
    }
    for (const other of this.txs.values()) {
      if (other !== tx && other.writes.has(k)) {
        throw new CloudbaseFault('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${name}/${id}`);
      }
    }
    if (!tx.baseRevs.has(k)) tx.baseRevs.set(k, this.revs.get(k) ?? 0);
    tx.writes.set(k, { collection: name, id, doc });
  }

  /**
   * A document read in a transaction (doc().get): its revision then is the one the commit checks,
   * so a write of it by anyone else after the read fails the commit with DATABASE_TRANSACTION_CONFLICT
   * — what MongoDB's snapshot isolation does for a document the transaction reads and then writes
   * (a write conflict with a change made after the transaction's snapshot).
   */
  noteRead(tx: Transaction, name: string, id: string): void {
    const k = key(name, id);
    if (!tx.baseRevs.has(k) && !tx.writes.has(k)) tx.baseRevs.set(k, this.revs.get(k) ?? 0);
  }

  start(): string {
    const id = this.nextId('tx-');
    this.txs.set(id, { id, writes: new Map(), baseRevs: new Map() });
    return id;
  }

  commit(id: string): void {
    const tx = this.tx(id) as Transaction;
    this.txs.delete(id);
    for (const [k, rev] of tx.baseRevs) {
      if ((this.revs.get(k) ?? 0) !== rev) throw new CloudbaseFault('DATABASE_TRANSACTION_CONFLICT', 'document changed outside the transaction');
    }
    // All or nothing: every buffered document against the committed state as this transaction
    // leaves it (MongoDB checks unique keys against the transaction's own writes, so a transaction
    // may move a unique value from one document to another), then apply.
    for (const w of tx.writes.values()) {
      if (w.doc) this.checkUnique(w.collection, w.id, w.doc, this.view(w.collection, tx));
    }
    for (const w of tx.writes.values()) {
      const base = this.collection(w.collection);
      if (w.doc) base.set(w.id, w.doc);
      else base.delete(w.id);
      const k = key(w.collection, w.id);
      this.revs.set(k, (this.revs.get(k) ?? 0) + 1);
    }
  }

  abort(id: string): void {
    this.tx(id);
    this.txs.delete(id);
  }

  /** Drops every open transaction (what their lifetime limit does on the server); answers how many. */
  abortAll(): number {
    const open = this.txs.size;
    this.txs.clear();
    return open;
  }
}

/* -------------------------------------------------------------- server */

/** Actions on the documents of one collection (`collectionName` in the body). */
const DOCUMENT_ACTIONS = new Set([
  'database.insertDocument',
  'database.getDocument',
  'database.calculateDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.aggregateDocuments',
]);

/** CloudBase's server-side page ceiling (TOOLCHAIN.md "Platform limits"). */
const MAX_LIMIT = 1000;

function hasTransaction(body: Record<string, unknown>): boolean {
  return body.transactionId !== undefined && body.transactionId !== null && body.transactionId !== '';
}

export interface LoopbackOptions {
  env?: string;
}

/** A filtered or ordered query the SDK sent (outside the `_id` lookups of doc()). */
export interface ObservedQuery {
  action: string;
  collection: string;
  /** Field paths the filter names (through $and/$or/$nor; `$elemMatch` keys as `field.key`). */
  fields: string[];
  /** orderBy fields, in order. */
  order: string[];
  /** The decoded filter. */
  query: Doc;
}

/** Every query any loopback of this process answered (tests compare them with the declared indexes). */
export const observedQueries: ObservedQuery[] = [];

/** The field paths a query document names. */
export function queryFields(query: Doc, prefix = ''): string[] {
  const out = new Set<string>();
  for (const [k, cond] of Object.entries(query)) {
    if (LOGICAL.has(k)) {
      for (const q of asList(k, cond)) for (const f of queryFields(q as Doc, prefix)) out.add(f);
      continue;
    }
    if (k.startsWith('$')) continue;
    const path = `${prefix}${k}`;
    out.add(path);
    if (isObject(cond) && isObject(cond.$elemMatch)) {
      for (const f of queryFields(cond.$elemMatch, `${path}.`)) out.add(f);
    }
  }
  return [...out];
}

type WxHandler = (requestData: unknown) => unknown;

const DEFAULT_WX_ANSWERS: Record<string, WxHandler> = {
  'security.msgSecCheck': () => ({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: 'fake-trace' }),
  'security.mediaCheckAsync': () => ({ errcode: 0, errmsg: 'ok', trace_id: 'fake-media-trace' }),
  'subscribeMessage.send': () => ({ errcode: 0, errmsg: 'ok', msgid: 1 }),
  // A tiny JPEG-looking answer; the real one is the mini-program code image.
  'wxacode.getUnlimited': (): WxBinaryAnswer => ({ contentType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) }),
};

export class CloudbaseLoopback {
  readonly requests: RecordedRequest[] = [];
  readonly wxCalls: WxCall[] = [];
  /** Stored files by fileID. */
  readonly files = new Map<string, Buffer>();
  private readonly db: FakeDatabase;
  private readonly wxHandlers = new Map<string, WxHandler>(Object.entries(DEFAULT_WX_ANSWERS));
  /** getOpenData: CloudID → the JSON the platform answers for it (e.g. `{cloudID, data: {openGId}}`). */
  readonly openData = new Map<string, string>();
  private readonly faults = new Map<string, CloudbaseFault[]>();
  private readonly uploads = new Map<string, string>();
  private origin = '';
  private previousTencentCloud: string | undefined;
  /** Answers wait this long (ms) before they are written: a stand-in for the network round trip. */
  latencyMs = 0;
  /**
   * Milliseconds this fake spent answering: running each request on its documents (a 1 M-ticket
   * scan included) and writing the answer, not the latencyMs wait. It shares the process with the
   * function in the bench, which splits a call's wall time with it (test/bench/cloudbase-facts.ts).
   */
  busyMs = 0;
  /** Requests (POST /admin) counted since the last `failAt`. */
  private requestCounter = 0;
  private failRule: { from: number; through: number; code: string; message: string } | null = null;

  private constructor(
    private readonly server: http.Server,
    readonly env: string,
  ) {
    // Exactly what `npm run deploy` creates: the same declaration file.
    this.db = new FakeDatabase(declaredCollections());
  }

  static async start(options: LoopbackOptions = {}): Promise<CloudbaseLoopback> {
    const server = http.createServer();
    const loopback = new CloudbaseLoopback(server, options.env ?? 'fake-env-1a2b3c');
    server.on('request', (req, res) => loopback.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    loopback.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Without this the SDK probes metadata.tencentyun.com before every request to learn whether it
    // runs inside Tencent Cloud; the answer only changes URLs that serviceUrl overrides anyway.
    loopback.previousTencentCloud = process.env.TENCENTCLOUD;
    process.env.TENCENTCLOUD = 'true';
    // The SDK arms a 3 s "[TCB][WARN] … longer than 3s" timer per database request and clears it only
    // when an answer arrives (@cloudbase/node-sdk dist/utils/tcbapirequester.js: setSlowWarning, cleared
    // in request().then): a request cut off by close() logs after its test file ended, which jest
    // counts as a failure ("Cannot log after tests are done"). SILENCE=true is the SDK's own switch.
    // Left set after close(): a request a test left running must not arm the timer either.
    process.env.SILENCE = 'true';
    return loopback;
  }

  get serviceUrl(): string {
    return `${this.origin}/admin`;
  }

  /** Options for loadCloudbase()/tcb.init(): any non-empty keys work, nothing checks the signature. */
  sdkOptions(): { env: string; serviceUrl: string; secretId: string; secretKey: string } {
    return { env: this.env, serviceUrl: this.serviceUrl, secretId: 'fake-secret-id', secretKey: 'fake-secret-key' };
  }

  async close(): Promise<void> {
    if (this.previousTencentCloud === undefined) delete process.env.TENCENTCLOUD;
    else process.env.TENCENTCLOUD = this.previousTencentCloud;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /* ---- test helpers */

  actions(): string[] {
    return this.requests.map((r) => r.action);
  }

  requestsFor(action: string): RecordedRequest[] {
    return this.requests.filter((r) => r.action === action);
  }

  clearRequests(): void {
    this.requests.length = 0;
    this.wxCalls.length = 0;
  }

  /**
   * Set-up only (the bench's 1 M tickets): documents stored straight into a collection's memory,
   * with no request, no unique-index check and no transaction; answers how many the collection holds.
   */
  seedUnchecked(collection: string, docs: Iterable<Doc>): number {
    const coll = this.db.collection(collection);
    for (const doc of docs) coll.set(String(doc._id), doc);
    return coll.size;
  }

  /** Names of the collections that exist. */
  collectionNames(): string[] {
    return [...this.db.collections.keys()];
  }

  /** Committed documents of a collection (copies), in insertion order. */
  docs(collection: string): Doc[] {
    return [...(this.db.collections.get(collection)?.values() ?? [])].map(clone);
  }

  /** Stores documents as they are (the collection must exist; unique indexes apply). */
  seed(collection: string, docs: Doc[]): void {
    for (const doc of docs) this.db.write(collection, String(doc._id), clone(doc), undefined);
  }

  /** Answer this open API with `handler(requestData)` (JSON) from now on. */
  answerWx(apiName: string, handler: WxHandler): void {
    this.wxHandlers.set(apiName, handler);
  }

  /** The next request with this action fails with this CloudBase error code. */
  failNext(action: string, code: string, message = 'injected failure'): void {
    const list = this.faults.get(action) ?? [];
    list.push(new CloudbaseFault(code, message));
    this.faults.set(action, list);
  }

  /**
   * Fault injection by position: the `n`th request (POST /admin, any action) from now on fails with
   * `code`; with `crash: true` it and every later one fail, as if the function had died there (the
   * writes it had not committed are never committed). `clearFaults()` ends it.
   */
  failAt(n: number, options: { code?: string; message?: string; crash?: boolean } = {}): void {
    this.requestCounter = 0;
    this.failRule = { from: n, through: options.crash ? Number.POSITIVE_INFINITY : n, code: options.code ?? 'SYS_ERR', message: options.message ?? `injected failure at request ${n}` };
  }

  clearFaults(): void {
    this.failRule = null;
    this.faults.clear();
  }

  /**
   * Aborts the transactions nobody committed or aborted (a function that died holding one): on the
   * server they end at their lifetime limit (MongoDB's transactionLifetimeLimitSeconds, 60 s by
   * default), and until then their writes block other writers of the same documents.
   */
  expireOpenTransactions(): number {
    return this.db.abortAll();
  }

  /* ---- HTTP */

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const began = performance.now();
      try {
        this.answer(req, res, Buffer.concat(chunks));
      } finally {
        this.busyMs += performance.now() - began;
      }
    });
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): void {
    const url = new URL(req.url ?? '/', this.origin);
    let record: RecordedRequest | undefined;
    try {
      if (url.pathname.startsWith('/cos/')) return this.handleCos(req.method ?? 'GET', decodeURIComponent(url.pathname.slice(5)), raw, res);
      if (req.method !== 'POST' || url.pathname !== '/admin') return this.send(res, 404, { code: 'NOT_FOUND', message: `fake CloudBase: ${req.method} ${url.pathname}` });
      const contentType = String(req.headers['content-type'] ?? '');
      const body = contentType.startsWith('multipart/form-data') ? parseMultipart(raw, contentType) : (JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
      const action = String(body.action);
      record = { action, body, headers: req.headers, startedAt: performance.now() };
      this.requests.push(record);
      this.requestCounter += 1;
      const rule = this.failRule;
      if (rule && this.requestCounter >= rule.from && this.requestCounter <= rule.through) throw new CloudbaseFault(rule.code, rule.message);
      const fault = this.faults.get(action)?.shift();
      if (fault) throw fault;
      if (action === 'wx.openApi') {
        // Answered at once (no latencyMs): its time is the open API's, not the database's.
        this.handleOpenApi(body, res);
        record.endedAt = performance.now();
        return;
      }
      this.send(res, 200, { requestId: this.db.nextId('req-'), ...this.dispatch(action, body) }, record);
    } catch (error) {
      if (record && error instanceof CloudbaseFault) record.error = error.code;
      if (error instanceof CloudbaseFault) return this.send(res, 200, { code: error.code, message: error.message, requestId: this.db.nextId('req-') }, record);
      this.send(res, 500, { code: 'SYS_ERR', message: error instanceof Error ? error.message : String(error) }, record);
    }
  }

  private send(res: http.ServerResponse, status: number, body: unknown, record?: RecordedRequest): void {
    const write = () => {
      if (record) record.endedAt = performance.now();
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (this.latencyMs > 0 && record) {
      setTimeout(() => {
        const began = performance.now();
        write();
        this.busyMs += performance.now() - began;
      }, this.latencyMs);
    } else write();
  }

  /** wx.openApi (wx-server-sdk): decode the CommApiData, answer a CommOpenApiResp (raw bytes). */
  private handleOpenApi(body: Record<string, unknown>, res: http.ServerResponse): void {
    if (!Buffer.isBuffer(body.requestData)) throw new CloudbaseFault('INVALID_PARAM', 'fake CloudBase: wx.openApi without a requestData part');
    const call = decodeCommApiData(body.requestData);
    let resp: Buffer;
    if (call.apiType === 'SVRKIT_API') {
      const svrkit = call.svrkitData;
      if (svrkit?.apiName !== 'ApiGetOpenDataByCloudId') throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: svrkit API ${String(svrkit?.apiName)} is not supported`);
      const { cloudidList } = decodeGetOpenDataReq(svrkit.reqData);
      this.wxCalls.push({ apiName: 'getOpenData', requestData: { cloudidList }, via: 'wx.openApi' });
      const items: OpenDataItem[] = cloudidList.filter((id) => this.openData.has(id)).map((cloudId) => ({ cloudId, json: this.openData.get(cloudId) as string }));
      resp = encodeCommOpenApiResp({ respData: encodeGetOpenDataResp(items), contentType: 'application/octet-stream', errorCode: 0, httpCode: 200, svrkitErrorCode: 0 });
    } else if (call.apiType === 'OPEN_API') {
      const apiName = String(body.apiName);
      const requestData: Record<string, unknown> = {};
      for (const pair of call.pairs) {
        requestData[pair.key] = pair.contentType ? { contentType: pair.contentType, filename: pair.filename, value: pair.value } : JSON.parse(pair.value.toString('utf8'));
      }
      this.wxCalls.push({ apiName, requestData, via: 'wx.openApi' });
      const handler = this.wxHandlers.get(apiName);
      if (!handler) throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: no canned answer for open API ${apiName}`);
      const answer = handler(requestData);
      const binary = answer as Partial<WxBinaryAnswer> | null;
      resp =
        binary && Buffer.isBuffer(binary.buffer) && typeof binary.contentType === 'string'
          ? encodeCommOpenApiResp({ respData: binary.buffer, contentType: binary.contentType, errorCode: 0, httpCode: 200, svrkitErrorCode: 0 })
          : encodeCommOpenApiResp({ respData: Buffer.from(JSON.stringify(answer)), contentType: 'application/json; encoding=utf-8', errorCode: 0, httpCode: 200, svrkitErrorCode: 0 });
    } else {
      throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: wx.openApi apiType ${call.apiType} is not supported`);
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(resp);
  }

  private handleCos(method: string, path: string, raw: Buffer, res: http.ServerResponse): void {
    if (method === 'PUT') {
      const fileId = this.uploads.get(path);
      if (!fileId) return this.send(res, 403, { code: 'AccessDenied' });
      this.files.set(fileId, raw);
      res.writeHead(200);
      return void res.end();
    }
    const file = this.files.get(this.fileIdOf(path));
    if (!file) {
      res.writeHead(404, { 'content-type': 'application/xml' });
      return void res.end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>');
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(file);
  }

  private fileIdOf(path: string): string {
    return `cloud://${this.env}.fake-bucket/${path}`;
  }

  private dispatch(action: string, body: Record<string, unknown>): Record<string, unknown> {
    const db = this.db;
    const tx = () => db.tx(body.transactionId);
    const coll = () => String(body.collectionName);
    const query = (): Doc => (typeof body.query === 'string' && body.query !== '' ? (decodeEjson(body.query) as Doc) : {});
    if (DOCUMENT_ACTIONS.has(action)) {
      // Before anything else, as the service: the collection must exist.
      db.collection(coll());
      if (hasTransaction(body) && body.queryType !== 'DOC' && action !== 'database.insertDocument') {
        throw new CloudbaseFault(
          'DATABASE_TRANSACTION_FAIL',
          `fake CloudBase: ${action} with queryType ${String(body.queryType)} inside a transaction: only single-document operations (collection.doc, collection.add) are supported in a transaction`,
        );
      }
      if (body.limit !== undefined && Number(body.limit) > MAX_LIMIT) {
        throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: limit ${String(body.limit)} is over the server-side maximum of ${MAX_LIMIT}`);
      }
      if (body.queryType === 'WHERE' || action === 'database.calculateDocument') {
        const order = typeof body.order === 'string' ? Object.keys(decodeEjson(body.order) as Doc) : [];
        observedQueries.push({ action, collection: coll(), fields: queryFields(query()), order, query: query() });
      }
    }
    switch (action) {
      case 'database.addCollection':
        db.createCollection(coll());
        return {};
      case 'database.startTransaction':
        return { transactionId: db.start() };
      case 'database.commitTransaction':
        db.commit(String(body.transactionId));
        return {};
      case 'database.abortTransaction':
        db.abort(String(body.transactionId));
        return {};
      case 'database.insertDocument': {
        const t = tx();
        const ids: string[] = [];
        for (const item of body.data as string[]) {
          const doc = decodeEjson(item) as Doc;
          const id = doc._id === undefined ? db.nextId('fakeid') : String(doc._id);
          doc._id = id;
          if (db.view(coll(), t).some((d) => d._id === id)) {
            throw new CloudbaseFault('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll()} index: _id_ dup key: { _id: "${id}" }`);
          }
          db.write(coll(), id, doc, t);
          ids.push(id);
        }
        return { data: { insertedIds: ids } };
      }
      case 'database.getDocument': {
        // The filter decoded once, not once per document (the bench's 1 M documents).
        const filter = query();
        let docs = db.view(coll(), tx()).filter((d) => matches(d, filter));
        if (typeof body.order === 'string') {
          const order = Object.entries(decodeEjson(body.order) as Record<string, number>);
          docs = [...docs].sort((a, b) => {
            for (const [field, dir] of order) {
              const c = compareForSort(sortKey(a, field), sortKey(b, field));
              if (c !== 0) return dir < 0 ? -c : c;
            }
            return 0;
          });
        }
        const offset = Number(body.offset ?? 0);
        const limit = Number(body.limit ?? 100);
        const page = docs.slice(offset, offset + limit);
        const reading = tx();
        if (reading && body.queryType === 'DOC') for (const d of page) db.noteRead(reading, coll(), String(d._id));
        return { data: { list: page.map((d) => JSON.stringify(d)) }, limit, offset };
      }
      case 'database.calculateDocument':
        return { data: { total: db.view(coll(), tx()).filter((d) => matches(d, query())).length } };
      case 'database.aggregateDocuments': {
        // cloudbase-aggregate.ts; a $match is logged like a where() for the index check.
        const stages = body.stages as Stage[];
        for (const stage of stages) {
          if (stage.stageKey !== '$match') continue;
          const match = decodeEjson(stage.stageValue) as Doc;
          observedQueries.push({ action, collection: coll(), fields: queryFields(match), order: [], query: match });
        }
        const list = runAggregate(db.view(coll(), undefined), stages, { decode: decodeEjson, matches, refuse: (message) => new CloudbaseFault('INVALID_PARAM', message) });
        return { data: { list: list.map((d) => JSON.stringify(d)) } };
      }
      case 'database.modifyDocument': {
        const t = tx();
        const data = decodeEjson(String(body.data)) as Doc;
        const targets = db.view(coll(), t).filter((d) => matches(d, query()));
        const chosen = body.multi === true ? targets : targets.slice(0, 1);
        let updated = 0;
        for (const doc of chosen) {
          let next: Doc;
          if (body.merge === false) {
            if (Object.keys(data).some((k) => k.startsWith('$'))) throw new CloudbaseFault('INVALID_PARAM', 'replacement must not contain operators');
            next = { _id: doc._id, ...clone(data) };
          } else {
            next = applyUpdate(doc, data);
          }
          if (!deepEqual(doc, next)) {
            db.write(coll(), String(doc._id), next, t);
            updated += 1;
          }
        }
        if (chosen.length === 0 && body.upsert === true) {
          const q = query();
          const id = q._id === undefined ? db.nextId('fakeid') : String(q._id);
          db.write(coll(), id, { _id: id, ...(body.merge === false ? clone(data) : applyUpdate({}, data)) }, t);
          return { data: { updated: 0, upsert_id: id } };
        }
        return { data: { updated } };
      }
      case 'database.modifyAndReturnDoc': {
        // Query.updateAndReturn (@cloudbase/database 1.4.3 dist/commonjs/query.js): the first match
        // updated, answered as it is after the update (`doc`, EJSON); no upsert.
        const t = tx();
        const data = decodeEjson(String(body.data)) as Doc;
        const target = db.view(coll(), t).find((d) => matches(d, query()));
        if (!target) return { data: { updated: 0, doc: null } };
        const next = applyUpdate(target, data);
        db.write(coll(), String(target._id), next, t);
        return { data: { updated: 1, doc: JSON.stringify(next) } };
      }
      case 'database.removeDocument': {
        const t = tx();
        const targets = db.view(coll(), t).filter((d) => matches(d, query()));
        const chosen = body.multi === false ? targets.slice(0, 1) : targets;
        for (const doc of chosen) db.write(coll(), String(doc._id), null, t);
        return { data: { deleted: chosen.length } };
      }
      case 'storage.getUploadMetadata': {
        const path = String(body.path);
        const fileId = this.fileIdOf(path);
        this.uploads.set(path, fileId);
        return { data: { url: `${this.origin}/cos/${path}`, token: 'fake-token', authorization: 'fake-authorization', fileId, cosFileId: db.nextId('cos-') } };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = body.file_list as Array<{ fileid: string; max_age?: number }>;
        const prefix = `cloud://${this.env}.fake-bucket/`;
        return {
          data: {
            download_list: list.map(({ fileid, max_age }) =>
              this.files.has(fileid)
                ? { code: 'SUCCESS', fileID: fileid, tempFileURL: `${this.origin}/cos/${fileid.slice(prefix.length)}?sign=fake&t=${max_age ?? 0}` }
                : { code: 'STORAGE_FILE_NONEXIST', fileID: fileid, tempFileURL: '' },
            ),
          },
        };
      }
      case 'storage.batchDeleteFile': {
        const list = body.fileid_list as string[];
        return { data: { delete_list: list.map((fileID) => ({ fileID, code: this.files.delete(fileID) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' })) } };
      }
      case 'wx.api': {
        const apiName = String(body.apiName);
        const requestData: unknown = typeof body.requestData === 'string' && body.requestData !== '' ? JSON.parse(body.requestData) : null;
        this.wxCalls.push({ apiName, requestData });
        const handler = this.wxHandlers.get(apiName);
        if (!handler) throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: no canned answer for open API ${apiName}`);
        return { data: { responseData: JSON.stringify(handler(requestData)) } };
      }
      default:
        throw new CloudbaseFault('INVALID_PARAM', `fake CloudBase: action ${action} is not supported`);
    }
  }
}
