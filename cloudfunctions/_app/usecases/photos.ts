/**
 * Photos named by a ticket or an event (submit, settle, resolve): each must be a stored file that the
 * caller uploaded (local: the DiskFileStore's owner record; CloudBase: this environment's fileID under
 * the caller's upload prefix). Claimed files are kept by the orphan sweep.
 */
import { FILE_REFUSAL_MESSAGES } from '../../../shared/files';
import type { AppDeps } from '../context';
import { AppError } from '../errors';

/**
 * Where the caller uploads its next photo (CloudBase: the cloudPath for wx.cloud.uploadFile and the
 * fileID it will have), counted against the day's allowance: FILE.QUOTA (429) beyond it. The local
 * runtime takes uploads through its own endpoint (POST /api/files), which counts them there.
 */
export async function reservePhotoUpload(deps: AppDeps, userId: string): Promise<{ cloudPath: string; fileId: string }> {
  if (!deps.files.reserveUpload) throw new AppError('FILE.DIRECT_UPLOAD', '此环境请直接上传照片', 400);
  const slot = await deps.files.reserveUpload(userId);
  if ('code' in slot) throw new AppError(slot.code, FILE_REFUSAL_MESSAGES[slot.code], slot.code === 'FILE.QUOTA' ? 429 : 400);
  return slot;
}

/** Answers the ids when all are the caller's own uploads; else throws FILE.UNKNOWN (400) or FILE.NOT_OWNED (403). */
export async function claimPhotos(deps: AppDeps, userId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return ids;
  const refusal = await deps.files.claim(ids, userId);
  if (refusal) throw new AppError(refusal.code, FILE_REFUSAL_MESSAGES[refusal.code], refusal.code === 'FILE.NOT_OWNED' ? 403 : 400);
  return ids;
}

/**
 * Starts the claim now, beside the ticket's own reads (one round trip fewer on CloudBase, issue 17);
 * act() awaits it before anything is written (its `precondition`), after the action was authorized.
 * Claiming early marks only the caller's own uploads as kept, so an action refused later leaks nothing.
 */
export function claimPhotosEarly(deps: AppDeps, userId: string, ids: string[]): () => Promise<string[]> {
  const pending = claimPhotos(deps, userId, ids);
  pending.catch(() => undefined); // taken by act() when awaited; never an unhandled rejection
  return () => pending;
}
