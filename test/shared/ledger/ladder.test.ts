import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessmentYear, distinctItems, LADDER, LADDER_REFERRAL, ladderFor, NINE_SOURCE } from '../../../shared/ledger';

const SOURCE = readFileSync(join(__dirname, '../../../docs/sources', NINE_SOURCE.source), 'utf8').replace(/\n/g, '');

describe('the sanction ladder of 001 序号3', () => {
  it.each(LADDER.map((s) => [s.level, s] as const))('step %i quotes its clause exactly and splits it into its measures', (_level, step) => {
    expect(SOURCE).toContain(step.clause);
    for (const m of step.measures) expect(step.clause).toContain(m);
  });

  it('the referral sentence is the document’s', () => {
    expect(SOURCE).toContain(LADDER_REFERRAL);
  });

  it('0 items: no step, no measures', () => {
    expect(ladderFor(0)).toEqual({ count: 0, level: 0, step: null, measures: [], referral: null });
  });

  it('1 item: 扣信用分 + 约谈企业负责人 + 限期整改 + 建议更换项目经理人', () => {
    const r = ladderFor(1);
    expect(r.level).toBe(1);
    expect(r.step?.threshold).toBe('累计违反1条');
    expect(r.measures.map((m) => m.text)).toEqual(['从严扣除信用分值（详见附件1）', '约谈企业负责人', '责令限期整改', '建议更换项目经理人']);
    expect(r.referral).toBe(LADDER_REFERRAL);
  });

  it('2 items: the step-1 measures plus 降星', () => {
    const r = ladderFor(2);
    expect(r.level).toBe(2);
    expect(r.measures.map((m) => [m.level, m.text])).toEqual([
      [1, '从严扣除信用分值（详见附件1）'],
      [1, '约谈企业负责人'],
      [1, '责令限期整改'],
      [1, '建议更换项目经理人'],
      [2, '物业服务质量星级化评定采取“降星”'],
    ]);
  });

  it('3 items: plus 星级评定不达标 and 依法清退', () => {
    const r = ladderFor(3);
    expect(r.level).toBe(3);
    expect(r.measures.filter((m) => m.level === 3).map((m) => m.text)).toEqual(['物业服务质量星级化评定不达标', '依法清退所服务小区']);
    expect(r.measures).toHaveLength(7);
  });

  it('4 items: plus 黑名单, 限制承接 and 联合惩戒; 5 or 9 items stay at step 4', () => {
    const r = ladderFor(4);
    expect(r.level).toBe(4);
    expect(r.step?.threshold).toBe('累计违反4条及以上');
    expect(r.measures.filter((m) => m.level === 4).map((m) => m.text)).toEqual(['纳入物业行业“黑名单”管理', '依法限制承接物业服务项目', '发起联合惩戒']);
    expect(r.measures).toHaveLength(10);
    expect(ladderFor(5)).toEqual({ ...r, count: 5 });
    expect(ladderFor(9).level).toBe(4);
  });

  it('refuses a count that is not a whole number ≥ 0', () => {
    expect(() => ladderFor(-1)).toThrow(RangeError);
    expect(() => ladderFor(1.5)).toThrow(RangeError);
  });
});

describe('counting', () => {
  it('the same item twice counts once ("累计违反上述N条": distinct items), sorted', () => {
    expect(distinctItems([{ item: 7 }, { item: 9 }, { item: 7 }, { item: 1 }])).toEqual([1, 7, 9]);
    expect(distinctItems([])).toEqual([]);
  });

  it('the assessment year is the Asia/Shanghai calendar year', () => {
    expect(assessmentYear('2026-12-31T15:59:59.000Z')).toBe(2026); // 23:59:59 Beijing
    expect(assessmentYear('2026-12-31T16:00:00.000Z')).toBe(2027); // 00:00 on 1 January in Beijing
    expect(assessmentYear('2027-01-01T08:00:00+08:00')).toBe(2027);
  });
});
