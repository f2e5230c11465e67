/** The API the report action and the 12345 import use: suggestCategories(text, limit = 3). */
import { CATEGORY_CODES } from '../../../shared/taxonomy/categories';
import { suggestCategories } from '../../../shared/classify';

describe('suggestCategories', () => {
  it('returns `limit` distinct known categories, best first, scores in [0, 1]', () => {
    const out = suggestCategories('楼上有人飞线冲电，电线从窗户吊下来');
    expect(out).toHaveLength(3);
    expect(new Set(out.map((s) => s.category)).size).toBe(3);
    for (const s of out) {
      expect(CATEGORY_CODES).toContain(s.category);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(out.map((s) => s.score)).toEqual([...out.map((s) => s.score)].sort((a, b) => b - a));
    expect(out[0]?.category).toBe('fly-wire');
  });

  it('honours limit (0 to all 33), and scores over all categories sum to 1', () => {
    expect(suggestCategories('电梯坏了', 1)).toHaveLength(1);
    expect(suggestCategories('电梯坏了', 0)).toEqual([]);
    const all = suggestCategories('电梯坏了', 99);
    expect(all).toHaveLength(CATEGORY_CODES.length);
    expect(all.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 6);
  });

  it('is deterministic: the same text gives the same answer', () => {
    const text = '物业不交物业费就给停水，太过分了';
    expect(suggestCategories(text, 5)).toEqual(suggestCategories(text, 5));
  });

  it('answers empty or meaningless text without throwing', () => {
    expect(suggestCategories('')).toHaveLength(3);
    expect(suggestCategories('。。。！！😀')).toHaveLength(3);
  });
});
