import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deadlinesOnWhistle, expectedResolveBy } from '../../../shared/sla/deadlines';
import { nextEscalation } from '../../../shared/sla/overdue';
import { DEFAULT_SLA_POLICY, resolveSlaPolicy, slaFor } from '../../../shared/sla/policy';
import { deadlinesAfter, nextSweepAt } from '../../../shared/sla/progress';
import { history, makeTicket } from '../metrics/fixtures';

// Issue 16 §6: "违法建设 needs 认定 first, and a cut-off used to force payment cannot wait 5 working days."
// The documents' words are checked against the five documents themselves (docs/sources, whitespace
// removed: 001 breaks its lines mid-sentence).
const SEEDS = join(__dirname, '../../../docs/sources');
const seedText = (file: string) => readFileSync(join(SEEDS, file), 'utf8').replace(/\s+/g, '');
const QITAI_004 = '004_130a68cab0166a86.txt';
const YINCHUAN_001 = '001_c21a685cf9840a30.txt';
const YINCHUAN_000 = '000_54099d4cd549e82b.txt';

const resolveDue = (category: Parameters<typeof slaFor>[2], at: string, jurisdiction = 'wuzhong') =>
  deadlinesOnWhistle('normal', at, resolveSlaPolicy(undefined, jurisdiction), category).find((d) => d.step === 'resolve')?.due;

describe('违法建设 (illegal-building): 认定 first, a longer resolve window', () => {
  const basis = DEFAULT_SLA_POLICY.categories?.['illegal-building']?.basis ?? '';

  it('quotes Qitai’s plan: 自然资源局 does the 认定, 住建局 takes part in it', () => {
    for (const words of ['负责违法建设的认定，协助相关部门、奇台镇对违法建设进行查处', '参与对县城规划区内违法建设的认定和强制拆除']) {
      expect(basis).toContain(words);
      expect(seedText(QITAI_004)).toContain(words);
    }
  });

  it('quotes Wuzhong’s duty of the townships to 查处 it', () => {
    expect(basis).toContain('依法查处住宅小区内私搭乱建');
    expect(seedText('003_ffcbc4d9ebbf64d7.txt')).toContain('12.依法查处住宅小区内私搭乱建');
  });

  it('says plainly that the documents set no number of days', () => {
    expect(basis).toContain('文件未规定认定或查处的天数');
  });

  it('resolve within 20 working days: from Mon 2026-06-01 09:00 in Wuzhong → 2026-06-30 09:00', () => {
    // June 2–5 (4), 8–12 (9), 15–18 (13), Fri 19 is 端午 (national), 22–26 (18), 29 (19), 30 (20).
    expect(resolveDue('illegal-building', '2026-06-01T09:00:00+08:00')).toBe('2026-06-30T01:00:00.000Z');
    // Other normal categories keep the 5 working days: June 2, 3, 4, 5, 8.
    expect(resolveDue('parking', '2026-06-01T09:00:00+08:00')).toBe('2026-06-08T01:00:00.000Z');
  });
});

describe('fee coercion (停水停电/停卡 to force payment): natural time, not 5 working days', () => {
  const basis = DEFAULT_SLA_POLICY.categories?.['fee-coercion']?.basis ?? '';

  it('quotes Yinchuan’s 九不准 (item 9) and the 123 action (序号3)', () => {
    const ninth = '不准”利用停水、停电或限制购水量、电量及办理门禁卡、电梯卡等捆绑和变相催缴物业费';
    expect(basis).toContain(ninth);
    expect(seedText(YINCHUAN_001)).toContain(ninth);
    expect(basis).toContain('加大查处力度');
    expect(seedText(YINCHUAN_000)).toContain('捆绑和变相催缴物业费，以及擅自涨价、巧立名目乱收费等违法违规行为加大查处力度');
    expect(basis).toContain('文件未规定时限');
  });

  it('resolve within 24 natural hours: a cut-off reported Friday evening is due Saturday evening, not after the weekend', () => {
    expect(resolveDue('fee-coercion', '2026-05-29T18:00:00+08:00', 'yinchuan')).toBe('2026-05-30T10:00:00.000Z');
  });

  it('before the whistle, the expected fulfilment (Open311 expected_datetime) is 24 hours from submission', () => {
    expect(expectedResolveBy([], 'normal', '2026-05-29T18:00:00+08:00', DEFAULT_SLA_POLICY, 'fee-coercion')).toBe('2026-05-30T10:00:00.000Z');
  });

  it('goes to the leadership office 2 hours past its due (not 1 working day)', () => {
    const deadlines = [{ step: 'resolve' as const, due: '2026-05-30T10:00:00.000Z' }];
    const state = { escalation: 1 as const, deadlines, priority: 'normal' as const, category: 'fee-coercion' as const };
    expect(nextEscalation(state, '2026-05-30T11:59:00.000Z', DEFAULT_SLA_POLICY)).toBeNull();
    expect(nextEscalation(state, '2026-05-30T12:01:00.000Z', DEFAULT_SLA_POLICY)).toEqual({ level: 2, target: 'leadership' });
    // Without the category, the normal escalateAfter (1 working day) applies.
    expect(nextEscalation({ ...state, category: undefined }, '2026-05-30T12:01:00.000Z', DEFAULT_SLA_POLICY)).toBeNull();
  });
});

describe('per-category SLA in the policy', () => {
  it('a whistle sets the category’s own deadlines on the ticket, and the sweep wakes for its escalation', () => {
    const t = makeTicket('fc', { category: 'fee-coercion', state: 'whistled', assignedUnits: ['u1'] });
    const [whistle] = history('fc', [['whistle', 0, { payload: { units: ['u1'] } }]]);
    const deadlines = deadlinesAfter(t, whistle!, DEFAULT_SLA_POLICY);
    const resolve = deadlines.find((d) => d.step === 'resolve');
    expect(Date.parse(resolve!.due) - Date.parse(whistle!.at)).toBe(24 * 3_600_000);
    const overdue = deadlines.map((d) => ({ ...d, overdueAt: d.due }));
    expect(nextSweepAt({ ...t, deadlines: overdue, escalation: 1 }, DEFAULT_SLA_POLICY)).toBe(new Date(Date.parse(overdue[0]!.due) + 2 * 3_600_000 + 1).toISOString());
  });

  it('a jurisdiction’s override of one category keeps the other’s default', () => {
    const policy = resolveSlaPolicy({ categories: { 'illegal-building': { resolve: { unit: 'workingDays', amount: 30 }, basis: '县自然资源局认定办法' } } }, 'qitai');
    expect(slaFor(policy, 'normal', 'illegal-building').resolve).toEqual({ unit: 'workingDays', amount: 30 });
    expect(slaFor(policy, 'normal', 'fee-coercion').resolve).toEqual({ unit: 'hours', amount: 24 });
  });

  it('refuses a category entry without its basis, and an unknown category', () => {
    expect(() => resolveSlaPolicy({ categories: { 'illegal-building': { resolve: { unit: 'workingDays', amount: 30 } } } })).toThrow(/basis/);
    expect(() => resolveSlaPolicy({ categories: { 'no-such-thing': { basis: '任意' } } })).toThrow(/invalid SLA policy/);
  });
});
