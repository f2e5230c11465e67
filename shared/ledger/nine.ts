import { NINE_ITEM_NUMBERS, type NineItem } from '../domain/violation';
import { PROPERTY_CONDUCT_CATEGORIES, type CategoryCode } from '../taxonomy/categories';

export { NINE_ITEM_NUMBERS, type NineItem };

/** Where the 九不准 and their sanction ladder are written. */
export const NINE_SOURCE = { source: '001_c21a685cf9840a30.txt', item: '序号3', title: '规范物业服务能力“九不准”' } as const;

export interface NineProhibition {
  item: NineItem;
  /** 一是 … 九是 */
  ordinal: string;
  /** The document's words for the item, joined across its line breaks. */
  text: string;
  /** Report categories a ticket about this item usually carries (a hint for the officer, not a rule). */
  categories: readonly CategoryCode[];
}

/**
 * The 九不准 of 001_c21a685cf9840a30.txt 序号3 (主要内容), quoted exactly: "一是“不准”新增违章建筑；二是…".
 * The category hints are ours: the document does not map items to complaint categories.
 */
export const NINE_PROHIBITIONS: readonly NineProhibition[] = [
  { item: 1, ordinal: '一是', text: '“不准”新增违章建筑', categories: ['illegal-building'] },
  { item: 2, ordinal: '二是', text: '“不准”垃圾转运车辆不密闭', categories: ['garbage'] },
  { item: 3, ordinal: '三是', text: '“不准”从业人员不按岗位统一着装', categories: ['security-guard'] },
  // Item 4 is the company obstructing the building of charging (or telecom) facilities. A 飞线充电 or
  // 楼道充电 report is a resident's own wire or e-bike, not that: no category points here.
  { item: 4, ordinal: '四是', text: '“不准”无故阻碍通信、公共充电等设施建设', categories: [] },
  { item: 5, ordinal: '五是', text: '“不准”泄露业主个人信息资料', categories: ['info-leak'] },
  { item: 6, ordinal: '六是', text: '“不准”擅自终止服务、不履行交接义务', categories: ['service-exit'] },
  { item: 7, ordinal: '七是', text: '“不准”擅自涨价、乱收费以及违规签订《物业服务合同》', categories: ['illegal-fee', 'contract'] },
  { item: 8, ordinal: '八是', text: '“不准”擅自利用共用部位、共用设施设备、共有部分进行经营或处置公共收益', categories: ['common-property'] },
  { item: 9, ordinal: '九是', text: '“不准”利用停水、停电或限制购水量、电量及办理门禁卡、电梯卡等捆绑和变相催缴物业费', categories: ['fee-coercion'] },
];

export function isNineItem(value: unknown): value is NineItem {
  return typeof value === 'number' && (NINE_ITEM_NUMBERS as readonly number[]).includes(value);
}

export function nineProhibition(item: NineItem): NineProhibition {
  const found = NINE_PROHIBITIONS.find((p) => p.item === item);
  // NINE_PROHIBITIONS holds every NineItem (a test checks it).
  if (!found) throw new RangeError(`unknown 九不准 item ${String(item)}`);
  return found;
}

/** Items whose usual categories include this one, for the officer's picker. */
export function suggestedItems(category: CategoryCode): NineItem[] {
  return NINE_PROHIBITIONS.filter((p) => p.categories.includes(category)).map((p) => p.item);
}

/**
 * Whether a ticket of this category can be about a 九不准 breach, so the ticket page offers the
 * 认定 block: a complaint about the company's own conduct (PROPERTY_CONDUCT_CATEGORIES), or a category
 * one of the nine items speaks of (垃圾转运车辆不密闭, 从业人员着装, 新增违章建筑). Not 飞线充电 and the
 * like, which are residents' doings.
 */
export function nineProhibitionsApply(category: CategoryCode): boolean {
  return PROPERTY_CONDUCT_CATEGORIES.includes(category) || suggestedItems(category).length > 0;
}
