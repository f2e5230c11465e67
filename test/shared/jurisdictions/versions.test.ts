import { REGISTRY, ListValidationError, type Registry } from '../../../shared/jurisdictions';
import { effectiveVersion, ListVersionSchema, registryAt, type ListVersion } from '../../../shared/jurisdictions/versions';
import { route } from '../../../shared/routing/route';

const BASE = [...REGISTRY.lists.values()];
const qitai = REGISTRY.list('qitai')!;
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

function version(versionId: string, effectiveFrom: string | null, lead: string[], extra: Partial<ListVersion> = {}): ListVersion {
  return ListVersionSchema.parse({
    jurisdiction: 'qitai',
    versionId,
    status: effectiveFrom === null ? 'draft' : 'active',
    effectiveFrom,
    sources: ['奇台县物业管理责任清单(示例修订)'],
    rows: qitai.rows.map((r) => (r.categories.includes('fly-wire') ? { ...r, id: `${versionId}.fly-wire`, lead } : r)),
    createdAt: '2026-12-01T00:00:00.000Z',
    createdBy: 'u-admin',
    ...extra,
  });
}

describe('ListVersionSchema', () => {
  it('a draft has no effective date, an active version has one', () => {
    const ok = version('qitai.a', null, ['qitai.xf']);
    expect(ListVersionSchema.safeParse({ ...ok, effectiveFrom: '2027-01-01' }).success).toBe(false);
    expect(ListVersionSchema.safeParse({ ...ok, status: 'active' }).success).toBe(false);
    expect(ListVersionSchema.safeParse({ ...ok, versionId: 'Qitai A' }).success).toBe(false);
  });
});

describe('effectiveVersion: the latest active version on or before the day', () => {
  const v1 = version('qitai.v1', '2027-01-01', ['qitai.xf']);
  const v2 = version('qitai.v2', '2027-06-01', ['qitai.gaj']);
  const draft = version('qitai.d', null, ['qitai.zjj']);
  it.each([
    ['2026-12-31', undefined],
    ['2027-01-01', 'qitai.v1'],
    ['2027-05-31', 'qitai.v1'],
    ['2027-06-01', 'qitai.v2'],
  ])('%s → %s', (day, expected) => {
    expect(effectiveVersion([v2, draft, v1], 'qitai', day)?.versionId).toBe(expected);
    expect(effectiveVersion([v2, draft, v1], 'yongning', day)).toBeUndefined();
  });
  it('of two versions effective the same day, the one activated later wins', () => {
    const early = { ...v1, versionId: 'qitai.x', activatedAt: '2026-12-01T00:00:00.000Z' };
    const late = { ...v1, versionId: 'qitai.y', activatedAt: '2026-12-02T00:00:00.000Z' };
    expect(effectiveVersion([late, early], 'qitai', '2027-01-01')?.versionId).toBe('qitai.y');
    expect(effectiveVersion([early, late], 'qitai', '2027-01-01')?.versionId).toBe('qitai.y');
  });
});

describe('registryAt routes by the version effective at the instant (China time)', () => {
  const v1 = version('qitai.v1', '2027-01-01', ['qitai.gaj']);
  it('the bundled list before, the version from 00:00 of its day in Beijing; other jurisdictions untouched', () => {
    const before = registryAt(BASE, [v1], bj('2026-12-31 23:59'));
    const after = registryAt(BASE, [v1], bj('2027-01-01 00:00'));
    const flyWire = (r: Registry) => route({ jurisdiction: 'qitai', category: 'fly-wire' }, r);
    expect(flyWire(before).versionId).toBe('qitai.bundled');
    expect(flyWire(after).versionId).toBe('qitai.v1');
    expect(flyWire(after).lead.map((u) => u.name)).toEqual(['县公安局']);
    expect(route({ jurisdiction: 'yongning', category: 'fly-wire' }, after)).toEqual(route({ jurisdiction: 'yongning', category: 'fly-wire' }));
  });
  it('builds one registry per combination of versions', () => {
    const cache = new Map<string, Registry>();
    const a = registryAt(BASE, [v1], bj('2027-02-01 10:00'), cache);
    expect(registryAt(BASE, [v1], bj('2027-03-01 10:00'), cache)).toBe(a);
    expect(cache.size).toBe(1);
  });
  it('a version naming a unit outside the directory is rejected when it would route, naming the row', () => {
    const bad = version('qitai.bad', '2027-01-01', ['qitai.nobody']);
    expect(() => registryAt(BASE, [bad], bj('2027-01-02 10:00'))).toThrow(ListValidationError);
    expect(() => registryAt(BASE, [bad], bj('2027-01-02 10:00'))).toThrow('row qitai.bad.fly-wire: lead[0] "qitai.nobody" is not in the directory');
  });
});
