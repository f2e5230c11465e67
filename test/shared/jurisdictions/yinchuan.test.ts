import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { route } from '../../../shared/routing/route';
import { routeNames } from './helpers';

// 000 (2023 "123" 任务清单) and 001 (三年行动任务清单, 县(市)区级 rows): "各县(市)区…部门" is the estate's
// district/county unit; without an estate it is named generically.
const STREET = '街道(乡镇)办事处';
const ENFORCE_LEAD = ['县(市)区人民政府', '县(市)区综合执法部门', '县(市)区公安部门', '县(市)区应急管理部门'];
const ENFORCE_RESP = ['县(市)区住建部门', '县(市)区市场监管部门', '县(市)区自然资源部门', '县(市)区园林部门', STREET];
const FIRE_LEAD = [...ENFORCE_LEAD, '县(市)区消防救援部门'];
const FIRE_ITEMS = ['001 序号13/14(县(市)区级)', '001 序号9/10(县(市)区级)', '001 序号10(县(市)区级，牵头单位)'];
const NINE_LEAD = ['县(市)区人民政府', '县(市)区住建部门'];
const NINE_RESP = ['县(市)区综合执法部门', '县(市)区公安部门', '县(市)区市场监管部门', '县(市)区发改部门', '县(市)区消防救援部门', STREET];
const SAFETY_LEAD = ['县(市)区应急管理部门', '县(市)区消防救援部门'];
const SAFETY_RESP = ['县(市)区住建部门', '县(市)区综合执法部门', STREET];
const FEE_LEAD = ['县(市)区住建部门', '县(市)区发改部门'];
const FEE_RESP = ['县(市)区市场监管部门', STREET];
const DEFAULT = ['001 清单无此项：按默认规则由属地街道(乡镇)会同县(市)区住建部门办理；依据序号15(县(市)区级)'];

describe('银川市 (000, 001): every category without an estate', () => {
  it.each([
    ['fly-wire', FIRE_ITEMS, FIRE_LEAD, ENFORCE_RESP],
    ['ebike-indoor', FIRE_ITEMS, FIRE_LEAD, ENFORCE_RESP],
    ['fire-lane', FIRE_ITEMS, FIRE_LEAD, ENFORCE_RESP],
    ['fire-facility', ['001 序号10(县(市)区级)'], SAFETY_LEAD, SAFETY_RESP],
    ['hazmat', FIRE_ITEMS, FIRE_LEAD, ENFORCE_RESP],
    ['flood', ['001 序号10(县(市)区级)'], SAFETY_LEAD, SAFETY_RESP],
    ['parking', DEFAULT, [STREET, '县(市)区住建部门'], []],
    ['garbage', ['001 序号13/14(县(市)区级)'], ENFORCE_LEAD, ENFORCE_RESP],
    ['greenery', ['001 序号13/14(县(市)区级)'], ENFORCE_LEAD, ENFORCE_RESP],
    ['illegal-building', ['001 序号13/14(县(市)区级)'], ENFORCE_LEAD, ENFORCE_RESP],
    ['dog', ['001 序号13/14(县(市)区级)'], ENFORCE_LEAD, ENFORCE_RESP],
    ['dispute', ['001 序号15(县(市)区级)'], ['县(市)区人民政府', STREET], ['市住房和城乡建设局', '市民政局', '市网络信息化局']],
    ['fee-coercion', ['000 序号3'], FEE_LEAD, FEE_RESP],
    ['illegal-fee', ['000 序号3'], FEE_LEAD, FEE_RESP],
    ['contract', ['001 序号4(九不准第七条，县(市)区级)'], NINE_LEAD, NINE_RESP],
    ['service-exit', ['001 序号4(九不准第六条，县(市)区级)'], NINE_LEAD, NINE_RESP],
    ['common-property', ['001 序号4(九不准第八条，县(市)区级)'], NINE_LEAD, NINE_RESP],
    ['info-leak', ['001 序号4(九不准第五条，县(市)区级)'], NINE_LEAD, NINE_RESP],
    ['security-guard', ['001 序号13/14(县(市)区级)'], ENFORCE_LEAD, ENFORCE_RESP],
    ['elevator', ['001 序号10(县(市)区级)', '001 序号14(县(市)区级，责任单位)'], ['县(市)区市场监管部门'], ['县(市)区应急管理部门', '县(市)区消防救援部门', '县(市)区住建部门', STREET]],
    ['noise', DEFAULT, [STREET, '县(市)区住建部门'], []],
    ['renovation', DEFAULT, [STREET, '县(市)区住建部门'], []],
    ['water-supply', ['000 序号5'], ['市市政管理局'], ['县(市)区人民政府', '市发展和改革委员会', '市住房和城乡建设局', STREET]],
    ['public-order', ['001 序号14(县(市)区级，牵头单位)', '001 序号3'], ['县(市)区公安部门'], [STREET]],
    ['service-quality', ['001 序号5/6(县(市)区级)', '001 序号5'], ['县(市)区人民政府', '县(市)区住建部门'], [STREET]],
    ['owners-committee', ['001 序号11(主要内容)', '001 序号11(主要内容)', '001 序号12(县(市)区级，牵头单位)'], [STREET], ['县(市)区住建部门', '县(市)区民政部门']],
    ['maintenance-fund', ['001 序号7(主要内容)', '001 序号8(县(市)区级)'], ['县(市)区发改部门', '县(市)区住建部门'], FEE_RESP],
    ['disclosure', ['000 序号3', '001 序号7(主要内容)'], FEE_LEAD, FEE_RESP],
    ['clutter', FIRE_ITEMS, FIRE_LEAD, ENFORCE_RESP],
    ['posting', DEFAULT, [STREET, '县(市)区住建部门'], []],
    ['utility-outage', ['001 序号13(专业运营单位：本小区未登记运营单位，由属地街道(乡镇)牵头)', '000 序号5'], [STREET], ['市市政管理局']],
    ['falling-objects', ['001 序号10(县(市)区级)'], SAFETY_LEAD, SAFETY_RESP],
    ['other', DEFAULT, [STREET, '县(市)区住建部门'], []],
  ])('%s → %j', (category, items, lead, responsible) => {
    const r = routeNames('yinchuan', category);
    expect(r.items).toEqual(items);
    expect(r.lead).toEqual(lead);
    expect(r.responsible).toEqual(responsible);
  });
});

describe('银川市: "各县(市)区…部门" resolves to the estate’s district', () => {
  it('a fee complaint in a 兴庆区 estate goes to 兴庆区’s 住建 and 发改 departments, with its street', () => {
    const r = routeNames('yinchuan', 'illegal-fee', { areaId: 'yinchuan.xingqing', townshipId: 'yinchuan.t.funingjie' });
    expect(r.lead).toEqual(['兴庆区住建部门', '兴庆区发改部门']);
    expect(r.responsible).toEqual(['兴庆区市场监管部门', '富宁街街道办事处']);
  });

  it('city units stay city units in a district estate (000 序号5: 市市政管理局 leads)', () => {
    const r = routeNames('yinchuan', 'water-supply', { areaId: 'yinchuan.helan', townshipId: 'yinchuan.t.xigang' });
    expect(r.lead).toEqual(['市市政管理局']);
    expect(r.responsible).toEqual(['贺兰县人民政府', '市发展和改革委员会', '市住房和城乡建设局', '习岗镇']);
  });

  it('a fire lane in a 金凤区 estate goes to 金凤区’s 消防救援部门 among the leads (001 序号10)', () => {
    const r = routeNames('yinchuan', 'fire-lane', { areaId: 'yinchuan.jinfeng', townshipId: 'yinchuan.t.manchengbeijie' });
    expect(r.lead).toEqual(['金凤区人民政府', '金凤区综合执法部门', '金凤区公安部门', '金凤区应急管理部门', '金凤区消防救援部门']);
  });
});

// Regression tests for the audit of issue 16: each quotes the words of 001 that decide it.
const doc001 = readFileSync(join(__dirname, '../../../docs/sources/001_c21a685cf9840a30.txt'), 'utf8').replace(/\s+/g, '');

describe('银川市: the findings of the routing audit stay fixed', () => {
  it('public-order (治安、打架斗殴、偷盗、高空抛物) goes to 公安, which 001 序号14 makes a lead: "各县（市）区人民政府、各县（市）区综合执法、公安、应急管理部门"', () => {
    expect(doc001).toContain('各县（市）区人民政府、各县（市）区综合执法、公安、应急管理部门');
    const d = route({ jurisdiction: 'yinchuan', category: 'public-order' });
    expect(d.lead.map((u) => u.name)).toEqual(['县(市)区公安部门']);
    expect(d.lead.map((u) => u.name)).not.toContain('县(市)区应急管理部门');
    // 序号10's "防止…抛掷物造成他人损害" is the company's own safety duty: it now backs falling-objects only.
    expect(d.basis.map((b) => b.text).join('')).not.toContain('抛掷物');
    expect(route({ jurisdiction: 'yinchuan', category: 'falling-objects' }).basis[0]?.text).toContain('高空坠物');
  });

  it('elevator goes to 市场监管, the special-equipment regulator ("各县（市）区住建、市场监管、自然资源、园林等部门" names it), not to 应急/消防 alone', () => {
    expect(doc001).toContain('各县（市）区住建、市场监管、自然资源、园林等部门');
    const d = route({ jurisdiction: 'yinchuan', category: 'elevator' });
    expect(d.lead.map((u) => u.name)).toEqual(['县(市)区市场监管部门']);
  });

  it.each(['fire-lane', 'fly-wire', 'hazmat', 'ebike-indoor'])(
    '%s has a 消防救援 lead: 001 序号10’s 牵头单位 is "各县（市）区应急、消防救援部门"',
    (category) => {
      expect(doc001).toContain('各县（市）区应急、消防救援部门');
      const d = route({ jurisdiction: 'yinchuan', category });
      expect(d.lead.map((u) => u.name)).toContain('县(市)区消防救援部门');
      expect(d.basis.map((b) => b.text)).toContain('各县（市）区应急、消防救援部门');
    },
  );

  it('a category no row names says so in its basis (default rule)', () => {
    for (const category of ['parking', 'noise', 'renovation', 'posting', 'other']) {
      const d = route({ jurisdiction: 'yinchuan', category });
      expect(d.rowId).toBe('yinchuan.default');
      expect(d.basis[0]?.item).toMatch(/^清单无此项：按默认规则/);
    }
  });
});
