import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTRY } from '../../../shared/jurisdictions';

// Every quoted basis must stand in its document. 001 is line-wrapped mid-sentence, so whitespace is
// removed from both sides before comparing; nothing else is normalised (002 stays Traditional).
const SOURCES = join(__dirname, '../../../docs/sources');
const squash = (s: string) => s.replace(/\s+/g, '');
const docs = new Map<string, string>();
const doc = (file: string) => {
  if (!docs.has(file)) docs.set(file, squash(readFileSync(join(SOURCES, file), 'utf8')));
  return docs.get(file) as string;
};

const quotes = [...REGISTRY.lists.values()].flatMap((list) =>
  [...list.rows, list.defaultRow].flatMap((row) => row.basis.map((b) => [list.id, row.id, b.source, b.item, b.text] as const)),
);

describe('every basis is quoted from its document', () => {
  it('covers all four lists', () => {
    expect(new Set(quotes.map((q) => q[0]))).toEqual(new Set(['yinchuan', 'yongning', 'wuzhong', 'qitai']));
    expect(quotes.length).toBeGreaterThan(60);
  });

  it.each(quotes)('%s %s: %s %s', (_list, _row, source, _item, text) => {
    expect(doc(source)).toContain(squash(text));
  });

  it('keeps 002’s quotes in Traditional characters (as written) and its unit names in Simplified', () => {
    const yn = REGISTRY.list('yongning');
    expect(yn?.rows.find((r) => r.id === 'yongning.zhizang-6')?.basis[0]?.text).toContain('飛線充電');
    expect(yn?.departments.map((d) => d.name).join('')).not.toMatch(/[縣應綜執監發]/);
  });
});

describe('department directory', () => {
  it('gives every unit an id, a Chinese name and a level', () => {
    for (const list of REGISTRY.lists.values()) {
      for (const d of list.departments) {
        expect(d.name).toMatch(/[\u4e00-\u9fa5]/);
        expect(['city', 'district', 'county', 'township']).toContain(d.level);
      }
      expect(REGISTRY.department(list.leadershipOffice)?.kind).toBe('leadership');
    }
  });

  it('uses the document’s names for the units the rows cite', () => {
    const names = (id: string) => REGISTRY.list(id)?.departments.map((d) => d.name) ?? [];
    expect(names('yongning')).toEqual(expect.arrayContaining(['县住建局', '县应急管理局', '县消防救援大队', '县综合执法局', '县城乡公共事业服务中心']));
    expect(names('yinchuan')).toEqual(expect.arrayContaining(['市市政管理局', '市住房和城乡建设局', '市综合执法监督局', '市消防救援支队']));
    expect(names('wuzhong')).toEqual(expect.arrayContaining(['市消防救援局', '市市场监管局', '市生态环境局', '市委社会工作部']));
    expect(names('qitai')).toEqual(expect.arrayContaining(['县消防救援大队', '县公安局', '县市场监管局', '县生态环境局']));
  });
});
