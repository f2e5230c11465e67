import type { JurisdictionListInput } from './schema';

/**
 * 永宁县 (Yongning county, under Yinchuan): 002_bbc741157aca8db7.txt, the 2023 物业提升"123" work plan,
 * section 二(二) — the 治脏 / 治乱 rows with 牵頭部門 / 責任部門. Quoted text stays in the document's
 * Traditional characters; unit names are Simplified, as the rows write them ("縣住建局、應急管理局":
 * the 县 prefix applies to every unit of a row). Where this list is silent, Yinchuan's lists apply,
 * with Yongning's own units for their "各县(市)区…部门"; a kind of unit 002 does not name (园林) is
 * left out rather than made up. 二(一) (党建, 县委组织部) is not used for 业委会 complaints: it is about
 * party guidance, so owners-committee follows Yinchuan's 001 序号12 (the street leads).
 */
const SRC = '002_bbc741157aca8db7.txt' as const;

export const yongning: JurisdictionListInput = {
  id: 'yongning',
  name: '永宁县',
  level: 'county',
  parent: 'yinchuan',
  sources: [SRC],
  departments: [
    { id: 'yongning.gov', name: '永宁县人民政府', level: 'county', kind: 'government' },
    // 三、组织领导: "成立永寧縣2023年物業提升“123”專項行動領導小組…領導小組辦公室設在住建局".
    { id: 'yongning.office', name: '永宁县2023年物业提升“123”专项行动领导小组办公室', level: 'county', kind: 'leadership', aliases: ['领导小组办公室(设在住建局)'] },
    // A party department: it leads 党建 (二(一)) and guides; it does not handle reports.
    { id: 'yongning.zzb', name: '县委组织部', level: 'county', kind: 'other', duty: 'coordinating' },
    { id: 'yongning.zjj', name: '县住建局', level: 'county', kind: 'housing', aliases: ['县住房和城乡建设局'] },
    { id: 'yongning.mzj', name: '县民政局', level: 'county', kind: 'civil' },
    { id: 'yongning.ggsy', name: '县城乡公共事业服务中心', level: 'county', kind: 'other' },
    { id: 'yongning.zhzf', name: '县综合执法局', level: 'county', kind: 'enforcement' },
    { id: 'yongning.xf', name: '县消防救援大队', level: 'county', kind: 'fire', aliases: ['县消防大队'] },
    { id: 'yongning.gaj', name: '县公安局', level: 'county', kind: 'police' },
    { id: 'yongning.zrzy', name: '县自然资源局', level: 'county', kind: 'resources' },
    { id: 'yongning.yjgl', name: '县应急管理局', level: 'county', kind: 'emergency' },
    { id: 'yongning.sjj', name: '县市监局', level: 'county', kind: 'market', aliases: ['县市场监督管理局'] },
    { id: 'yongning.fgj', name: '县发改局', level: 'county', kind: 'development', aliases: ['县发展和改革局'] },
  ],
  areas: [],
  // The townships and the street of the leadership-group list (三、组织领导).
  townships: [
    { id: 'yongning.t.lijun', name: '李俊镇' },
    { id: 'yongning.t.wanghong', name: '望洪镇' },
    { id: 'yongning.t.yanghe', name: '杨和镇' },
    { id: 'yongning.t.shengli', name: '胜利乡' },
    { id: 'yongning.t.wangyuan', name: '望远镇' },
    { id: 'yongning.t.minning', name: '闽宁镇' },
    { id: 'yongning.t.tuanjiexilu', name: '团结西路街道办事处' },
  ],
  localLabels: {},
  genericAreaName: '永宁县',
  genericTownship: '乡镇(街道)',
  leadershipOffice: 'yongning.office',
  rows: [
    {
      id: 'yongning.zhizang-1',
      categories: ['garbage'],
      basis: [{ source: SRC, item: '二(二)1(1)', text: '(1)整治住宅小區內未開展垃圾分類、垃圾轉運車輛不密閉等問題。' }],
      lead: ['yongning.ggsy'],
      responsible: ['yongning.zjj', 'yongning.zhzf', 'township'],
    },
    {
      id: 'yongning.zhizang-2',
      categories: ['parking', 'fire-lane'],
      basis: [{ source: SRC, item: '二(二)1(2)', text: '(2)整治住宅小區車輛亂停、亂放,占用消防車道、堵塞消防通道等問題。' }],
      lead: ['yongning.xf', 'yongning.gaj', 'yongning.zhzf'],
      responsible: ['yongning.zjj', 'township'],
    },
    {
      id: 'yongning.zhizang-3',
      categories: ['greenery'],
      basis: [{ source: SRC, item: '二(二)1(3)', text: '(3)整治住宅小區毀綠占綠以及擅自移植、砍伐樹木等問題。' }],
      lead: ['yongning.zjj', 'yongning.zrzy', 'yongning.zhzf'],
      responsible: ['township'],
    },
    {
      id: 'yongning.zhizang-4',
      categories: ['illegal-building'],
      basis: [{ source: SRC, item: '二(二)1(4)', text: '(4)整治住宅小區私搭亂建問題。' }],
      lead: ['yongning.zhzf', 'yongning.zrzy'],
      responsible: ['yongning.zjj', 'township'],
    },
    {
      id: 'yongning.zhizang-5',
      categories: ['dog'],
      basis: [{ source: SRC, item: '二(二)1(5)', text: '(5)整治住宅小區“遛狗不拴繩”以及違規飼養烈性犬或者其他禁養犬等問題。' }],
      lead: ['yongning.zhzf'],
      responsible: ['yongning.zjj', 'township'],
    },
    {
      id: 'yongning.zhizang-6',
      categories: ['hazmat', 'flood', 'fire-facility', 'fly-wire'],
      basis: [{ source: SRC, item: '二(二)1(6)', text: '(6)整治地下車庫違規存放易燃易爆物品,防汛應急準備不足,消防設施損壞和居民飛線充電等問題。' }],
      lead: ['yongning.zjj', 'yongning.yjgl'],
      responsible: ['yongning.gaj', 'yongning.zhzf', 'yongning.xf', 'township'],
      note: '"消防大隊" in this row is the 县消防救援大队 of row (2).',
    },
    {
      id: 'yongning.zhiluan-1',
      categories: ['fee-coercion', 'illegal-fee'],
      basis: [
        {
          source: SRC,
          item: '二(二)2(1)',
          text: '(1)嚴厲打擊物業企業利用停水、停電或限制購水量、電量及辦理門禁卡、電梯卡等捆綁和變相催繳物業費,以及擅自漲價等行為。',
        },
      ],
      lead: ['yongning.zjj'],
      responsible: ['yongning.sjj', 'yongning.fgj', 'yongning.zhzf', 'township'],
      note: 'illegal-fee (擅自涨价、乱收费) is the "擅自漲價" half of this row.',
    },
    {
      id: 'yongning.zhiluan-2',
      categories: ['contract'],
      basis: [{ source: SRC, item: '二(二)2(2)', text: '(2)嚴厲查處違規簽訂《物業服務合同》行為。' }],
      lead: ['yongning.zjj'],
      responsible: ['yongning.zhzf', 'township'],
    },
    {
      id: 'yongning.zhiluan-3',
      categories: ['service-exit', 'common-property'],
      basis: [{ source: SRC, item: '二(二)2(3)', text: '(3)嚴厲查處擅自終止服務或拒不退出、擅自利用共有部分經營行為。' }],
      lead: ['yongning.zjj'],
      responsible: ['yongning.zhzf', 'township'],
    },
    {
      id: 'yongning.zhiluan-4',
      categories: ['info-leak'],
      basis: [{ source: SRC, item: '二(二)2(4)', text: '(4)嚴厲打擊擅自泄露業主信息行為。' }],
      lead: ['yongning.gaj'],
      responsible: ['yongning.zjj', 'township'],
    },
    {
      id: 'yongning.zhiluan-5',
      categories: ['security-guard'],
      basis: [{ source: SRC, item: '二(二)2(5)', text: '(5)嚴格管理保安服務行為。' }],
      lead: ['yongning.gaj'],
      responsible: ['yongning.zjj', 'yongning.zhzf', 'yongning.sjj'],
      note: 'The row names no township; routing adds the estate township as always co-responsible.',
    },
  ],
  defaultRow: {
    id: 'yongning.default',
    basis: [{ source: SRC, item: '清单无此项：按默认规则由属地乡镇(街道)会同县住建局办理；依据二(三)3', text: '強化街道(鄉鎮)屬地管理職責' }],
    lead: ['township', 'yongning.zjj'],
    responsible: [],
    note: 'Neither 002 nor Yinchuan’s lists name a unit (noise, renovation, posting, other): the 属地 township leads with the 县住建局 (the 物业 authority, seat of the leadership office).',
  },
};
