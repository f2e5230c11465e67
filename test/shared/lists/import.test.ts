import { REGISTRY } from '../../../shared/jurisdictions';
import { applyVersion, registryAt } from '../../../shared/jurisdictions/versions';
import { LIST_COLUMNS, listToTable, parseListTable, type ImportContext } from '../../../shared/lists/import';
import { route } from '../../../shared/routing/route';
import { CATEGORY_CODES } from '../../../shared/taxonomy/categories';

const ctx = (jurisdiction: string, versionId = `${jurisdiction}.v2`): ImportContext => ({
  list: REGISTRY.list(jurisdiction)!,
  registry: REGISTRY,
  versionId,
  document: '永宁县物业管理责任清单(2027年修订)',
  createdAt: '2026-12-06T02:00:00.000Z',
  createdBy: 'u-admin',
});

const HEADER = [...LIST_COLUMNS];
// Rows written the way a county's table reads (002 二(二)1(6), shortened); the second is 问题 by code.
const GOOD = [
  HEADER,
  ['1', '飞线充电、违规存放易燃易爆物品', '县住建局、县应急管理局', '县公安局、县综合执法局、属地乡镇(街道)', '《永宁县物业管理责任清单》二(二)1(6)：整治地下车库违规存放易燃易爆物品和居民飞线充电等问题。'],
  ['2', 'dog', '县综合执法局', '县住建局', '整治住宅小区遛狗不拴绳问题。'],
];

describe('parseListTable: a valid table becomes a draft version', () => {
  it('reads categories by label or code, units by name, 依据 as 《document》item：text or the list’s own document and 序号', () => {
    const r = parseListTable(GOOD, ctx('yongning'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.version).toMatchObject({ jurisdiction: 'yongning', versionId: 'yongning.v2', status: 'draft', effectiveFrom: null });
    expect(r.version.rows.map((row) => [row.seq, row.categories, row.lead, row.responsible])).toEqual([
      ['1', ['fly-wire', 'hazmat'], ['yongning.zjj', 'yongning.yjgl'], ['yongning.gaj', 'yongning.zhzf', 'township']],
      ['2', ['dog'], ['yongning.zhzf'], ['yongning.zjj']],
    ]);
    expect(r.version.rows[0]!.basis).toEqual([{ source: '永宁县物业管理责任清单', item: '二(二)1(6)', text: '整治地下车库违规存放易燃易爆物品和居民飞线充电等问题。' }]);
    expect(r.version.rows[1]!.basis).toEqual([{ source: '永宁县物业管理责任清单(2027年修订)', item: '序号2', text: '整治住宅小区遛狗不拴绳问题。' }]);
  });

  it('a category the imported table leaves out still routes by the parent’s list (Yongning → Yinchuan) and the default row', () => {
    const r = parseListTable(GOOD, ctx('yongning'));
    if (!r.ok) throw new Error('rejected');
    const registry = registryAt([...REGISTRY.lists.values()], [{ ...r.version, status: 'active', effectiveFrom: '2027-01-01' }], '2027-01-02T02:00:00.000Z');
    expect(route({ jurisdiction: 'yongning', category: 'dog' }, registry).basis[0]!.item).toBe('序号2');
    expect(route({ jurisdiction: 'yongning', category: 'elevator' }, registry)).toEqual({ ...route({ jurisdiction: 'yongning', category: 'elevator' }), versionId: 'yinchuan.bundled' });
  });
});

describe('parseListTable: every row is checked, all errors at once, naming row and column; nothing comes out', () => {
  it.each([
    ['an unknown category', ['3', '飞线冲电', '县住建局', '', '整治飞线充电。'], { row: 4, column: '问题', code: 'LIST.UNKNOWN_CATEGORY' }, '第4行「问题」未知问题类别：飞线冲电'],
    ['a unit not in the county’s unit table', ['3', '私搭乱建', '县城管局', '', '整治私搭乱建。'], { row: 4, column: '牵头单位', code: 'LIST.UNKNOWN_UNIT' }, '第4行「牵头单位」县城管局 不在本辖区单位表中'],
    ['an empty lead', ['3', '私搭乱建', '', '县住建局', '整治私搭乱建。'], { row: 4, column: '牵头单位', code: 'LIST.EMPTY_LEAD' }, '第4行「牵头单位」为空'],
    ['a duplicate category', ['3', '飞线充电', '县住建局', '', '整治飞线充电。'], { row: 4, column: '问题', code: 'LIST.DUPLICATE_CATEGORY' }, '第4行「问题」飞线充电 已在第2行列出'],
    ['a duplicate 序号', ['2', '私搭乱建', '县住建局', '', '整治私搭乱建。'], { row: 4, column: '序号', code: 'LIST.DUPLICATE_SEQ' }, '第4行「序号」2 与第3行重复'],
    ['an empty 依据', ['3', '私搭乱建', '县住建局', '', ''], { row: 4, column: '依据', code: 'LIST.EMPTY_BASIS' }, '第4行「依据」为空'],
    ['an empty 问题', ['3', '', '县住建局', '', '整治私搭乱建。'], { row: 4, column: '问题', code: 'LIST.EMPTY_CATEGORY' }, '第4行「问题」为空'],
  ])('%s', (_what, bad, expected, message) => {
    const r = parseListTable([...GOOD, bad], ctx('yongning'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ ...expected, message }]);
  });

  it('four bad rows give four errors at once, in row order', () => {
    const r = parseListTable(
      [
        ...GOOD,
        ['3', '私搭乱建', '', '县住建局', '整治私搭乱建。'],
        ['4', '违规饲养犬只、家禽', '县综合执法局', '', '整治。。。'],
        ['5', '电梯安全', '县特种设备局', '', '电梯安全。'],
        ['6', '不存在的问题', '县住建局', '', '某问题。'],
      ],
      ctx('yongning'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, '牵头单位', 'LIST.EMPTY_LEAD'],
      [5, '问题', 'LIST.DUPLICATE_CATEGORY'],
      [6, '牵头单位', 'LIST.UNKNOWN_UNIT'],
      [7, '问题', 'LIST.UNKNOWN_CATEGORY'],
    ]);
  });

  it('a wrong header or an empty table is refused', () => {
    const header = parseListTable([['编号', '问题', '牵头单位', '责任单位', '依据'], GOOD[1]!], ctx('yongning'));
    expect(header.ok || header.errors).toEqual([{ row: 1, column: null, code: 'LIST.HEADER', message: '第1行应为表头：序号 / 问题 / 牵头单位 / 责任单位 / 依据' }]);
    const empty = parseListTable([HEADER, ['', '', '', '', '']], ctx('yongning'));
    expect(empty.ok || empty.errors.map((e) => e.code)).toEqual(['LIST.EMPTY']);
  });

  it('refuses a property company as a unit for a complaint about a property company’s conduct (DESIGN.md §2)', () => {
    const withCompany = { ...REGISTRY.list('qitai')!, departments: [...REGISTRY.list('qitai')!.departments, { id: 'qitai.wy', name: '某物业服务企业', level: 'county' as const, kind: 'property' as const }] };
    const registry = registryAt([...REGISTRY.lists.values()].map((l) => (l.id === 'qitai' ? withCompany : l)), [], '2026-12-06T00:00:00.000Z');
    const r = parseListTable([HEADER, ['1', '擅自涨价、乱收费(含停车费)', '县市场监管局', '某物业服务企业', '整治乱收费。']], { ...ctx('qitai'), list: withCompany, registry });
    expect(r.ok || r.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, '责任单位', 'LIST.PROPERTY_CONDUCT']]);
  });
});

describe('listToTable: the current list for editing (and Yongning’s as the filled example) imports back to the same routing', () => {
  it.each(['yinchuan', 'yongning', 'wuzhong', 'qitai'])('%s: every category, with and without a place, routes as before', (id) => {
    const list = REGISTRY.list(id)!;
    const table = listToTable(list, REGISTRY);
    expect(table[0]).toEqual([...LIST_COLUMNS]);
    expect(table).toHaveLength(list.rows.length + 1);
    const r = parseListTable(table, ctx(id));
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    const registry = registryAt([...REGISTRY.lists.values()], [{ ...r.version, status: 'active', effectiveFrom: '2027-01-01' }], '2027-01-01T00:00:00.000Z');
    const places = [null, ...list.areas.map((a) => ({ jurisdiction: id, areaId: a.id })), ...list.townships.map((t) => ({ jurisdiction: id, areaId: t.area ?? null, townshipId: t.id }))];
    for (const category of CATEGORY_CODES) {
      for (const estate of places) {
        const { versionId: _a, rowId: _b, ...before } = route({ jurisdiction: id, category, estate });
        const { versionId: _c, rowId: _d, ...after } = route({ jurisdiction: id, category, estate }, registry);
        expect(after).toEqual(before);
      }
    }
    expect(applyVersion(list, r.version).rows).toHaveLength(list.rows.length);
  });
});
