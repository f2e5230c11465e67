import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { REGISTRY } from '../../../shared/jurisdictions';
import { toCsv } from '../../../shared/lists/csv';
import { listToTable } from '../../../shared/lists/import';
import { shanghaiDate } from '../../../shared/sla/calendar';

// The county and route CLIs as an operator runs them: real child processes through tsx, on a store in a temp DATA_DIR.
const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
let dir: string;
const run = (cli: 'county' | 'route', args: string[], input?: string) =>
  spawnSync(TSX, [join(ROOT, `local/cli/${cli}.ts`), ...args], { input, encoding: 'utf8', cwd: ROOT, timeout: 60_000, env: { ...process.env, DATA_DIR: dir } });

/** Yongning's list with the 飞线充电 row led by 县消防救援大队 (a fixture revision, not a real document). */
function revised(): string[][] {
  const table = listToTable(REGISTRY.list('yongning')!, REGISTRY);
  table.find((r) => r[1]!.includes('飞线充电'))![2] = '县消防救援大队、县应急管理局';
  return table;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'county-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('county CLI (issue 19)', () => {
  it('imports an XLSX list as a draft and prints the preview with the changed categories marked', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('责任清单');
    for (const row of revised()) ws.addRow(row);
    const file = join(dir, '永宁县责任清单.xlsx');
    await wb.xlsx.writeFile(file);
    const out = run('county', ['import', '--jurisdiction', 'yongning', '--list', file]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^已导入草稿 yongning\\.v\\d{14}（${REGISTRY.list('yongning')!.rows.length} 条）`));
    expect(out.stdout).toContain('* 飞线充电 (fly-wire)\n    现行: 县住建局、县应急管理局 |');
    expect(out.stdout).toContain('    新版: 县消防救援大队、县应急管理局 |');
    expect(out.stdout).toContain('  违规饲养犬只、家禽 (dog)');
    expect(out.stdout).toContain('4 个类别有变化');
    const again = run('county', ['preview', '--jurisdiction', 'yongning']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('4 个类别有变化');
  });

  it('a CSV with three bad rows: three errors on stderr naming row and column, exit 1, nothing stored', () => {
    const table = revised();
    table[2]![2] = '';
    table[3]![1] = '飞线冲电';
    table[4]![3] = '县城管局';
    const file = join(dir, 'bad.csv');
    writeFileSync(file, toCsv(table));
    const out = run('county', ['import', '--jurisdiction', 'yongning', '--list', file]);
    expect(out.status).toBe(1);
    expect(out.stderr.trim().split('\n')).toEqual([
      'LIST.INVALID_ROWS: 清单有 3 处错误，未导入任何内容',
      '  第3行「牵头单位」为空',
      '  第4行「问题」未知问题类别：飞线冲电',
      '  第5行「责任单位」县城管局 不在本辖区单位表中',
    ]);
    expect(JSON.parse(run('county', ['versions', '--jurisdiction', 'yongning']).stdout)).toEqual({ routingNow: 'yongning.bundled', versions: [] });
  });

  it('after activation the route CLI with --data-dir routes by the active version; without it, by the bundled list', () => {
    const file = join(dir, 'list.csv');
    writeFileSync(file, toCsv(revised()));
    const imported = run('county', ['import', '--jurisdiction', 'yongning', '--list', file]);
    const versionId = /草稿 (\S+)（/.exec(imported.stdout)![1]!;
    const today = shanghaiDate(new Date().toISOString());
    const activated = run('county', ['activate', '--jurisdiction', 'yongning', '--version', versionId, '--effective', today]);
    expect(activated.stdout).toBe(`${versionId} 自 ${today} 起生效\n`);
    const lead = (args: string[]) => (JSON.parse(run('route', ['--jurisdiction', 'yongning', '--category', 'fly-wire', ...args]).stdout) as { lead: Array<{ name: string }> }).lead.map((u) => u.name);
    expect(lead(['--data-dir', dir])).toEqual(['县消防救援大队', '县应急管理局']);
    expect(lead([])).toEqual(['县住建局', '县应急管理局']);
    // A ticket created before the effective day is routed by the list of that day.
    expect(lead(['--data-dir', dir, '--at', '2026-01-01T00:00:00Z'])).toEqual(['县住建局', '县应急管理局']);
    expect(run('route', ['--jurisdiction', 'yongning', '--category', 'dog', '--data-dir', join(dir, 'nowhere')]).status).toBe(2);
  });

  it('answers usage errors with exit 2', () => {
    expect(run('county', []).status).toBe(2);
    expect(run('county', ['import', '--jurisdiction', 'yongning']).status).toBe(2);
  });
});
