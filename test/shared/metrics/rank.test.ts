import type { MetricsRow, RateKey } from '../../../shared/metrics/definitions';
import { rankRows, rankValue } from '../../../shared/metrics/rank';

function row(key: string, responseRate: number | null, ackP50: number | null, overdueOpen = 0): MetricsRow {
  const rates: Record<RateKey, number | null> = { responseRate, resolutionRate: null, satisfactionRate: null, onTimeRate: null };
  return {
    key,
    counts: {
      tickets: 1,
      whistled: 1,
      ackDenominator: 1,
      ackOnTime: 0,
      fixAnswered: 0,
      fixed: 0,
      rated: 0,
      satisfied: 0,
      resolveDenominator: 0,
      resolvedOnTime: 0,
      overdueOpen,
    },
    rates,
    ackMinutes: { samples: ackP50 === null ? 0 : 1, p50: ackP50, p90: ackP50 },
    resolveMinutes: { samples: 0, p50: null, p90: null },
  };
}

const rows = [row('d', 0.5, 40, 2), row('a', null, null, 0), row('c', 0.9, 10, 5), row('b', 0.5, 40, 2), row('e', null, 25, 1)];

describe('rankRows', () => {
  it('puts the highest rate first, ties by key, nulls last (by key)', () => {
    expect(rankRows(rows, 'responseRate').map((r) => r.key)).toEqual(['c', 'b', 'd', 'a', 'e']);
  });

  it('puts the shortest time first for minutes', () => {
    expect(rankRows(rows, 'ackMinutesP50').map((r) => r.key)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });

  it('puts the smallest backlog first for overdueOpen', () => {
    expect(rankRows(rows, 'overdueOpen').map((r) => r.key)).toEqual(['a', 'e', 'b', 'd', 'c']);
  });

  it('does not reorder its input', () => {
    rankRows(rows, 'responseRate');
    expect(rows.map((r) => r.key)).toEqual(['d', 'a', 'c', 'b', 'e']);
  });
});

describe('rankValue', () => {
  it('reads the figure a ranking uses', () => {
    const r = row('x', 0.25, 12, 3);
    expect([rankValue(r, 'responseRate'), rankValue(r, 'ackMinutesP90'), rankValue(r, 'resolveMinutesP50'), rankValue(r, 'overdueOpen')]).toEqual([
      0.25,
      12,
      null,
      3,
    ]);
  });
});
