/**
 * Upload slots: how the CloudBase side counts and cleans up photos it never receives. The
 * mini-program uploads straight to storage (`wx.cloud.uploadFile`) and the node SDK cannot list
 * storage, so the function hands out each upload's cloudPath first and records it in `uploads`:
 * - reserve(): the caller's slots of the last 24 hours are counted (PHOTOS_PER_DAY, FILE.QUOTA
 *   beyond) and a new `photos/<user>/<slot id>.jpg` path is recorded with the fileID storage will
 *   give it (the SDK's documented `getUploadMetadata({ cloudPath })`, what its own uploadFile asks);
 * - claim(): a fileID is accepted only for a recorded slot of the caller, and the slot is marked
 *   claimed (a ticket or event names it), in the same round trip as the existence check;
 * - removeOrphans(): slots never claimed are deleted from storage and from `uploads` after a day.
 * The storage rule keeps every write inside the caller's own prefix; a file written there without a
 * slot can never be named by a ticket, so it is never shown to anyone.
 */
import { PHOTOS_PER_DAY, photoCloudPath, type FileRefusal } from '../../../shared/files';
import { COLLECTIONS, chunk } from './collections';
import type { CbDatabase } from './sdk';

/** An `uploads` document; `_id` = the slot id, the file name of its cloudPath. */
export interface UploadSlot {
  _id: string;
  ownerUserId: string;
  cloudPath: string;
  /** The `cloud://…` fileID of the cloudPath (unique). */
  fileId: string;
  /** UTC ISO instant the slot was handed out. */
  createdAt: string;
  /** When a ticket or event first named the photo; null while it is an upload only. */
  claimedAt: string | null;
}

export class UploadSlots {
  constructor(
    private readonly db: CbDatabase,
    private readonly options: { photosPerDay?: number } = {},
  ) {}

  private uploads() {
    return this.db.collection(COLLECTIONS.uploads);
  }

  /**
   * A new upload path for the caller, or FILE.QUOTA when the last 24 hours hold the day's allowance.
   * Two reserves racing may both pass at the limit; the allowance is a brake on abuse, not a ledger.
   */
  async reserve(ownerUserId: string, now: string, slotId: string, fileIdOf: (cloudPath: string) => Promise<string>): Promise<{ cloudPath: string; fileId: string } | FileRefusal> {
    const since = new Date(Date.parse(now) - 24 * 3600_000).toISOString();
    const _ = this.db.command;
    const cloudPath = photoCloudPath(ownerUserId, slotId);
    const [{ total }, fileId] = await Promise.all([this.uploads().where({ ownerUserId, createdAt: _.gt(since) }).count(), fileIdOf(cloudPath)]);
    if (total >= (this.options.photosPerDay ?? PHOTOS_PER_DAY)) return { code: 'FILE.QUOTA', id: slotId };
    const slot: Omit<UploadSlot, '_id'> = { ownerUserId, cloudPath, fileId, createdAt: now, claimedAt: null };
    await this.uploads().doc(slotId).set(slot);
    return { cloudPath, fileId };
  }

  /**
   * Which of these fileIDs are slots of the caller, marking the unclaimed ones claimed. Both requests
   * go out together (one round trip): a slot marked while its file then proves missing is only kept
   * longer, never shown. Callers pass at most 100 distinct ids (a ticket names at most 9 photos).
   */
  async claim(fileIds: readonly string[], ownerUserId: string, now: string): Promise<Set<string>> {
    const owned = new Set<string>();
    if (fileIds.length === 0) return owned;
    const _ = this.db.command;
    const ids = [...new Set(fileIds)];
    const [{ data }] = await Promise.all([
      this.uploads().where({ fileId: _.in(ids), ownerUserId }).limit(ids.length).get(),
      this.uploads().where({ fileId: _.in(ids), ownerUserId, claimedAt: null }).update({ claimedAt: now }),
    ]);
    for (const doc of data as unknown as UploadSlot[]) owned.add(doc.fileId);
    return owned;
  }

  /** Unclaimed slots handed out before `before`, oldest first, at most `limit`. */
  async orphans(before: string, limit = 1000): Promise<UploadSlot[]> {
    const _ = this.db.command;
    const { data } = await this.uploads().where({ claimedAt: null, createdAt: _.lt(before) }).orderBy('createdAt', 'asc').limit(limit).get();
    return data as unknown as UploadSlot[];
  }

  /** Forgets these slots (after their files were deleted). */
  async forget(slotIds: readonly string[]): Promise<void> {
    const _ = this.db.command;
    for (const part of chunk([...slotIds], 100)) await this.uploads().where({ _id: _.in(part) }).remove();
  }
}
