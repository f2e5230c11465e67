/**
 * The part of @cloudbase/node-sdk 3.18 the adapters use, typed here because the SDK types
 * `database()` loosely (`any` transactions, `Promise<any>` results). Shapes follow the SDK's source
 * (@cloudbase/database/src/{collection,query,document,transaction}.ts).
 *
 * The SDK is required lazily: `require('@cloudbase/node-sdk')` costs about 370 ms, which a cold
 * start should pay only when a function actually touches the platform.
 */

export type DocData = Record<string, unknown>;

/** Opaque values built by `db.command` (query operators and update operators). */
export interface CbQueryCommand {
  readonly __queryCommand?: never;
}
export interface CbUpdateCommand {
  readonly __updateCommand?: never;
}

export interface CbCommand {
  eq(value: unknown): CbQueryCommand;
  neq(value: unknown): CbQueryCommand;
  gt(value: unknown): CbQueryCommand;
  gte(value: unknown): CbQueryCommand;
  lt(value: unknown): CbQueryCommand;
  lte(value: unknown): CbQueryCommand;
  in(values: readonly unknown[]): CbQueryCommand;
  nin(values: readonly unknown[]): CbQueryCommand;
  elemMatch(condition: DocData): CbQueryCommand;
  /** `_.and([a, b])` → `{ $and: [a, b] }`. */
  and(conditions: ReadonlyArray<DocData | CbQueryCommand>): CbQueryCommand;
  or(conditions: ReadonlyArray<DocData | CbQueryCommand>): CbQueryCommand;
  set(value: unknown): CbUpdateCommand;
  remove(): CbUpdateCommand;
  inc(by: number): CbUpdateCommand;
}

export interface CbQuery {
  where(query: DocData | CbQueryCommand): CbQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery;
  /** The SDK sends at most 1000 (and 100 when unset or 0). */
  limit(n: number): CbQuery;
  skip(n: number): CbQuery;
  get(): Promise<{ data: DocData[] }>;
  /** Runs outside any transaction (the SDK does not pass transactionId). */
  count(): Promise<{ total: number }>;
  /** One database.modifyDocument (multi, merge); outside any transaction. */
  update(data: DocData): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}

export interface CbDocument {
  /** Outside a transaction: `data` is a list (0 or 1 document). */
  get(): Promise<{ data: DocData[] }>;
  /** Replace (upsert): modifyDocument with merge=false, upsert=true. */
  set(data: DocData): Promise<{ updated: number; upsertedId?: string }>;
  update(data: DocData): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}

export interface CbCollection extends CbQuery {
  doc(id: string): CbDocument;
  /** A single document or a batch (one database.insertDocument request). */
  add(data: DocData | DocData[]): Promise<{ id?: string; ids?: string[] }>;
}

export interface CbTxDocument {
  /** Inside a transaction: `data` is the document or null. */
  get(): Promise<{ data: DocData | null }>;
  set(data: DocData): Promise<{ updated: number }>;
  update(data: DocData): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}

export interface CbTxCollection {
  doc(id: string): CbTxDocument;
  add(data: DocData): Promise<{ id?: string }>;
}

export interface CbTransaction {
  collection(name: string): CbTxCollection;
}

export interface CbDatabase {
  command: CbCommand;
  collection(name: string): CbCollection;
  /** database.addCollection. */
  createCollection(name: string): Promise<unknown>;
  /**
   * start → callback → commit; rolls back when the callback throws and re-runs the callback (up to
   * `times`) when CloudBase answers DATABASE_TRANSACTION_CONFLICT.
   */
  runTransaction<T>(callback: (tx: CbTransaction) => Promise<T>, times?: number): Promise<T>;
}

export interface CbFileUrl {
  code: string;
  fileID: string;
  tempFileURL: string;
}

export interface CloudbaseApp {
  database(): CbDatabase;
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(options: { fileID: string }): Promise<{ fileContent?: Buffer }>;
  getTempFileURL(options: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: CbFileUrl[] }>;
  deleteFile(options: { fileList: string[] }): Promise<{ fileList: Array<{ code: string; fileID: string }> }>;
  /** The fileID a cloudPath will have (node-sdk src/storage/index.ts getUploadMetadata: `storage.getUploadMetadata`). */
  getUploadMetadata(options: { cloudPath: string }): Promise<{ data: { fileId: string } }>;
}

/** The module surface of @cloudbase/node-sdk that this file touches. */
interface TcbModule {
  SYMBOL_CURRENT_ENV: symbol;
  init(config: Record<string, unknown>): unknown;
  getCloudbaseContext(context?: unknown): Record<string, unknown>;
}

let tcbModule: TcbModule | null = null;

/** Requires the SDK on first use (≈370 ms), then reuses it. */
export function requireTcb(): TcbModule {
  if (!tcbModule) {
    // Lazy on purpose: see the file comment. esbuild bundles this require like any other.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    tcbModule = require('@cloudbase/node-sdk') as TcbModule;
  }
  return tcbModule;
}

export interface LoadCloudbaseOptions {
  /** Environment id; default: env TCB_ENV, else the function's own environment (SYMBOL_CURRENT_ENV). */
  env?: string;
  /** Tests only: send every request to this URL (e.g. the loopback server's `/admin`). */
  serviceUrl?: string;
  secretId?: string;
  secretKey?: string;
  /** Per-request timeout in ms (the SDK's default is 15 s; a function's own limit is shorter). */
  timeout?: number;
}

let defaultApp: CloudbaseApp | null = null;

/**
 * The initialised CloudBase app. Without options (production) the app is created once and reused
 * across invocations of a warm function; with options a fresh app is returned (tests).
 */
export function loadCloudbase(options?: LoadCloudbaseOptions): CloudbaseApp {
  if (!options && defaultApp) return defaultApp;
  const tcb = requireTcb();
  const opts = options ?? {};
  const config: Record<string, unknown> = { env: opts.env ?? process.env.TCB_ENV ?? tcb.SYMBOL_CURRENT_ENV };
  if (opts.serviceUrl !== undefined) config.serviceUrl = opts.serviceUrl;
  if (opts.secretId !== undefined) config.secretId = opts.secretId;
  if (opts.secretKey !== undefined) config.secretKey = opts.secretKey;
  if (opts.timeout !== undefined) config.timeout = opts.timeout;
  const app = tcb.init(config) as CloudbaseApp;
  if (!options) defaultApp = app;
  return app;
}

/** An error as the SDK throws it (TcbError: `code` is CloudBase's string code). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : code === undefined ? undefined : String(code);
  }
  return undefined;
}

function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

/**
 * A unique-key violation on insert. CloudBase documents DATABASE_DUPLICATE_WRITE; some gateways wrap
 * MongoDB's own E11000 text in DATABASE_REQUEST_FAILED, so that exact marker counts too.
 */
export function isDuplicateWrite(error: unknown): boolean {
  const code = errorCode(error);
  if (code === 'DATABASE_DUPLICATE_WRITE' || code === '11000') return true;
  return /\bE11000 duplicate key error\b/.test(errorMessage(error));
}

export function isTransactionConflict(error: unknown): boolean {
  return errorCode(error) === 'DATABASE_TRANSACTION_CONFLICT';
}

export function isCollectionAlreadyExists(error: unknown): boolean {
  return errorCode(error) === 'DATABASE_COLLECTION_ALREADY_EXIST';
}

const TRANSACTION_ATTEMPTS = 8;

/**
 * Runs `work` in one transaction. On DATABASE_TRANSACTION_CONFLICT (another transaction holds a
 * document this one writes: e.g. two double-tapped submits with one idempotency key) it waits a
 * little, with jitter, and runs the whole transaction again; the SDK's own retry does not wait.
 */
export async function inTransaction<T>(db: CbDatabase, work: (tx: CbTransaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // times = 0: the SDK rolls back and rethrows instead of retrying at once.
      return await db.runTransaction(work, 0);
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= TRANSACTION_ATTEMPTS) throw error;
      const delayMs = Math.min(400, 10 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
