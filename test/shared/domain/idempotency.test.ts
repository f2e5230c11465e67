import { sameSubmission } from '../../../shared/domain/idempotency';

const stored = { estateId: 'yn-hsjy', category: 'fly-wire' as const, description: '3号楼飞线充电', photos: ['a', 'b'] };

it('is a retry only when estate, category, description and photos (in order) are the same', () => {
  expect(sameSubmission(stored, { ...stored })).toBe(true);
  expect(sameSubmission(stored, { ...stored, estateId: 'yn-tjxy' })).toBe(false);
  expect(sameSubmission(stored, { ...stored, category: 'clutter' })).toBe(false);
  expect(sameSubmission(stored, { ...stored, description: '3号楼飞线充电！' })).toBe(false);
  expect(sameSubmission(stored, { ...stored, photos: ['a'] })).toBe(false);
  expect(sameSubmission(stored, { ...stored, photos: ['b', 'a'] })).toBe(false);
});
