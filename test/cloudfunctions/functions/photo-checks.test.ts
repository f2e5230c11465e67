/**
 * Image content checks of public photos (issue 15) on the CloudBase path: the real
 * @cloudbase/node-sdk (store, storage) and the real wx-server-sdk 4.0.2 (security.mediaCheckAsync
 * through `cloud.openapi`, sent as wx.openApi: node_modules/wx-server-sdk/index.js
 * src/api/openapi/namespace/openapi.ts) against the loopback CloudBase server.
 *
 * Before: a photo the reporter marked public was shown on the share card, the nearby list and
 * Open311 at once, unchecked. Now it stays private until WeChat's `wxa_media_check` push (the
 * mediaCheckAsync document's 异步检测结果推送: `{ Event: 'wxa_media_check', trace_id, result: {
 * suggest, label } }`) says `pass`; the notify function records the verdict.
 */
import { cloudbaseDeps } from '../../../cloudfunctions/_adapters/cloudbase/main';
import { parseMediaCheckPush } from '../../../cloudfunctions/_adapters/cloudbase/platform';
import type { AppDeps } from '../../../cloudfunctions/_app/context';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { recordMediaVerdict } from '../../../cloudfunctions/_app/usecases/photo-checks';
import type { Identity } from '../../../shared/domain/roles';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';
import { ESTATE, GRID } from '../../support/app';
import { uploadViaSlot } from '../../support/cloudbase-uploads';

const ENV = 'prod-1g2h3j4k';
/** The resident's two photos, uploaded as the mini-program does (reserved slots). */
let PHOTO_A: string;
let PHOTO_B: string;
const RESIDENT: Identity = { userId: 'u-abc', openid: 'oRESIDENT-abc', grants: [] };

let loopback: CloudbaseLoopback;
let deps: AppDeps;
let traces = 0;

beforeEach(async () => {
  traces = 0;
  loopback = await CloudbaseLoopback.start({ env: ENV });
  deps = cloudbaseDeps(loopback.sdkOptions());
  await deps.store.putEstate(ESTATE);
  await deps.store.putGrid(GRID);
  PHOTO_A = await uploadViaSlot(deps, loopback, RESIDENT);
  PHOTO_B = await uploadViaSlot(deps, loopback, RESIDENT);
  loopback.answerWx('security.mediaCheckAsync', () => ({ errcode: 0, errmsg: 'ok', trace_id: `trace-${++traces}` }));
});

afterEach(async () => {
  await loopback.close();
});

async function submit(photos: string[], photosPublic: boolean) {
  const data = { idempotencyKey: `k-${photos.length}-${String(photosPublic)}`, estateId: ESTATE.id, category: 'fly-wire', description: '3号楼有人从窗户拉电线给电动车充电', photos, photosPublic };
  const { envelope } = await report(deps, { identity: RESIDENT }, { action: 'submit', data });
  const res = envelope as { ok: boolean; data?: { ticket: { id: string } }; error?: { code: string; message: string } };
  if (!res.ok) throw new Error(`submit: ${res.error?.code} ${res.error?.message}`);
  return res.data!.ticket.id;
}

async function publicPhotos(ticketId: string): Promise<string[]> {
  const { envelope } = await report(deps, { identity: null }, { action: 'publicView', data: { ticketId } });
  return (envelope as { data: { photos: string[] } }).data.photos;
}

const push = (traceId: string, suggest: string) => ({
  ToUserName: 'gh_x',
  FromUserName: 'oRESIDENT-abc',
  CreateTime: 1764900000,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: 'wx-app',
  trace_id: traceId,
  version: 2,
  result: { suggest, label: suggest === 'pass' ? '100' : '20002' },
  detail: [],
});

describe('public photos wait for mediaCheckAsync', () => {
  it('sends each public photo for an image check (media_type 2, the reporter’s openid) and keeps it private meanwhile', async () => {
    const id = await submit([PHOTO_A, PHOTO_B], true);
    const calls = loopback.wxCalls.filter((c) => c.apiName === 'security.mediaCheckAsync');
    expect(calls).toHaveLength(2);
    for (const c of calls) expect(c).toMatchObject({ via: 'wx.openApi', requestData: { media_type: 2, version: 2, openid: 'oRESIDENT-abc' } });
    // Slot paths are random: compare as sets.
    expect(loopback.docs('photo_checks').map((d) => [d.fileId, d.verdict]).sort()).toEqual(
      [
        [PHOTO_A, 'pending'],
        [PHOTO_B, 'pending'],
      ].sort(),
    );
    expect(await publicPhotos(id)).toEqual([]);
  });

  it('shows a photo once its verdict is pass; risky keeps it private', async () => {
    const id = await submit([PHOTO_A, PHOTO_B], true);
    const traceOf = (fileId: string) => String(loopback.docs('photo_checks').find((d) => d.fileId === fileId)?._id);
    expect(await recordMediaVerdict(deps, parseMediaCheckPush(push(traceOf(PHOTO_A), 'pass'))!)).toEqual({ recorded: true });
    expect(await recordMediaVerdict(deps, parseMediaCheckPush(push(traceOf(PHOTO_B), 'risky'))!)).toEqual({ recorded: true });
    expect(await publicPhotos(id)).toEqual([PHOTO_A]);
    // A decided verdict is not overwritten, and an unknown trace id is ignored.
    expect(await recordMediaVerdict(deps, parseMediaCheckPush(push(traceOf(PHOTO_B), 'pass'))!)).toEqual({ recorded: false });
    expect(await recordMediaVerdict(deps, parseMediaCheckPush(push('forged-trace', 'pass'))!)).toEqual({ recorded: false });
    expect(await publicPhotos(id)).toEqual([PHOTO_A]);
    expect(loopback.docs('photo_checks').find((d) => d.fileId === PHOTO_B)).toMatchObject({ verdict: 'risky', label: '20002' });
  });

  it('the submit succeeds when the check cannot be sent; the photo then stays private', async () => {
    loopback.answerWx('security.mediaCheckAsync', () => ({ errcode: -1, errmsg: 'system error' }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const id = await submit([PHOTO_A], true);
      expect(loopback.docs('photo_checks')).toEqual([]);
      expect(await publicPhotos(id)).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^MEDIA_CHECK_UNAVAILABLE /));
    } finally {
      warn.mockRestore();
    }
  });

  it('photos not marked public are never sent and never shown', async () => {
    const id = await submit([PHOTO_A], false);
    expect(loopback.wxCalls.filter((c) => c.apiName === 'security.mediaCheckAsync')).toEqual([]);
    expect(await publicPhotos(id)).toEqual([]);
  });
});

describe('the notify function receives the wxa_media_check push', () => {
  it('records the verdict through its main (the bundle entry), and still flushes on its timer', async () => {
    const id = await submit([PHOTO_A], true);
    const trace = String(loopback.docs('photo_checks')[0]?._id);
    const saved = { url: process.env.TCB_SERVICE_URL, env: process.env.TCB_ENV };
    process.env.TCB_SERVICE_URL = loopback.serviceUrl;
    process.env.TCB_ENV = ENV;
    try {
      const { main } = await import('../../../cloudfunctions/notify/index');
      // An SCF context as CloudBase passes it (no caller: a push or a timer).
      const context = { request_id: 'r1', function_name: 'notify', namespace: ENV, environment: JSON.stringify({}) };
      expect(await main(push(trace, 'pass'), context)).toEqual({ recorded: true });
      expect(await publicPhotos(id)).toEqual([PHOTO_A]);
      expect(await main({ Type: 'Timer', TriggerName: 'notify-every-minute' }, context)).toMatchObject({ ok: true });
    } finally {
      if (saved.url === undefined) delete process.env.TCB_SERVICE_URL;
      else process.env.TCB_SERVICE_URL = saved.url;
      if (saved.env === undefined) delete process.env.TCB_ENV;
      else process.env.TCB_ENV = saved.env;
    }
  });
});
