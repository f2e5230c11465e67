/**
 * Photos named by a ticket or an event (submit, settle, resolve): each must be a stored file that the
 * caller uploaded (local: the DiskFileStore's owner record; CloudBase: this environment's fileID under
 * the caller's upload prefix). Claimed files are kept by the orphan sweep.
 */
import { FILE_REFUSAL_MESSAGES } from '../../../shared/files';
import type { AppDeps } from '../context';
import { AppError } from '../errors';

/** Answers the ids when all are the caller's own uploads; else throws FILE.UNKNOWN (400) or FILE.NOT_OWNED (403). */
export async function claimPhotos(deps: AppDeps, userId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return ids;
  const refusal = await deps.files.claim(ids, userId);
  if (refusal) throw new AppError(refusal.code, FILE_REFUSAL_MESSAGES[refusal.code], refusal.code === 'FILE.NOT_OWNED' ? 403 : 400);
  return ids;
}
