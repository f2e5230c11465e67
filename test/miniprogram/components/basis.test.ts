import fs from 'node:fs';
import path from 'node:path';
import { citeBasis, SOURCE_TITLES, sourceTitle } from '../../../miniprogram/components/basis';
import { REGISTRY } from '../../../shared/jurisdictions';

describe('citeBasis', () => {
  it('cites the document by its short Chinese title and the item', () => {
    expect(citeBasis({ source: '002_bbc741157aca8db7.txt', item: '二(二)1(2)' })).toBe('依据 永宁县2023年物业提升“123”专项行动工作方案 二(二)1(2)');
    expect(citeBasis({ source: '004_130a68cab0166a86.txt', item: '三(一)3 消防救援大队' })).toBe('依据 奇台县物业服务质量提升年活动实施方案 三(一)3 消防救援大队');
  });

  it('has a title for every source document, and each title appears in its document', () => {
    const dir = path.resolve(__dirname, '../../../docs/sources');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    expect(Object.keys(SOURCE_TITLES).sort()).toEqual(files);
    // The documents are quoted as written (002 in Traditional characters): compare a few plain characters.
    expect(fs.readFileSync(path.join(dir, '000_54099d4cd549e82b.txt'), 'utf8')).toContain('银川市2023年物业提升“123”专项行动重点任务清单');
    expect(fs.readFileSync(path.join(dir, '004_130a68cab0166a86.txt'), 'utf8')).toContain('奇台县物业服务质量提升年活动实施方案');
    expect(fs.readFileSync(path.join(dir, '003_ffcbc4d9ebbf64d7.txt'), 'utf8')).toContain('关于进一步加强吴忠市物业服务管理工作的意见');
  });

  it('covers every source the responsibility lists cite', () => {
    const cited = new Set<string>();
    for (const list of REGISTRY.lists.values()) {
      for (const row of [...list.rows, list.defaultRow]) for (const b of row.basis) cited.add(b.source);
    }
    expect(cited.size).toBeGreaterThan(0);
    for (const source of cited) expect(sourceTitle(source)).not.toBe('责任清单');
  });

  it('falls back to a generic name for an unknown file', () => {
    expect(citeBasis({ source: 'x.txt', item: '一' })).toBe('依据 责任清单 一');
  });

  it('cites an imported list by the document title its 依据 names (issue 19)', () => {
    expect(citeBasis({ source: '永宁县物业管理责任清单(修订)', item: '序号6' })).toBe('依据 永宁县物业管理责任清单(修订) 序号6');
  });
});
