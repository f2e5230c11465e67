import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NINE_ITEM_NUMBERS, NINE_PROHIBITIONS, NINE_SOURCE, isNineItem, nineProhibition, suggestedItems } from '../../../shared/ledger';
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

  it('isNineItem accepts 1–9 only', () => {
    expect([0, 1, 9, 10, 1.5, '3'].map(isNineItem)).toEqual([false, true, true, false, false, false]);
    expect(() => nineProhibition(10 as never)).toThrow(RangeError);
  });
});
