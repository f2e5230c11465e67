/** 月通报 jobs on SQLite (table `bulletin_jobs`, local/store/bulletin-job-schema.ts). */
import type { BulletinJob, BulletinJobStore } from '../../shared/ports/bulletin-job-store';
import { StoreConflictError } from '../../shared/ports/store';
import type { StatementCache } from './statements';

export class SqliteBulletinJobs implements BulletinJobStore {
  constructor(private readonly st: StatementCache) {}

  async createBulletinJob(job: BulletinJob): Promise<boolean> {
    const info = this.st.get('INSERT INTO bulletin_jobs (id, version, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING').run(job.id, job.version, JSON.stringify(job));
    return info.changes === 1;
  }

  async getBulletinJob(id: string): Promise<BulletinJob | null> {
    const row = this.st.get('SELECT doc FROM bulletin_jobs WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as BulletinJob) : null;
  }

  async updateBulletinJob(next: BulletinJob, expectedVersion: number): Promise<void> {
    const info = this.st.get('UPDATE bulletin_jobs SET version = ?, doc = ? WHERE id = ? AND version = ?').run(next.version, JSON.stringify(next), next.id, expectedVersion);
    if (info.changes !== 1) throw new StoreConflictError('月通报任务已被更新');
  }
}
