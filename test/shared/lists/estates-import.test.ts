import { REGISTRY } from '../../../shared/jurisdictions';
import { ESTATE_COLUMNS, parseEstateTable, type EstateImportContext } from '../../../shared/lists/estates-import';

const HEADER = [...ESTATE_COLUMNS];
const COMPANIES = [
  { id: 'pc-yn-anju', name: '安居物业服务有限公司', jurisdiction: 'yongning' },
  { id: 'pc-yc-1', name: '凤城物业', jurisdiction: 'yinchuan' },
];
const ctx = (jurisdiction: string, sceneOwners = new Map<string, string>()): EstateImportContext => ({ jurisdiction, registry: REGISTRY, companies: COMPANIES, sceneOwners });
// Fixture estates (not real places); coordinates near Yongning and Yinchuan in GCJ-02.
const YN = ['yn-shili-1', '示例花园', '', '杨和镇', '杨和镇示例路1号', '38.2801', '106.2532', '安居物业服务有限公司', 'yn-shili-1'];

describe('parseEstateTable', () => {
  it('reads townships and areas by name, companies by name, coordinates as GCJ-02 numbers', () => {
    const r = parseEstateTable(
      [
        HEADER,
        YN,
        ['yn-shili-2', '示例小区', '', 'yongning.t.wangyuan', '望远镇示例街2号', '38.30', '106.21', '', 'yn-shili-2'],
      ],
      ctx('yongning'),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.estates[0]).toEqual({
      id: 'yn-shili-1', name: '示例花园', jurisdiction: 'yongning', areaId: null, townshipId: 'yongning.t.yanghe', address: '杨和镇示例路1号',
      location: { lat: 38.2801, lng: 106.2532 }, sceneCode: 'yn-shili-1', propertyCompanyId: 'pc-yn-anju', propertyInfo: null,
    });
    expect(r.estates[1]).toMatchObject({ townshipId: 'yongning.t.wangyuan', propertyCompanyId: null });
  });

  it('a city estate names its district; one in 永宁县 under Yinchuan takes a Yongning township', () => {
    const r = parseEstateTable(
      [
        HEADER,
        ['yc-shili-1', '示例家园', '兴庆区', '富宁街街道办事处', '兴庆区示例路3号', '38.48', '106.23', '凤城物业', 'yc-shili-1'],
        ['yc-shili-2', '示例新村', '永宁县', '杨和镇', '永宁县示例路4号', '38.28', '106.25', '', 'yc-shili-2'],
      ],
      ctx('yinchuan'),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.estates.map((e) => [e.areaId, e.townshipId])).toEqual([
      ['yinchuan.xingqing', 'yinchuan.t.funingjie'],
      ['yinchuan.yongning', 'yongning.t.yanghe'],
    ]);
  });

  it.each([
    ['a township of another area', ['yc-x', '示例', '金凤区', '富宁街街道办事处', '某路1号', '38.4', '106.2', '', 'yc-x'], '乡镇(街道)', 'ESTATES.TOWNSHIP_OUTSIDE_AREA'],
    ['an unknown township', ['yc-x', '示例', '兴庆区', '不存在街道', '某路1号', '38.4', '106.2', '', 'yc-x'], '乡镇(街道)', 'ESTATES.UNKNOWN_TOWNSHIP'],
    ['an unknown area', ['yc-x', '示例', '东城区', '富宁街街道办事处', '某路1号', '38.4', '106.2', '', 'yc-x'], '区县', 'ESTATES.UNKNOWN_AREA'],
    ['swapped coordinates', ['yc-x', '示例', '兴庆区', '富宁街街道办事处', '某路1号', '106.2', '38.4', '', 'yc-x'], '纬度', 'ESTATES.BAD_COORDINATE'],
    ['a company of another jurisdiction', ['yc-x', '示例', '兴庆区', '富宁街街道办事处', '某路1号', '38.4', '106.2', '安居物业服务有限公司', 'yc-x'], '物业企业', 'ESTATES.UNKNOWN_COMPANY'],
    ['a bad scene code', ['yc-x', '示例', '兴庆区', '富宁街街道办事处', '某路1号', '38.4', '106.2', '', '中文场景'], '二维码场景值', 'ESTATES.BAD_SCENE'],
  ])('rejects %s, naming row and column', (_what, row, column, code) => {
    const r = parseEstateTable([HEADER, row], ctx('yinchuan'));
    expect(r.ok || r.errors.map((e) => [e.row, e.column, e.code])).toContainEqual([2, column, code]);
  });

  it('three bad rows: all errors at once; duplicates within the file and a scene code printed on another estate', () => {
    const r = parseEstateTable(
      [HEADER, YN, [...YN.slice(0, 8), 'yn-shili-9'], ['yn-shili-3', '示例三', '', '杨和镇', '某路3号', '38.3', '106.2', '', 'yn-shili-1'], ['yn-shili-4', '示例四', '', '杨和镇', '某路4号', '38.3', '106.2', '', 'hsjy']],
      ctx('yongning', new Map([['hsjy', 'yn-hsjy']])),
    );
    expect(r.ok || r.errors.map((e) => e.message)).toEqual([
      '第3行「小区编号」yn-shili-1 与第2行重复',
      '第4行「二维码场景值」yn-shili-1 与第2行重复',
      '第5行「二维码场景值」hsjy 已被其他小区使用',
    ]);
  });
});
