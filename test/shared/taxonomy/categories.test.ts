import { CATEGORIES, CATEGORY_CODES, getCategory, isCategoryCode, PROPERTY_CONDUCT_CATEGORIES, URGENT_CATEGORIES } from '../../../shared/taxonomy/categories';

describe('category taxonomy (DESIGN.md §4)', () => {
  it('has the 33 fixed codes, each once, in the table order', () => {
    expect(CATEGORIES.map((c) => c.code)).toEqual([...CATEGORY_CODES]);
    expect(new Set(CATEGORY_CODES).size).toBe(33);
    expect(CATEGORY_CODES[CATEGORY_CODES.length - 1]).toBe('other');
  });

  it.each([
    ['fly-wire', '飞线充电'],
    ['ebike-indoor', '电动车进楼入户/楼道停放充电'],
    ['fire-lane', '占用堵塞消防车道/疏散通道/安全出口'],
    ['fire-facility', '消防设施损坏'],
    ['hazmat', '违规存放易燃易爆物品'],
    ['flood', '防汛应急准备不足'],
    ['parking', '车辆乱停乱放'],
    ['garbage', '垃圾未分类/乱倒/转运车不密闭'],
    ['greenery', '毁绿占绿、擅自砍伐移植树木'],
    ['illegal-building', '私搭乱建'],
    ['dog', '违规饲养犬只、家禽'],
    ['dispute', '邻里/物业纠纷'],
    ['fee-coercion', '停水停电/门禁卡电梯卡捆绑催缴物业费'],
    ['illegal-fee', '擅自涨价、乱收费(含停车费)'],
    ['contract', '违规签订物业服务合同'],
    ['service-exit', '擅自终止服务/拒不退出'],
    ['common-property', '擅自利用共有部分经营/公共收益不公开'],
    ['info-leak', '泄露业主个人信息'],
    ['security-guard', '保安服务不规范'],
    ['elevator', '电梯安全'],
    ['noise', '噪声、油烟等环境污染'],
    ['renovation', '违规装修'],
    ['water-supply', '供水服务/违规收水费'],
    ['public-order', '治安(打架斗殴、偷盗、高空抛物)'],
    ['service-quality', '物业服务不到位(保洁、维修、秩序、绿化养护)'],
    ['owners-committee', '业委会问题(选举、经费、资料移交)'],
    ['maintenance-fund', '专项维修资金使用/公示'],
    ['disclosure', '物业信息未公开(六公开/五公开、公共水电分摊)'],
    ['clutter', '楼道堆物、乱堆乱放'],
    ['posting', '乱拉乱挂、乱贴乱画'],
    ['utility-outage', '突发停水停电停气、爆管、污水外溢'],
    ['falling-objects', '高空坠物、外立面脱落'],
    ['other', '其他'],
  ] as const)('%s is labelled %s', (code, label) => {
    expect(getCategory(code).label).toBe(label);
  });

  it('marks exactly the urgent categories of DESIGN.md §4', () => {
    expect([...URGENT_CATEGORIES].sort()).toEqual(
      ['elevator', 'falling-objects', 'fire-facility', 'fire-lane', 'fly-wire', 'hazmat', 'public-order', 'utility-outage'].sort(),
    );
  });

  it('keeps 高空抛物 (someone throws things, police) apart from 高空坠物 (things fall)', () => {
    expect(getCategory('public-order').label).toContain('高空抛物');
    expect(getCategory('public-order').emergencyCall).toBe('110');
    expect(getCategory('falling-objects').label).toContain('高空坠物');
    expect(getCategory('falling-objects').label).not.toContain('抛物');
  });

  it('marks the property-company conduct categories of DESIGN.md §2 (fees, contract, exit, common property and its money, owner data)', () => {
    expect([...PROPERTY_CONDUCT_CATEGORIES].sort()).toEqual(
      ['common-property', 'contract', 'disclosure', 'fee-coercion', 'illegal-fee', 'info-leak', 'maintenance-fund', 'service-exit'].sort(),
    );
  });

  it('gives every category its own icon name and group', () => {
    expect(new Set(CATEGORIES.map((c) => c.icon)).size).toBeGreaterThanOrEqual(CATEGORIES.length - 2);
    for (const c of CATEGORIES) expect(['治脏', '治乱', '安全', '其他']).toContain(c.group);
  });

  it('recognises codes and rejects anything else', () => {
    expect(isCategoryCode('fly-wire')).toBe(true);
    expect(isCategoryCode('Fly-Wire')).toBe(false);
    expect(isCategoryCode(3)).toBe(false);
    expect(() => getCategory('nope' as never)).toThrow('unknown category code: nope');
  });
});
