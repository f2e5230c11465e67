/**
 * The category taxonomy of DESIGN.md §4 (33 codes). Codes are fixed (they are stored on tickets, used by the
 * route CLI and exposed as Open311 service codes); labels are the UI text.
 */
export const CATEGORY_CODES = [
  'fly-wire',
  'ebike-indoor',
  'fire-lane',
  'fire-facility',
  'hazmat',
  'flood',
  'parking',
  'garbage',
  'greenery',
  'illegal-building',
  'dog',
  'dispute',
  'fee-coercion',
  'illegal-fee',
  'contract',
  'service-exit',
  'common-property',
  'info-leak',
  'security-guard',
  'elevator',
  'noise',
  'renovation',
  'water-supply',
  'public-order',
  'service-quality',
  'owners-committee',
  'maintenance-fund',
  'disclosure',
  'clutter',
  'posting',
  'utility-outage',
  'falling-objects',
  'other',
] as const;

export type CategoryCode = (typeof CATEGORY_CODES)[number];

/** Open311 service groups (issue 3 §5). */
export type CategoryGroup = '治脏' | '治乱' | '安全' | '其他';

export interface Category {
  code: CategoryCode;
  label: string;
  /** Urgent categories run on the 30-minute natural-time SLA (DESIGN.md §6). */
  urgent: boolean;
  /** Danger to life: the report page shows "call 119/110 now" before anything else. */
  emergencyCall?: '119' | '110';
  group: CategoryGroup;
  /** About the property company's own conduct (DESIGN.md §2): never routed to or shown to that company. */
  aboutPropertyCompany: boolean;
  /** Shown on the police owner-group desk (issue 6 §3). */
  policeRelevant: boolean;
  /** Vant/iconfont icon name for the category grid. */
  icon: string;
}

const c = (
  code: CategoryCode,
  label: string,
  group: CategoryGroup,
  icon: string,
  flags: Partial<Pick<Category, 'urgent' | 'aboutPropertyCompany' | 'policeRelevant' | 'emergencyCall'>> = {},
): Category => ({
  code,
  label,
  group,
  icon,
  urgent: flags.urgent ?? false,
  aboutPropertyCompany: flags.aboutPropertyCompany ?? false,
  policeRelevant: flags.policeRelevant ?? false,
  ...(flags.emergencyCall ? { emergencyCall: flags.emergencyCall } : {}),
});

export const CATEGORIES: readonly Category[] = [
  c('fly-wire', '飞线充电', '安全', 'fire-o', { urgent: true, emergencyCall: '119' }),
  c('ebike-indoor', '电动车进楼入户/楼道停放充电', '安全', 'logistics'),
  c('fire-lane', '占用堵塞消防车道/疏散通道/安全出口', '安全', 'warning-o', { urgent: true, policeRelevant: true }),
  c('fire-facility', '消防设施损坏', '安全', 'fire-o', { urgent: true }),
  c('hazmat', '违规存放易燃易爆物品', '安全', 'warn-o', { urgent: true, emergencyCall: '119' }),
  c('flood', '防汛应急准备不足', '安全', 'umbrella-circle'),
  c('parking', '车辆乱停乱放', '治脏', 'guide-o', { policeRelevant: true }),
  c('garbage', '垃圾未分类/乱倒/转运车不密闭', '治脏', 'delete-o'),
  c('greenery', '毁绿占绿、擅自砍伐移植树木', '治脏', 'flower-o'),
  c('illegal-building', '私搭乱建', '治脏', 'hotel-o'),
  c('dog', '违规饲养犬只、家禽', '治脏', 'smile-comment-o'),
  c('dispute', '邻里/物业纠纷', '其他', 'friends-o', { policeRelevant: true }),
  c('fee-coercion', '停水停电/门禁卡电梯卡捆绑催缴物业费', '治乱', 'gold-coin-o', { aboutPropertyCompany: true }),
  c('illegal-fee', '擅自涨价、乱收费(含停车费)', '治乱', 'balance-o', { aboutPropertyCompany: true }),
  c('contract', '违规签订物业服务合同', '治乱', 'description', { aboutPropertyCompany: true }),
  c('service-exit', '擅自终止服务/拒不退出', '治乱', 'revoke', { aboutPropertyCompany: true }),
  c('common-property', '擅自利用共有部分经营/公共收益不公开', '治乱', 'shop-o', { aboutPropertyCompany: true }),
  c('info-leak', '泄露业主个人信息', '治乱', 'eye-o', { aboutPropertyCompany: true, policeRelevant: true }),
  c('security-guard', '保安服务不规范', '治乱', 'shield-o', { policeRelevant: true }),
  c('elevator', '电梯安全', '安全', 'upgrade', { urgent: true }),
  c('noise', '噪声、油烟等环境污染', '治脏', 'volume-o'),
  c('renovation', '违规装修', '治乱', 'brush-o'),
  c('water-supply', '供水服务/违规收水费', '治乱', 'cluster-o'),
  c('public-order', '治安(打架斗殴、偷盗、高空抛物)', '其他', 'police-o', { urgent: true, policeRelevant: true, emergencyCall: '110' }),
  c('service-quality', '物业服务不到位(保洁、维修、秩序、绿化养护)', '治乱', 'service-o'),
  c('owners-committee', '业委会问题(选举、经费、资料移交)', '其他', 'manager-o'),
  // Owners' common money (DESIGN.md §2 "common property"): never shown to the company it is about.
  c('maintenance-fund', '专项维修资金使用/公示', '治乱', 'cash-o', { aboutPropertyCompany: true }),
  // 六公开/五公开 and shared utility charges: the company's own fee and income disclosure.
  c('disclosure', '物业信息未公开(六公开/五公开、公共水电分摊)', '治乱', 'notes-o', { aboutPropertyCompany: true }),
  c('clutter', '楼道堆物、乱堆乱放', '治脏', 'bag-o'),
  c('posting', '乱拉乱挂、乱贴乱画', '治脏', 'label-o'),
  c('utility-outage', '突发停水停电停气、爆管、污水外溢', '安全', 'bulb-o', { urgent: true }),
  c('falling-objects', '高空坠物、外立面脱落', '安全', 'down', { urgent: true }),
  c('other', '其他', '其他', 'more-o'),
];

const byCode = new Map(CATEGORIES.map((cat) => [cat.code, cat]));

export function isCategoryCode(value: unknown): value is CategoryCode {
  return typeof value === 'string' && byCode.has(value as CategoryCode);
}

export function getCategory(code: CategoryCode): Category {
  const cat = byCode.get(code);
  if (!cat) throw new Error(`unknown category code: ${code}`);
  return cat;
}

export const URGENT_CATEGORIES: readonly CategoryCode[] = CATEGORIES.filter((cat) => cat.urgent).map((cat) => cat.code);
export const PROPERTY_CONDUCT_CATEGORIES: readonly CategoryCode[] = CATEGORIES.filter((cat) => cat.aboutPropertyCompany).map((cat) => cat.code);
export const POLICE_CATEGORIES: readonly CategoryCode[] = CATEGORIES.filter((cat) => cat.policeRelevant).map((cat) => cat.code);
