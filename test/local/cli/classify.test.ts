/**
 * The classifier CLI as checks call it (issue 16 §5): a real child process through tsx, JSON lines
 * {"text"} in, one {"suggestions":[{"category","score"}]} line out per input line, in order.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CATEGORY_CODES } from '../../../shared/taxonomy/categories';
import { suggestCategories } from '../../../shared/classify';

const ROOT = join(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (args: string[], input?: string) =>
  spawnSync(TSX, [join(ROOT, 'local/cli/classify.ts'), ...args], { input, encoding: 'utf8', cwd: ROOT, timeout: 60_000 });

describe('classify CLI', () => {
  it('--batch: one {"suggestions"} line per input line, in order, the same answer as suggestCategories', () => {
    const texts = ['楼上有人飞线冲电', '电梯里困人了', '物业不交物业费就停我家门禁卡', '楼道里堆满纸箱子'];
    const out = run(['--batch'], texts.map((text) => JSON.stringify({ text })).join('\n') + '\n');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(texts.length);
    lines.forEach((line, i) => {
      const json = JSON.parse(line) as { suggestions: Array<{ category: string; score: number }> };
      expect(Object.keys(json)).toEqual(['suggestions']);
      expect(json.suggestions).toHaveLength(3);
      for (const s of json.suggestions) {
        expect(Object.keys(s)).toEqual(['category', 'score']);
        expect(CATEGORY_CODES).toContain(s.category);
      }
      expect(json.suggestions).toEqual(suggestCategories(texts[i] ?? ''));
    });
  });

  it('--batch: a bad line answers an error line in its place and the rest still answer', () => {
    const out = run(['--batch'], ['not json', JSON.stringify({ txt: 'x' }), JSON.stringify({ text: '电梯坏了' })].join('\n') + '\n');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toHaveProperty('error');
    expect(lines[1]).toHaveProperty('error');
    expect((lines[2]?.suggestions as Array<{ category: string }>)[0]?.category).toBe('elevator');
  });

  it('answers one text given as an argument, and explains its usage without one', () => {
    const one = run(['消防通道被私家车堵死了']);
    expect(one.status).toBe(0);
    expect((JSON.parse(one.stdout) as { suggestions: Array<{ category: string }> }).suggestions[0]?.category).toBe('fire-lane');
    const none = run([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage');
  });
});
