import { buildRegistry, ListValidationError, REGISTRY } from '../../../shared/jurisdictions';
import { SOURCE_FILES } from '../../../shared/jurisdictions/schema';
import qitai from '../../../shared/jurisdictions/bundled/qitai.json';
import yinchuan from '../../../shared/jurisdictions/bundled/yinchuan.json';
import yongning from '../../../shared/jurisdictions/bundled/yongning.json';

type Mutable = { rows: Array<Record<string, unknown>>; departments: Array<Record<string, unknown>>; [k: string]: unknown };
const clone = <T>(v: T): Mutable => JSON.parse(JSON.stringify(v)) as Mutable;

function failure(inputs: unknown[]): string {
  try {
    buildRegistry(inputs);
  } catch (err) {
    expect(err).toBeInstanceOf(ListValidationError);
    return (err as Error).message;
  }
  throw new Error('expected the lists to be rejected');
}

describe('a broken list fails loudly, naming the row', () => {
  it('accepts the real lists', () => {
    expect(() => buildRegistry([yinchuan, yongning, qitai])).not.toThrow();
  });

  it('rejects an unknown category code, naming the row', () => {
    const bad = clone(qitai);
    (bad.rows[2] as { categories: string[] }).categories = ['flooding'];
    const message = failure([bad]);
    expect(message).toContain('"qitai"');
    expect(message).toContain('row 2 (qitai.flood)');
  });

  it('rejects a row without a basis', () => {
    const bad = clone(qitai);
    (bad.rows[0] as { basis: unknown[] }).basis = [];
    expect(failure([bad])).toContain('row 0 (qitai.fire-lane)');
  });

  it('rejects a lead unit missing from the directory', () => {
    const bad = clone(qitai);
    (bad.rows[3] as { lead: string[] }).lead = ['qitai.nobody'];
    expect(failure([bad])).toContain('row qitai.parking: lead[0] "qitai.nobody" is not in the directory');
  });

  it('rejects a category covered twice in one list', () => {
    const bad = clone(qitai);
    (bad.rows[1] as { categories: string[] }).categories.push('flood');
    expect(failure([bad])).toContain('category flood is already covered by row qitai.fire-facility');
  });

  it('rejects a basis citing a document that is not this list’s source', () => {
    const bad = clone(qitai);
    (bad.rows[0] as { basis: Array<{ source: string }> }).basis[0]!.source = '002_bbc741157aca8db7.txt';
    expect(failure([bad])).toContain('row qitai.fire-lane: basis source 002_bbc741157aca8db7.txt is not a source of this list');
  });

  it('rejects a child list whose parent is missing', () => {
    expect(failure([yongning])).toContain('parent "yinchuan" is not a known jurisdiction');
  });

  it('never lets a complaint about the property company’s conduct route to a property company', () => {
    const bad = clone(qitai);
    bad.departments.push({ id: 'qitai.wy', name: '某物业服务企业', level: 'county', kind: 'property' });
    const fees = bad.rows.find((r) => r.id === 'qitai.fees') as { responsible: string[] };
    fees.responsible.push('qitai.wy');
    expect(failure([bad])).toContain('row qitai.fees: responsible[2] "qitai.wy": a complaint about the property company\'s own conduct may not be routed to a property company');
  });
});

describe('the bundled lists are data with a version (issue 19: "The four bundled jurisdictions ship as seed data")', () => {
  it('each bundled JSON list names its version and has always applied (no effective date)', () => {
    const registry = buildRegistry([yinchuan, yongning, qitai]);
    expect([...registry.lists.values()].map((l) => [l.id, l.versionId, l.effectiveFrom])).toEqual([
      ['yinchuan', 'yinchuan.bundled', null],
      ['yongning', 'yongning.bundled', null],
      ['qitai', 'qitai.bundled', null],
    ]);
  });

  it('rejects a list without a version id, and an effective date that is not YYYY-MM-DD', () => {
    const bad = clone(qitai);
    delete bad.versionId;
    expect(failure([bad])).toContain('versionId: Required');
    const late = clone(qitai);
    late.effectiveFrom = '2027-13-01';
    expect(failure([late])).toContain('effectiveFrom: dates are YYYY-MM-DD');
  });
});

describe('the bundled lists cite only the documents of docs/sources/ (imported lists cite their own by title)', () => {
  it.each([...REGISTRY.lists.values()].map((l) => [l.id, l] as const))('%s', (_id, list) => {
    const cited = [...list.rows, list.defaultRow].flatMap((r) => r.basis.map((b) => b.source));
    for (const source of [...list.sources, ...cited]) expect(SOURCE_FILES).toContain(source);
  });
});
