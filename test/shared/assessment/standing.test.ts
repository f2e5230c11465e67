import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { standingChanged, standingFor, standingHistory } from '../../../shared/assessment';
import type { NineItem } from '../../../shared/domain/violation';

const SOURCE = readFileSync(join(__dirname, '../../../docs/sources/001_c21a685cf9840a30.txt'), 'utf8').replace(/\n/g, '');
const v = (item: NineItem, year = 2026, companyId = 'pc-a') => ({ companyId, year, item });

describe('star level and credit status follow the 九不准 ladder (001 序号3)', () => {
  it('the document’s steps', () => {
    expect(SOURCE).toContain('对累计违反上述2条内容的，除上述监管措施外，物业服务质量星级化评定采取“降星”');
    expect(SOURCE).toContain('对累计违反上述3条内容的，除上述监管措施外，物业服务质量星级化评定不达标');
    expect(SOURCE).toContain('对累计违反上述4条及以上内容的，纳入物业行业“黑名单”管理');
  });

  it.each([
    [[], 0, 4, 'good', '正常'],
    [[7], 1, 4, 'deducted', '扣减信用分'],
    [[7, 7], 1, 4, 'deducted', '扣减信用分'], // the same item twice is one 条
    [[7, 9], 2, 3, 'downgraded', '降星'],
    [[1, 7, 9], 3, null, 'substandard', '星级评定不达标'],
    [[1, 2, 7, 9], 4, null, 'blacklisted', '黑名单'],
  ] as const)('items %j → level %i, a rated 4-star company shows %p stars, credit %s', (items, level, stars, credit, label) => {
    const s = standingFor({ companyId: 'pc-a', year: 2026, ratedStars: 4, violations: items.map((i) => v(i)) });
    expect([s.level, s.stars, s.credit, s.creditLabel, s.blacklisted]).toEqual([level, stars, credit, label, credit === 'blacklisted']);
  });

  it('降星 never goes below one star; an unrated company has no stars; other years and companies do not count', () => {
    expect(standingFor({ companyId: 'pc-a', year: 2026, ratedStars: 1, violations: [v(1), v(2)] }).stars).toBe(1);
    expect(standingFor({ companyId: 'pc-a', year: 2026, ratedStars: null, violations: [] }).stars).toBeNull();
    const s = standingFor({ companyId: 'pc-a', year: 2026, ratedStars: 5, violations: [v(1, 2025), v(2, 2025), v(3, 2026, 'pc-b'), v(4)] });
    expect([s.items, s.credit, s.stars]).toEqual([1, 'deducted', 5]);
  });

  it('the history records a change of level, stars or credit, not a repeat', () => {
    const a = standingFor({ companyId: 'pc-a', year: 2026, ratedStars: 4, violations: [v(7)] });
    const b = standingFor({ companyId: 'pc-a', year: 2026, ratedStars: 4, violations: [v(7), v(7)] });
    const c = standingFor({ companyId: 'pc-a', year: 2026, ratedStars: 4, violations: [v(7), v(8)] });
    expect(standingChanged(null, a)).toBe(true);
    expect(standingChanged(a, b)).toBe(false);
    expect(standingChanged(b, c)).toBe(true);
  });
});

describe('standing history, replayed from the ledger', () => {
  it('one entry per move: 1 item 扣信用分, the same item again nothing, a 2nd item 降星, …, a 4th 黑名单', () => {
    const at = (d: string) => `2026-${d}T02:00:00.000Z`;
    const vs = [
      { id: 'v1', companyId: 'pc-a', year: 2026, item: 7 as NineItem, confirmedAt: at('03-01') },
      { id: 'v2', companyId: 'pc-a', year: 2026, item: 7 as NineItem, confirmedAt: at('04-01') },
      { id: 'v3', companyId: 'pc-a', year: 2026, item: 9 as NineItem, confirmedAt: at('05-01') },
      { id: 'v4', companyId: 'pc-a', year: 2026, item: 1 as NineItem, confirmedAt: at('06-01') },
      { id: 'v5', companyId: 'pc-a', year: 2026, item: 2 as NineItem, confirmedAt: at('07-01') },
      { id: 'vx', companyId: 'pc-b', year: 2026, item: 3 as NineItem, confirmedAt: at('02-01') },
    ];
    const h = standingHistory({ companyId: 'pc-a', year: 2026, ratedStars: 4, violations: [...vs].reverse() });
    expect(h.map((c) => [c.at.slice(5, 10), c.item, c.standing.credit, c.standing.stars])).toEqual([
      ['03-01', 7, 'deducted', 4],
      ['05-01', 9, 'downgraded', 3],
      ['06-01', 1, 'substandard', null],
      ['07-01', 2, 'blacklisted', null],
    ]);
    expect(standingHistory({ companyId: 'pc-c', year: 2026, ratedStars: 4, violations: vs })).toEqual([]);
  });
});
