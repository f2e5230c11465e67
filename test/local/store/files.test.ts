import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFileStore, FileRejectedError, MAX_FILE_BYTES } from '../../../local/store/files';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0x1a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c]);

/** A JPEG-looking buffer of the given size. */
function jpegOfSize(size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set(JPEG.subarray(0, 3));
  return b;
}

let dir: string;
let files: DiskFileStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'files-'));
  files = new DiskFileStore(join(dir, 'uploads'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<FileRejectedError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FileRejectedError);
    return err as FileRejectedError;
  }
  throw new Error('expected a rejection');
}

describe('DiskFileStore', () => {
  it.each([
    ['image/jpeg', JPEG],
    ['image/png', PNG],
    ['image/webp', WEBP],
  ])('stores and returns %s bytes with their type and size', async (contentType, bytes) => {
    const stored = await files.put({ bytes, contentType, ownerUserId: 'u-1' });
    expect(stored).toEqual({ id: stored.id, contentType, size: bytes.byteLength });
    const got = await files.get(stored.id);
    expect(got?.file).toEqual(stored);
    expect(got?.bytes).toEqual(bytes);
    expect(await files.url(stored.id)).toBe(`/files/${stored.id}`);
  });

  it('gives each upload its own unguessable id, and records the owner', async () => {
    const a = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' });
    const b = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-2' });
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    const sidecar = JSON.parse(readFileSync(join(dir, 'uploads', `${b.id}.json`), 'utf8')) as { ownerUserId: string };
    expect(sidecar.ownerUserId).toBe('u-2');
    // No temporary files are left behind.
    expect(readdirSync(join(dir, 'uploads')).sort()).toEqual([a.id, `${a.id}.json`, b.id, `${b.id}.json`].sort());
  });

  it.each(['image/gif', 'text/html', 'application/pdf', 'image/svg+xml', ''])('rejects content type %p', async (contentType) => {
    const err = await rejection(files.put({ bytes: JPEG, contentType, ownerUserId: 'u-1' }));
    expect(err.code).toBe('FILE.UNSUPPORTED_TYPE');
    expect(err.message).toContain('仅支持 JPEG、PNG、WebP');
  });

  it('accepts exactly 10 MB and rejects one byte more', async () => {
    const ok = await files.put({ bytes: jpegOfSize(MAX_FILE_BYTES), contentType: 'image/jpeg', ownerUserId: 'u-1' });
    expect(ok.size).toBe(10 * 1024 * 1024);
    const err = await rejection(files.put({ bytes: jpegOfSize(MAX_FILE_BYTES + 1), contentType: 'image/jpeg', ownerUserId: 'u-1' }));
    expect(err.code).toBe('FILE.TOO_LARGE');
    expect(err.message).toContain('10 MB');
  });

  it('rejects an empty file and bytes that are not the declared image type', async () => {
    expect((await rejection(files.put({ bytes: new Uint8Array(), contentType: 'image/png', ownerUserId: 'u-1' }))).code).toBe('FILE.EMPTY');
    const html = new TextEncoder().encode('<script>alert(1)</script>');
    expect((await rejection(files.put({ bytes: html, contentType: 'image/png', ownerUserId: 'u-1' }))).code).toBe('FILE.CONTENT_MISMATCH');
    expect((await rejection(files.put({ bytes: PNG, contentType: 'image/jpeg', ownerUserId: 'u-1' }))).code).toBe('FILE.CONTENT_MISMATCH');
  });

  it('answers null for unknown ids and for anything not shaped like an id (no path traversal)', async () => {
    writeFileSync(join(dir, 'secret.json'), JSON.stringify({ contentType: 'image/png', size: 1 }));
    writeFileSync(join(dir, 'secret'), 'top secret');
    await files.put({ bytes: PNG, contentType: 'image/png', ownerUserId: 'u-1' });
    expect(await files.get('0123456789abcdef0123456789abcdef')).toBeNull();
    expect(await files.get('../secret')).toBeNull();
    expect(await files.get('')).toBeNull();
  });
});
