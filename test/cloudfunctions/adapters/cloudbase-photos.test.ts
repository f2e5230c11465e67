/**
 * Issue 15 / issue 14 §6 on the CloudBase path: the real @cloudbase/node-sdk against the loopback
 * server, with the function's environment `prod-1g2h3j4k`. A photo the mini-program uploaded
 * (`wx.cloud.uploadFile` answers `cloud://<env>.<bucket-id>/<cloudPath>`, TOOLCHAIN.md "The
 * mini-program side") to the slot it reserved passes the schema and the submit; another user's
 * fileID, another environment's, a missing file and junk are refused, and no ticket is stored.
 *
 * Existence is asked with getTempFileURL (storage.batchGetDownloadUrl): CloudBase answers each entry
 * with `code`, `STORAGE_FILE_NONEXIST` for a missing file (the loopback server does the same).
 */
import { cloudbaseDeps } from '../../../cloudfunctions/_adapters/cloudbase/main';
import { CloudbaseFileStore, currentEnvId } from '../../../cloudfunctions/_adapters/cloudbase/platform';
import { loadCloudbase } from '../../../cloudfunctions/_adapters/cloudbase/store';
import type { AppDeps } from '../../../cloudfunctions/_app/context';
import { report } from '../../../cloudfunctions/_app/functions/report';
import type { Identity } from '../../../shared/domain/roles';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';
import { ESTATE, GRID } from '../../support/app';
import { uploadViaSlot } from '../../support/cloudbase-uploads';

const ENV = 'prod-1g2h3j4k';
const BUCKET = '7072-prod-1g2h3j4k-1300000000';
const RESIDENT: Identity = { userId: 'u-abc', openid: 'oRESIDENT-abc', grants: [] };

let loopback: CloudbaseLoopback;
let deps: AppDeps;
/** The resident's photo, uploaded the way the mini-program does (a reserved slot). */
let REAL_FILE_ID: string;

beforeEach(async () => {
  loopback = await CloudbaseLoopback.start({ env: ENV });
  deps = cloudbaseDeps(loopback.sdkOptions());
  await deps.store.putEstate(ESTATE);
  await deps.store.putGrid(GRID);
  REAL_FILE_ID = await uploadViaSlot(deps, loopback, RESIDENT);
});

afterEach(async () => {
  await loopback.close();
});

async function submit(photos: string[], key: string) {
  const data = { idempotencyKey: key, estateId: ESTATE.id, category: 'fly-wire', description: '3号楼有人从窗户拉电线给电动车充电', photos };
  const { envelope } = await report(deps, { identity: RESIDENT }, { action: 'submit', data });
  return envelope as { ok: boolean; data?: { ticket: { id: string; photos: string[] } }; error?: { code: string } };
}

describe('photos on the CloudBase path', () => {
  it('takes the function environment from the app (TCB_ENV / the context otherwise)', () => {
    expect(currentEnvId(loadCloudbase(loopback.sdkOptions()))).toBe(ENV);
  });

  it('a real-shaped fileID under the caller\'s prefix passes the schema and the submit', async () => {
    const res = await submit([REAL_FILE_ID], 'cb-photo-0001');
    expect(res.error).toBeUndefined();
    expect(res.ok).toBe(true);
    expect(loopback.docs('tickets').map((t) => t.photos)).toEqual([[REAL_FILE_ID]]);
    expect(loopback.requestsFor('storage.batchGetDownloadUrl').at(-1)?.body.file_list).toEqual([{ fileid: REAL_FILE_ID, max_age: 60 }]);
  });

  it.each([
    ['another user\'s fileID', `cloud://${ENV}.${BUCKET}/photos/u-xyz/1733390000000-d4e5f6.jpg`, 'FILE.NOT_OWNED'],
    ['a file outside the upload folder', `cloud://${ENV}.${BUCKET}/uploads/u-abc/1.jpg`, 'FILE.NOT_OWNED'],
    ['another environment\'s fileID', `cloud://test-9z8y7x.7465-test-9z8y7x-1300000000/photos/u-abc/1733390000000-a1b2c3.jpg`, 'FILE.UNKNOWN'],
    ['a fileID of the caller that storage does not have', `cloud://${ENV}.${BUCKET}/photos/u-abc/never-uploaded.jpg`, 'FILE.UNKNOWN'],
    ['a local disk id', '0123456789abcdef0123456789abcdef', 'FILE.UNKNOWN'],
    ['junk', 'photo-1', 'FILE.UNKNOWN'],
    ['a path escape', `cloud://${ENV}.${BUCKET}/photos/u-abc/../u-xyz/a.jpg`, 'INPUT.INVALID'],
  ])('refuses %s with %s and stores nothing', async (_what, id, code) => {
    loopback.files.set(`cloud://${ENV}.${BUCKET}/photos/u-xyz/1733390000000-d4e5f6.jpg`, Buffer.from([1]));
    const res = await submit([REAL_FILE_ID, id], 'cb-photo-0002');
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe(code);
    expect(loopback.docs('tickets')).toEqual([]);
  });

  it('the file store refuses everything when it cannot tell its environment', async () => {
    const files = new CloudbaseFileStore(loadCloudbase(loopback.sdkOptions()), { env: '' });
    expect(await files.claim([REAL_FILE_ID], 'u-abc')).toEqual({ code: 'FILE.UNKNOWN', id: REAL_FILE_ID });
    expect(await files.claim([], 'u-abc')).toBeNull();
    expect(await files.removeOrphans('2026-12-01T00:00:00.000Z')).toBe(0);
  });
});
