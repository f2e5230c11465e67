/**
 * Typos and homophones residents type (issue 16 §5 names 飞线冲电 and 电屏车): each one, in a
 * sentence, resolves to the category its correct spelling would.
 */
import { suggestCategories } from '../../../shared/classify';
import { normalize } from '../../../shared/classify/normalize';
import { VARIANTS } from '../../../shared/classify/variants';

describe('typos and homophones', () => {
  it.each([
    ['飞线冲电', '5号楼有人飞线冲电', 'fly-wire'],
    ['充电器拉线', '楼上充电器拉线到楼下给车充', 'fly-wire'],
    ['插排 (插线板)', '从窗户扔个插排下来给电驴充电', 'fly-wire'],
    ['电屏车', '电屏车推进楼道里停着', 'ebike-indoor'],
    ['电平车', '有人把电平车推进电梯带回家', 'ebike-indoor'],
    ['电瓶车', '电瓶车停在楼道里充电', 'ebike-indoor'],
    ['小电驴', '小电驴推进电梯里了', 'ebike-indoor'],
    ['消访通道', '消访通道被车堵死了', 'fire-lane'],
    ['灭火气', '楼道的灭火气都过期了', 'fire-facility'],
    ['电t', '电t又坏了 老人下不了楼', 'elevator'],
    ['店梯', '店梯按钮失灵了一直不停', 'elevator'],
    ['拉圾', '拉圾好几天没人清运', 'garbage'],
    ['辣鸡', '辣鸡桶满了溢出来了', 'garbage'],
    ['遛够', '遛够不拴绳，追着小孩跑', 'dog'],
    ['燥音', '楼下KTV燥音扰民到半夜', 'noise'],
    ['庄修', '楼上庄修把承重墙拆了', 'renovation'],
    ['叶委会', '叶委会选举有人拉票', 'owners-committee'],
    ['维修基金', '维修基金用在哪里了也不公示使用情况', 'maintenance-fund'],
    ['物叶', '物叶不交物业费就停水', 'fee-coercion'],
  ])('%s resolves: "%s" → %s', (_variant, text, category) => {
    expect(suggestCategories(text, 1)[0]?.category).toBe(category);
  });

  it('maps every variant to a different word, and none is rewritten again by a later one into something else', () => {
    for (const [variant, canonical] of VARIANTS) {
      expect(variant).not.toBe(canonical);
      expect(normalize(variant)).toBe(normalize(canonical));
    }
  });
});
