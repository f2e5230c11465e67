import type { PhotoCheck, PhotoCheckStore } from '../../../shared/ports/store';
import { chunk, COLLECTIONS, fromDoc, toDoc, withoutId } from './collections';
import type { CbDatabase } from './sdk';

/** Photo content checks in the `photo_checks` collection (`_id` = traceId; indexed by fileId). */
export function createCloudbasePhotoCheckStore(db: CbDatabase): PhotoCheckStore {
  const _ = db.command;
  const checks = () => db.collection(COLLECTIONS.photoChecks);
  return {
    async putPhotoCheck(check) {
      await checks().doc(check.traceId).set(withoutId(toDoc(check.traceId, check)));
    },
    async getPhotoCheck(traceId) {
      const { data } = await checks().doc(traceId).get();
      return data[0] ? fromDoc<PhotoCheck>(data[0]) : null;
    },
    async listPhotoChecks(fileIds) {
      const out: PhotoCheck[] = [];
      for (const part of chunk([...new Set(fileIds)], 100)) {
        const { data } = await checks().where({ fileId: _.in(part) }).limit(1000).get();
        out.push(...data.map((d) => fromDoc<PhotoCheck>(d)));
      }
      return out;
    },
  };
}
