import type { BulletinJob, BulletinJobStore } from '../../../shared/ports/bulletin-job-store';
import { StoreConflictError } from '../../../shared/ports/store';
import { COLLECTIONS, fromDoc, toDoc, withoutId } from './collections';
import { isDuplicateWrite, type CbDatabase } from './sdk';

/** 月通报 jobs in the `bulletin_jobs` collection (`_id` = job id; version-checked updates). */
export function createCloudbaseBulletinJobStore(db: CbDatabase): BulletinJobStore {
  const _ = db.command;
  const jobs = () => db.collection(COLLECTIONS.bulletinJobs);
  // Object values as a whole (`_.set`): the SDK would otherwise flatten `{ partial: {…} }` into
  // `partial.kind`, … which the database refuses where the stored field is null (as ticket-store.ts does).
  const whole = (job: BulletinJob) =>
    Object.fromEntries(Object.entries(withoutId(toDoc(job.id, job))).map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? _.set(v) : v]));
  return {
    async createBulletinJob(job) {
      try {
        await jobs().add(toDoc(job.id, job));
        return true;
      } catch (error) {
        if (isDuplicateWrite(error)) return false;
        throw error;
      }
    },
    async getBulletinJob(id) {
      const { data } = await jobs().doc(id).get();
      return data[0] ? fromDoc<BulletinJob>(data[0]) : null;
    },
    async updateBulletinJob(next, expectedVersion) {
      const { updated } = await jobs()
        .where({ _id: next.id, version: expectedVersion })
        .update(whole(next));
      if (updated !== 1) throw new StoreConflictError('月通报任务已被更新');
    },
  };
}
