import type { JurisdictionListInput } from './schema';

/**
 * 银川市 (Yinchuan city): 000_54099d4cd549e82b.txt (2023 物业提升"123" key-task list) and
 * 001_c21a685cf9840a30.txt (住宅小区管理服务能力提升三年行动任务清单). 001 pairs each task with a 市级
 * row (policy, supervision) and a 县(市)区级 row (handling in the estate): reports are routed by the
 * 县(市)区级 row, whose "各县(市)区…部门" resolve to the estate's district/county unit ("local:<kind>").
 * Quoted text of 001 is joined across the document's line breaks.
 */
const S000 = '000_54099d4cd549e82b.txt' as const;
const S001 = '001_c21a685cf9840a30.txt' as const;

/** 001 序号13 主要内容: the violations the 县(市)区级 row 14 enforces in the estate. */
const ITEM13_TEXT =
  '及时查处住宅小区内私搭乱建，毁绿占绿，违规收费，违规经营，不按要求分类垃圾和乱倒垃圾，违反规定饲养动物，电动自行车违规停放充电和“上楼入户”，占用和堵塞疏散通道、安全出口和消防车道，违规存放易燃易爆危险品等违法违规行为。';

/** 001 序号14 (县(市)区级): enforcement in the estate. */
const ENFORCE_LEAD = ['local:government', 'local:enforcement', 'local:police', 'local:emergency'];
const ENFORCE_RESP = ['local:housing', 'local:market', 'local:resources', 'local:landscape'];

/** 001 序号4 (九不准, 县(市)区级): units shared by the four 九不准 categories routed here. */
const NINE_LEAD = ['local:government', 'local:housing'];
const NINE_RESP = ['local:enforcement', 'local:police', 'local:market', 'local:development', 'local:fire', 'township'];

/** 001 序号10 (安全生产, 县(市)区级). */
const SAFETY_LEAD = ['local:emergency', 'local:fire'];
const SAFETY_RESP = ['local:housing', 'local:enforcement', 'township'];

/** 001 序号10's 牵头单位, as written: the 县(市)区级 safety row that names 消防救援. */
const SAFETY_LEAD_TEXT = '各县（市）区应急、消防救援部门';

/** 001 序号7 主要内容 (违法违规行为查处: 收费信息公开). */
const ITEM7_TEXT = '物业服务企业做到“六个公开”（服务合同公开、服务内容公开、服务电话公开、服务方式公开、收费标准公开、公共收益公开）';

/** The default rule (DESIGN.md §5), said plainly in the basis item of every category it routes. */
const DEFAULT_ITEM = '清单无此项：按默认规则由属地街道(乡镇)会同县(市)区住建部门办理；依据序号15(县(市)区级)';

export const yinchuan: JurisdictionListInput = {
  id: 'yinchuan',
  name: '银川市',
  level: 'city',
  sources: [S000, S001],
  departments: [
    {
      id: 'yinchuan.office',
      // 001 序号1 writes it so ("银川市住住宅…" in its 牵头单位 cell is a typo of the same name).
      name: '市住宅小区管理服务能力提升行动工作领导小组办公室',
      level: 'city',
      kind: 'leadership',
      aliases: ['市住建局、市物业服务中心'],
    },
    { id: 'yinchuan.zjj', name: '市住房和城乡建设局', level: 'city', kind: 'housing', aliases: ['市住建局'] },
    { id: 'yinchuan.wyzx', name: '市物业服务中心', level: 'city', kind: 'other' },
    { id: 'yinchuan.fgw', name: '市发展和改革委员会', level: 'city', kind: 'development', aliases: ['市发改委'] },
    { id: 'yinchuan.scjg', name: '市市场监督管理局', level: 'city', kind: 'market', aliases: ['市市场监管局'] },
    { id: 'yinchuan.zhzf', name: '市综合执法监督局', level: 'city', kind: 'enforcement', aliases: ['市综合执法局'] },
    { id: 'yinchuan.gaj', name: '市公安局', level: 'city', kind: 'police' },
    { id: 'yinchuan.zrzy', name: '市自然资源局', level: 'city', kind: 'resources' },
    { id: 'yinchuan.yl', name: '市园林局', level: 'city', kind: 'landscape' },
    { id: 'yinchuan.sz', name: '市市政管理局', level: 'city', kind: 'other' },
    { id: 'yinchuan.wx', name: '市网络信息化局', level: 'city', kind: 'other' },
    { id: 'yinchuan.yj', name: '市应急管理局', level: 'city', kind: 'emergency' },
    { id: 'yinchuan.xf', name: '市消防救援支队', level: 'city', kind: 'fire' },
    { id: 'yinchuan.mz', name: '市民政局', level: 'city', kind: 'civil' },
  ],
  // The 县(市)区 of 000 序号6 (兴庆区…贺兰县); Yongning has a list of its own.
  areas: [
    { id: 'yinchuan.xingqing', name: '兴庆区', level: 'district' },
    { id: 'yinchuan.jinfeng', name: '金凤区', level: 'district' },
    { id: 'yinchuan.xixia', name: '西夏区', level: 'district' },
    { id: 'yinchuan.lingwu', name: '灵武市', level: 'county' },
    { id: 'yinchuan.helan', name: '贺兰县', level: 'county' },
    { id: 'yinchuan.yongning', name: '永宁县', level: 'county', jurisdiction: 'yongning' },
  ],
  // Directory data for estates (the documents name no streets of the city districts).
  townships: [
    { id: 'yinchuan.t.funingjie', name: '富宁街街道办事处', area: 'yinchuan.xingqing' },
    { id: 'yinchuan.t.fenghuangbeijie', name: '凤凰北街街道办事处', area: 'yinchuan.xingqing' },
    { id: 'yinchuan.t.manchengbeijie', name: '满城北街街道办事处', area: 'yinchuan.jinfeng' },
    { id: 'yinchuan.t.huanghedonglu', name: '黄河东路街道办事处', area: 'yinchuan.jinfeng' },
    { id: 'yinchuan.t.wenchanglu', name: '文昌路街道办事处', area: 'yinchuan.xixia' },
    { id: 'yinchuan.t.chengqu', name: '城区街道办事处', area: 'yinchuan.lingwu' },
    { id: 'yinchuan.t.xigang', name: '习岗镇', area: 'yinchuan.helan' },
  ],
  localLabels: {
    government: '人民政府',
    housing: '住建部门',
    development: '发改部门',
    market: '市场监管部门',
    enforcement: '综合执法部门',
    police: '公安部门',
    emergency: '应急管理部门',
    fire: '消防救援部门',
    resources: '自然资源部门',
    landscape: '园林部门',
    civil: '民政部门',
  },
  genericAreaName: '县(市)区',
  genericTownship: '街道(乡镇)办事处',
  leadershipOffice: 'yinchuan.office',
  rows: [
    {
      id: 'yinchuan.000-3',
      categories: ['fee-coercion', 'illegal-fee'],
      basis: [
        {
          source: S000,
          item: '序号3',
          text: '对小区内利用停水、停电或限制购水量、电量及办理门禁卡、电梯卡等捆绑和变相催缴物业费，以及擅自涨价、巧立名目乱收费等违法违规行为加大查处力度。',
        },
      ],
      lead: ['local:housing', 'local:development'],
      responsible: ['local:market', 'township'],
      note: 'Chosen over 001 序号4/8 because 000 序号3 names these acts explicitly.',
    },
    {
      id: 'yinchuan.000-3-disclosure',
      categories: ['disclosure'],
      basis: [
        { source: S000, item: '序号3', text: '全面推进物业服务信息“六公开”落实100%' },
        { source: S001, item: '序号7(主要内容)', text: ITEM7_TEXT },
      ],
      lead: ['local:housing', 'local:development'],
      responsible: ['local:market', 'township'],
      note: '000 序号3 names 六公开 with its units (各县（市）区住建、发改部门 / 市场监管部门，街道（乡镇）办事处); 001 序号7 lists the six.',
    },
    {
      id: 'yinchuan.000-5',
      categories: ['water-supply'],
      basis: [{ source: S000, item: '序号5', text: '加大对中铁水务、物业服务等违规收水费、不履行维修责任等违法违规的供水服务行为的查处力度' }],
      lead: ['yinchuan.sz'],
      responsible: ['local:government', 'yinchuan.fgw', 'yinchuan.zjj'],
      note: 'A city-level row: 市市政管理局 leads for every estate; "各县（市）区人民政府" is the estate’s district/county government.',
    },
    {
      id: 'yinchuan.001-4-info',
      categories: ['info-leak'],
      basis: [{ source: S001, item: '序号4(九不准第五条，县(市)区级)', text: '五是“不准”泄露业主个人信息资料' }],
      lead: NINE_LEAD,
      responsible: NINE_RESP,
    },
    {
      id: 'yinchuan.001-4-exit',
      categories: ['service-exit'],
      basis: [{ source: S001, item: '序号4(九不准第六条，县(市)区级)', text: '六是“不准”擅自终止服务、不履行交接义务' }],
      lead: NINE_LEAD,
      responsible: NINE_RESP,
    },
    {
      id: 'yinchuan.001-4-contract',
      categories: ['contract'],
      basis: [{ source: S001, item: '序号4(九不准第七条，县(市)区级)', text: '七是“不准”擅自涨价、乱收费以及违规签订《物业服务合同》' }],
      lead: NINE_LEAD,
      responsible: NINE_RESP,
    },
    {
      id: 'yinchuan.001-4-common',
      categories: ['common-property'],
      basis: [
        { source: S001, item: '序号4(九不准第八条，县(市)区级)', text: '八是“不准”擅自利用共用部位、共用设施设备、共有部分进行经营或处置公共收益' },
      ],
      lead: NINE_LEAD,
      responsible: NINE_RESP,
    },
    {
      id: 'yinchuan.001-6-service',
      categories: ['service-quality'],
      basis: [
        {
          source: S001,
          item: '序号5/6(县(市)区级)',
          text: '对物业服务企业在物业服务项目的环境卫生、垃圾分类、绿化、秩序维护管理、共用部位及设施设备维护等服务内容',
        },
        { source: S001, item: '序号5', text: '物业主管部门、街道办事处等增加日常巡查检查频次' },
      ],
      lead: ['local:government', 'local:housing'],
      responsible: ['township'],
      note: 'The 县(市)区级 row 6 names 各县（市）区人民政府 as 牵头 and 各县（市）区住建部门、各街道（乡镇）办事处 as 责任; the content names the 物业主管部门 and the street as the ones who inspect, so the 住建部门 is the handling lead beside the coordinating government.',
    },
    {
      id: 'yinchuan.001-8-fund',
      categories: ['maintenance-fund'],
      basis: [
        { source: S001, item: '序号7(主要内容)', text: '擅自挪用住宅专项维修资金' },
        { source: S001, item: '序号8(县(市)区级)', text: '各县（市）区发改、住建部门' },
      ],
      lead: ['local:development', 'local:housing'],
      responsible: ['local:market', 'township'],
      note: 'The task 序号7/8 lists 擅自挪用住宅专项维修资金 among the acts it punishes; its 县(市)区级 row 8 leads, in the document’s order (发改, 住建).',
    },
    {
      id: 'yinchuan.001-10-facility',
      categories: ['fire-facility'],
      basis: [{ source: S001, item: '序号10(县(市)区级)', text: '是否按照合同约定对高层建筑共用消防设施进行维护管理、提供消防安全防范服务' }],
      lead: SAFETY_LEAD,
      responsible: SAFETY_RESP,
    },
    {
      id: 'yinchuan.001-10-flood',
      categories: ['flood'],
      basis: [{ source: S001, item: '序号10(县(市)区级)', text: '对火灾、治安、公共卫生以及暴雨等极端天气的突发事件制定应急预案，配备应急物资，开展应急培训和演练' }],
      lead: SAFETY_LEAD,
      responsible: SAFETY_RESP,
    },
    {
      id: 'yinchuan.001-10-falling',
      categories: ['falling-objects'],
      basis: [
        {
          source: S001,
          item: '序号10(县(市)区级)',
          text: '采取必要的安全保障措施防止建筑物外立面、构筑物、搁置物以及抛掷物造成他人损害；按照规定或合同约定定期检查并及时警示高空坠物等危险状况',
        },
      ],
      lead: SAFETY_LEAD,
      responsible: SAFETY_RESP,
      note: 'Things that fall by themselves (高空坠物, a facade coming off): the property company’s safety duty, supervised by the 安全生产 row. Someone throwing things (高空抛物) is public-order.',
    },
    {
      id: 'yinchuan.001-14-police',
      categories: ['public-order'],
      basis: [
        { source: S001, item: '序号14(县(市)区级，牵头单位)', text: '各县（市）区人民政府、各县（市）区综合执法、公安、应急管理部门' },
        { source: S001, item: '序号3', text: '对涉及违法违规行为移交公安、消防、综合执法、市场监管等部门依法查处' },
      ],
      lead: ['local:police'],
      responsible: ['township'],
      note: 'No row names 治安 alone (序号9 names it only among the emergencies a company plans for). Fights, theft and throwing things from height are for the police, whom 序号14 makes a lead and 序号3 names first among the units violations are handed to.',
    },
    {
      id: 'yinchuan.001-10-elevator',
      categories: ['elevator'],
      basis: [
        { source: S001, item: '序号10(县(市)区级)', text: '及时对物业公用部位、公用设施设备进行检查并及时处理安全隐患' },
        { source: S001, item: '序号14(县(市)区级，责任单位)', text: '各县（市）区住建、市场监管、自然资源、园林等部门' },
      ],
      lead: ['local:market'],
      responsible: ['local:emergency', 'local:fire', 'local:housing', 'township'],
      note: 'No row names elevators. An elevator is special equipment, whose regulator is 市场监管 (as 003 附件1 and 004 write); the 安全生产 row’s units stay co-responsible.',
    },
    {
      id: 'yinchuan.001-14',
      categories: ['illegal-building', 'greenery', 'garbage', 'dog'],
      basis: [{ source: S001, item: '序号13/14(县(市)区级)', text: ITEM13_TEXT }],
      lead: ENFORCE_LEAD,
      responsible: ENFORCE_RESP,
      note: 'Enforcement in the estate (序号14) rather than 九不准 (序号4), which is about the property company’s own conduct.',
    },
    {
      id: 'yinchuan.001-14-fire',
      categories: ['ebike-indoor', 'fly-wire', 'fire-lane', 'hazmat', 'clutter'],
      basis: [
        { source: S001, item: '序号13/14(县(市)区级)', text: ITEM13_TEXT },
        { source: S001, item: '序号9/10(县(市)区级)', text: '合理设置消防车道、施划禁止停车标线、保障消防车道畅通' },
        { source: S001, item: '序号10(县(市)区级，牵头单位)', text: SAFETY_LEAD_TEXT },
      ],
      lead: [...ENFORCE_LEAD, 'local:fire'],
      responsible: ENFORCE_RESP,
      note: 'Fire risks: the enforcement row 14 and the 安全生产 row 10, whose 牵头 includes the 消防救援部门. Things piled in a stairwell (clutter) occupy the 疏散通道 of row 13.',
    },
    {
      id: 'yinchuan.001-14-guard',
      categories: ['security-guard'],
      basis: [{ source: S001, item: '序号13/14(县(市)区级)', text: '在全市物业服务区域开展保安服务行为清理整治，规范保安服务市场秩序。' }],
      lead: ENFORCE_LEAD,
      responsible: ENFORCE_RESP,
    },
    {
      id: 'yinchuan.001-13-utilities',
      categories: ['utility-outage'],
      basis: [
        {
          source: S001,
          item: '序号13(专业运营单位：本小区未登记运营单位，由属地街道(乡镇)牵头)',
          text: '依法明确供水、排水、供电、供气、供热、通信、有线电视等专业运营单位服务到最终用户，落实专业运营单位对物业服务区域内相关设施设备的维修、养护和更新责任。',
        },
        { source: S000, item: '序号5', text: '明确专营单位对水电气暖等专营设施的维修管理延伸至终端居民用户' },
      ],
      lead: ['township'],
      responsible: ['yinchuan.sz'],
      note: 'The operators (专业运营单位) are a class, not a unit: no operator is registered for an estate, so the 属地 street leads; 000 序号5 makes 市市政管理局 the lead over the 专营单位.',
    },
    {
      id: 'yinchuan.001-12',
      categories: ['owners-committee'],
      basis: [
        {
          source: S001,
          item: '序号11(主要内容)',
          text: '对业主委员会选举过程中存在伪造业主选票、表决票、业主签名或者书面委托书等情况的',
        },
        { source: S001, item: '序号11(主要内容)', text: '未按规定公布工作经费使用情况的' },
        { source: S001, item: '序号12(县(市)区级，牵头单位)', text: '各县（市）区街道（乡镇）办事处' },
      ],
      lead: ['township'],
      responsible: ['local:housing', 'local:civil'],
    },
    {
      id: 'yinchuan.001-15',
      categories: ['dispute'],
      basis: [{ source: S001, item: '序号15(县(市)区级)', text: '调处调解业主、业委会、物业企业等在物业管理活动中矛盾纠纷' }],
      lead: ['local:government', 'township'],
      responsible: ['yinchuan.zjj', 'yinchuan.mz', 'yinchuan.wx'],
      note: 'The row’s 牵头单位 is 各县（市）区人民政府 (coordinating); its content gives the mediation to the 街道（乡镇）, the handling lead.',
    },
  ],
  defaultRow: {
    id: 'yinchuan.default',
    basis: [{ source: S001, item: DEFAULT_ITEM, text: '街道（乡镇）认真履行属地管理责任' }],
    lead: ['township', 'local:housing'],
    responsible: [],
    note: 'Categories no row names (parking, noise, renovation, posting, other): the 属地 street with the district 住建部门.',
  },
};
