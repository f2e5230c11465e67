import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeNames } from './helpers';

const doc002 = readFileSync(join(__dirname, '../../../docs/sources/002_bbc741157aca8db7.txt'), 'utf8').replace(/\s+/g, '');
const doc001 = readFileSync(join(__dirname, '../../../docs/sources/001_c21a685cf9840a30.txt'), 'utf8').replace(/\s+/g, '');

// 002 永宁县2023年物业提升"123"专项行动工作方案, 二(二): 牵头部门 / 责任部门 as the document lists them.
const TOWNSHIP = '乡镇(街道)';

describe('永宁县 (002): every 治脏/治乱 row, lead and responsible units in the document’s order', () => {
  it.each([
    ['garbage', '002 二(二)1(1)', ['县城乡公共事业服务中心'], ['县住建局', '县综合执法局', TOWNSHIP]],
    ['parking', '002 二(二)1(2)', ['县消防救援大队', '县公安局', '县综合执法局'], ['县住建局', TOWNSHIP]],
    ['fire-lane', '002 二(二)1(2)', ['县消防救援大队', '县公安局', '县综合执法局'], ['县住建局', TOWNSHIP]],
    ['greenery', '002 二(二)1(3)', ['县住建局', '县自然资源局', '县综合执法局'], [TOWNSHIP]],
    ['illegal-building', '002 二(二)1(4)', ['县综合执法局', '县自然资源局'], ['县住建局', TOWNSHIP]],
    ['dog', '002 二(二)1(5)', ['县综合执法局'], ['县住建局', TOWNSHIP]],
    ['hazmat', '002 二(二)1(6)', ['县住建局', '县应急管理局'], ['县公安局', '县综合执法局', '县消防救援大队', TOWNSHIP]],
    ['flood', '002 二(二)1(6)', ['县住建局', '县应急管理局'], ['县公安局', '县综合执法局', '县消防救援大队', TOWNSHIP]],
    ['fire-facility', '002 二(二)1(6)', ['县住建局', '县应急管理局'], ['县公安局', '县综合执法局', '县消防救援大队', TOWNSHIP]],
    ['fly-wire', '002 二(二)1(6)', ['县住建局', '县应急管理局'], ['县公安局', '县综合执法局', '县消防救援大队', TOWNSHIP]],
    ['fee-coercion', '002 二(二)2(1)', ['县住建局'], ['县市监局', '县发改局', '县综合执法局', TOWNSHIP]],
    ['illegal-fee', '002 二(二)2(1)', ['县住建局'], ['县市监局', '县发改局', '县综合执法局', TOWNSHIP]],
    ['contract', '002 二(二)2(2)', ['县住建局'], ['县综合执法局', TOWNSHIP]],
    ['service-exit', '002 二(二)2(3)', ['县住建局'], ['县综合执法局', TOWNSHIP]],
    ['common-property', '002 二(二)2(3)', ['县住建局'], ['县综合执法局', TOWNSHIP]],
    ['info-leak', '002 二(二)2(4)', ['县公安局'], ['县住建局', TOWNSHIP]],
    ['security-guard', '002 二(二)2(5)', ['县公安局'], ['县住建局', '县综合执法局', '县市监局', TOWNSHIP]],
  ])('%s → %s: lead %j, responsible %j', (category, item, lead, responsible) => {
    const r = routeNames('yongning', category);
    expect(r.items).toEqual([item]);
    expect(r.lead).toEqual(lead);
    expect(r.responsible).toEqual(responsible);
  });
});

describe('永宁县: where 002 is silent, Yinchuan’s 县(市)区级 rows apply with Yongning’s own units', () => {
  const FIRE_ITEMS = ['001 序号13/14(县(市)区级)', '001 序号9/10(县(市)区级)', '001 序号10(县(市)区级，牵头单位)'];
  const FIRE_LEAD = ['永宁县人民政府', '县综合执法局', '县公安局', '县应急管理局', '县消防救援大队'];
  const FIRE_RESP = ['县住建局', '县市监局', '县自然资源局', TOWNSHIP];
  it.each([
    ['ebike-indoor', FIRE_ITEMS, FIRE_LEAD, FIRE_RESP],
    ['clutter', FIRE_ITEMS, FIRE_LEAD, FIRE_RESP],
    ['elevator', ['001 序号10(县(市)区级)', '001 序号14(县(市)区级，责任单位)'], ['县市监局'], ['县应急管理局', '县消防救援大队', '县住建局', TOWNSHIP]],
    ['public-order', ['001 序号14(县(市)区级，牵头单位)', '001 序号3'], ['县公安局'], [TOWNSHIP]],
    ['falling-objects', ['001 序号10(县(市)区级)'], ['县应急管理局', '县消防救援大队'], ['县住建局', '县综合执法局', TOWNSHIP]],
    ['water-supply', ['000 序号5'], ['市市政管理局'], ['永宁县人民政府', '市发展和改革委员会', '市住房和城乡建设局', TOWNSHIP]],
    ['dispute', ['001 序号15(县(市)区级)'], ['永宁县人民政府', TOWNSHIP], ['市住房和城乡建设局', '市民政局', '市网络信息化局']],
    ['service-quality', ['001 序号5/6(县(市)区级)', '001 序号5'], ['永宁县人民政府', '县住建局'], [TOWNSHIP]],
    ['owners-committee', ['001 序号11(主要内容)', '001 序号11(主要内容)', '001 序号12(县(市)区级，牵头单位)'], [TOWNSHIP], ['县住建局', '县民政局']],
    ['maintenance-fund', ['001 序号7(主要内容)', '001 序号8(县(市)区级)'], ['县发改局', '县住建局'], ['县市监局', TOWNSHIP]],
    ['disclosure', ['000 序号3', '001 序号7(主要内容)'], ['县住建局', '县发改局'], ['县市监局', TOWNSHIP]],
    ['utility-outage', ['001 序号13(专业运营单位：本小区未登记运营单位，由属地街道(乡镇)牵头)', '000 序号5'], [TOWNSHIP], ['市市政管理局']],
  ])('%s → %j', (category, items, lead, responsible) => {
    const r = routeNames('yongning', category);
    expect(r.items).toEqual(items);
    expect(r.lead).toEqual(lead);
    expect(r.responsible).toEqual(responsible);
  });

  it.each(['noise', 'renovation', 'posting', 'other'])('%s: no list names it → Yongning’s default (属地 township + 县住建局), and the basis says so', (category) => {
    const r = routeNames('yongning', category);
    expect(r.row).toBe('yongning.default');
    expect(r.lead).toEqual([TOWNSHIP, '县住建局']);
    expect(r.responsible).toEqual([]);
    expect(r.items).toEqual(['002 清单无此项：按默认规则由属地乡镇(街道)会同县住建局办理；依据二(三)3']);
  });

  it('names the estate’s own township when the estate is known', () => {
    const r = routeNames('yongning', 'fly-wire', { townshipId: 'yongning.t.wangyuan' });
    expect(r.responsible).toEqual(['县公安局', '县综合执法局', '县消防救援大队', '望远镇']);
  });
});

describe('永宁县: the findings of the routing audit stay fixed', () => {
  it('names no "永宁县园林部门": 002 names no 园林 unit (Yinchuan’s "各县（市）区住建、市场监管、自然资源、园林等部门" has no Yongning counterpart)', () => {
    expect(doc001).toContain('各县（市）区住建、市场监管、自然资源、园林等部门');
    expect(doc002).not.toContain('園林');
    for (const category of ['ebike-indoor', 'clutter']) {
      const names = [...routeNames('yongning', category).lead, ...routeNames('yongning', category).responsible];
      expect(names.some((n) => n.includes('园林'))).toBe(false);
    }
  });

  it('ebike-indoor has 县消防救援大队 as a lead (001 序号10 "各县（市）区应急、消防救援部门"; 002 names "縣消防救援大隊")', () => {
    expect(doc001).toContain('各县（市）区应急、消防救援部门');
    expect(doc002).toContain('縣消防救援大隊');
    expect(routeNames('yongning', 'ebike-indoor').lead).toContain('县消防救援大队');
  });

  it('public-order goes to 县公安局, elevator to 县市监局 (002 "責任部門:縣市監局")', () => {
    expect(doc002).toContain('責任部門:縣市監局');
    expect(doc002).toContain('縣公安局');
    expect(routeNames('yongning', 'public-order').lead).toEqual(['县公安局']);
    expect(routeNames('yongning', 'elevator').lead).toEqual(['县市监局']);
  });
});
