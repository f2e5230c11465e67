import { routeNames } from './helpers';

// 003 吴忠市: 附件2 task rows (牵头/配合) first; otherwise the department holding the duty in 附件1.
const TOWN = '乡镇(街道)';

describe('吴忠市 (003): every category without an estate', () => {
  it.each([
    ['fire-lane', ['003 附件2 第17项'], ['市住建局'], ['市生态环境局', '市市场监管局', '市城市管理局', '市公安局', '市消防救援局', TOWN]],
    ['fly-wire', ['003 附件2 第17项'], ['市住建局'], ['市生态环境局', '市市场监管局', '市城市管理局', '市公安局', '市消防救援局', TOWN]],
    ['ebike-indoor', ['003 附件2 第17项'], ['市住建局'], ['市生态环境局', '市市场监管局', '市城市管理局', '市公安局', '市消防救援局', TOWN]],
    ['illegal-building', ['003 附件2 第17项'], ['市住建局'], ['市生态环境局', '市市场监管局', '市城市管理局', '市公安局', '市消防救援局', TOWN]],
    ['renovation', ['003 附件2 第17项'], ['市住建局'], ['市生态环境局', '市市场监管局', '市城市管理局', '市公安局', '市消防救援局', TOWN]],
    ['fire-facility', ['003 附件1 市消防救援局 第1条'], ['市消防救援局'], [TOWN]],
    ['hazmat', ['003 附件1 (二)乡镇、街道 第11条'], [TOWN], []],
    ['flood', ['003 附件1 (二)乡镇、街道 第9条'], [TOWN], []],
    ['parking', ['003 三(九)'], [TOWN], []],
    ['garbage', ['003 三(九)'], [TOWN], []],
    ['fee-coercion', ['003 附件1 市市场监管 第1条'], ['市市场监管局'], [TOWN]],
    ['illegal-fee', ['003 附件1 市市场监管 第1条'], ['市市场监管局'], [TOWN]],
    ['contract', ['003 二(六)', '003 附件1 县级主管部门 第4条'], [TOWN], ['县(市、区)物业管理主管部门']],
    ['service-exit', ['003 附件1 (二)乡镇、街道 第4条'], [TOWN], []],
    ['common-property', ['003 附件1 县级主管部门 第6条'], ['县(市、区)物业管理主管部门'], [TOWN]],
    ['security-guard', ['003 附件1 市公安'], ['市公安局'], [TOWN]],
    ['public-order', ['003 附件1 市公安'], ['市公安局'], [TOWN]],
    ['dispute', ['003 附件2 第5项'], ['县(市、区)人民政府'], ['市委社会工作部', TOWN]],
    ['elevator', ['003 附件1 市市场监管 第2条'], ['市市场监管局'], [TOWN]],
    ['noise', ['003 附件1 市生态环境'], ['市生态环境局'], [TOWN]],
    ['water-supply', ['003 附件1 水、电、暖、气、通信等相关企业'], ['水、电、暖、气、通信等相关企业'], [TOWN]],
    ['greenery', ['003 一(一)'], [TOWN, '县(市、区)物业管理主管部门'], []],
    ['dog', ['003 一(一)'], [TOWN, '县(市、区)物业管理主管部门'], []],
    ['info-leak', ['003 一(一)'], [TOWN, '县(市、区)物业管理主管部门'], []],
    ['other', ['003 一(一)'], [TOWN, '县(市、区)物业管理主管部门'], []],
  ])('%s → %j', (category, items, lead, responsible) => {
    const r = routeNames('wuzhong', category);
    expect(r.items).toEqual(items);
    expect(r.lead).toEqual(lead);
    expect(r.responsible).toEqual(responsible);
  });

  it('a 利通区 estate gets 利通区’s government for a neighbour dispute (附件2 第5项: 各县(市、区)人民政府)', () => {
    const r = routeNames('wuzhong', 'dispute', { areaId: 'wuzhong.litong', townshipId: 'wuzhong.t.jinxing' });
    expect(r.lead).toEqual(['利通区人民政府']);
    expect(r.responsible).toEqual(['市委社会工作部', '金星镇']);
  });
});
