import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NINE_ITEM_NUMBERS, NINE_PROHIBITIONS, NINE_SOURCE, isNineItem, nineProhibition, nineProhibitionsApply, suggestedItems } from '../../../shared/ledger';
import { isCategoryCode } from '../../../shared/taxonomy/categories';

/** 001 序号3 as one string: the document breaks its cells over lines (and a blank line) mid-word. */
const SOURCE = readFileSync(join(__dirname, '../../../docs/sources', NINE_SOURCE.source), 'utf8').replace(/\n/g, '');

describe('九不准 (001 序号3)', () => {
  it('has exactly the items 1–9, in order, with the ordinals 一是…九是', () => {
    expect(NINE_PROHIBITIONS.map((p) => p.item)).toEqual([...NINE_ITEM_NUMBERS]);
    expect(NINE_PROHIBITIONS.map((p) => p.ordinal)).toEqual(['一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是']);
  });

  it.each(NINE_PROHIBITIONS.map((p) => [p.item, p] as const))('item %i is quoted exactly from the document', (_item, p) => {
    expect(p.text.startsWith('“不准”')).toBe(true);
    // The ordinal, the text, then the document's separator (； or 。 after the ninth).
    expect(SOURCE).toContain(`${p.ordinal}${p.text}${p.item === 9 ? '。' : '；'}`);
  });

  it('quotes the items named in the issue word for word', () => {
    expect(nineProhibition(1).text).toBe('“不准”新增违章建筑');
    expect(nineProhibition(5).text).toBe('“不准”泄露业主个人信息资料');
    expect(nineProhibition(9).text).toBe('“不准”利用停水、停电或限制购水量、电量及办理门禁卡、电梯卡等捆绑和变相催缴物业费');
  });

  it('category hints are real category codes; a fee complaint suggests item 7, coercion item 9', () => {
    for (const p of NINE_PROHIBITIONS) for (const c of p.categories) expect(isCategoryCode(c)).toBe(true);
    expect(suggestedItems('illegal-fee')).toEqual([7]);
    expect(suggestedItems('fee-coercion')).toEqual([9]);
    expect(suggestedItems('noise')).toEqual([]);
  });

  it('item 4 is the company obstructing charging facilities, so a 飞线充电 or 楼道充电 report suggests no item', () => {
    // 001 序号3: "四是“不准”无故阻碍通信、公共充电等设施建设" — the company hindering the building of the
    // facilities; a flying wire or an e-bike charged in the stairwell is a resident's own doing.
    expect(SOURCE).toContain('四是“不准”无故阻碍通信、公共充电等设施建设；');
    expect(nineProhibition(4).text).toBe('“不准”无故阻碍通信、公共充电等设施建设');
    expect(suggestedItems('fly-wire')).toEqual([]);
    expect(suggestedItems('ebike-indoor')).toEqual([]);
  });

  it('the 认定 block applies to property-conduct categories and those an item names, not to 飞线充电', () => {
    // Complaints about the company's own conduct: 乱收费 (item 7), 捆绑催缴 (item 9), 泄露信息 (item 5).
    expect(['illegal-fee', 'fee-coercion', 'info-leak', 'common-property', 'disclosure'].map((c) => nineProhibitionsApply(c as never))).toEqual([true, true, true, true, true]);
    // "二是“不准”垃圾转运车辆不密闭": the garbage category names 转运车不密闭.
    expect(SOURCE).toContain('二是“不准”垃圾转运车辆不密闭；');
    expect(nineProhibitionsApply('garbage')).toBe(true);
    // Residents' doings and public safety: nothing the nine items speak of.
    expect(['fly-wire', 'ebike-indoor', 'fire-lane', 'noise', 'public-order', 'dog'].map((c) => nineProhibitionsApply(c as never))).toEqual([false, false, false, false, false, false]);
  });

  it('isNineItem accepts 1–9 only', () => {
    expect([0, 1, 9, 10, 1.5, '3'].map(isNineItem)).toEqual([false, true, true, false, false, false]);
    expect(() => nineProhibition(10 as never)).toThrow(RangeError);
  });
});
