import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CATEGORY_CODES } from '../../../shared/taxonomy/categories';

// The route CLI as people and checks call it: a real child process through tsx.
const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (args: string[], input?: string) =>
  spawnSync(TSX, [join(ROOT, 'local/cli/route.ts'), ...args], { input, encoding: 'utf8', cwd: ROOT, timeout: 60_000 });

describe('route CLI (DESIGN.md §5)', () => {
  it('prints exactly {lead, responsible, basis} for one query, each unit with its kind', () => {
    const out = run(['--jurisdiction', 'yongning', '--category', 'fly-wire']);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as Record<string, Array<Record<string, string>>>;
    expect(Object.keys(json)).toEqual(['lead', 'responsible', 'basis']);
    expect(json.lead).toEqual([
      { id: 'yongning.zjj', name: '县住建局', kind: 'handling' },
      { id: 'yongning.yjgl', name: '县应急管理局', kind: 'handling' },
    ]);
    for (const u of json.responsible!) expect(Object.keys(u)).toEqual(['id', 'name', 'kind']);
    expect(Object.keys(json.basis![0]!)).toEqual(['source', 'item', 'text']);
    expect(json.basis![0]!.source).toBe('002_bbc741157aca8db7.txt');
  });

  it('answers a batch of all four jurisdictions × all categories, one line each, in order', () => {
    const queries = ['yinchuan', 'yongning', 'wuzhong', 'qitai'].flatMap((jurisdiction) =>
      CATEGORY_CODES.map((category) => ({ jurisdiction, category })),
    );
    const out = run(['--batch'], queries.map((q) => JSON.stringify(q)).join('\n') + '\n');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { lead: unknown[]; basis: unknown[] });
    expect(lines).toHaveLength(4 * 33);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['lead', 'responsible', 'basis']);
      expect(l.lead.length).toBeGreaterThan(0);
      expect(l.basis.length).toBeGreaterThan(0);
    }
  });

  it('says which leads coordinate and which handle (Wuzhong fire lanes: the county government coordinates)', () => {
    const out = run(['--jurisdiction', 'wuzhong', '--category', 'fire-lane', '--area', 'wuzhong.litong']);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as { lead: Array<{ name: string; kind: string }> };
    expect(json.lead.map((u) => `${u.name}:${u.kind}`)).toEqual(['利通区人民政府:coordinating', '市消防救援局:handling', '市住建局:handling']);
  });

  it('routes an estate in 永宁县 registered under Yinchuan by Yongning’s list (batch, with area and township)', () => {
    const out = run(['--batch'], '{"jurisdiction":"yinchuan","category":"fly-wire","area":"yinchuan.yongning","township":"yongning.t.yanghe"}\n');
    const line = JSON.parse(out.stdout) as { lead: Array<{ name: string }>; responsible: Array<{ name: string }>; basis: Array<{ source: string }> };
    expect(line.lead.map((u) => u.name)).toEqual(['县住建局', '县应急管理局']);
    expect(line.responsible.map((u) => u.name)).toContain('杨和镇');
    expect(line.basis[0]!.source).toBe('002_bbc741157aca8db7.txt');
  });

  it('answers bad batch lines with an error line and goes on', () => {
    const out = run(['--batch'], '{"jurisdiction":"nowhere","category":"dog"}\nnot json\n{"jurisdiction":"qitai","category":"dog"}\n');
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, { code: string }>);
    expect(lines[0]!.error!.code).toBe('ROUTE.UNKNOWN_JURISDICTION');
    expect(lines[1]!.error!.code).toBe('ROUTE.BAD_QUERY');
    expect(lines[2]).toHaveProperty('lead');
  });

  it('exits 2 with a usage message when the flags are missing, and with an error for an unknown category', () => {
    expect(run([]).status).toBe(2);
    const bad = run(['--jurisdiction', 'qitai', '--category', 'graffiti']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('ROUTE.UNKNOWN_CATEGORY');
  });
});
