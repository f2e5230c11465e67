import { REGISTRY } from '../../../shared/jurisdictions';
import { route, RouteError, townshipInArea, unitDuty } from '../../../shared/routing/route';
import { CATEGORY_CODES, getCategory } from '../../../shared/taxonomy/categories';

const JURISDICTIONS = ['yinchuan', 'yongning', 'wuzhong', 'qitai'] as const;
const all = JURISDICTIONS.flatMap((j) => CATEGORY_CODES.map((c) => [j, c] as const));

describe('routing over all four jurisdictions × 33 categories', () => {
  it('covers 4 × 33 pairs', () => {
    expect(all).toHaveLength(132);
  });

  it.each(all)('%s / %s has at least one handling lead, and every unit says whether it handles or coordinates', (jurisdiction, category) => {
    const d = route({ jurisdiction, category });
    expect(d.lead.some((u) => u.kind === 'handling')).toBe(true);
    for (const u of [...d.lead, ...d.responsible]) {
      expect(Object.keys(u)).toEqual(['id', 'name', 'kind']);
      expect(['handling', 'coordinating']).toContain(u.kind);
      expect(unitDuty(u.id)).toBe(u.kind);
    }
  });

  it.each(all)('%s / %s has a lead, a basis and the township as co-responsible', (jurisdiction, category) => {
    const d = route({ jurisdiction, category });
    expect(d.lead.length).toBeGreaterThan(0);
    expect(d.basis.length).toBeGreaterThan(0);
    const ids = [...d.lead, ...d.responsible].map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    const list = REGISTRY.list(jurisdiction)!;
    const townshipIds = new Set([...list.townships.map((t) => t.id), `${jurisdiction}.township`]);
    expect(ids.some((id) => townshipIds.has(id))).toBe(true);
  });

  it.each(all.filter(([, c]) => getCategory(c).aboutPropertyCompany))(
    '%s / %s (the property company’s own conduct) names no property company',
    (jurisdiction, category) => {
      const d = route({ jurisdiction, category });
      for (const u of [...d.lead, ...d.responsible]) {
        expect(REGISTRY.department(u.id)?.kind).not.toBe('property');
        expect(u.name).not.toContain('物业服务企业');
      }
    },
  );
});

describe('most specific jurisdiction first', () => {
  it('Yongning’s own row wins over Yinchuan’s for fly-wire', () => {
    expect(route({ jurisdiction: 'yongning', category: 'fly-wire' }).listId).toBe('yongning');
  });
  it('Yinchuan’s row applies in Yongning where 002 is silent', () => {
    expect(route({ jurisdiction: 'yongning', category: 'ebike-indoor' }).listId).toBe('yinchuan');
  });
  it('the jurisdiction’s own default applies where both are silent', () => {
    expect(route({ jurisdiction: 'yongning', category: 'noise' }).rowId).toBe('yongning.default');
  });
});

describe('bad queries', () => {
  it('refuses an unknown jurisdiction', () => {
    expect(() => route({ jurisdiction: 'beijing', category: 'fly-wire' })).toThrow(RouteError);
    expect(() => route({ jurisdiction: 'beijing', category: 'fly-wire' })).toThrow('未知辖区');
  });
  it('refuses an unknown category', () => {
    expect(() => route({ jurisdiction: 'qitai', category: 'graffiti' })).toThrow('未知问题类别');
  });
  it('refuses an estate of another jurisdiction', () => {
    expect(() => route({ jurisdiction: 'qitai', category: 'dog', estate: { jurisdiction: 'yongning' } })).toThrow(
      expect.objectContaining({ code: 'ROUTE.ESTATE_MISMATCH' }),
    );
  });
});

describe('units have a kind: handling or coordinating (DESIGN.md §6)', () => {
  it.each([
    ['yinchuan.local.government', 'coordinating'],
    ['yinchuan.xingqing.government', 'coordinating'],
    ['wuzhong.litong.government', 'coordinating'],
    ['yongning.gov', 'coordinating'],
    ['qitai.gov', 'coordinating'],
    ['yinchuan.office', 'coordinating'],
    ['yongning.zzb', 'coordinating'],
    ['wuzhong.shgz', 'coordinating'],
    ['yongning.zjj', 'handling'],
    ['yinchuan.xingqing.housing', 'handling'],
    ['yinchuan.local.fire', 'handling'],
    ['yongning.t.yanghe', 'handling'],
    ['yinchuan.township', 'handling'],
    ['someone.else', 'handling'],
  ] as const)('%s is %s', (id, kind) => {
    expect(unitDuty(id)).toBe(kind);
  });

  it('the county government is a coordinating lead beside handling ones (Wuzhong 三(九))', () => {
    const d = route({ jurisdiction: 'wuzhong', category: 'fire-lane' });
    expect(d.lead.map((u) => [u.name, u.kind])).toEqual([
      ['县(市、区)人民政府', 'coordinating'],
      ['市消防救援局', 'handling'],
      ['市住建局', 'handling'],
    ]);
  });
});

describe('routing takes an estate’s real place', () => {
  const inYongning = { jurisdiction: 'yinchuan', areaId: 'yinchuan.yongning', townshipId: 'yongning.t.yanghe' };

  it('an estate registered under Yinchuan in 永宁县 is routed by Yongning’s list, with its township', () => {
    const d = route({ jurisdiction: 'yinchuan', category: 'fly-wire', estate: inYongning });
    expect(d.placeId).toBe('yongning');
    expect(d.rowId).toBe('yongning.zhizang-6');
    expect(d.lead.map((u) => u.name)).toEqual(['县住建局', '县应急管理局']);
    expect(d.responsible.map((u) => u.name)).toEqual(['县公安局', '县综合执法局', '县消防救援大队', '杨和镇']);
    expect(d).toEqual({ ...route({ jurisdiction: 'yongning', category: 'fly-wire', estate: { jurisdiction: 'yongning', townshipId: 'yongning.t.yanghe' } }) });
  });

  it('Yinchuan’s rows still apply there with Yongning’s own units where 002 is silent', () => {
    const d = route({ jurisdiction: 'yinchuan', category: 'elevator', estate: inYongning });
    expect(d.listId).toBe('yinchuan');
    expect(d.lead.map((u) => u.name)).toEqual(['县市监局']);
  });

  it('a Yongning township alone also places the estate in Yongning', () => {
    const d = route({ jurisdiction: 'yinchuan', category: 'garbage', estate: { jurisdiction: 'yinchuan', townshipId: 'yongning.t.lijun' } });
    expect(d.placeId).toBe('yongning');
    expect(d.lead.map((u) => u.name)).toEqual(['县城乡公共事业服务中心']);
  });

  it('an estate in another Yinchuan district stays on Yinchuan’s list', () => {
    const d = route({ jurisdiction: 'yinchuan', category: 'garbage', estate: { jurisdiction: 'yinchuan', areaId: 'yinchuan.helan', townshipId: 'yinchuan.t.xigang' } });
    expect(d.placeId).toBe('yinchuan');
    expect(d.lead[0]?.name).toBe('贺兰县人民政府');
  });
});

describe('townshipInArea (for admin.putEstate)', () => {
  it.each([
    ['yinchuan', 'yinchuan.xingqing', 'yinchuan.t.funingjie', true],
    ['yinchuan', 'yinchuan.jinfeng', 'yinchuan.t.funingjie', false],
    ['yinchuan', 'yinchuan.yongning', 'yongning.t.yanghe', true],
    ['yinchuan', 'yinchuan.yongning', 'yinchuan.t.funingjie', false],
    ['yinchuan', 'yinchuan.helan', 'yongning.t.yanghe', false],
    ['yinchuan', null, 'yinchuan.t.funingjie', true],
    ['yinchuan', null, 'yongning.t.yanghe', false],
    ['yinchuan', 'wuzhong.litong', 'wuzhong.t.shengli', false],
    ['wuzhong', 'wuzhong.litong', 'wuzhong.t.jinxing', true],
    ['wuzhong', 'wuzhong.qingtongxia', 'wuzhong.t.jinxing', false],
    ['wuzhong', 'wuzhong.qingtongxia', 'wuzhong.t.xiaoba', true],
    ['yongning', null, 'yongning.t.minning', true],
    ['yongning', 'yinchuan.yongning', 'yongning.t.minning', false],
    ['yongning', null, 'qitai.t.qitaizhen', false],
    ['qitai', null, 'qitai.t.qitaizhen', true],
    ['beijing', null, 'qitai.t.qitaizhen', false],
  ] as const)('%s / area %s / township %s → %s', (jurisdiction, areaId, townshipId, expected) => {
    expect(townshipInArea(jurisdiction, areaId, townshipId)).toBe(expected);
  });
});
