import type { MinutesSummary } from './definitions';

/**
 * Nearest-rank percentile: sort the samples ascending and take the one at rank ⌈p/100 × n⌉
 * (1-based, at least 1) — the smallest sample with at least p% of the samples at or below it.
 * Always an observed value, never interpolated. Null for no samples.
 * E.g. [10, 20, …, 100]: p50 → rank 5 → 50; p90 → rank 9 → 90.
 */
export function nearestRank(samples: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100]: ${p}`);
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  // p × n first, then / 100: keeps integer cases exact (0.9 × 70 is 63.000…01 in floating point).
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}

/** Sample count, p50 and p90 (nearest rank) of durations in minutes. */
export function summarizeMinutes(samples: readonly number[]): MinutesSummary {
  return { samples: samples.length, p50: nearestRank(samples, 50), p90: nearestRank(samples, 90) };
}
