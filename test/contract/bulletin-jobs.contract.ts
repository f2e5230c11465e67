/**
 * The contract of BulletinJobStore (shared/ports/bulletin-job-store.ts, issue 17 §3): both adapters
 * (SQLite, CloudBase) run it. Each test opens a fresh, empty store.
 */
import type { BulletinJob } from '../../shared/ports/bulletin-job-store';
import { StoreConflictError, type Store } from '../../shared/ports/store';
import type { OpenedStore } from './store.contract';

export function makeJob(overrides: Partial<BulletinJob> = {}): BulletinJob {
  return {
    id: 'bulletin:yongning:2026-11:all',
    jurisdiction: 'yongning',
    month: '2026-11',
    scopeKey: 'all',
    requestedBy: 'u-lead',
    state: 'queued',
    step: 0,
    steps: 3,
    leaseUntil: null,
    partial: null,
    fileId: null,
    filename: '永宁县月通报-2026-11.xlsx',
    error: null,
    createdAt: '2026-12-06T01:00:00.000Z',
    updatedAt: '2026-12-06T01:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function describeBulletinJobContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Bulletin job store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(() => cleanup());

    it('creates a job once: a second create of the same id answers false and keeps the first', async () => {
      expect(await store.getBulletinJob('bulletin:yongning:2026-11:all')).toBeNull();
      const first = makeJob();
      expect(await store.createBulletinJob(first)).toBe(true);
      expect(await store.createBulletinJob(makeJob({ requestedBy: 'u-other' }))).toBe(false);
      expect(await store.getBulletinJob(first.id)).toEqual(first);
    });

    it('updates only at the expected version; a stale writer gets StoreConflictError and writes nothing', async () => {
      await store.createBulletinJob(makeJob());
      const running = makeJob({ state: 'running', leaseUntil: '2026-12-06T01:00:30.000Z', version: 2 });
      await store.updateBulletinJob(running, 1);
      await expect(store.updateBulletinJob(makeJob({ state: 'failed', error: 'INTERNAL', version: 2 }), 1)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.getBulletinJob(running.id)).toEqual(running);
    });

    it('replaces the step result whole: null → an object → another object → null, no field of the old one left', async () => {
      await store.createBulletinJob(makeJob());
      const metrics = makeJob({ state: 'running', step: 1, partial: { kind: 'metrics', rows: { all: [] }, unitNames: [['u1', '县住建局']], overdueIds: ['t1'] }, version: 2 });
      await store.updateBulletinJob(metrics, 1);
      expect(await store.getBulletinJob(metrics.id)).toEqual(metrics);
      const tables = makeJob({ state: 'running', step: 2, partial: { kind: 'tables', tables: { month: '2026-11' } }, version: 3 });
      await store.updateBulletinJob(tables, 2);
      expect(await store.getBulletinJob(tables.id)).toEqual(tables);
      const done = makeJob({ state: 'done', step: 3, partial: null, fileId: 'cloud://env.bucket/bulletins/bulletin-job/x.xlsx', version: 4 });
      await store.updateBulletinJob(done, 3);
      expect(await store.getBulletinJob(done.id)).toEqual(done);
    });
  });
}
