/**
 * report.suggestCategory (issue 16 §5): `{text}` → `[{category, label, score}]` best first, for
 * anonymous and signed-in callers alike, bad input a 400 with INPUT.INVALID, and nothing stored.
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import { CATEGORY_CODES, getCategory } from '../../../shared/taxonomy/categories';
import { makeApp, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

describe('report.suggestCategory', () => {
  it('answers an anonymous caller with three categories, labels from the taxonomy, best first', async () => {
    const res = await app.call(report, null, 'suggestCategory', { text: '5号楼有人从窗户拉电线下来给电瓶车冲电' });
    expect(res.ok).toBe(true);
    const items = res.data as Array<{ category: string; label: string; score: number }>;
    expect(items).toHaveLength(3);
    expect(items[0]?.category).toBe('fly-wire');
    for (const s of items) {
      expect(CATEGORY_CODES).toContain(s.category);
      expect(s.label).toBe(getCategory(s.category as (typeof CATEGORY_CODES)[number]).label);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(items.map((s) => s.score)).toEqual([...items.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('answers a signed-in resident the same way', async () => {
    const text = '电梯又坏了，18楼老人下不了楼';
    const anon = await app.call(report, null, 'suggestCategory', { text });
    const resident = await app.call(report, 'resident', 'suggestCategory', { text });
    expect(resident.ok).toBe(true);
    expect(resident.data).toEqual(anon.data);
    expect((resident.data as Array<{ category: string }>)[0]?.category).toBe('elevator');
  });

  it.each([
    ['no text', {}],
    ['empty text', { text: '' }],
    ['only spaces', { text: '   ' }],
    ['only invisible characters (removed before the length check)', { text: '\u200B\u202E\u0000' }],
    ['501 characters', { text: '楼'.repeat(501) }],
    ['a number', { text: 42 }],
  ])('refuses %s with 400 INPUT.INVALID', async (_name, data) => {
    const res = await app.call(report, null, 'suggestCategory', data);
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe('INPUT.INVALID');
  });

  it('accepts 500 characters and stores nothing', async () => {
    const before = await app.store.queryTickets({}, { limit: 50 });
    const res = await app.call(report, 'resident', 'suggestCategory', { text: '楼道里堆满了纸箱子'.repeat(55).slice(0, 500) });
    expect(res.ok).toBe(true);
    expect((res.data as Array<{ category: string }>)[0]?.category).toBe('clutter');
    expect((await app.store.queryTickets({}, { limit: 50 })).items).toHaveLength(before.items.length);
  });
});
