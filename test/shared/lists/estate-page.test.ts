/** shared/lists/estate-page.ts: the order (township, name in pinyin order, id), the cursor, the count. */
import { estatePage } from '../../../shared/lists/estate-page';
import { ESTATE } from '../../support/app';

const e = (id: string, name: string, townshipId: string) => ({ ...ESTATE, id, name, townshipId });
const ALL = [e('c', '丽景小区', 't1'), e('a', '锦绣花园', 't1'), e('b', '阿里小区', 't2'), e('d', '锦绣花园', 't1')];

it('orders by township, then name (锦 jin before 丽 li), then id, and pages after the last id', () => {
  const first = estatePage(ALL, { limit: 2 })!;
  expect(first.items.map((x) => x.id)).toEqual(['a', 'd']);
  expect(first).toMatchObject({ total: 4, next: 'd' });
  const second = estatePage(ALL, { limit: 2, after: first.next })!;
  expect(second.items.map((x) => x.id)).toEqual(['c', 'b']);
  expect(second.next).toBeNull();
});

it('filters by township and counts the filter; without a limit answers every match at once', () => {
  expect(estatePage(ALL, { township: 't1' })).toMatchObject({ total: 3, next: null });
  expect(estatePage(ALL, { township: 't2', limit: 5 })!.items.map((x) => x.id)).toEqual(['b']);
  expect(estatePage(ALL, { township: 't9', limit: 5 })).toEqual({ items: [], total: 0, next: null });
});

it('answers null for a cursor that is no estate of the filter', () => {
  expect(estatePage(ALL, { limit: 2, after: 'zz' })).toBeNull();
  expect(estatePage(ALL, { township: 't2', limit: 2, after: 'a' })).toBeNull();
});
