/**
 * Issue 14 §6 on CloudBase: a per-user upload allowance and removal of unreferenced uploads, where
 * the mini-program uploads straight to storage and the node SDK cannot list storage. The real
 * @cloudbase/node-sdk against the loopback server: report.photoSlot reserves each upload's
 * cloudPath (and the fileID `getUploadMetadata` names for it), a submit accepts only reserved,
 * uploaded photos of the caller, and the sweep's removeOrphans deletes what no ticket named after a
 * day (Cloud.deleteFile, at most 50 fileIDs a call).
 */
import { cloudbaseDeps } from '../../../cloudfunctions/_adapters/cloudbase/main';
import { CloudbaseFileStore } from '../../../cloudfunctions/_adapters/cloudbase/platform';
import { loadCloudbase } from '../../../cloudfunctions/_adapters/cloudbase/store';
import type { AppDeps } from '../../../cloudfunctions/_app/context';
import { report } from '../../../cloudfunctions/_app/functions/report';
import type { Identity } from '../../../shared/domain/roles';
import { PHOTOS_PER_DAY, photoCloudPath, uploadPrefix } from '../../../shared/files';
import { ESTATE, GRID } from '../../support/app';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';
import { JPEG, uploadViaSlot } from '../../support/cloudbase-uploads';

const ENV = 'prod-1g2h3j4k';
const ALICE: Identity = { userId: 'u-alice', openid: 'oALICE', grants: [] };
const BOB: Identity = { userId: 'u-bob', openid: 'oBOB', grants: [] };

let loopback: CloudbaseLoopback;
let deps: AppDeps;
let now: string;
let keys = 0;

type Envelope = { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string }; status?: number };

beforeEach(async () => {
  now = '2026-12-06T02:00:00.000Z';
  loopback = await CloudbaseLoopback.start({ env: ENV });
  const base = cloudbaseDeps(loopback.sdkOptions());
  deps = { ...base, files: new CloudbaseFileStore(loadCloudbase(loopback.sdkOptions()), { now: () => now }) };
  await deps.store.putEstate(ESTATE);
  await deps.store.putGrid(GRID);
});

afterEach(async () => {
  await loopback.close();
});

async function call(identity: Identity, action: string, data: unknown): Promise<{ envelope: Envelope; status: number }> {
  const res = await report(deps, { identity }, { action, data });
  return res as unknown as { envelope: Envelope; status: number };
}

async function submit(identity: Identity, photos: string[]) {
  keys += 1;
  const data = { idempotencyKey: `slot-test-${String(keys).padStart(4, '0')}`, estateId: ESTATE.id, category: 'fly-wire', description: '3号楼有人从窗户拉电线给电动车充电', photos };
  return call(identity, 'submit', data);
}

describe('report.photoSlot', () => {
  it('hands out a path under the caller\'s own prefix with the fileID storage will give it, and records it', async () => {
    const { envelope } = await call(ALICE, 'photoSlot', {});
    expect(envelope.ok).toBe(true);
    const { cloudPath, fileId } = envelope.data as { cloudPath: string; fileId: string };
    expect(cloudPath.startsWith(uploadPrefix(ALICE.userId))).toBe(true);
    expect(fileId).toBe(`cloud://${ENV}.fake-bucket/${cloudPath}`);
    expect(loopback.docs('uploads')).toEqual([expect.objectContaining({ ownerUserId: ALICE.userId, cloudPath, fileId, createdAt: now, claimedAt: null })]);
  });

  it(`refuses upload number ${PHOTOS_PER_DAY + 1} within 24 hours with 429 FILE.QUOTA, and allows it again a day later`, async () => {
    loopback.seed(
      'uploads',
      Array.from({ length: PHOTOS_PER_DAY }, (_, i) => {
        const cloudPath = photoCloudPath(ALICE.userId, `seeded-${String(i).padStart(3, '0')}`);
        return { _id: `seeded-${i}`, ownerUserId: ALICE.userId, cloudPath, fileId: `cloud://${ENV}.fake-bucket/${cloudPath}`, createdAt: '2026-12-05T02:00:01.000Z', claimedAt: null };
      }),
    );
    const refused = await call(ALICE, 'photoSlot', {});
    expect(refused.status).toBe(429);
    expect(refused.envelope.error?.code).toBe('FILE.QUOTA');
    expect(refused.envelope.error?.message).toContain(String(PHOTOS_PER_DAY));
    expect(loopback.docs('uploads')).toHaveLength(PHOTOS_PER_DAY);
    // Someone else's allowance is their own.
    expect((await call(BOB, 'photoSlot', {})).envelope.ok).toBe(true);
    now = '2026-12-06T02:00:01.000Z';
    expect((await call(ALICE, 'photoSlot', {})).envelope.ok).toBe(true);
  });

  it('needs a signed-in caller', async () => {
    const { envelope } = await report(deps, { identity: null }, { action: 'photoSlot', data: {} });
    expect((envelope as Envelope).error?.code).toBe('AUTH.UNAUTHENTICATED');
    expect(loopback.docs('uploads')).toEqual([]);
  });
});

describe('claiming photos on submit', () => {
  it('accepts a reserved, uploaded photo of the caller and marks its slot claimed', async () => {
    const photo = await uploadViaSlot(deps, loopback, ALICE);
    const { envelope } = await submit(ALICE, [photo]);
    expect(envelope.ok).toBe(true);
    expect(loopback.docs('uploads')[0]).toMatchObject({ fileId: photo, claimedAt: now });
  });

  it('refuses a file written under the caller\'s prefix without a slot (around the allowance) and stores nothing', async () => {
    const sneaked = `cloud://${ENV}.fake-bucket/${photoCloudPath(ALICE.userId, 'no-slot-0001')}`;
    loopback.files.set(sneaked, JPEG);
    const { envelope } = await submit(ALICE, [sneaked]);
    expect(envelope.error?.code).toBe('FILE.UNKNOWN');
    expect(loopback.docs('tickets')).toEqual([]);
  });

  it('refuses a slot that was reserved but never uploaded', async () => {
    const { envelope: slot } = await call(ALICE, 'photoSlot', {});
    const { envelope } = await submit(ALICE, [(slot.data as { fileId: string }).fileId]);
    expect(envelope.error?.code).toBe('FILE.UNKNOWN');
    expect(loopback.docs('tickets')).toEqual([]);
  });

  it('refuses another user\'s uploaded photo', async () => {
    const bobs = await uploadViaSlot(deps, loopback, BOB);
    const { envelope } = await submit(ALICE, [bobs]);
    expect(envelope.error?.code).toBe('FILE.NOT_OWNED');
    expect(loopback.docs('uploads').every((u) => u.claimedAt === null)).toBe(true);
  });
});

describe('removeOrphans (the sweep, after a day)', () => {
  it('deletes unclaimed uploads older than the cut-off from storage and forgets their slots; keeps claimed and younger ones', async () => {
    const kept = await uploadViaSlot(deps, loopback, ALICE);
    expect((await submit(ALICE, [kept])).envelope.ok).toBe(true);
    const orphans = [await uploadViaSlot(deps, loopback, ALICE), await uploadViaSlot(deps, loopback, BOB)];
    now = '2026-12-07T01:00:00.000Z';
    const young = await uploadViaSlot(deps, loopback, ALICE);

    const removed = await deps.files.removeOrphans('2026-12-06T02:00:00.001Z');

    expect(removed).toBe(2);
    for (const id of orphans) expect(loopback.files.has(id)).toBe(false);
    expect(loopback.files.has(kept)).toBe(true);
    expect(loopback.files.has(young)).toBe(true);
    expect(loopback.docs('uploads').map((u) => u.fileId).sort()).toEqual([kept, young].sort());
  });

  it('deletes in calls of at most 50 fileIDs, and a second run finds nothing', async () => {
    loopback.seed(
      'uploads',
      Array.from({ length: 120 }, (_, i) => {
        const cloudPath = photoCloudPath(`u-${i % 7}`, `old-${String(i).padStart(4, '0')}`);
        const fileId = `cloud://${ENV}.fake-bucket/${cloudPath}`;
        loopback.files.set(fileId, JPEG);
        return { _id: `old-${i}`, ownerUserId: `u-${i % 7}`, cloudPath, fileId, createdAt: '2026-12-01T00:00:00.000Z', claimedAt: null };
      }),
    );
    expect(await deps.files.removeOrphans('2026-12-05T00:00:00.000Z')).toBe(120);
    const deletes = loopback.requestsFor('storage.batchDeleteFile').map((r) => (r.body.fileid_list as string[]).length);
    expect(Math.max(...deletes)).toBeLessThanOrEqual(50);
    expect(deletes.reduce((a, b) => a + b, 0)).toBe(120);
    expect(loopback.files.size).toBe(0);
    expect(await deps.files.removeOrphans('2026-12-05T00:00:00.000Z')).toBe(0);
  });
});
