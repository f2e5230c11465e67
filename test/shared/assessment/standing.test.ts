import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { standingChanged, standingFor } from '../../../shared/assessment';
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
