/**
 * Sending the draft: resolve the estate if only its QR code is known, upload the photos not yet
 * uploaded, submit with the draft's idempotency key, and forget the draft only when the server has
 * answered with the ticket. Trouble on the way (no network, server busy) leaves it as 待发送 with the
 * same key for the next try; a refusal (invalid input, not signed in) returns it to editing.
 */
import { ApiError, isNetworkError, uploadPhoto } from '../api';
import { ReportInputs } from '../../shared/actions/report';
import { fieldErrorsOf, fieldErrorsOfIssues, friendlyMessage, type FieldErrors } from '../components/errors';
import { residentApi, type SubmitAnswer } from '../components/resident-api';
import type { ReportDraft } from './draft';
import { clearDraft, saveDraft } from './storage';

export type SendOutcome =
  | { kind: 'sent'; answer: SubmitAnswer; droppedPhotos: number }
  | { kind: 'pending'; draft: ReportDraft; message: string }
  | { kind: 'refused'; draft: ReportDraft; message: string; fields: FieldErrors; code: string };

/** Field texts when a schema message is not written for residents (e.g. an empty id). */
const FIELD_FALLBACK: Readonly<Record<string, string>> = {
  estateId: '请先选择小区',
  category: '请选择问题类别',
  description: '请描述问题',
  contactPhone: '手机号格式不正确',
  photos: '照片有误，请重新选择',
  location: '位置有误，请重新定位',
};

/** Worth another try with the same key: the server may not have heard us, or was busy. */
function retryable(err: unknown): boolean {
  return isNetworkError(err) || (err instanceof ApiError && (err.code === 'INTERNAL' || err.code === 'RATE.LIMITED'));
}

function pendingMessage(err: unknown): string {
  if (err instanceof ApiError && err.code === 'RATE.LIMITED') return '提交过于频繁，报告已保存在手机上，稍后会自动重试';
  if (err instanceof ApiError && err.code === 'INTERNAL') return '系统繁忙，报告已保存在手机上，稍后会自动重试';
  return '网络不给力，报告已保存在手机上，网络恢复后会自动发送';
}

/** The submit action's input for this draft. */
export function submitInput(draft: ReportDraft) {
  const phone = draft.contactPhone.trim();
  return {
    idempotencyKey: draft.idempotencyKey,
    estateId: draft.estate?.id ?? '',
    category: draft.category ?? undefined,
    description: draft.description,
    photos: draft.photos.flatMap((p) => (p.id ? [p.id] : [])),
    location: draft.location ? { lat: draft.location.lat, lng: draft.location.lng } : null,
    contactPhone: phone === '' ? null : phone,
    anonymous: draft.anonymous,
    photosPublic: draft.photosPublic,
  };
}

/**
 * The same checks the server makes (shared/actions/report ReportInputs.submit), before anything is
 * sent. An estate known only by its QR code passes: it is resolved when sending.
 */
export function validateDraft(draft: ReportDraft): FieldErrors {
  const input = submitInput(draft);
  const estateKnown = Boolean(draft.estate?.id || draft.estate?.sceneCode);
  const parsed = ReportInputs.submit.safeParse({ ...input, estateId: input.estateId || (estateKnown ? 'pending-estate' : '') });
  return parsed.success ? {} : fieldErrorsOfIssues(parsed.error.issues, FIELD_FALLBACK);
}

export interface SendHooks {
  /** Upload progress of one local photo, 0–100. */
  onPhotoProgress?: (path: string, percent: number) => void;
  now?: () => Date;
}

let inflight: { key: string; promise: Promise<SendOutcome> } | null = null;

/** Sends the draft; a second call for the same draft while the first runs shares its result. */
export function sendDraft(draft: ReportDraft, hooks: SendHooks = {}): Promise<SendOutcome> {
  if (inflight && inflight.key === draft.idempotencyKey) return inflight.promise;
  const promise = attempt(draft, hooks).finally(() => {
    if (inflight?.promise === promise) inflight = null;
  });
  inflight = { key: draft.idempotencyKey, promise };
  return promise;
}

export function isSending(): boolean {
  return inflight !== null;
}

/** The server no longer has (or never had from this user) a photo id the draft kept. */
const STALE_PHOTO_CODES = ['FILE.UNKNOWN', 'FILE.NOT_OWNED'];

async function attempt(start: ReportDraft, hooks: SendHooks): Promise<SendOutcome> {
  const now = hooks.now ?? (() => new Date());
  // From the first attempt on, the draft is 待发送 in storage: if the app dies mid-request, it is retried.
  let draft: ReportDraft = { ...start, status: 'pending', attempts: start.attempts + 1, updatedAt: now().toISOString() };
  saveDraft(draft);
  let droppedPhotos = 0;
  try {
    if (draft.estate && !draft.estate.id && draft.estate.sceneCode) {
      const estate = await residentApi.estateByScene({ scene: draft.estate.sceneCode });
      draft = { ...draft, estate: { id: estate.id, name: estate.name, sceneCode: estate.sceneCode, location: estate.location } };
      saveDraft(draft);
    }
    const uploadPending = async (): Promise<void> => {
      for (const photo of draft.photos) {
        if (photo.id) continue;
        try {
          const uploaded = await uploadPhoto(photo.path, (percent) => hooks.onPhotoProgress?.(photo.path, percent));
          draft = { ...draft, photos: draft.photos.map((p) => (p.path === photo.path ? { ...p, id: uploaded.id, url: uploaded.url } : p)) };
        } catch (err) {
          // A local file that no longer exists (H5 blob after a reload) cannot be sent: the words still can.
          if (!(err instanceof ApiError && err.code === 'FILE.UNREADABLE')) throw err;
          draft = { ...draft, photos: draft.photos.filter((p) => p.path !== photo.path) };
          droppedPhotos += 1;
        }
        saveDraft(draft);
      }
    };
    await uploadPending();
    const parsed = ReportInputs.submit.safeParse(submitInput(draft));
    if (!parsed.success) {
      draft = { ...draft, status: 'editing', lastError: null };
      saveDraft(draft);
      return { kind: 'refused', draft, message: '请按提示修改后再提交', fields: fieldErrorsOfIssues(parsed.error.issues, FIELD_FALLBACK), code: 'INPUT.INVALID' };
    }
    let answer: Awaited<ReturnType<typeof residentApi.submit>>;
    try {
      answer = await residentApi.submit(parsed.data);
    } catch (err) {
      // Uploads that no report named within a day are removed by the server: a draft kept on the
      // device that long uploads its photos again, once, and submits again with the same key.
      if (!(err instanceof ApiError && STALE_PHOTO_CODES.includes(err.code)) || !draft.photos.some((p) => p.id)) throw err;
      draft = { ...draft, photos: draft.photos.map((p) => ({ path: p.path })) };
      saveDraft(draft);
      await uploadPending();
      answer = await residentApi.submit(ReportInputs.submit.parse(submitInput(draft)));
    }
    clearDraft();
    return { kind: 'sent', answer, droppedPhotos };
  } catch (err) {
    if (retryable(err)) {
      const message = pendingMessage(err);
      draft = { ...draft, status: 'pending', lastError: message };
      saveDraft(draft);
      return { kind: 'pending', draft, message };
    }
    const message = friendlyMessage(err);
    draft = { ...draft, status: 'editing', lastError: message };
    saveDraft(draft);
    const code = err instanceof ApiError ? err.code : 'INTERNAL';
    const fields = fieldErrorsOf(err, FIELD_FALLBACK);
    if (code === 'NOT_FOUND' && draft.estate && !draft.estate.id) fields.estateId = '没有找到这个小区，请重新选择';
    return { kind: 'refused', draft, message, fields, code };
  }
}
