import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_VISITS_PER_YEAR, visitTable, visitYear, withinPatrolRadius, type Visit } from '../../../shared/governance/visits';

const DOC_000 = readFileSync(join(__dirname, '../../../docs/sources/000_54099d4cd549e82b.txt'), 'utf8');

describe('执法进小区: the yearly visits per estate (000 序号4)', () => {
  it('the minimum is the document’s: "进驻住宅小区进行专项治理年度不低于3次"', () => {
    expect(DOC_000).toContain('进驻住宅小区进行专项治理年度不低于3次');
    expect(MIN_VISITS_PER_YEAR).toBe(3);
  });

  const v = (estateId: string, unitId: string, at: string, source: Visit['source'] = 'check-in'): Visit => ({ estateId, unitId, at, source });

  it('counts every check-in and patrol of the year per estate and unit, and flags estates under 3', () => {
    const visits = [
      v('a', 'zhzf', '2026-03-01T02:00:00.000Z'),
      v('a', 'zhzf', '2026-03-01T05:00:00.000Z', 'patrol'),
      v('a', 'xf', '2026-06-01T02:00:00.000Z'),
      v('b', 'zhzf', '2026-04-01T02:00:00.000Z'),
      v('b', 'xf', '2026-05-01T02:00:00.000Z', 'patrol'),
      // 2026-12-31T16:30Z is 2027-01-01 00:30 in Beijing: next year; 2025-12-31T16:00Z is 2026-01-01 00:00 there: this year.
      v('b', 'xf', '2026-12-31T16:30:00.000Z'),
      v('b', 'xf', '2025-12-31T16:00:00.000Z'),
    ];
    expect(visitTable(['a', 'b', 'c'], ['xf', 'zhzf', 'zjj'], visits, 2026)).toEqual([
      { estateId: 'a', byUnit: { xf: 1, zhzf: 2, zjj: 0 }, total: 3, short: false },
      { estateId: 'b', byUnit: { xf: 2, zhzf: 1, zjj: 0 }, total: 3, short: false },
      { estateId: 'c', byUnit: { xf: 0, zhzf: 0, zjj: 0 }, total: 0, short: true },
    ]);
    expect(visitTable(['a'], [], visits.slice(0, 2), 2026)[0]).toEqual({ estateId: 'a', byUnit: { zhzf: 2 }, total: 2, short: true });
  });

  it('the year is the Asia/Shanghai calendar year', () => {
    expect(visitYear('2026-12-31T15:59:59.000Z')).toBe(2026);
    expect(visitYear('2026-12-31T16:00:00.000Z')).toBe(2027);
  });

  it('a patrol is recorded within the 200 m check-in radius of the estate', () => {
    const estate = { location: { lat: 38.2801, lng: 106.2532 } };
    expect(withinPatrolRadius(estate, { lat: 38.2811, lng: 106.2532 })).toBe(true); // ≈111 m north
    expect(withinPatrolRadius(estate, { lat: 38.2831, lng: 106.2532 })).toBe(false); // ≈334 m north
  });
});
