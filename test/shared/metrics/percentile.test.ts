import { nearestRank, summarizeMinutes } from '../../../shared/metrics/percentile';

describe('nearestRank (nearest-rank method)', () => {
  const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('gives p50 50 and p90 90 on 10…100 (ranks ⌈5⌉ and ⌈9⌉)', () => {
    expect(nearestRank(tens, 50)).toBe(50);
    expect(nearestRank(tens, 90)).toBe(90);
  });

  it('sorts the samples itself and leaves the input alone', () => {
    const shuffled = [70, 10, 100, 40, 90, 20, 60, 30, 80, 50];
    expect(nearestRank(shuffled, 50)).toBe(50);
    expect(shuffled[0]).toBe(70);
  });

  it('rounds the rank up: 3 samples → p50 rank ⌈1.5⌉ = 2, p90 rank ⌈2.7⌉ = 3', () => {
    expect(nearestRank([45, 10, 30], 50)).toBe(30);
    expect(nearestRank([45, 10, 30], 90)).toBe(45);
  });

  it('keeps exact ranks exact: 1…70 p90 is rank 63, not 64 (0.9 × 70 = 63.000…01 in floating point)', () => {
    const samples = Array.from({ length: 70 }, (_, i) => i + 1);
    expect(nearestRank(samples, 90)).toBe(63);
  });

  it('gives the only sample for any p, the maximum at p100, the minimum at a tiny p', () => {
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank(tens, 100)).toBe(100);
    expect(nearestRank(tens, 0.1)).toBe(10);
  });

  it('is null without samples', () => {
    expect(nearestRank([], 50)).toBeNull();
  });

  it.each([0, -5, 101, Number.NaN])('rejects percentile %p', (p) => {
    expect(() => nearestRank(tens, p)).toThrow(RangeError);
  });
});

describe('summarizeMinutes', () => {
  it('gives the count, p50 and p90', () => {
    expect(summarizeMinutes([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({ samples: 10, p50: 50, p90: 90 });
  });

  it('gives nulls for no samples', () => {
    expect(summarizeMinutes([])).toEqual({ samples: 0, p50: null, p90: null });
  });
});
