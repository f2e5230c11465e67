import { REGISTRY } from '../../../shared/jurisdictions';
import { route, RouteError } from '../../../shared/routing/route';
import { CATEGORY_CODES, getCategory } from '../../../shared/taxonomy/categories';

const JURISDICTIONS = ['yinchuan', 'yongning', 'wuzhong', 'qitai'] as const;
const all = JURISDICTIONS.flatMap((j) => CATEGORY_CODES.map((c) => [j, c] as const));

describe('routing over all four jurisdictions × 25 categories', () => {
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
