import type { JurisdictionListInput } from './schema';

/**
 * 吴忠市 (Wuzhong city): 003_ffcbc4d9ebbf64d7.txt, the 2024 opinion with 附件1 (each department's
 * duties) and 附件2 (task list with 牵头单位 / 配合单位). A 附件2 row wins where it names the problem;
 * elsewhere the department that holds the duty in 附件1 (or the body text) leads. "各县(市、区)…"
 * resolves to the estate's county/district. Quotes keep this copy's missing characters as they are.
 * Joint enforcement (三(九), 附件2 第10、11项) is led by the county governments, which coordinate; the
 * handling units are those the rows and 附件1 duties name. Unit names are the document's: 附件1's
 * headings ("市生态环境", "市自然资源") where 附件2 gives no fuller name, with 市 where an enumeration
 * drops it ("市住建局、司法局、公安局").
 */
const SRC = '003_ffcbc4d9ebbf64d7.txt' as const;

const SECURITY_DUTY = '指导物业服务管理区域安全防范、技术防范设施的建设,指导和督促物业服务企业开展安全防范工作。';

/** 三(九): the county governments lead joint enforcement by 城市管理、消防、综合执法、公安. */
const JOINT = {
  source: SRC,
  item: '三(九)',
  text: '各县(市、区)人民政府要统筹城市管理、消防、综合执法、公安等力量开展联合执法,严肃查处违规装修、违法搭建、占堵消防通道、电动自行车飞线充电和进电梯入户等行为',
};
/** 附件2 第17项 (牵头: 市住建; 配合: 生态环境、市场监管、城市管理局、公安、消防救援局). */
const TASK17 = { source: SRC, item: '附件2 第17项', text: '17.开展联合执法,严肃查处违规装修、违法搭建、占堵消防车通道、电动自行车飞线充电和进电梯入户等行为' };
/** 三(九): the county 物业主管部门 and the township 物业服务站 on the companies' service. */
const COUNTY_HOUSING = {
  source: SRC,
  item: '三(九)',
  text: '各县(市、区)物业主管部门要严格落实双随机、一公开监管模式,加物业行业领域的综合执法检查,依法整治物业服务企业管理差、不作为、乱收费、侵害业主权益等突出问题',
};
const TOWNSHIP_STATION = {
  source: SRC,
  item: '三(九)',
  text: '乡镇(街道)物业服务站要加强物业小区日常检查、巡查,督促物业服务企业按照合同约定履行服务职责,及时协调整治小区环境卫生、公共秩序等方面存在的问题',
};
/** 附件1 乡镇 第9条: the township's emergency duty. */
const TOWNSHIP_9 = {
  source: SRC,
  item: '附件1 (二)乡镇、街道 第9条',
  text: '9.落实物业应急管理机制,对住宅小区出现大面积停电或电力设备故障,大面积停水,大面积天然气中断,污水井、管道、化粪池堵塞、污水外溢,水管爆裂,高空抛物造成人员伤亡、车辆毁损、交通事故、楼体外立面装饰脱落、失火、人员触电、打架斗殴、偷盗抢劫、防汛等突发事件和物业服务项目退管事件,做好应急保障。',
};
/** 附件1: "水、电、暖、气、通信等相关企业" is a class of providers, not a unit. */
const UTILITIES = {
  source: SRC,
  item: '附件1 水、电、暖、气、通信等相关企业(本小区未登记相关企业：由属地乡镇(街道)牵头)',
  text: '物业服务管理区域内已移交相关设施的管理和维护工作。',
};

export const wuzhong: JurisdictionListInput = {
  id: 'wuzhong',
  name: '吴忠市',
  level: 'city',
  sources: [SRC],
  departments: [
    // 一(一) "市住建局牵头,建立市、县、乡镇(街道)三级物业管理联席会议制度…协调解决物业管理工作中的重大问题";
    // 附件1 市住建局 "1.建立市级物业管理联席会议制度。"
    { id: 'wuzhong.office', name: '市级物业管理联席会议', level: 'city', kind: 'leadership', aliases: ['市住建局牵头'] },
    { id: 'wuzhong.zjj', name: '市住建局', level: 'city', kind: 'housing' },
    { id: 'wuzhong.shgz', name: '市委社会工作部', level: 'city', kind: 'other', duty: 'coordinating', aliases: ['市委社作部'] },
    { id: 'wuzhong.fgw', name: '市发改委', level: 'city', kind: 'development' },
    { id: 'wuzhong.cz', name: '市财政', level: 'city', kind: 'other' },
    { id: 'wuzhong.sf', name: '市司法局', level: 'city', kind: 'other', aliases: ['市司法'] },
    { id: 'wuzhong.ga', name: '市公安局', level: 'city', kind: 'police', aliases: ['市公安'] },
    { id: 'wuzhong.rs', name: '市人社', level: 'city', kind: 'other' },
    { id: 'wuzhong.zrzy', name: '市自然资源', level: 'city', kind: 'resources' },
    { id: 'wuzhong.sthj', name: '市生态环境', level: 'city', kind: 'other' },
    { id: 'wuzhong.gdb', name: '市国动办', level: 'city', kind: 'other' },
    { id: 'wuzhong.wj', name: '市卫健', level: 'city', kind: 'other' },
    { id: 'wuzhong.scjg', name: '市市场监管局', level: 'city', kind: 'market', aliases: ['市市场监管', '市场监督管理局'] },
    { id: 'wuzhong.cg', name: '市城市管理局', level: 'city', kind: 'enforcement', aliases: ['城市管理局'] },
    { id: 'wuzhong.xf', name: '市消防救援局', level: 'city', kind: 'fire' },
    { id: 'wuzhong.gd', name: '国网吴忠供电公司', level: 'city', kind: 'other' },
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
      id: 'wuzhong.joint-fire-lane',
      categories: ['fire-lane'],
      basis: [
        JOINT,
        {
          source: SRC,
          item: '附件1 市消防救援局 第1条',
          text: '占用、堵塞、封闭疏散通道、安全出口、消防车通道',
        },
        TASK17,
      ],
      lead: ['local:government', 'wuzhong.xf', 'wuzhong.zjj'],
      responsible: ['wuzhong.cg', 'wuzhong.ga', 'wuzhong.sthj', 'wuzhong.scjg', 'township'],
      note: 'The county government leads the joint enforcement (三(九)); 市消防救援局 holds the duty that names blocked fire lanes (附件1); 市住建 leads task 17.',
    },
    {
      id: 'wuzhong.joint-ebike',
      categories: ['fly-wire', 'ebike-indoor'],
      basis: [
        JOINT,
        { source: SRC, item: '附件2 第11项(牵头:各县(市、区)人民政府)', text: '11.推广电动自行车电梯阻止系统安装,推进既有住宅小区增设电动自行车停放充电设施建设。' },
        TASK17,
      ],
      lead: ['local:government', 'wuzhong.zjj'],
      responsible: ['wuzhong.cg', 'wuzhong.xf', 'wuzhong.sthj', 'wuzhong.scjg', 'wuzhong.ga', 'township'],
      note: 'Led by the county government (三(九), 附件2 第11项) and 市住建 (第17项); 城市管理局 and 消防救援局 are the 配合单位 of both tasks.',
    },
    {
      id: 'wuzhong.joint-building',
      categories: ['illegal-building', 'renovation'],
      basis: [
        JOINT,
        { source: SRC, item: '附件2 第10项(牵头:各县(市、区)人民政府)', text: '10.加强住宅小区房屋室内装饰装修安全管理。' },
        TASK17,
        {
          source: SRC,
          item: '附件1 (二)乡镇、街道 第12条',
          text: '12.依法查处住宅小区内私搭乱建、在非承重外墙上和房屋室内违规装饰装修等行为,常态化开展辖区房屋室内装饰装修安全隐患排查整治。',
        },
        { source: SRC, item: '二(七)', text: '各县(市、区)物业管理主管部门要强住宅小区房屋室内装饰装修安全管理' },
      ],
      lead: ['local:government', 'wuzhong.zjj', 'township'],
      responsible: ['local:housing', 'wuzhong.cg', 'wuzhong.xf', 'wuzhong.sthj', 'wuzhong.scjg', 'wuzhong.ga', 'wuzhong.zrzy'],
      note: 'The township holds the duty to 依法查处 both acts (附件1 乡镇 第12条); 市自然资源 "为…违反规划情况的界定提供技术支持".',
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
      categories: ['flood', 'falling-objects'],
      basis: [TOWNSHIP_9],
      lead: ['township'],
      responsible: [],
      note: 'falling-objects is "楼体外立面装饰脱落" of the same duty.',
    },
    {
      id: 'wuzhong.a1-township-9-utilities',
      categories: ['utility-outage'],
      basis: [
        TOWNSHIP_9,
        UTILITIES,
        { source: SRC, item: '附件1 国网吴忠供电公司', text: '做好小区供电公司产权供电设施安全管理' },
      ],
      lead: ['township'],
      responsible: ['wuzhong.gd'],
      note: 'The providers ("水、电、暖、气、通信等相关企业") are a class, not a unit: none is registered for an estate, so the township leads; 国网吴忠供电公司 is the one provider the document names.',
    },
    {
      id: 'wuzhong.body-9',
      categories: ['parking', 'garbage'],
      basis: [TOWNSHIP_STATION],
      lead: ['township'],
      responsible: [],
    },
    {
      id: 'wuzhong.clutter',
      categories: ['clutter'],
      basis: [
        TOWNSHIP_STATION,
        { source: SRC, item: '三(十三)', text: '自觉杜绝违章搭建、违规装修、乱堆乱放、乱停车等行为' },
        { source: SRC, item: '附件1 市消防救援局 第1条', text: '占用、堵塞、封闭疏散通道、安全出口、消防车通道' },
      ],
      lead: ['township'],
      responsible: ['wuzhong.xf'],
      note: 'No row names 乱堆乱放 as a task: the township station coordinates order in the estate; a blocked stairwell is the 消防救援局’s 疏散通道 duty.',
    },
    {
      id: 'wuzhong.service-quality',
      categories: ['service-quality'],
      basis: [COUNTY_HOUSING, TOWNSHIP_STATION],
      lead: ['local:housing', 'township'],
      responsible: [],
    },
    {
      id: 'wuzhong.fee-coercion',
      categories: ['fee-coercion'],
      basis: [COUNTY_HOUSING, { source: SRC, item: '附件1 市市场监管 第1条', text: '1.对物业费、停车费的价格违法行为进行查处' }],
      lead: ['local:housing'],
      responsible: ['wuzhong.scjg', 'township'],
      note: 'Cutting water or power to force payment "侵害业主权益" (三(九), the county 物业主管部门); 市场监管 holds the price duty.',
    },
    {
      id: 'wuzhong.a1-market-1',
      categories: ['illegal-fee'],
      basis: [{ source: SRC, item: '附件1 市市场监管 第1条', text: '1.对物业费、停车费的价格违法行为进行查处' }, COUNTY_HOUSING],
      lead: ['wuzhong.scjg', 'local:housing'],
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
      categories: ['common-property', 'maintenance-fund'],
      basis: [{ source: SRC, item: '附件1 县级主管部门 第6条', text: '6.指导、监督经营性收益、物业专项维修资金的使用。' }],
      lead: ['local:housing'],
      responsible: ['township'],
    },
    {
      id: 'wuzhong.disclosure',
      categories: ['disclosure'],
      basis: [
        { source: SRC, item: '二(六)', text: '物业服务企业要在小区明显位置,及时公开服务标准、内容和收费标准等信息,定期公示公共收益收支明细,接受业主评价和监督。' },
        COUNTY_HOUSING,
      ],
      lead: ['local:housing'],
      responsible: ['township'],
    },
    {
      id: 'wuzhong.owners-committee',
      categories: ['owners-committee'],
      basis: [
        { source: SRC, item: '附件1 (二)乡镇、街道 第3条', text: '3.依法指导、协助和监督业主成立业主大会、选举业主委员会,并指导、监督管理其依法履行职责。' },
        { source: SRC, item: '附件1 县级主管部门 第5条', text: '5.指导、监督业主大会和业主委员会的成立、选举、换届和组建工作。' },
      ],
      lead: ['township'],
      responsible: ['local:housing'],
    },
    {
      id: 'wuzhong.a1-police',
      categories: ['security-guard'],
      basis: [{ source: SRC, item: '附件1 市公安', text: SECURITY_DUTY }],
      lead: ['wuzhong.ga'],
      responsible: ['township'],
    },
    {
      id: 'wuzhong.public-order',
      categories: ['public-order'],
      basis: [
        { source: SRC, item: '附件1 市公安', text: SECURITY_DUTY },
        { source: SRC, item: '附件2 第5项', text: '支持派出所民警入驻小区业主微信群,靠前处置物业管理中出现的具体问题和邻里纠纷。' },
        TOWNSHIP_9,
      ],
      lead: ['wuzhong.ga'],
      responsible: ['township'],
      note: 'Fights, theft and throwing things (打架斗殴、偷盗抢劫、高空抛物) are for the police; the township’s duty 9 is the emergency support.',
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
        { source: SRC, item: '附件1 县级主管部门 第9条', text: '9.协调处理物业管理区域内的矛盾纠纷。' },
      ],
      lead: ['local:government', 'township'],
      responsible: ['wuzhong.shgz', 'local:housing', 'wuzhong.ga'],
      note: 'Task 5 is led by the county government (coordinating) through the township mediation network; the police in the owners’ groups handle disputes early.',
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
      basis: [UTILITIES],
      lead: ['township'],
      responsible: [],
      note: 'The water company is one of the "相关企业", a class the document names without a unit: none is registered for an estate, so the township leads.',
    },
  ],
  defaultRow: {
    id: 'wuzhong.default',
    basis: [
      {
        source: SRC,
        item: '清单无此项：按默认规则由属地乡镇(街道)会同县(市、区)物业管理主管部门办理；依据一(一)',
        text: '构建市级统一领导,县级主体负责,部门协同监管,乡镇具体主抓的物业管理工作格局',
      },
    ],
    lead: ['township', 'local:housing'],
    responsible: [],
    note: 'Categories the document does not name (greenery, dog, info-leak, posting, other): the township with the county 物业管理主管部门.',
  },
};
