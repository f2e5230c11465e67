import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../local/store/sqlite-store';
import { describeBulletinJobContract } from './bulletin-jobs.contract';

describeBulletinJobContract('SQLite (better-sqlite3, file in a temp dir)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-job-contract-'));
  const store = openSqliteStore(join(dir, 'store.db'));
  return {
    store,
    cleanup: async () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
