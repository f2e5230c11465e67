import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { REGISTRY } from '../../../shared/jurisdictions';
import { toCsv } from '../../../shared/lists/csv';
import { listToTable } from '../../../shared/lists/import';
import { shanghaiDate } from '../../../shared/sla/calendar';
import { LIST_V1, listXlsx, SHILI_DOCUMENT } from '../../fixtures/county/shili-lists';

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

  it('onboards a created county (示例县, a test fixture): create, import-units, import, activate, import-grids; the route CLI routes it by its list', async () => {
    const fixture = (name: string) => join(ROOT, 'test/fixtures/county', name);
    expect(run('county', ['create', '--id', 'shili', '--name', '示例县', '--parent', 'yinchuan']).stdout).toBe('已创建辖区 shili 示例县（上级 yinchuan）\n');
    const units = run('county', ['import-units', '--jurisdiction', 'shili', '--file', fixture('shili-units.csv')]);
    expect(units.stdout.split('\n')[0]).toBe('已导入 12 个单位、3 个乡镇（街道）');
    expect(units.stdout).toContain('  shili.t1\t示例街道\n');
    const file = join(dir, '示例县责任清单.xlsx');
    // 示例县's list with its 其他 row (a created county's list must have one), as the fixture words it.
    writeFileSync(file, await listXlsx([...LIST_V1.filter((r) => r[1] !== '其他'), ['9', '其他', '示例县住房和城乡建设局', '属地乡镇(街道)', `《${SHILI_DOCUMENT}》四：清单未列明的问题由县住房和城乡建设局会同属地乡镇(街道)办理。`]]));
    const versionId = /草稿 (\S+)（/.exec(run('county', ['import', '--jurisdiction', 'shili', '--list', file, '--document', SHILI_DOCUMENT]).stdout)![1]!;
    const today = shanghaiDate(new Date().toISOString());
    expect(run('county', ['activate', '--jurisdiction', 'shili', '--version', versionId, '--effective', today]).status).toBe(0);
    const grids = join(dir, 'grids.csv');
    writeFileSync(grids, toCsv([['网格名称', '乡镇(街道)', '小区'], ['示例西乡第一网格', '示例西乡', '']]));
    expect(run('county', ['import-grids', '--jurisdiction', 'shili', '--file', grids]).stdout).toBe('已导入 1 个网格\n  shili.g1\t示例西乡第一网格\t0 个小区\n');
    // A re-import is the whole grid set: the grid it leaves out (bound by nothing) is removed.
    writeFileSync(grids, '网格名称,乡镇(街道),小区\n示例街道第一网格,示例街道,\n');
    expect(run('county', ['import-grids', '--jurisdiction', 'shili', '--file', grids]).stdout).toBe('已导入 1 个网格\n  shili.g2\t示例街道第一网格\t0 个小区\n已删除表中没有的 1 个网格\n  shili.g1\t示例西乡第一网格\n');
    const routed = JSON.parse(run('route', ['--jurisdiction', 'shili', '--category', 'fly-wire', '--data-dir', dir]).stdout) as { lead: Array<{ name: string }>; basis: Array<{ item: string }> };
    expect([routed.lead.map((u) => u.name), routed.basis[0]?.item]).toEqual([['示例县住房和城乡建设局', '示例县应急管理局'], '一(1)']);
    // Only the operator creates a top-level jurisdiction; a second one with the same id is refused.
    expect(run('county', ['create', '--id', 'shili', '--name', '示例县']).stderr).toBe('JURISDICTION.EXISTS: 辖区编号 shili 已存在\n');
  });

  it('answers usage errors with exit 2', () => {
    expect(run('county', []).status).toBe(2);
    expect(run('county', ['import', '--jurisdiction', 'yongning']).status).toBe(2);
  });
});
