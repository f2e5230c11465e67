/**
 * Photos on disk for the local runtime (the FileStore port). Each file is `<id>` with a `<id>.json`
 * sidecar (content type, size, owner, when uploaded, when first named by a ticket or event). Ids are
 * 128 random bits: a /files/<id> URL cannot be guessed, and get() accepts only that shape, so an id
 * from a request never reaches outside the folder.
 *
 * Each user may upload PHOTOS_PER_DAY photos in any 24 hours (FILE.QUOTA beyond); uploads that no
 * ticket or event claimed within ORPHAN_AGE_MS are removed by the sweep (removeOrphans). Files from
 * before uploads were dated (no `uploadedAt`) are never removed: tickets may name them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, FileStore, StoredFile } from '../../shared/ports/platform';
import { PHOTOS_PER_DAY, type FileRefusal } from '../../shared/files';

export const ALLOWED_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Uploads per user in any 24 hours (the same allowance as CloudBase's upload slots). */
export { PHOTOS_PER_DAY };
/** An upload that no ticket or event names after this long is an orphan. */
export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const ID_SHAPE = /^[0-9a-f]{32}$/;

export type FileRejection = 'FILE.UNSUPPORTED_TYPE' | 'FILE.TOO_LARGE' | 'FILE.EMPTY' | 'FILE.CONTENT_MISMATCH' | 'FILE.QUOTA';

export class FileRejectedError extends Error {
  constructor(
    readonly code: FileRejection,
    message: string,
  ) {
    super(message);
    this.name = 'FileRejectedError';
  }
}

interface Sidecar {
  contentType: string;
  size: number;
  ownerUserId: string;
  /** ISO instant of the upload (absent in files stored before uploads were dated). */
  uploadedAt?: string;
  /** ISO instant a ticket or event first named the file (claim()). */
  claimedAt?: string;
}

export interface DiskFileStoreOptions {
  /** The runtime's clock (quota window, upload and claim instants); default: the system clock. */
  clock?: Clock;
  photosPerDay?: number;
}

const SYSTEM_CLOCK: Clock = { now: () => new Date().toISOString() };

/** The bytes must be what the content type says (magic numbers), not just labelled so. */
function looksLike(contentType: string, b: Uint8Array): boolean {
  const at = (i: number, ...bytes: number[]) => bytes.every((x, k) => b[i + k] === x);
  switch (contentType) {
    case 'image/jpeg':
      return at(0, 0xff, 0xd8, 0xff);
    case 'image/png':
      return at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/webp':
      return at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50); // RIFF....WEBP
    default:
      return false;
  }
}

export function checkUpload(bytes: Uint8Array, contentType: string): void {
  if (!(ALLOWED_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    throw new FileRejectedError('FILE.UNSUPPORTED_TYPE', `不支持的文件类型 ${contentType}：仅支持 JPEG、PNG、WebP 图片`);
  }
  if (bytes.byteLength === 0) throw new FileRejectedError('FILE.EMPTY', '文件为空');
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new FileRejectedError('FILE.TOO_LARGE', `图片过大（${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB）：单张不能超过 10 MB`);
  }
  if (!looksLike(contentType, bytes)) throw new FileRejectedError('FILE.CONTENT_MISMATCH', `文件内容不是 ${contentType} 图片`);
}

export class DiskFileStore implements FileStore {
  private ready: Promise<unknown> | null = null;
  /** Upload instants (ms) per owner within the last day, loaded from the sidecars on first use. */
  private recent: Map<string, number[]> | null = null;
  /** claim() and removeOrphans() run one at a time: a file being claimed is never removed under it. */
  private lock: Promise<unknown> = Promise.resolve();
  private readonly clock: Clock;
  private readonly photosPerDay: number;

  constructor(
    readonly dir: string,
    options: DiskFileStoreOptions = {},
  ) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.photosPerDay = options.photosPerDay ?? PHOTOS_PER_DAY;
  }

  async put(input: { bytes: Uint8Array; contentType: string; ownerUserId: string }): Promise<StoredFile> {
    checkUpload(input.bytes, input.contentType);
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    const uploadedAt = this.clock.now();
    const release = await this.reserve(input.ownerUserId, Date.parse(uploadedAt));
    const id = randomBytes(16).toString('hex');
    const sidecar: Sidecar = { contentType: input.contentType, size: input.bytes.byteLength, ownerUserId: input.ownerUserId, uploadedAt };
    try {
      // Bytes first, sidecar last (each via rename): a file is visible only once complete.
      await this.writeAtomic(id, input.bytes);
      await this.writeAtomic(`${id}.json`, JSON.stringify(sidecar));
    } catch (err) {
      release();
      throw err;
    }
    return { id, contentType: sidecar.contentType, size: sidecar.size };
  }

  async get(id: string): Promise<{ file: StoredFile; bytes: Uint8Array } | null> {
    const sidecar = await this.sidecar(id);
    if (!sidecar) return null;
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.dir, id));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return { file: { id, contentType: sidecar.contentType, size: sidecar.size }, bytes: new Uint8Array(bytes) };
  }

  async url(id: string): Promise<string> {
    return `/files/${id}`;
  }

  async claim(ids: readonly string[], ownerUserId: string): Promise<FileRefusal | null> {
    return this.exclusive(async () => {
      const found: Array<[string, Sidecar]> = [];
      for (const id of new Set(ids)) {
        const sidecar = await this.sidecar(id);
        if (!sidecar) return { code: 'FILE.UNKNOWN', id };
        if (sidecar.ownerUserId !== ownerUserId) return { code: 'FILE.NOT_OWNED', id };
        found.push([id, sidecar]);
      }
      const now = this.clock.now();
      for (const [id, sidecar] of found) {
        if (!sidecar.claimedAt) await this.writeAtomic(`${id}.json`, JSON.stringify({ ...sidecar, claimedAt: now }));
      }
      return null;
    });
  }

  /**
   * Removes unclaimed uploads stored before `before`. A file younger than ORPHAN_AGE_MS by the store's
   * own clock is kept whatever `before` says: a runtime whose sweep runs on another clock (say
   * SIMULATED_NOW days ahead) never deletes a photo between its upload and the submit.
   */
  async removeOrphans(before: string): Promise<number> {
    const cutoff = Math.min(Date.parse(before), Date.parse(this.clock.now()) - ORPHAN_AGE_MS);
    return this.exclusive(async () => {
      let removed = 0;
      for (const name of await this.sidecarNames()) {
        const id = name.slice(0, -'.json'.length);
        const sidecar = await this.sidecar(id);
        if (!sidecar?.uploadedAt || sidecar.claimedAt || !(Date.parse(sidecar.uploadedAt) < cutoff)) continue;
        // Sidecar first: without it the file is invisible (get() and claim() answer unknown).
        await unlinkIfPresent(join(this.dir, name));
        await unlinkIfPresent(join(this.dir, id));
        removed += 1;
      }
      return removed;
    });
  }

  /** Counts the owner's uploads of the last day and takes one slot; the answer gives it back. */
  private async reserve(owner: string, at: number): Promise<() => void> {
    const recent = await this.recentUploads();
    const mine = (recent.get(owner) ?? []).filter((t) => t > at - DAY_MS);
    if (mine.length >= this.photosPerDay) {
      recent.set(owner, mine);
      throw new FileRejectedError('FILE.QUOTA', `每人每天最多上传 ${this.photosPerDay} 张照片，请明天再试`);
    }
    mine.push(at);
    recent.set(owner, mine);
    return () => {
      const list = recent.get(owner);
      const i = list?.indexOf(at) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
    };
  }

  private async recentUploads(): Promise<Map<string, number[]>> {
    if (this.recent) return this.recent;
    const since = Date.parse(this.clock.now()) - DAY_MS;
    const recent = new Map<string, number[]>();
    for (const name of await this.sidecarNames()) {
      const sidecar = await this.sidecar(name.slice(0, -'.json'.length));
      const at = sidecar?.uploadedAt ? Date.parse(sidecar.uploadedAt) : NaN;
      if (!sidecar || !(at > since)) continue;
      recent.set(sidecar.ownerUserId, [...(recent.get(sidecar.ownerUserId) ?? []), at]);
    }
    this.recent ??= recent;
    return this.recent;
  }

  private async sidecarNames(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((name) => name.endsWith('.json') && ID_SHAPE.test(name.slice(0, -'.json'.length)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  private async sidecar(id: string): Promise<Sidecar | null> {
    if (!ID_SHAPE.test(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as Sidecar;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async writeAtomic(name: string, data: Uint8Array | string): Promise<void> {
    const tmp = join(this.dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(tmp, data);
    await rename(tmp, join(this.dir, name));
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
