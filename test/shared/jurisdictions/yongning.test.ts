import { routeNames } from './helpers';

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
  it.each([
    ['ebike-indoor', '001 序号13/14(县(市)区级)', ['永宁县人民政府', '县综合执法局', '县公安局', '县应急管理局'], ['县住建局', '县市监局', '县自然资源局', '永宁县园林部门', TOWNSHIP]],
    ['elevator', '001 序号10(县(市)区级)', ['县应急管理局', '县消防救援大队'], ['县住建局', '县综合执法局', TOWNSHIP]],
    ['public-order', '001 序号10(县(市)区级)', ['县应急管理局', '县消防救援大队'], ['县住建局', '县综合执法局', TOWNSHIP]],
    ['water-supply', '000 序号5', ['市市政管理局'], ['永宁县人民政府', '市发展和改革委员会', '市住房和城乡建设局', TOWNSHIP]],
    ['dispute', '001 序号15(县(市)区级)', ['永宁县人民政府'], ['市住房和城乡建设局', '市民政局', '市网络信息化局', TOWNSHIP]],
  ])('%s → %s', (category, item, lead, responsible) => {
    const r = routeNames('yongning', category);
    expect(r.items).toEqual([item]);
    expect(r.lead).toEqual(lead);
    expect(r.responsible).toEqual(responsible);
  });

  it.each(['noise', 'renovation', 'other'])('%s: no list names it → Yongning’s default (属地 township + 县住建局)', (category) => {
    const r = routeNames('yongning', category);
    expect(r.row).toBe('yongning.default');
    expect(r.lead).toEqual([TOWNSHIP, '县住建局']);
    expect(r.responsible).toEqual([]);
  });

  it('names the estate’s own township when the estate is known', () => {
    const r = routeNames('yongning', 'fly-wire', { townshipId: 'yongning.t.wangyuan' });
    expect(r.responsible).toEqual(['县公安局', '县综合执法局', '县消防救援大队', '望远镇']);
  });
});
