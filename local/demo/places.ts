/**
 * Demo estates, property companies and grids of the four jurisdictions. Names and addresses are
 * invented but plausible; coordinates sit in the right towns (WGS-84). Everything is a constant, so
 * that every seed writes exactly the same records.
 */
import type { Estate, Grid, PropertyCompany } from '../../shared/domain/directory';
import type { JurisdictionId } from '../../shared/jurisdictions';

/** Local telephone area codes: Yinchuan and Yongning 0951, Wuzhong 0953, Qitai (Changji) 0994. */
export const AREA_CODE: Record<JurisdictionId, string> = { yinchuan: '0951', yongning: '0951', wuzhong: '0953', qitai: '0994' };

export const DEMO_COMPANIES: readonly PropertyCompany[] = [
  { id: 'pc-yc-hemei', name: '银川和美物业服务有限公司', jurisdiction: 'yinchuan' },
  { id: 'pc-yn-anju', name: '永宁安居物业服务有限公司', jurisdiction: 'yongning' },
  { id: 'pc-wz-kangju', name: '吴忠康居物业管理有限公司', jurisdiction: 'wuzhong' },
  { id: 'pc-qt-antai', name: '奇台县安泰物业服务有限公司', jurisdiction: 'qitai' },
];

/** Short company names for people's display names ("和美物业·客服刘洋"). */
export const COMPANY_SHORT: Record<string, string> = {
  'pc-yc-hemei': '和美物业',
  'pc-yn-anju': '安居物业',
  'pc-wz-kangju': '康居物业',
  'pc-qt-antai': '安泰物业',
};

const info = (phone: string, fee: string, income: string) => ({ servicePhone: phone, feeStandard: fee, publicIncome: income });

export const DEMO_ESTATES: readonly Estate[] = [
  {
    id: 'yc-fnhy',
    name: '富宁花园',
    jurisdiction: 'yinchuan',
    areaId: 'yinchuan.xingqing',
    townshipId: 'yinchuan.t.funingjie',
    address: '银川市兴庆区富宁街156号',
    location: { lat: 38.4741, lng: 106.2862 },
    sceneCode: 'yc-fnhy',
    propertyCompanyId: 'pc-yc-hemei',
    propertyInfo: info(
      '0951-6021156',
      '多层住宅0.85元/㎡·月，高层住宅1.35元/㎡·月（含电梯运行费），地下车位60元/个·月',
      '2026年上半年：电梯广告收入2.4万元，公共场地租赁收入0.9万元，已按业主大会决定计入专项维修资金',
    ),
  },
  {
    id: 'yc-yhy',
    name: '阅海苑',
    jurisdiction: 'yinchuan',
    areaId: 'yinchuan.jinfeng',
    townshipId: 'yinchuan.t.manchengbeijie',
    address: '银川市金凤区满城北街289号',
    location: { lat: 38.4962, lng: 106.2248 },
    sceneCode: 'yc-yhy',
    propertyCompanyId: 'pc-yc-hemei',
    propertyInfo: info(
      '0951-6028289',
      '高层住宅1.45元/㎡·月（含电梯运行费），商铺2.2元/㎡·月',
      '2026年上半年：道闸广告收入1.1万元，快递柜场地费0.6万元，收支明细每季度在小区公告栏公示',
    ),
  },
  {
    id: 'yn-hsjy',
    name: '和顺佳苑',
    jurisdiction: 'yongning',
    areaId: null,
    townshipId: 'yongning.t.yanghe',
    address: '永宁县杨和镇宁和南街66号',
    location: { lat: 38.2792, lng: 106.2478 },
    sceneCode: 'yn-hsjy',
    propertyCompanyId: 'pc-yn-anju',
    propertyInfo: info('0951-8061066', '多层住宅0.7元/㎡·月，高层住宅1.1元/㎡·月', '2026年上半年：电梯广告收入0.8万元，已用于更换单元门禁'),
  },
  {
    id: 'yn-tjxy',
    name: '团结西苑',
    jurisdiction: 'yongning',
    areaId: null,
    townshipId: 'yongning.t.tuanjiexilu',
    address: '永宁县团结西路128号',
    location: { lat: 38.2836, lng: 106.2396 },
    sceneCode: 'yn-tjxy',
    propertyCompanyId: 'pc-yn-anju',
    propertyInfo: info('0951-8061128', '住宅0.9元/㎡·月，地面停车位30元/个·月', '2026年上半年：停车收益1.5万元，扣除管理成本后计入公共收益账户'),
  },
  {
    id: 'wz-lmjy',
    name: '利民佳园',
    jurisdiction: 'wuzhong',
    areaId: 'wuzhong.litong',
    townshipId: 'wuzhong.t.shengli',
    address: '吴忠市利通区胜利镇开元大道210号',
    location: { lat: 37.9873, lng: 106.1991 },
    sceneCode: 'wz-lmjy',
    propertyCompanyId: 'pc-wz-kangju',
    propertyInfo: info('0953-2061210', '多层住宅0.65元/㎡·月，高层住宅1.05元/㎡·月', '2026年上半年：广告及场地收入1.3万元，明细见业主委员会公告'),
  },
  {
    id: 'wz-jxxc',
    name: '金星新城',
    jurisdiction: 'wuzhong',
    areaId: 'wuzhong.litong',
    townshipId: 'wuzhong.t.jinxing',
    address: '吴忠市利通区金星镇明珠路58号',
    location: { lat: 37.9978, lng: 106.2127 },
    sceneCode: 'wz-jxxc',
    propertyCompanyId: 'pc-wz-kangju',
    propertyInfo: info('0953-2061058', '高层住宅1.2元/㎡·月（含电梯运行费）', '2026年上半年：电梯广告收入1.6万元，充电桩场地费0.4万元'),
  },
  {
    id: 'qt-tsjy',
    name: '天山佳苑',
    jurisdiction: 'qitai',
    areaId: null,
    townshipId: 'qitai.t.qitaizhen',
    address: '奇台县奇台镇天山路16号',
    location: { lat: 44.0206, lng: 89.5893 },
    sceneCode: 'qt-tsjy',
    propertyCompanyId: 'pc-qt-antai',
    propertyInfo: info('0994-7231016', '住宅0.8元/㎡·月，供暖期另收二次加压费0.1元/㎡·月', '2026年上半年：场地租赁收入0.7万元，已用于楼道照明改造'),
  },
  {
    id: 'qt-gchy',
    name: '古城花园',
    jurisdiction: 'qitai',
    areaId: null,
    townshipId: 'qitai.t.qitaizhen',
    address: '奇台县奇台镇古城路88号',
    location: { lat: 44.0148, lng: 89.5961 },
    sceneCode: 'qt-gchy',
    propertyCompanyId: 'pc-qt-antai',
    propertyInfo: info('0994-7231088', '多层住宅0.75元/㎡·月，车库管理费40元/个·月', '2026年上半年：广告收入0.5万元，收支情况在单元公告栏公示'),
  },
];

/** One grid per estate, named after it. */
export const DEMO_GRIDS: readonly Grid[] = DEMO_ESTATES.map((e) => ({
  id: `${e.id}.grid`,
  name: `${e.name}网格`,
  jurisdiction: e.jurisdiction,
  townshipId: e.townshipId,
  estateIds: [e.id],
}));
