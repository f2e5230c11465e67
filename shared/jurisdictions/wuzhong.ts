import type { JurisdictionListInput } from './schema';

/**
 * 吴忠市 (Wuzhong city): 003_ffcbc4d9ebbf64d7.txt, the 2024 opinion with 附件1 (each department's
 * duties) and 附件2 (task list with 牵头单位 / 配合单位). A 附件2 row wins where it names the problem;
 * elsewhere the department that holds the duty in 附件1 (or the body text) leads. "各县(市、区)…"
 * resolves to the estate's county/district. Quotes keep this copy's missing characters as they are.
 */
const SRC = '003_ffcbc4d9ebbf64d7.txt' as const;

const SECURITY_DUTY = '指导物业服务管理区域安全防范、技术防范设施的建设,指导和督促物业服务企业开展安全防范工作。';

export const wuzhong: JurisdictionListInput = {
  id: 'wuzhong',
  name: '吴忠市',
  level: 'city',
  sources: [SRC],
  departments: [
    { id: 'wuzhong.office', name: '吴忠市物业管理联席会议办公室', level: 'city', kind: 'leadership', aliases: ['市住建局牵头'] },
    { id: 'wuzhong.zjj', name: '市住建局', level: 'city', kind: 'housing' },
    { id: 'wuzhong.shgz', name: '市委社会工作部', level: 'city', kind: 'other', aliases: ['市委社作部'] },
    { id: 'wuzhong.fgw', name: '市发改委', level: 'city', kind: 'development' },
    { id: 'wuzhong.cz', name: '市财政局', level: 'city', kind: 'other' },
    { id: 'wuzhong.sf', name: '市司法局', level: 'city', kind: 'other' },
    { id: 'wuzhong.ga', name: '市公安局', level: 'city', kind: 'police' },
    { id: 'wuzhong.rs', name: '市人社局', level: 'city', kind: 'other' },
    { id: 'wuzhong.zrzy', name: '市自然资源局', level: 'city', kind: 'resources' },
    { id: 'wuzhong.sthj', name: '市生态环境局', level: 'city', kind: 'other' },
    { id: 'wuzhong.gdb', name: '市国动办', level: 'city', kind: 'other' },
    { id: 'wuzhong.wj', name: '市卫健委', level: 'city', kind: 'other' },
    { id: 'wuzhong.scjg', name: '市市场监管局', level: 'city', kind: 'market' },
    { id: 'wuzhong.cg', name: '市城市管理局', level: 'city', kind: 'enforcement' },
    { id: 'wuzhong.xf', name: '市消防救援局', level: 'city', kind: 'fire' },
    { id: 'wuzhong.gd', name: '国网吴忠供电公司', level: 'city', kind: 'other' },
    { id: 'wuzhong.utilities', name: '水、电、暖、气、通信等相关企业', level: 'city', kind: 'other' },
  ],
  // Directory data: Wuzhong's counties and districts (the document says "各县(市、区)").
  areas: [
    { id: 'wuzhong.litong', name: '利通区', level: 'district' },
    { id: 'wuzhong.hongsibu', name: '红寺堡区', level: 'district' },
    { id: 'wuzhong.qingtongxia', name: '青铜峡市', level: 'county' },
    { id: 'wuzhong.yanchi', name: '盐池县', level: 'county' },
    { id: 'wuzhong.tongxin', name: '同心县', level: 'county' },
  ],
  townships: [
    { id: 'wuzhong.t.shengli', name: '胜利镇', area: 'wuzhong.litong' },
    { id: 'wuzhong.t.jinxing', name: '金星镇', area: 'wuzhong.litong' },
    { id: 'wuzhong.t.xiaoba', name: '小坝镇', area: 'wuzhong.qingtongxia' },
  ],
  localLabels: { government: '人民政府', housing: '物业管理主管部门' },
  genericAreaName: '县(市、区)',
  genericTownship: '乡镇(街道)',
  leadershipOffice: 'wuzhong.office',
  rows: [
    {
      id: 'wuzhong.a2-17',
      categories: ['fire-lane', 'fly-wire', 'ebike-indoor', 'illegal-building', 'renovation'],
      basis: [{ source: SRC, item: '附件2 第17项', text: '17.开展联合执法,严肃查处违规装修、违法搭建、占堵消防车通道、电动自行车飞线充电和进电梯入户等行为' }],
      lead: ['wuzhong.zjj'],
      responsible: ['wuzhong.sthj', 'wuzhong.scjg', 'wuzhong.cg', 'wuzhong.ga', 'wuzhong.xf', 'township'],
      note: 'The task list row wins over 附件1 (消防救援局 duty 1, 乡镇 duty 12), which name the same acts.',
    },
    {
      id: 'wuzhong.a1-fire-1',
      categories: ['fire-facility'],
      basis: [
        {
          source: SRC,
          item: '附件1 市消防救援局 第1条',
          text: '1.对物业服务企业违反《中华人民共和国消防法》中关于损坏、挪用或者擅自拆除、停用消防设施、器材埋压、圈占、遮挡消火栓',
        },
      ],
      lead: ['wuzhong.xf'],
      responsible: ['township'],
    },
    {
      id: 'wuzhong.a1-township-11',
      categories: ['hazmat'],
      basis: [
        {
          source: SRC,
          item: '附件1 (二)乡镇、街道 第11条',
          text: '11.开展物业管理区域安全检查工作,指导、监督物业服务企业开展安全管理,发现安全隐患的,应当督促物业服务企业及时整改、消除安全隐患。',
        },
      ],
      lead: ['township'],
      responsible: [],
      note: 'No row or department duty names stored flammables; the township holds the safety-inspection duty.',
    },
    {
      id: 'wuzhong.a1-township-9',
      categories: ['flood'],
      basis: [
        {
          source: SRC,
          item: '附件1 (二)乡镇、街道 第9条',
          text: '高空抛物造成人员伤亡、车辆毁损、交通事故、楼体外立面装饰脱落、失火、人员触电、打架斗殴、偷盗抢劫、防汛等突发事件和物业服务项目退管事件,做好应急保障。',
        },
      ],
      lead: ['township'],
      responsible: [],
    },
    {
      id: 'wuzhong.body-9',
      categories: ['parking', 'garbage'],
      basis: [
        {
          source: SRC,
          item: '三(九)',
          text: '乡镇(街道)物业服务站要加强物业小区日常检查、巡查,督促物业服务企业按照合同约定履行服务职责,及时协调整治小区环境卫生、公共秩序等方面存在的问题',
        },
      ],
      lead: ['township'],
      responsible: [],
    },
    {
      id: 'wuzhong.a1-market-1',
      categories: ['fee-coercion', 'illegal-fee'],
      basis: [{ source: SRC, item: '附件1 市市场监管 第1条', text: '1.对物业费、停车费的价格违法行为进行查处' }],
      lead: ['wuzhong.scjg'],
      responsible: ['township'],
    },
    {
      id: 'wuzhong.contract',
      categories: ['contract'],
      basis: [
        { source: SRC, item: '二(六)', text: '乡镇(街道)要指导业主和物业服务企业规范签订《物业服务合同》' },
        {
          source: SRC,
          item: '附件1 县级主管部门 第4条',
          text: '4.负责全县物业管理活动的监督考核管理,每季度做好考核工作的监督和复核,确保物业服务企业的服务行为符合相关标准和规定。',
        },
      ],
      lead: ['township'],
      responsible: ['local:housing'],
    },
    {
      id: 'wuzhong.a1-township-4',
      categories: ['service-exit'],
      basis: [{ source: SRC, item: '附件1 (二)乡镇、街道 第4条', text: '4.依法指导、协助和监督业主大会续聘、选聘、解聘物业服务企业,监督物业项目有序交接。' }],
      lead: ['township'],
      responsible: [],
    },
    {
      id: 'wuzhong.a1-county-6',
      categories: ['common-property'],
      basis: [{ source: SRC, item: '附件1 县级主管部门 第6条', text: '6.指导、监督经营性收益、物业专项维修资金的使用。' }],
      lead: ['local:housing'],
      responsible: ['township'],
    },
    {
      id: 'wuzhong.a1-police',
      categories: ['security-guard', 'public-order'],
      basis: [{ source: SRC, item: '附件1 市公安', text: SECURITY_DUTY }],
      lead: ['wuzhong.ga'],
      responsible: ['township'],
    },
    {
      id: 'wuzhong.a2-5',
      categories: ['dispute'],
      basis: [
        {
          source: SRC,
          item: '附件2 第5项',
          text: '5.坚持属地管理、分级调解,建立健全网格、社区、乡镇(街道)调解网络,支持派出所民警入驻小区业主微信群,靠前处置物业管理中出现的具体问题和邻里纠纷。',
        },
      ],
      lead: ['local:government'],
      responsible: ['wuzhong.shgz', 'township'],
    },
    {
      id: 'wuzhong.a1-market-2',
      categories: ['elevator'],
      basis: [{ source: SRC, item: '附件1 市市场监管 第2条', text: '2.对电梯等特种设备进行安全监管,督促做好特种设备的注册登记、维保以及安全事故调查等工作。' }],
      lead: ['wuzhong.scjg'],
      responsible: ['township'],
    },
    {
      id: 'wuzhong.a1-ecology',
      categories: ['noise'],
      basis: [{ source: SRC, item: '附件1 市生态环境', text: '认定及检查房屋室内装饰装修活动中噪音超标等环境污染行为' }],
      lead: ['wuzhong.sthj'],
      responsible: ['township'],
    },
    {
      id: 'wuzhong.a1-utilities',
      categories: ['water-supply'],
      basis: [{ source: SRC, item: '附件1 水、电、暖、气、通信等相关企业', text: '物业服务管理区域内已移交相关设施的管理和维护工作。' }],
      lead: ['wuzhong.utilities'],
      responsible: ['township'],
    },
  ],
  defaultRow: {
    id: 'wuzhong.default',
    basis: [{ source: SRC, item: '一(一)', text: '构建市级统一领导,县级主体负责,部门协同监管,乡镇具体主抓的物业管理工作格局' }],
    lead: ['township', 'local:housing'],
    responsible: [],
    note: 'Categories the document does not name (greenery, dog, info-leak, other): the township with the county 物业管理主管部门.',
  },
};
