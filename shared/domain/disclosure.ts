/**
 * What a property company publishes for an estate (六公开, 001 序号7; 五公开, 004 三(一)3), as
 * structured fields each with the date it was last updated (issue 20 §5).
 *
 * 001: "物业服务企业做到“六个公开”（服务合同公开、服务内容公开、服务电话公开、服务方式公开、收费标准公开、
 * 公共收益公开）". 004: "公开小区物业负责人信息、公开物业服务内容及标准、公开物业收费项目及标准、公开报修投诉
 * 及监督电话、公开公共收益收支情况". The issue adds 维修资金使用, 电梯等设施维保 and 公共水电分摊 (the
 * `disclosure` category's "公共水电分摊"). The service phone stays PropertyInfo.servicePhone.
 */
export const DISCLOSURE_FIELDS = [
  { key: 'serviceContent', label: '服务内容与标准' },
  { key: 'feeItems', label: '收费项目与标准' },
  { key: 'publicIncome', label: '公共收益收支' },
  { key: 'maintenanceFund', label: '维修资金使用' },
  { key: 'facilityMaintenance', label: '电梯等设施维保' },
  { key: 'utilitySharing', label: '公共水电分摊' },
] as const;
export type DisclosureKey = (typeof DISCLOSURE_FIELDS)[number]['key'];
export const DISCLOSURE_KEYS = DISCLOSURE_FIELDS.map((f) => f.key) as [DisclosureKey, ...DisclosureKey[]];

export interface DisclosureEntry {
  text: string;
  /** UTC ISO instant of the last change of this field. */
  updatedAt: string;
}

export type Disclosure = Partial<Record<DisclosureKey, DisclosureEntry>>;

/**
 * Applies an update: fields given with text replace the stored ones and take `at` as their date;
 * a field given with the same text keeps its date (re-saving a form dates nothing); fields not
 * given stay as they were.
 */
export function applyDisclosure(current: Disclosure | undefined, update: Partial<Record<DisclosureKey, string>>, at: string): Disclosure {
  const next: Disclosure = { ...(current ?? {}) };
  for (const { key } of DISCLOSURE_FIELDS) {
    const text = update[key];
    if (text === undefined) continue;
    if (next[key]?.text === text) continue;
    next[key] = { text, updatedAt: at };
  }
  return next;
}
