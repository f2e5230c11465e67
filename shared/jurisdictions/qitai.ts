import type { JurisdictionListInput } from './schema';

/**
 * 奇台县 (Qitai county, Xinjiang): 004_130a68cab0166a86.txt, the 2023 property-service quality year
 * plan. It has no 牵头/责任 table: the department whose duty paragraph (三(一)3) names the problem
 * leads; the other units of the matching 三(二) task's "责任单位" are co-responsible. 奇台镇 is the
 * only township (三(一)1: it is responsible for every estate).
 */
const SRC = '004_130a68cab0166a86.txt' as const;

const FIRE_DUTY = { source: SRC, item: '三(一)3 消防救援大队', text: '消防救援大队：定期指导乡镇、公安派出所对物业小区开展消防安全检查，依法对物业小区存在的消防安全违法行为进行查处。' };
const LIFE_LANE = {
  source: SRC,
  item: '三(二)4',
  text: '4.加强住宅小区内车辆有序停放及管理，打通生命通道。对占用、堵塞、封闭疏散通道、安全出口，违规占用建筑屋面以及电动车违规停放或充电等突出问题进行集中清理',
};
const HIGH_RISE = {
  source: SRC,
  item: '三(二)3',
  text: '3.开展高层住宅消防安全指导检查。开展消防安全隐患排查，对安全出口、疏散通道、消防车道、消防设施设备等重点部位开展一次全面自查',
};
const HOUSING_ENFORCE = {
  source: SRC,
  item: '三(一)3 住房和城乡建设局',
  text: '负责对物业管理活动中的违法行为进行查处，重点做好“五备案”“五公开”工作，即做好物业管理区域备案、业主委员会成立备案、物业服务合同备案',
};
const MARKET_FEES = {
  source: SRC,
  item: '三(一)3 市场监督管理局',
  text: '对物业服务收费行为加强监督检查，查处违规收费行为，及时处理涉及未执行政府定价或政府指导价的服务收费投诉',
};

export const qitai: JurisdictionListInput = {
  id: 'qitai',
  name: '奇台县',
  level: 'county',
  sources: [SRC],
  departments: [
    { id: 'qitai.gov', name: '奇台县人民政府', level: 'county', kind: 'government' },
    // 五(二) "报县物业服务质量提升年活动领导小组办公室"; 四(一) "办公室设在住建局".
    { id: 'qitai.office', name: '县物业服务质量提升年活动领导小组办公室', level: 'county', kind: 'leadership', aliases: ['办公室设在住建局'] },
    { id: 'qitai.zjj', name: '县住建局', level: 'county', kind: 'housing', aliases: ['县住房和城乡建设局'] },
    { id: 'qitai.xf', name: '县消防救援大队', level: 'county', kind: 'fire', aliases: ['县消防大队'] },
    { id: 'qitai.gaj', name: '县公安局', level: 'county', kind: 'police' },
    { id: 'qitai.fgw', name: '县发改委', level: 'county', kind: 'development' },
    { id: 'qitai.zrzy', name: '县自然资源局', level: 'county', kind: 'resources' },
    { id: 'qitai.sthj', name: '县生态环境局', level: 'county', kind: 'other' },
    { id: 'qitai.scjg', name: '县市场监管局', level: 'county', kind: 'market', aliases: ['县市场监督管理局'] },
    { id: 'qitai.cz', name: '县财政局', level: 'county', kind: 'other' },
    { id: 'qitai.yjgl', name: '县应急管理局', level: 'county', kind: 'emergency' },
    { id: 'qitai.sf', name: '县司法局', level: 'county', kind: 'other' },
    { id: 'qitai.fy', name: '县人民法院', level: 'county', kind: 'other' },
    // "负责统筹协调承办单位…工单的催办、督办和统计分析工作": it coordinates, it does not handle.
    { id: 'qitai.zwfw', name: '县政务服务和公共资源交易中心', level: 'county', kind: 'other', duty: 'coordinating', aliases: ['12345政务服务便民热线'] },
  ],
  areas: [],
  townships: [{ id: 'qitai.t.qitaizhen', name: '奇台镇' }],
  localLabels: {},
  genericAreaName: '奇台县',
  genericTownship: '奇台镇',
  leadershipOffice: 'qitai.office',
  rows: [
    {
      id: 'qitai.fire-lane',
      categories: ['fire-lane', 'fly-wire', 'ebike-indoor', 'clutter'],
      basis: [
        FIRE_DUTY,
        LIFE_LANE,
        { source: SRC, item: '三(二)4', text: '“三清一查”活动（清理楼道、清理阳台、清理电动自行车、检查老旧电气线路）' },
        { source: SRC, item: '三(二)4', text: '（责任单位：应急管理局、住建局、公安局、自然资源局、消防救援大队、奇台镇）' },
      ],
      note: 'clutter: things piled in stairwells occupy the 疏散通道 that task 4 clears (清理楼道).',
      lead: ['qitai.xf'],
      responsible: ['qitai.yjgl', 'qitai.zjj', 'qitai.gaj', 'qitai.zrzy', 'township'],
    },
    {
      id: 'qitai.fire-facility',
      categories: ['fire-facility', 'hazmat'],
      basis: [FIRE_DUTY, HIGH_RISE, { source: SRC, item: '三(二)3', text: '（责任单位：应急管理局、住建局、消防救援大队、公安局）' }],
      lead: ['qitai.xf'],
      responsible: ['qitai.yjgl', 'qitai.zjj', 'qitai.gaj', 'township'],
    },
    {
      id: 'qitai.flood',
      categories: ['flood'],
      basis: [{ source: SRC, item: '三(一)3 应急管理局', text: '应急管理局：负责指导、监督相关部门单位，定期开展物业管理区域内的安全生产检查工作。' }],
      lead: ['qitai.yjgl'],
      responsible: ['township'],
    },
    {
      id: 'qitai.parking',
      categories: ['parking'],
      basis: [
        { source: SRC, item: '三(二)1', text: '规范车辆停放位置，确保车辆停放安全有序' },
        { source: SRC, item: '三(二)1', text: '（责任单位：奇台镇、住建局）' },
        LIFE_LANE,
      ],
      lead: ['township', 'qitai.zjj'],
      responsible: ['qitai.yjgl', 'qitai.gaj', 'qitai.zrzy', 'qitai.xf'],
      note: 'Daily parking order is task 三(二)1 (奇台镇、住建局); the units of the 生命通道 task 三(二)4 are co-responsible.',
    },
    {
      id: 'qitai.garbage',
      categories: ['garbage'],
      basis: [
        {
          source: SRC,
          item: '三(一)3 住房和城乡建设局',
          text: '负责对居民住宅小区环卫保洁工作的业务指导和监督检查；对奇台镇在物业小区内开展垃圾分类工作进行指导；合理指定垃圾转运点，并做好物业服务企业转运的垃圾处置。',
        },
        { source: SRC, item: '三(一)1', text: '监督物业服务企业开展物业小区垃圾分类工作' },
      ],
      lead: ['qitai.zjj'],
      responsible: ['township'],
    },
    {
      id: 'qitai.greenery',
      categories: ['greenery', 'dog', 'posting'],
      basis: [{ source: SRC, item: '三(一)3 住房和城乡建设局', text: '依法查处业主委员会或物业服务企业劝阻、制止无效的饲养家禽、乱拉乱挂、乱贴乱画、毁坏绿化行为' }],
      lead: ['qitai.zjj'],
      responsible: ['township'],
      note: 'dog (违规饲养犬只、家禽) is the "饲养家禽" of this duty; posting its "乱拉乱挂、乱贴乱画".',
    },
    {
      id: 'qitai.illegal-building',
      categories: ['illegal-building'],
      basis: [
        { source: SRC, item: '三(一)1', text: '履行属地管理职责，处理违法建设，相关职能部门全力配合' },
        { source: SRC, item: '三(一)3 自然资源局', text: '负责违法建设的认定，协助相关部门、奇台镇对违法建设进行查处' },
        { source: SRC, item: '三(一)3 住房和城乡建设局', text: '配合相关部门和镇街拆除违法建设' },
      ],
      lead: ['township'],
      responsible: ['qitai.zrzy', 'qitai.zjj'],
    },
    {
      id: 'qitai.noise',
      categories: ['noise'],
      basis: [{ source: SRC, item: '三(一)3 生态环境局', text: '负责对物业管理区域内的噪声污染、粉尘污染、油烟污染等环境污染行为进行依法查处，限期整改到位。' }],
      lead: ['qitai.sthj'],
      responsible: ['township'],
    },
    {
      id: 'qitai.elevator',
      categories: ['elevator'],
      basis: [
        { source: SRC, item: '三(一)3 市场监督管理局', text: '负责督促居民住宅小区物业服务企业加强对电梯的安全管理' },
        { source: SRC, item: '三(二)2', text: '（责任单位：市场监管局、住建局、应急管理局）' },
      ],
      lead: ['qitai.scjg'],
      responsible: ['qitai.zjj', 'qitai.yjgl', 'township'],
    },
    {
      id: 'qitai.water-supply',
      categories: ['water-supply'],
      basis: [
        { source: SRC, item: '三(二)2', text: '督促物业服务企业做好二次供水设施的日常巡查、维护和定期清洗工作。' },
        { source: SRC, item: '三(二)2', text: '（责任单位：市场监管局、住建局、应急管理局）' },
      ],
      lead: ['qitai.scjg', 'qitai.zjj', 'qitai.yjgl'],
      responsible: ['township'],
      note: 'No duty paragraph names water supply: every 责任单位 of task 三(二)2 leads, in its order.',
    },
    {
      id: 'qitai.fees',
      categories: ['fee-coercion', 'illegal-fee'],
      basis: [
        MARKET_FEES,
        { source: SRC, item: '三(一)3 发改委', text: '负责会同物业管理行政主管部门依法制定物业服务收费、车辆停放费的收费范围和标准' },
      ],
      lead: ['qitai.scjg'],
      responsible: ['qitai.fgw', 'township'],
    },
    {
      id: 'qitai.contract',
      categories: ['contract'],
      basis: [
        HOUSING_ENFORCE,
        { source: SRC, item: '三(二)8', text: '物业服务企业参照物业行业主管部门制定的合同示范文本，与物业单位签订物业服务合同' },
        { source: SRC, item: '三(二)8', text: '（责任单位：奇台镇、住建局、市场监管局）' },
      ],
      lead: ['qitai.zjj'],
      responsible: ['township', 'qitai.scjg'],
    },
    {
      id: 'qitai.service-exit',
      categories: ['service-exit'],
      basis: [HOUSING_ENFORCE, { source: SRC, item: '三(一)1', text: '参与物业管理项目有序交接' }],
      lead: ['qitai.zjj'],
      responsible: ['township'],
    },
    {
      id: 'qitai.common-property',
      categories: ['common-property'],
      basis: [
        { source: SRC, item: '三(一)3 住房和城乡建设局', text: '公开公共收益收支情况' },
        { source: SRC, item: '三(二)11', text: '（责任单位：奇台镇、市场监管局、发改委局、住建局）' },
      ],
      lead: ['qitai.zjj'],
      responsible: ['township', 'qitai.scjg', 'qitai.fgw'],
    },
    {
      id: 'qitai.service-quality',
      categories: ['service-quality'],
      basis: [
        {
          source: SRC,
          item: '三(二)1',
          text: '1.规范日常物业服务工作。加强卫生保洁，推进垃圾分类实施，保持小区环境整洁常态化；加强秩序维护工作',
        },
        { source: SRC, item: '三(二)1', text: '加强住宅小区共用设施设备维修管理，确保住宅小区内设施设备处于良好运行状态。（责任单位：奇台镇、住建局）' },
      ],
      lead: ['township', 'qitai.zjj'],
      responsible: [],
    },
    {
      id: 'qitai.owners-committee',
      categories: ['owners-committee'],
      basis: [
        { source: SRC, item: '三(一)1', text: '指导、监督辖区内住宅小区业主委员会的成立、改选和换届工作；监督、指导和协调业主大会和业主委员会的日常活动' },
        { source: SRC, item: '三(二)10', text: '（责任单位：奇台镇、住建局）' },
      ],
      lead: ['township', 'qitai.zjj'],
      responsible: [],
    },
    {
      id: 'qitai.maintenance-fund',
      categories: ['maintenance-fund'],
      basis: [
        { source: SRC, item: '三(一)3 住房和城乡建设局', text: '负责对住宅专项维修资金的使用进行审查' },
        {
          source: SRC,
          item: '三(二)7',
          text: '未按规定使用、虚报、挪用、骗取、侵占维修资金，未按规定公示维修资金使用账目，未将住房维修资金交存到专户的行为，移交由司法机关开展专项调查',
        },
        { source: SRC, item: '三(二)7', text: '（责任单位：奇台镇，住建局、司法局、人民法院、财政局）' },
      ],
      lead: ['qitai.zjj'],
      responsible: ['township', 'qitai.sf', 'qitai.fy', 'qitai.cz'],
    },
    {
      id: 'qitai.disclosure',
      categories: ['disclosure'],
      basis: [
        HOUSING_ENFORCE,
        { source: SRC, item: '三(二)11', text: '在服务区域内显著位置公示收费项目、收费标准、公共收益收支、公共水电费分摊、收费金额和使用情况等' },
        { source: SRC, item: '三(二)11', text: '（责任单位：奇台镇、市场监管局、发改委局、住建局）' },
      ],
      lead: ['qitai.zjj'],
      responsible: ['township', 'qitai.scjg', 'qitai.fgw'],
    },
    {
      id: 'qitai.utility-outage',
      categories: ['utility-outage'],
      basis: [
        { source: SRC, item: '三(二)2', text: '加大对电梯失修失检、水电气热管网漏损、道路破损' },
        { source: SRC, item: '三(二)2', text: '（责任单位：市场监管局、住建局、应急管理局）' },
        { source: SRC, item: '三(一)1', text: '1.奇台镇负责辖区内住宅小区物业管理工作。' },
      ],
      lead: ['township'],
      responsible: ['qitai.scjg', 'qitai.zjj', 'qitai.yjgl'],
      note: 'The utility providers are not named as units: 奇台镇 (属地) leads; the units of task 三(二)2 (管网漏损) are co-responsible in its order.',
    },
    {
      id: 'qitai.security-guard',
      categories: ['security-guard'],
      basis: [{ source: SRC, item: '三(一)3 公安局', text: '组织物业保安进行培训' }],
      lead: ['qitai.gaj'],
      responsible: ['township'],
    },
    {
      id: 'qitai.public-order',
      categories: ['public-order'],
      basis: [{ source: SRC, item: '三(一)3 公安局', text: '负责物业管理区域内的各类治安案件纠纷及时查处' }],
      lead: ['qitai.gaj'],
      responsible: ['township'],
    },
    {
      id: 'qitai.dispute',
      categories: ['dispute'],
      basis: [
        { source: SRC, item: '三(一)1', text: '调解辖区内物业管理方面的纠纷' },
        { source: SRC, item: '三(一)3 公安局', text: '负责物业管理区域内的各类治安案件纠纷及时查处' },
      ],
      lead: ['township'],
      responsible: ['qitai.gaj'],
    },
  ],
  defaultRow: {
    id: 'qitai.default',
    basis: [
      { source: SRC, item: '清单无此项：按默认规则由奇台镇(属地)会同县住建局办理；依据三(一)1', text: '1.奇台镇负责辖区内住宅小区物业管理工作。' },
      { source: SRC, item: '三(一)3 住房和城乡建设局', text: '负责对全县物业管理活动实施监督管理' },
    ],
    lead: ['township', 'qitai.zjj'],
    responsible: [],
    note: 'Categories no paragraph names (info-leak, renovation, falling-objects, other).',
  },
};
