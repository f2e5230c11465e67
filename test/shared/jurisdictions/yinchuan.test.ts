import { routeNames } from './helpers';

// 000 (2023 "123" 任务清单) and 001 (三年行动任务清单, 县(市)区级 rows): "各县(市)区…部门" is the estate's
// district/county unit; without an estate it is named generically.
const STREET = '街道(乡镇)办事处';
const ENFORCE_LEAD = ['县(市)区人民政府', '县(市)区综合执法部门', '县(市)区公安部门', '县(市)区应急管理部门'];
const ENFORCE_RESP = ['县(市)区住建部门', '县(市)区市场监管部门', '县(市)区自然资源部门', '县(市)区园林部门', STREET];
const NINE_LEAD = ['县(市)区人民政府', '县(市)区住建部门'];
const NINE_RESP = ['县(市)区综合执法部门', '县(市)区公安部门', '县(市)区市场监管部门', '县(市)区发改部门', '县(市)区消防救援部门', STREET];
const SAFETY_LEAD = ['县(市)区应急管理部门', '县(市)区消防救援部门'];
const SAFETY_RESP = ['县(市)区住建部门', '县(市)区综合执法部门', STREET];

describe('银川市 (000, 001): every category without an estate', () => {
  it.each([
    ['fee-coercion', '000 序号3', ['县(市)区住建部门', '县(市)区发改部门'], ['县(市)区市场监管部门', STREET]],
    ['illegal-fee', '000 序号3', ['县(市)区住建部门', '县(市)区发改部门'], ['县(市)区市场监管部门', STREET]],
    ['water-supply', '000 序号5', ['市市政管理局'], ['县(市)区人民政府', '市发展和改革委员会', '市住房和城乡建设局', STREET]],
    ['info-leak', '001 序号4(九不准第五条，县(市)区级)', NINE_LEAD, NINE_RESP],
    ['service-exit', '001 序号4(九不准第六条，县(市)区级)', NINE_LEAD, NINE_RESP],
    ['contract', '001 序号4(九不准第七条，县(市)区级)', NINE_LEAD, NINE_RESP],
    ['common-property', '001 序号4(九不准第八条，县(市)区级)', NINE_LEAD, NINE_RESP],
    ['fire-facility', '001 序号10(县(市)区级)', SAFETY_LEAD, SAFETY_RESP],
    ['flood', '001 序号10(县(市)区级)', SAFETY_LEAD, SAFETY_RESP],
    ['public-order', '001 序号10(县(市)区级)', SAFETY_LEAD, SAFETY_RESP],
    ['elevator', '001 序号10(县(市)区级)', SAFETY_LEAD, SAFETY_RESP],
    ['illegal-building', '001 序号13/14(县(市)区级)', ENFORCE_LEAD, ENFORCE_RESP],
    ['greenery', '001 序号13/14(县(市)区级)', ENFORCE_LEAD, ENFORCE_RESP],
    ['garbage', '001 序号13/14(县(市)区级)', ENFORCE_LEAD, ENFORCE_RESP],
    ['dog', '001 序号13/14(县(市)区级)', ENFORCE_LEAD, ENFORCE_RESP],
    ['ebike-indoor', '001 序号13/14(县(市)区级)', ENFORCE_LEAD, ENFORCE_RESP],
    ['fly-wire', '001 序号13/14(县(市)区级)', ENFORCE_LEAD, ENFORCE_RESP],
    ['fire-lane', '001 序号13/14(县(市)区级)', ENFORCE_LEAD, ENFORCE_RESP],
    ['hazmat', '001 序号13/14(县(市)区级)', ENFORCE_LEAD, ENFORCE_RESP],
    ['security-guard', '001 序号13/14(县(市)区级)', ENFORCE_LEAD, ENFORCE_RESP],
    ['dispute', '001 序号15(县(市)区级)', ['县(市)区人民政府'], ['市住房和城乡建设局', '市民政局', '市网络信息化局', STREET]],
    ['parking', '001 序号15(县(市)区级)', [STREET, '县(市)区住建部门'], []],
    ['noise', '001 序号15(县(市)区级)', [STREET, '县(市)区住建部门'], []],
    ['renovation', '001 序号15(县(市)区级)', [STREET, '县(市)区住建部门'], []],
    ['other', '001 序号15(县(市)区级)', [STREET, '县(市)区住建部门'], []],
  ])('%s → %s', (category, item, lead, responsible) => {
    const r = routeNames('yinchuan', category);
    expect(r.items).toEqual([item]);
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
});
