import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NineItem, Violation } from '../../../shared/domain/violation';
import { openSqliteStore } from '../../../local/store/sqlite-store';

// The standing CLI as an operator runs it: `npm run --silent standing -- backfill`, a real child
// process through npm and tsx, on a SQLite store in a temp DATA_DIR holding breaches and no records.
const ROOT = join(__dirname, '../../..');
let dir: string;
const run = (args: string[]) => spawnSync('npm', ['run', '--silent', 'standing', '--', ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000, env: { ...process.env, DATA_DIR: dir } });
const store = () => openSqliteStore(join(dir, 'store.sqlite'));

const BY = { userId: 'u-street', role: 'street' as const, unitId: 'yongning.t.tuanjiexilu', name: '老张' };
function breach(n: number, item: NineItem): Violation {
  return {
    id: `v:t${n}:${item}`, companyId: 'pc-hengan', item, year: 2026, jurisdiction: 'yongning', ticketId: `t${n}`, ticketNo: `YN-20261101-000${n}`,
    estateId: 'yn-jinxiu', streetId: 'yongning.t.tuanjiexilu', category: 'illegal-fee', note: '—', confirmedAt: `2026-11-0${n}T02:00:00.000Z`, confirmedBy: BY,
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'standing-cli-'));
  const s = store();
  await s.putPropertyCompany({ id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning', ratedStars: 4 });
  for (const v of [breach(1, 7), breach(2, 7), breach(3, 9)]) await s.putViolation(v);
  s.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('standing CLI (issue 20 §4)', () => {
  it('backfill writes a record per move of the ladder; a second run adds nothing', async () => {
    const first = run(['backfill']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    // 7: 正常 → 扣减信用分; 7 again: no move; 9: two items, 降星 (4 → 3 stars).
    expect(first.stdout).toBe('已读取九不准认定 3 条：补记星级/信用状态变化 2 条，已有记录 0 条，未引起变化 1 条\n');
    let s = store();
    const records = await s.listStandingRecords({});
    s.close();
    expect(records.map((r) => [r.id, r.at, r.before.credit, r.after.credit, r.before.stars, r.after.stars, r.by.userId])).toEqual([
      ['sc:v:t1:7', '2026-11-01T02:00:00.000Z', 'good', 'deducted', 4, 4, 'u-street'],
      ['sc:v:t3:9', '2026-11-03T02:00:00.000Z', 'deducted', 'downgraded', 4, 3, 'u-street'],
    ]);

    const second = run(['backfill']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('已读取九不准认定 3 条：补记星级/信用状态变化 0 条，已有记录 2 条，未引起变化 1 条\n');
    s = store();
    expect(await s.listStandingRecords({})).toEqual(records);
    s.close();
  });

  it('answers usage (exit 2) for anything else and writes nothing', async () => {
    const out = run(['backfil']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('usage: npm run --silent standing -- backfill');
    const s = store();
    expect(await s.listStandingRecords({})).toEqual([]);
    s.close();
  });
});
