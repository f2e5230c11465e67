import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFileStore, FileRejectedError, PHOTOS_PER_DAY } from '../../../local/store/files';
import type { Clock } from '../../../shared/ports/platform';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const HOUR = 60 * 60 * 1000;

/** A clock the test moves by hand. */
function handClock(start: string): Clock & { advance(ms: number): void } {
  let now = Date.parse(start);
  return { now: () => new Date(now).toISOString(), advance: (ms) => void (now += ms) };
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'files-own-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('DiskFileStore.claim: a photo is named only by the user who uploaded it', () => {
  it('accepts the owner\'s uploads, refuses another user\'s upload, unknown ids and junk, and marks nothing on a refusal', async () => {
    const clock = handClock('2026-12-01T02:00:00.000Z');
    const files = new DiskFileStore(join(dir, 'f'), { clock });
    const mine = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' });
    const theirs = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-2' });

    expect(await files.claim([mine.id, theirs.id], 'u-1')).toEqual({ code: 'FILE.NOT_OWNED', id: theirs.id });
    expect(await files.claim(['0123456789abcdef0123456789abcdef'], 'u-1')).toEqual({ code: 'FILE.UNKNOWN', id: '0123456789abcdef0123456789abcdef' });
    expect(await files.claim(['../f/x', 'photo-after-1'], 'u-1')).toEqual({ code: 'FILE.UNKNOWN', id: '../f/x' });
    expect(await files.claim([`cloud://env.bucket/photos/u-1/a.jpg`], 'u-1')).toMatchObject({ code: 'FILE.UNKNOWN' });
    // The refused claims marked nothing: mine is still an orphan for the sweep.
    clock.advance(2 * 24 * HOUR);
    expect(await files.removeOrphans(clock.now())).toBe(2);
  });

  it('claims the owner\'s photos (duplicates once) and an empty list', async () => {
    const files = new DiskFileStore(join(dir, 'f'));
    const a = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' });
    expect(await files.claim([a.id, a.id], 'u-1')).toBeNull();
    expect(await files.claim([], 'u-1')).toBeNull();
  });
});

describe('DiskFileStore upload quota', () => {
  it(`refuses the ${PHOTOS_PER_DAY + 1}st upload of one user within 24 hours with FILE.QUOTA, not another user's, and allows it a day later`, async () => {
    const clock = handClock('2026-12-01T02:00:00.000Z');
    const files = new DiskFileStore(join(dir, 'f'), { clock });
    for (let i = 0; i < PHOTOS_PER_DAY; i += 1) {
      await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' });
      clock.advance(60 * 1000);
    }
    const refused = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FileRejectedError);
    expect((refused as FileRejectedError).code).toBe('FILE.QUOTA');
    expect((refused as FileRejectedError).message).toContain('每天最多上传');
    // Nothing was stored for the refused upload.
    expect(readdirSync(join(dir, 'f')).filter((n) => n.endsWith('.json'))).toHaveLength(PHOTOS_PER_DAY);
    await expect(files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-2' })).resolves.toMatchObject({ size: JPEG.byteLength });
    clock.advance(24 * HOUR - PHOTOS_PER_DAY * 60 * 1000 + 1);
    await expect(files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' })).resolves.toMatchObject({ size: JPEG.byteLength });
  });

  it('counts uploads made before a restart (the sidecars on disk)', async () => {
    const clock = handClock('2026-12-01T02:00:00.000Z');
    const first = new DiskFileStore(join(dir, 'f'), { clock, photosPerDay: 2 });
    await first.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' });
    await first.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' });
    const second = new DiskFileStore(join(dir, 'f'), { clock, photosPerDay: 2 });
    await expect(second.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' })).rejects.toMatchObject({ code: 'FILE.QUOTA' });
  });
});

describe('DiskFileStore.removeOrphans (the sweep step, with the clock as an argument)', () => {
  it('removes uploads no ticket claimed once they are older than the cutoff, keeps claimed, recent and undated ones', async () => {
    const clock = handClock('2026-12-01T02:00:00.000Z');
    const files = new DiskFileStore(join(dir, 'f'), { clock });
    const orphan = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' });
    const used = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' });
    expect(await files.claim([used.id], 'u-1')).toBeNull();
    clock.advance(20 * HOUR);
    const recent = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-2' });
    // A file stored before uploads were dated: a ticket may name it, so it stays.
    const legacy = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    writeFileSync(join(dir, 'f', legacy), JPEG);
    writeFileSync(join(dir, 'f', `${legacy}.json`), JSON.stringify({ contentType: 'image/jpeg', size: JPEG.byteLength, ownerUserId: 'u-3' }));

    // 23 hours after the first uploads: nothing is old enough.
    expect(await files.removeOrphans(new Date(Date.parse(clock.now()) - 23 * HOUR + 3 * HOUR).toISOString())).toBe(0);
    clock.advance(5 * HOUR); // 25 hours after the first uploads
    const cutoff = new Date(Date.parse(clock.now()) - 24 * HOUR).toISOString();
    expect(await files.removeOrphans(cutoff)).toBe(1);
    expect(await files.get(orphan.id)).toBeNull();
    expect(existsSync(join(dir, 'f', orphan.id))).toBe(false);
    expect(await files.get(used.id)).not.toBeNull();
    expect(await files.get(recent.id)).not.toBeNull();
    expect(await files.get(legacy)).not.toBeNull();
    // A removed orphan can no longer be named.
    expect(await files.claim([orphan.id], 'u-1')).toEqual({ code: 'FILE.UNKNOWN', id: orphan.id });
    // Running again removes nothing more.
    expect(await files.removeOrphans(cutoff)).toBe(0);
  });

  it('never removes a file younger than a day by its own clock, whatever cutoff a sweep on another clock passes', async () => {
    const clock = handClock('2026-12-01T02:00:00.000Z');
    const files = new DiskFileStore(join(dir, 'f'), { clock });
    const fresh = await files.put({ bytes: JPEG, contentType: 'image/jpeg', ownerUserId: 'u-1' });
    // A sweep whose clock (SIMULATED_NOW) runs a month ahead.
    expect(await files.removeOrphans('2027-01-01T00:00:00.000Z')).toBe(0);
    expect(await files.get(fresh.id)).not.toBeNull();
    clock.advance(24 * HOUR + 1);
    expect(await files.removeOrphans('2027-01-01T00:00:00.000Z')).toBe(1);
  });
});
