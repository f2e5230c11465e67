/**
 * admin.putPropertyCompany: a change of the rated stars is stored as a standing record (source
 * 'admin': who, when, before and after) on both stores and shown in the company history of the 考核
 * table; a put that changes no rating writes nothing; who may put is as before (the attacks: the
 * company raising its own stars, a street officer, another county's admin) and a refusal writes nothing.
 */
import { admin } from '../../../../cloudfunctions/_app/functions/admin';
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import type { User } from '../../../../shared/domain/directory';
import type { Store } from '../../../../shared/ports/store';
import { ESTATE, identityOf, makeApp, makeCloudbaseApp, NOW, PEOPLE, type TestApp } from '../../../support/app';

const HENGAN = { id: 'pc-hengan', name: '恒安物业服务有限公司', jurisdiction: 'yongning' };
const QITAI_ADMIN: User = { id: 'u-admin-qt', openid: null, name: '奇台县管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'qitai' }], demo: true };

describe.each([
  ['SQLite', makeApp],
  ['CloudBase', makeCloudbaseApp],
] as const)('a rating change through admin.putPropertyCompany on the %s store', (_name, make) => {
  let app: TestApp<Store>;
  beforeEach(async () => {
    app = (await make({ reportsPerHour: 1000 })) as TestApp<Store>;
    await app.store.putPropertyCompany({ ...HENGAN, ratedStars: 4 });
    await app.store.putEstate({ ...ESTATE, households: 500 });
  });
  afterEach(async () => app.close());

  const records = () => app.store.listStandingRecords({ companyIds: [HENGAN.id] });

  it('stores who changed it, when, and the standing before and after; the 考核 table\'s history shows it without the admin\'s user id', async () => {
    const res = await app.call(admin, 'admin', 'putPropertyCompany', { ...HENGAN, ratedStars: 3 });
    expect(res.ok).toBe(true);
    const stored = await records();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      companyId: HENGAN.id,
      jurisdiction: 'yongning',
      year: 2026,
      at: NOW,
      by: { userId: PEOPLE.admin.id, role: 'admin', name: PEOPLE.admin.name },
      cause: { kind: 'admin', ratedBefore: 4, ratedAfter: 3 },
      before: { stars: 4, credit: 'good' },
      after: { stars: 3, credit: 'good' },
    });
    const table = await app.call(ticket, 'leadership', 'assessment', { jurisdiction: 'yongning', month: '2026-11' });
    const row = (table.data.rows as Array<{ companyId: string; history: unknown[] }>).find((r) => r.companyId === HENGAN.id);
    expect(row?.history).toEqual([expect.objectContaining({ source: 'admin', rated: { before: 4, after: 3 }, stars: 3, by: { role: 'admin', unitName: null, name: PEOPLE.admin.name } })]);
    expect(JSON.stringify(row?.history)).not.toContain(PEOPLE.admin.id);
  });

  it('writes nothing for a put that keeps the rating (the same put again, a new name only)', async () => {
    expect((await app.call(admin, 'admin', 'putPropertyCompany', { ...HENGAN, ratedStars: 4 })).ok).toBe(true);
    expect((await app.call(admin, 'admin', 'putPropertyCompany', { ...HENGAN, name: '恒安物业服务集团有限公司', ratedStars: 4 })).ok).toBe(true);
    expect(await records()).toEqual([]);
  });

  it('keeps the stars when a put leaves them out (the county page registers a company by name), and clears them only on null', async () => {
    const again = await app.call(admin, 'admin', 'putPropertyCompany', HENGAN);
    expect(again.ok).toBe(true);
    expect(again.data.ratedStars).toBe(4);
    expect((await app.store.listPropertyCompanies()).find((c) => c.id === HENGAN.id)?.ratedStars).toBe(4);
    expect(await records()).toEqual([]);

    expect((await app.call(admin, 'admin', 'putPropertyCompany', { ...HENGAN, ratedStars: null })).ok).toBe(true);
    expect((await app.store.listPropertyCompanies()).find((c) => c.id === HENGAN.id)?.ratedStars ?? null).toBeNull();
    expect(await records()).toEqual([expect.objectContaining({ cause: { kind: 'admin', ratedBefore: 4, ratedAfter: null } })]);
  });

  it('refuses the company raising its own stars, a street officer and another county\'s admin, and writes no record', async () => {
    for (const who of ['property', 'street'] as const) {
      const res = await app.call(admin, who, 'putPropertyCompany', { ...HENGAN, ratedStars: 5 });
      expect(res.ok).toBe(false);
      expect(res.error?.code).toMatch(/^AUTH\./);
    }
    const foreign = await admin(app.deps, { identity: identityOf(QITAI_ADMIN) }, { action: 'putPropertyCompany', data: { ...HENGAN, ratedStars: 5 } });
    expect((foreign.envelope as { ok: boolean; error?: { code: string } }).error?.code).toMatch(/^AUTH\./);
    expect(await records()).toEqual([]);
    expect((await app.store.listPropertyCompanies()).find((c) => c.id === HENGAN.id)?.ratedStars).toBe(4);
  });
});
