/**
 * Sending a staff action through the outbox (issue 18 §4, weak signal). The action is stored first
 * (待发送), with the idempotency key made at this first attempt and its photos kept on the device;
 * then photos not yet uploaded are uploaded, and the action is sent with the key. No answer (no
 * network, server busy) leaves it 待发送 for the next try with the same key: the server answers a
 * retry of an action it already took with that first result. A refusal is kept as 未能发送 for the
 * person to see (a background send) or handed back to the form (a send from the form).
 */
import { ApiError, callFunction, getSessionUser, isNetworkError, uploadPhoto } from '../api';
import { newIdempotencyKey } from './draft';
import { forgetPhoto, keepPhoto } from './keep-photo';
import { loadOutbox, notifyOutbox, putOutboxItem, removeOutboxItem, type StaffOutboxItem } from './staff-outbox';

export type StaffSendOutcome<T = unknown> =
  | { kind: 'sent'; item: StaffOutboxItem; answer: T }
  | { kind: 'pending'; item: StaffOutboxItem; message: string }
  | { kind: 'refused'; item: StaffOutboxItem; message: string; code: string };

/** Whose queued actions this device sends now: the H5 session's user, or the WeChat user in weapp. */
export function outboxOwner(): string {
  return getSessionUser()?.id ?? 'wechat';
}

const HAS_CJK = /[\u4e00-\u9fff]/;

function refusalText(err: unknown): string {
  if (err instanceof ApiError) {
    const issue = err.issues?.find((i) => HAS_CJK.test(i.message));
    return issue ? `${err.message}：${issue.message}` : err.message;
  }
  return err instanceof Error && HAS_CJK.test(err.message) ? err.message : '操作失败，请稍后重试';
}

/** Worth another try with the same key: the server may not have heard us, or was busy. */
function retryable(err: unknown): boolean {
  return isNetworkError(err) || (err instanceof ApiError && (err.code === 'INTERNAL' || err.code === 'RATE.LIMITED'));
}

function pendingMessage(err: unknown): string {
  if (err instanceof ApiError && err.code !== 'NETWORK') return '系统繁忙，操作已保存在手机上，稍后会自动重试';
  return '网络不给力，操作已保存在手机上，网络恢复后会自动发送';
}

/** Keys a form is sending now: its page shows the form's own progress, not 待发送. */
const fromForm = new Set<string>();

export function isSentFromForm(key: string): boolean {
  return fromForm.has(key);
}

export interface QueueInput extends Pick<StaffOutboxItem, 'ticketId' | 'ticketNo' | 'action' | 'label' | 'data' | 'photos'> {
  now?: Date;
}

/**
 * Stores the action as 待发送 with a new key; photos not yet uploaded are kept on the device first.
 * `fromForm`: its form sends it at once (sendStaffAction with fromForm), so pages do not list it yet.
 */
export async function queueStaffAction(input: QueueInput, opts: { fromForm?: boolean } = {}): Promise<StaffOutboxItem> {
  const photos = input.photos ? await Promise.all(input.photos.map(async (p) => (p.id ? p : { path: await keepPhoto(p.path) }))) : null;
  const item: StaffOutboxItem = {
    key: newIdempotencyKey(),
    owner: outboxOwner(),
    ticketId: input.ticketId,
    ticketNo: input.ticketNo,
    action: input.action,
    label: input.label,
    data: input.data,
    photos,
    status: 'pending',
    attempts: 0,
    lastError: null,
    queuedAt: (input.now ?? new Date()).toISOString(),
  };
  if (opts.fromForm) fromForm.add(item.key);
  putOutboxItem(item);
  return item;
}

const inflight = new Map<string, Promise<StaffSendOutcome>>();
/**
 * Sends one queued action; a second call for the same key while the first runs shares its result.
 * `fromForm`: the person is at the form, so a refusal goes back to it and the item is dropped.
 */
export function sendStaffAction<T>(item: StaffOutboxItem, opts: { fromForm?: boolean } = {}): Promise<StaffSendOutcome<T>> {
  const running = inflight.get(item.key);
  if (running) return running as Promise<StaffSendOutcome<T>>;
  if (opts.fromForm) fromForm.add(item.key);
  const promise = attempt(item, opts.fromForm === true).finally(() => {
    inflight.delete(item.key);
    if (fromForm.delete(item.key)) notifyOutbox();
  });
  inflight.set(item.key, promise);
  return promise as Promise<StaffSendOutcome<T>>;
}

async function attempt(start: StaffOutboxItem, atForm: boolean): Promise<StaffSendOutcome> {
  let item: StaffOutboxItem = { ...start, status: 'pending', attempts: start.attempts + 1 };
  putOutboxItem(item);
  try {
    if (item.photos) {
      for (const photo of item.photos) {
        if (photo.id) continue;
        const uploaded = await uploadPhoto(photo.path);
        item = { ...item, photos: (item.photos ?? []).map((p) => (p.path === photo.path ? { ...p, id: uploaded.id } : p)) };
        putOutboxItem(item);
      }
    }
    const photoIds = item.photos ? { photos: item.photos.flatMap((p) => (p.id ? [p.id] : [])) } : {};
    const answer = await callFunction<unknown>('ticket', item.action, { ...item.data, ...photoIds, idempotencyKey: item.key });
    removeOutboxItem(item.key);
    for (const p of item.photos ?? []) forgetPhoto(p.path);
    return { kind: 'sent', item, answer };
  } catch (err) {
    if (retryable(err)) {
      const message = pendingMessage(err);
      item = { ...item, status: 'pending', lastError: message };
      putOutboxItem(item);
      return { kind: 'pending', item, message };
    }
    const message = err instanceof ApiError && err.code === 'FILE.UNREADABLE' ? '手机上的照片已失效，请重新拍照后再办理' : refusalText(err);
    item = { ...item, status: 'failed', lastError: message };
    if (atForm) removeOutboxItem(item.key);
    else putOutboxItem(item);
    return { kind: 'refused', item, message, code: err instanceof ApiError ? err.code : 'INTERNAL' };
  }
}

/**
 * Sends every 待发送 action of the signed-in person, oldest first (network back, app or page shown).
 * Refused ones stay as 未能发送 until the person looks at them.
 */
export async function flushStaffOutbox(): Promise<StaffSendOutcome[]> {
  const owner = outboxOwner();
  const outcomes: StaffSendOutcome[] = [];
  for (const item of loadOutbox().filter((i) => i.owner === owner && i.status === 'pending')) {
    const outcome = await sendStaffAction(item);
    outcomes.push(outcome);
    // Still no signal: the rest would fail the same way; they go next time.
    if (outcome.kind === 'pending') break;
  }
  return outcomes;
}
