/**
 * report.estates in pages (found by the audit of what the screens read): the staff screens name
 * estates and offer them in pickers from this list, which answered only the first 100 of the whole
 * deployment. It now answers `next`; following it reads every estate once, in one order. On the
 * SQLite and CloudBase stores (the real SDK, loopback server).
 */
import { report } from '../../../cloudfunctions/_app/functions/report';
import type { Estate } from '../../../shared/domain/directory';
import type { Store } from '../../../shared/ports/store';
import { ESTATE, makeApp, makeCloudbaseApp, OTHER_ESTATE, type TestApp } from '../../support/app';

/** 150 more estates (with ESTATE and OTHER_ESTATE, 152): two equal names, so the order needs the id too. */
const MORE_ESTATES: Estate[] = Array.from({ length: 150 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return { ...ESTATE, id: `yn-anju-${n}`, name: i < 2 ? '安居小区' : `安居小区${n}`, sceneCode: `yn-anju-${n}`, propertyCompanyId: null, propertyInfo: null };
});

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('report.estates pages on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = (await make()) as TestApp<Store>;
    for (const e of MORE_ESTATES) await app.store.putEstate(e);
  });
  afterEach(async () => app.close());

  const page = async (data: Record<string, unknown>) => {
    const res = await app.call(report, null, 'estates', data);
    expect(res.ok).toBe(true);
    return res.data as { items: Array<{ id: string; name: string }>; next: string | null };
  };

  it('following next reads all 152 estates once each; the first page alone stops at 100', async () => {
    const first = await page({ limit: 100 });
    expect(first.items).toHaveLength(100);
    expect(first.items.map((e) => e.id)).not.toContain(ESTATE.id);
    expect(first.next).not.toBeNull();
    const second = await page({ limit: 100, after: first.next });
    expect(second.next).toBeNull();
    const ids = [...first.items, ...second.items].map((e) => e.id);
    expect(ids).toHaveLength(152);
    expect(new Set(ids)).toEqual(new Set([ESTATE.id, OTHER_ESTATE.id, ...MORE_ESTATES.map((e) => e.id)]));
  });

  it('pages of 7 cut the same order as one page', async () => {
    const whole = (await page({ limit: 100 })).items.map((e) => e.id);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const p: { items: Array<{ id: string }>; next: string | null } = await page(after ? { limit: 7, after } : { limit: 7 });
      paged.push(...p.items.map((e) => e.id));
      after = p.next;
    } while (after && paged.length < 100);
    expect(paged.slice(0, 100)).toEqual(whole);
  });

  it('a cursor it did not give is refused with a stable code', async () => {
    for (const after of ['yn-jinxiu', 'o:-1', 'o:abc']) {
      const res = await app.call(report, null, 'estates', { limit: 10, after });
      expect(res.ok).toBe(false);
      expect(res.error?.code).toBe('INPUT.INVALID_CURSOR');
    }
  });
});
