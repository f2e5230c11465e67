/**
 * Photos on disk for the local runtime (the FileStore port). Each file is `<id>` with a `<id>.json`
 * sidecar (content type, size, owner). Ids are 128 random bits: a /files/<id> URL cannot be guessed,
 * and get() accepts only that shape, so an id from a request never reaches outside the folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileStore, StoredFile } from '../../shared/ports/platform';

export const ALLOWED_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const ID_SHAPE = /^[0-9a-f]{32}$/;

export type FileRejection = 'FILE.UNSUPPORTED_TYPE' | 'FILE.TOO_LARGE' | 'FILE.EMPTY' | 'FILE.CONTENT_MISMATCH';

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
}

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

  constructor(readonly dir: string) {}

  async put(input: { bytes: Uint8Array; contentType: string; ownerUserId: string }): Promise<StoredFile> {
    checkUpload(input.bytes, input.contentType);
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    const id = randomBytes(16).toString('hex');
    const sidecar: Sidecar = { contentType: input.contentType, size: input.bytes.byteLength, ownerUserId: input.ownerUserId };
    // Bytes first, sidecar last (each via rename): a file is visible only once complete.
    await this.writeAtomic(id, input.bytes);
    await this.writeAtomic(`${id}.json`, JSON.stringify(sidecar));
    return { id, contentType: sidecar.contentType, size: sidecar.size };
  }

  async get(id: string): Promise<{ file: StoredFile; bytes: Uint8Array } | null> {
    if (!ID_SHAPE.test(id)) return null;
    let sidecar: Sidecar;
    let bytes: Buffer;
    try {
      sidecar = JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as Sidecar;
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

  private async writeAtomic(name: string, data: Uint8Array | string): Promise<void> {
    const tmp = join(this.dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(tmp, data);
    await rename(tmp, join(this.dir, name));
  }
}
