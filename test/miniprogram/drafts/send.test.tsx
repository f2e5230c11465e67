/**
 * Sending a draft, against a fake backend (global fetch replaced, support/fake-backend.ts): photos
 * still on the device are uploaded first, a network failure anywhere keeps it 待发送 with its key,
 * and concurrent retries are one request.
 */
import Taro from '@tarojs/taro';
import { loadDraft, newDraft, saveDraft, sendDraft, validateDraft, type ReportDraft } from '../../../miniprogram/drafts';
import { FakeBackendError, installFakeBackend, type FakeBackend } from '../support/fake-backend';
import { estateInfo, submitAnswer } from '../support/resident-fixtures';

const ESTATE = estateInfo();
let backend: FakeBackend;

function draft(overrides: Partial<ReportDraft> = {}): ReportDraft {
  return {
    ...newDraft({ id: ESTATE.id, name: ESTATE.name, sceneCode: ESTATE.sceneCode, location: ESTATE.location }),
    category: 'garbage',
    description: '垃圾桶满了三天没人清运',
    ...overrides,
  };
}

beforeEach(() => {
  Taro.clearStorageSync();
  backend = installFakeBackend();
});

afterEach(() => backend.restore());

it('uploads the photos not yet uploaded, then submits their ids', async () => {
  backend.on('report.submit', submitAnswer());
  const outcome = await sendDraft(draft({ photos: [{ path: 'blob:a', id: 'f-old', url: '/files/f-old' }, { path: 'blob:b' }] }));
  expect(outcome.kind).toBe('sent');
  expect(backend.uploads).toBe(1);
  expect(backend.callsOf('report.submit')[0]?.data.photos).toEqual(['f-old', 'f-1']);
  expect(loadDraft()).toBeNull();
});

it('keeps the draft 待发送, with its key and the photos uploaded so far, when the network drops', async () => {
  const d = draft({ photos: [{ path: 'blob:a' }] });
  backend.offline = true;
  const outcome = await sendDraft(d);
  expect(outcome.kind).toBe('pending');
  expect(loadDraft()).toMatchObject({ status: 'pending', idempotencyKey: d.idempotencyKey, attempts: 1 });
});

it('resolves an estate known only by its QR code when sending', async () => {
  backend.on('report.estateByScene', ESTATE);
  backend.on('report.submit', submitAnswer());
  const outcome = await sendDraft(draft({ estate: { id: null, name: null, sceneCode: ESTATE.sceneCode, location: null } }));
  expect(outcome.kind).toBe('sent');
  expect(backend.callsOf('report.submit')[0]?.data.estateId).toBe(ESTATE.id);
});

it('treats a busy server as 待发送 (retry with the same key) and a refusal as back to editing', async () => {
  backend.on('report.submit', new FakeBackendError('INTERNAL', '系统繁忙', undefined, 500));
  expect((await sendDraft(draft())).kind).toBe('pending');
  backend.on('report.submit', new FakeBackendError('CONTENT.REJECTED', '内容未通过安全检查：含有敏感词'));
  const refused = await sendDraft(draft());
  expect(refused).toMatchObject({ kind: 'refused', message: '内容未通过安全检查：含有敏感词' });
  expect(loadDraft()?.status).toBe('editing');
});

it('makes one request when two retries start at once', async () => {
  backend.on('report.submit', submitAnswer());
  const d = draft();
  saveDraft(d);
  const [a, b] = await Promise.all([sendDraft(d), sendDraft(d)]);
  expect(a).toBe(b);
  expect(backend.callsOf('report.submit')).toHaveLength(1);
});

it('validates with the shared submit schema before anything is sent', () => {
  expect(validateDraft(draft({ category: null, description: '短' }))).toEqual({ category: '请选择问题类别', description: '请至少用5个字描述问题' });
  expect(validateDraft(draft({ estate: null }))).toEqual({ estateId: '请先选择小区' });
  expect(validateDraft(draft())).toEqual({});
});

it('uploads again, once, when the server no longer has a photo the draft uploaded earlier (orphans are removed after a day)', async () => {
  // The server removes uploads no report named within a day (FILE.UNKNOWN for their ids).
  backend.on('report.submit', (data) =>
    (data.photos as string[]).includes('f-old') ? new FakeBackendError('FILE.UNKNOWN', '照片不存在或已过期，请重新上传') : submitAnswer(),
  );
  const d = draft({ photos: [{ path: 'blob:a', id: 'f-old', url: '/files/f-old' }] });
  const outcome = await sendDraft(d);
  expect(outcome.kind).toBe('sent');
  expect(backend.uploads).toBe(1);
  expect(backend.callsOf('report.submit').map((c) => c.data.photos)).toEqual([['f-old'], ['f-1']]);
  // The same submission: the same idempotency key both times.
  expect(new Set(backend.callsOf('report.submit').map((c) => c.data.idempotencyKey))).toEqual(new Set([d.idempotencyKey]));
});

it('does not loop when fresh uploads are refused too', async () => {
  backend.on('report.submit', new FakeBackendError('FILE.NOT_OWNED', '只能使用本人上传的照片，请重新上传', undefined, 403));
  const outcome = await sendDraft(draft({ photos: [{ path: 'blob:a', id: 'f-old' }] }));
  expect(outcome).toMatchObject({ kind: 'refused', code: 'FILE.NOT_OWNED' });
  expect(backend.callsOf('report.submit')).toHaveLength(2);
});
