import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../local/store/sqlite-store';
import { describeStaffQueueContract } from './staff-queue.contract';

describeStaffQueueContract('SQLite (better-sqlite3, file in a temp dir)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'staff-queue-contract-'));
  const store = openSqliteStore(join(dir, 'store.db'));
  return {
    store,
    cleanup: async () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
