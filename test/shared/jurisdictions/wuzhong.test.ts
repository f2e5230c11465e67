import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTRY } from '../../../shared/jurisdictions';
import { route } from '../../../shared/routing/route';
import { routeNames } from './helpers';

// 003 吴忠市: 附件2 task rows (牵头/配合) and 三(九) first; otherwise the department holding the duty in 附件1.
const TOWN = '乡镇(街道)';
const GOV = '县(市、区)人民政府';
const HOUSING = '县(市、区)物业管理主管部门';
const JOINT_RESP = ['市城市管理局', '市消防救援局', '市生态环境', '市市场监管局', '市公安局'];
const DEFAULT = ['003 清单无此项：按默认规则由属地乡镇(街道)会同县(市、区)物业管理主管部门办理；依据一(一)'];

describe('吴忠市 (003): every category without an estate', () => {
  it.each([
    ['fly-wire', ['003 三(九)', '003 附件2 第11项(牵头:各县(市、区)人民政府)', '003 附件2 第17项'], [GOV, '市住建局'], [...JOINT_RESP, TOWN]],
    ['ebike-indoor', ['003 三(九)', '003 附件2 第11项(牵头:各县(市、区)人民政府)', '003 附件2 第17项'], [GOV, '市住建局'], [...JOINT_RESP, TOWN]],
    ['fire-lane', ['003 三(九)', '003 附件1 市消防救援局 第1条', '003 附件2 第17项'], [GOV, '市消防救援局', '市住建局'], ['市城市管理局', '市公安局', '市生态环境', '市市场监管局', TOWN]],
    ['fire-facility', ['003 附件1 市消防救援局 第1条'], ['市消防救援局'], [TOWN]],
    ['hazmat', ['003 附件1 (二)乡镇、街道 第11条'], [TOWN], []],
    ['flood', ['003 附件1 (二)乡镇、街道 第9条'], [TOWN], []],
    ['parking', ['003 三(九)'], [TOWN], []],
    ['garbage', ['003 三(九)'], [TOWN], []],
    ['greenery', DEFAULT, [TOWN, HOUSING], []],
    ['illegal-building', ['003 三(九)', '003 附件2 第10项(牵头:各县(市、区)人民政府)', '003 附件2 第17项', '003 附件1 (二)乡镇、街道 第12条', '003 二(七)'], [GOV, '市住建局', TOWN], [HOUSING, ...JOINT_RESP, '市自然资源']],
    ['dog', DEFAULT, [TOWN, HOUSING], []],
    ['dispute', ['003 附件2 第5项', '003 附件1 县级主管部门 第9条'], [GOV, TOWN], ['市委社会工作部', HOUSING, '市公安局']],
    ['fee-coercion', ['003 三(九)', '003 附件1 市市场监管 第1条'], [HOUSING], ['市市场监管局', TOWN]],
    ['illegal-fee', ['003 附件1 市市场监管 第1条', '003 三(九)'], ['市市场监管局', HOUSING], [TOWN]],
    ['contract', ['003 二(六)', '003 附件1 县级主管部门 第4条'], [TOWN], [HOUSING]],
    ['service-exit', ['003 附件1 (二)乡镇、街道 第4条'], [TOWN], []],
    ['common-property', ['003 附件1 县级主管部门 第6条'], [HOUSING], [TOWN]],
    ['info-leak', DEFAULT, [TOWN, HOUSING], []],
    ['security-guard', ['003 附件1 市公安'], ['市公安局'], [TOWN]],
    ['elevator', ['003 附件1 市市场监管 第2条'], ['市市场监管局'], [TOWN]],
    ['noise', ['003 附件1 市生态环境'], ['市生态环境'], [TOWN]],
    ['renovation', ['003 三(九)', '003 附件2 第10项(牵头:各县(市、区)人民政府)', '003 附件2 第17项', '003 附件1 (二)乡镇、街道 第12条', '003 二(七)'], [GOV, '市住建局', TOWN], [HOUSING, ...JOINT_RESP, '市自然资源']],
    ['water-supply', ['003 附件1 水、电、暖、气、通信等相关企业(本小区未登记相关企业：由属地乡镇(街道)牵头)'], [TOWN], []],
    ['public-order', ['003 附件1 市公安', '003 附件2 第5项', '003 附件1 (二)乡镇、街道 第9条'], ['市公安局'], [TOWN]],
    ['service-quality', ['003 三(九)', '003 三(九)'], [HOUSING, TOWN], []],
    ['owners-committee', ['003 附件1 (二)乡镇、街道 第3条', '003 附件1 县级主管部门 第5条'], [TOWN], [HOUSING]],
    ['maintenance-fund', ['003 附件1 县级主管部门 第6条'], [HOUSING], [TOWN]],
    ['disclosure', ['003 二(六)', '003 三(九)'], [HOUSING], [TOWN]],
    ['clutter', ['003 三(九)', '003 三(十三)', '003 附件1 市消防救援局 第1条'], [TOWN], ['市消防救援局']],
    ['posting', DEFAULT, [TOWN, HOUSING], []],
    ['utility-outage', ['003 附件1 (二)乡镇、街道 第9条', '003 附件1 水、电、暖、气、通信等相关企业(本小区未登记相关企业：由属地乡镇(街道)牵头)', '003 附件1 国网吴忠供电公司'], [TOWN], ['国网吴忠供电公司']],
    ['falling-objects', ['003 附件1 (二)乡镇、街道 第9条'], [TOWN], []],
    ['other', DEFAULT, [TOWN, HOUSING], []],
  ])('%s → %j', (category, items, lead, responsible) => {
    const r = routeNames('wuzhong', category);
    expect(r.items).toEqual(items);
    expect(r.lead).toEqual(lead);
    expect(r.responsible).toEqual(responsible);
  });

  it('a 利通区 estate gets 利通区’s government and its own township for a neighbour dispute (附件2 第5项: 各县(市、区)人民政府)', () => {
    const r = routeNames('wuzhong', 'dispute', { areaId: 'wuzhong.litong', townshipId: 'wuzhong.t.jinxing' });
    expect(r.lead).toEqual(['利通区人民政府', '金星镇']);
    expect(r.responsible).toEqual(['市委社会工作部', '利通区物业管理主管部门', '市公安局']);
  });
});

// Regression tests for the audit of issue 16: each quotes the words of 003 that decide it.
const doc003 = readFileSync(join(__dirname, '../../../docs/sources/003_ffcbc4d9ebbf64d7.txt'), 'utf8').replace(/\s+/g, '');

describe('吴忠市: the findings of the routing audit stay fixed', () => {
  it.each(['fire-lane', 'fly-wire', 'ebike-indoor', 'illegal-building', 'renovation'])(
    '%s is led by the county government, not by 市住建局 alone: "各县(市、区)人民政府要统筹城市管理、消防、综合执法、公安等力量开展联合执法"',
    (category) => {
      expect(doc003).toContain('各县(市、区)人民政府要统筹城市管理、消防、综合执法、公安等力量开展联合执法');
      const d = route({ jurisdiction: 'wuzhong', category, estate: { jurisdiction: 'wuzhong', areaId: 'wuzhong.litong', townshipId: 'wuzhong.t.shengli' } });
      expect(d.lead[0]).toEqual({ id: 'wuzhong.litong.government', name: '利通区人民政府', kind: 'coordinating' });
      expect(d.lead.length).toBeGreaterThan(1);
      expect(d.lead.some((u) => u.kind === 'handling')).toBe(true);
    },
  );

  it('附件2 第10、11项 are led by 各县(市、区)人民政府 and cited for renovation and e-bikes', () => {
    expect(doc003).toContain('10.加强住宅小区房屋室内装饰装修安全管理。各县(市、区)人民政府');
    expect(doc003).toContain('推进既有住宅小区增设电动自行车停放充电设施建设。各县(市、区)人民政府');
    expect(routeNames('wuzhong', 'renovation').items).toContain('003 附件2 第10项(牵头:各县(市、区)人民政府)');
    expect(routeNames('wuzhong', 'ebike-indoor').items).toContain('003 附件2 第11项(牵头:各县(市、区)人民政府)');
  });

  it('water-supply no longer names the heading "水、电、暖、气、通信等相关企业" as a unit: the class resolves to the township, and the basis says so', () => {
    const d = route({ jurisdiction: 'wuzhong', category: 'water-supply', estate: { jurisdiction: 'wuzhong', areaId: 'wuzhong.litong', townshipId: 'wuzhong.t.shengli' } });
    expect(d.lead).toEqual([{ id: 'wuzhong.t.shengli', name: '胜利镇', kind: 'handling' }]);
    expect(d.basis[0]?.item).toContain('本小区未登记相关企业：由属地乡镇(街道)牵头');
    expect(REGISTRY.list('wuzhong')!.departments.map((d) => d.name)).not.toContain('水、电、暖、气、通信等相关企业');
  });

  it('the leadership office is the 市级物业管理联席会议 the document writes ("建立市级物业管理联席会议制度"), not an invented "吴忠市物业管理联席会议办公室"', () => {
    expect(doc003).toContain('建立市级物业管理联席会议制度');
    const list = REGISTRY.list('wuzhong')!;
    expect(REGISTRY.department(list.leadershipOffice)?.name).toBe('市级物业管理联席会议');
    expect(list.departments.map((d) => d.name)).not.toContain('吴忠市物业管理联席会议办公室');
  });

  it('public-order (打架斗殴、偷盗抢劫、高空抛物) goes to 市公安局', () => {
    expect(doc003).toContain('高空抛物造成人员伤亡');
    expect(routeNames('wuzhong', 'public-order').lead).toEqual(['市公安局']);
  });
});
