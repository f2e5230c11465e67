/**
 * The stored change of a company's star level and credit status (issue 20 §4): what one confirmed
 * 九不准 breach writes, on the ladder of 001 序号3 (quoted from the document itself).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { standingRecordFor } from '../../../shared/assessment';
import { standingRecordForRating } from '../../../shared/assessment/standing-record';
import type { NineItem, Violation } from '../../../shared/domain/violation';

const SOURCE = readFileSync(join(__dirname, '../../../docs/sources/001_c21a685cf9840a30.txt'), 'utf8').replace(/\n/g, '');
const BY = { userId: 'u-street', role: 'street' as const, unitId: 'yongning.t.yanghe', name: '杨和镇·老张' };

function breach(n: number, item: NineItem, companyId = 'pc-a'): Violation {
  return {
    id: `v:t${n}:${item}`, companyId, item, year: 2026, jurisdiction: 'yongning', ticketId: `t${n}`, ticketNo: `YN-20261101-000${n}`,
    estateId: 'yn-hsjy', streetId: 'yongning.t.yanghe', category: 'illegal-fee', note: '—', confirmedAt: `2026-11-0${n}T02:00:00.000Z`, confirmedBy: BY,
  };
}

describe('standingRecordFor', () => {
  it('the ladder it follows is the document’s', () => {
    expect(SOURCE).toContain('对累计违反上述1条内容的，从严扣除信用分值');
    expect(SOURCE).toContain('物业服务质量星级化评定采取“降星”');
    expect(SOURCE).toContain('对累计违反上述4条及以上内容的，纳入物业行业“黑名单”管理');
  });

  it('the first breach of the year: 正常 → 扣减信用分, who confirmed it, when, and which item and ticket', () => {
    const first = breach(1, 7);
    expect(standingRecordFor({ confirmed: first, ratedStars: 4, violations: [first] })).toEqual({
      id: 'sc:v:t1:7',
      companyId: 'pc-a',
      jurisdiction: 'yongning',
      year: 2026,
      at: '2026-11-01T02:00:00.000Z',
      by: BY,
      cause: { kind: 'violation', violationId: 'v:t1:7', item: 7, ticketNo: 'YN-20261101-0001' },
      before: { level: 0, stars: 4, credit: 'good', items: 0 },
      after: { level: 1, stars: 4, credit: 'deducted', items: 1 },
    });
  });

  it('a second distinct item lowers a 4-star company to 3 (降星); the list may or may not hold the new breach yet', () => {
    const [a, b] = [breach(1, 7), breach(2, 9)];
    const withIt = standingRecordFor({ confirmed: b, ratedStars: 4, violations: [a, b] });
    const without = standingRecordFor({ confirmed: b, ratedStars: 4, violations: [a] });
    expect(withIt).toEqual(without);
    expect([withIt?.before.credit, withIt?.after.credit, withIt?.after.stars]).toEqual(['deducted', 'downgraded', 3]);
  });

  it('no record when the ladder does not move: the same item again counts as one 条', () => {
    const [a, again] = [breach(1, 7), breach(2, 7)];
    expect(standingRecordFor({ confirmed: again, ratedStars: 4, violations: [a, again] })).toBeNull();
  });

  it('the fourth distinct item puts the company on the 黑名单; other companies’ breaches do not count', () => {
    const mine = [breach(1, 1), breach(2, 2), breach(3, 3)];
    const fourth = breach(4, 4);
    const r = standingRecordFor({ confirmed: fourth, ratedStars: 3, violations: [...mine, breach(5, 5, 'pc-b'), fourth] });
    expect([r?.before.credit, r?.after.credit, r?.after.level, r?.after.stars, r?.after.items]).toEqual(['substandard', 'blacklisted', 4, null, 4]);
  });
});

describe('standingRecordForRating (the admin changes the 星级化评定 result, 001 序号5–6)', () => {
  const ADMIN = { userId: 'u-admin', role: 'admin' as const, name: '管理员' };
  const base = { id: 'sa:1', companyId: 'pc-a', jurisdiction: 'yongning', year: 2026, at: '2026-11-20T02:00:00.000Z', by: ADMIN };

  it('the document rates companies by stars', () => {
    expect(SOURCE).toContain('星级化评定');
  });

  it('4 → 3 stars with no breach: who, when, before and after, source admin', () => {
    expect(standingRecordForRating({ ...base, ratedBefore: 4, ratedAfter: 3, violations: [] })).toEqual({
      ...base,
      cause: { kind: 'admin', ratedBefore: 4, ratedAfter: 3 },
      before: { level: 0, stars: 4, credit: 'good', items: 0 },
      after: { level: 0, stars: 3, credit: 'good', items: 0 },
    });
  });

  it('under 降星 (two items) the ladder still takes a star off the new rating', () => {
    const r = standingRecordForRating({ ...base, ratedBefore: 3, ratedAfter: 5, violations: [breach(1, 7), breach(2, 9)] });
    expect([r?.before.stars, r?.after.stars, r?.after.credit]).toEqual([2, 4, 'downgraded']);
  });

  it('an unchanged rating writes nothing', () => {
    expect(standingRecordForRating({ ...base, ratedBefore: 4, ratedAfter: 4, violations: [] })).toBeNull();
    expect(standingRecordForRating({ ...base, ratedBefore: null, ratedAfter: null, violations: [] })).toBeNull();
  });
});
