import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeNames } from './helpers';

const doc004 = readFileSync(join(__dirname, '../../../docs/sources/004_130a68cab0166a86.txt'), 'utf8').replace(/\s+/g, '');

// 004 奇台县: the department whose duty paragraph (三(一)3) names the problem leads; the other 责任单位
// of the matching 三(二) task are co-responsible; 奇台镇 is the township of every estate.
const TOWN = '奇台镇';

describe('奇台县 (004): every category', () => {
  it.each([
    ['fire-lane', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', '县自然资源局', TOWN]],
    ['fly-wire', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', '县自然资源局', TOWN]],
    ['ebike-indoor', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', '县自然资源局', TOWN]],
    ['clutter', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', '县自然资源局', TOWN]],
    ['fire-facility', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', TOWN]],
    ['hazmat', ['县消防救援大队'], ['县应急管理局', '县住建局', '县公安局', TOWN]],
    ['flood', ['县应急管理局'], [TOWN]],
    ['parking', [TOWN, '县住建局'], ['县应急管理局', '县公安局', '县自然资源局', '县消防救援大队']],
    ['garbage', ['县住建局'], [TOWN]],
    ['greenery', ['县住建局'], [TOWN]],
    ['dog', ['县住建局'], [TOWN]],
    ['posting', ['县住建局'], [TOWN]],
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
    ['service-quality', [TOWN, '县住建局'], []],
    ['owners-committee', [TOWN, '县住建局'], []],
    ['maintenance-fund', ['县住建局'], [TOWN, '县司法局', '县人民法院', '县财政局']],
    ['disclosure', ['县住建局'], [TOWN, '县市场监管局', '县发改委']],
    ['utility-outage', [TOWN], ['县市场监管局', '县住建局', '县应急管理局']],
    ['info-leak', [TOWN, '县住建局'], []],
    ['renovation', [TOWN, '县住建局'], []],
    ['falling-objects', [TOWN, '县住建局'], []],
    ['other', [TOWN, '县住建局'], []],
  ])('%s: lead %j, responsible %j', (category, lead, responsible) => {
    const r = routeNames('qitai', category);
    expect(r.lead).toEqual(lead);
    expect(r.responsible).toEqual(responsible);
    expect(r.items.every((i) => i.startsWith('004 '))).toBe(true);
  });
});

describe('奇台县: the documents’ words decide the new categories', () => {
  it('dog (违规饲养犬只、家禽) and posting go to 县住建局: "依法查处…饲养家禽、乱拉乱挂、乱贴乱画、毁坏绿化行为"', () => {
    expect(doc004).toContain('依法查处业主委员会或物业服务企业劝阻、制止无效的饲养家禽、乱拉乱挂、乱贴乱画、毁坏绿化行为');
    for (const category of ['dog', 'posting']) {
      const r = routeNames('qitai', category);
      expect(r.items).toEqual(['004 三(一)3 住房和城乡建设局']);
      expect(r.lead).toEqual(['县住建局']);
    }
  });

  it.each(['info-leak', 'renovation', 'falling-objects', 'other'])('%s: no paragraph names it, and the basis says so', (category) => {
    const r = routeNames('qitai', category);
    expect(r.row).toBe('qitai.default');
    expect(r.items[0]).toBe('004 清单无此项：按默认规则由奇台镇(属地)会同县住建局办理；依据三(一)1');
  });

  it('public-order goes to 县公安局: "负责物业管理区域内的各类治安案件纠纷及时查处"', () => {
    expect(doc004).toContain('负责物业管理区域内的各类治安案件纠纷及时查处');
    expect(routeNames('qitai', 'public-order').lead).toEqual(['县公安局']);
  });

  it('elevator goes to 县市场监管局: "负责督促居民住宅小区物业服务企业加强对电梯的安全管理"', () => {
    expect(doc004).toContain('市场监督管理局：负责督促居民住宅小区物业服务企业加强对电梯的安全管理');
    expect(routeNames('qitai', 'elevator').lead).toEqual(['县市场监管局']);
  });
});
