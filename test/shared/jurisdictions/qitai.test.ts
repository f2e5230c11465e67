import { routeNames } from './helpers';

// 004 奇台县: the department whose duty paragraph (三(一)3) names the problem leads; the other 责任单位
// of the matching 三(二) task are co-responsible; 奇台镇 is the township of every estate.
const TOWN = '奇台镇';

describe('奇台县 (004): every category', () => {
  it.each([
    ['fire-lane', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', '县自然资源局', TOWN]],
    ['fly-wire', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', '县自然资源局', TOWN]],
    ['ebike-indoor', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', '县自然资源局', TOWN]],
    ['fire-facility', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', TOWN]],
    ['hazmat', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', TOWN]],
    ['flood', ['县应急管理局'], [TOWN]],
    ['parking', [TOWN, '县住建局'], ['县应急管理局', '县公安局', '县自然资源局', '县消防救援大队']],
    ['garbage', ['县住建局'], [TOWN]],
    ['greenery', ['县住建局'], [TOWN]],
    ['illegal-building', [TOWN], ['县自然资源局', '县住建局']],
    ['noise', ['县生态环境局'], [TOWN]],
    ['elevator', ['县市场监管局'], ['县住建局', '县应急管理局', TOWN]],
    ['water-supply', ['县市场监管局', '县住建局', '县应急管理局'], [TOWN]],
    ['fee-coercion', ['县市场监管局'], ['县发改委', TOWN]],
    ['illegal-fee', ['县市场监管局'], ['县发改委', TOWN]],
    ['contract', ['县住建局'], [TOWN, '县市场监管局']],
    ['service-exit', ['县住建局'], [TOWN]],
    ['common-property', ['县住建局'], [TOWN, '县市场监管局', '县发改委']],
    ['security-guard', ['县公安局'], [TOWN]],
    ['public-order', ['县公安局'], [TOWN]],
    ['dispute', [TOWN], ['县公安局']],
    ['dog', [TOWN, '县住建局'], []],
    ['info-leak', [TOWN, '县住建局'], []],
    ['renovation', [TOWN, '县住建局'], []],
    ['other', [TOWN, '县住建局'], []],
  ])('%s: lead %j, responsible %j', (category, lead, responsible) => {
    const r = routeNames('qitai', category);
    expect(r.lead).toEqual(lead);
    expect(r.responsible).toEqual(responsible);
    expect(r.items.every((i) => i.startsWith('004 '))).toBe(true);
  });
});
