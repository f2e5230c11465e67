/**
 * The 人员 step's township- and estate-scoped grants for a created county (issue 19 §4), through the
 * real `admin` function on SQLite after Yinchuan's admin brought 示例县 (a test fixture, not a real
 * place) live. The county page sends admin.putUser then admin.createInvitation as for any role;
 * the function checks every township, unit and estate of a grant lies where the caller
 * administers. Attacks stopped: Yongning's admin granting 示例县's township, estate or 公安 unit
 * (under 示例县 or smuggled under Yongning) or inviting 示例县's staff; 示例县's own admin reaching
 * into Yongning. Nothing is written by a refused call.
 */
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import type { User } from '../../../shared/domain/directory';
import type { RoleGrant } from '../../../shared/domain/roles';
import { ESTATE, identityOf, makeApp, PEOPLE, type TestApp } from '../../support/app';
import { onboardShili } from '../../fixtures/county/onboard-shili';

jest.setTimeout(30_000);

const cityAdmin: User = { id: 'u-admin-yc', openid: null, name: '银川管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'yinchuan' }], demo: false };
const shiliAdmin: User = { id: 'u-admin-sl', openid: null, name: '示例县管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'shili' }], demo: false };
const POLICE_UNIT = 'shili.u7'; // 示例县公安局, the 7th row of the fixture unit table

let app: TestApp;
type Answer = { ok: boolean; data?: { id?: string; userId?: string }; error?: { code: string } };
const as = async (u: User, action: string, data: unknown) => (await admin(app.deps, { identity: identityOf(u) }, { action, data })).envelope as Answer;
const put = (u: User, id: string, grant: RoleGrant) => as(u, 'putUser', { id, name: '卫东', phone: null, grants: [grant] });

beforeEach(async () => {
  app = await makeApp();
  for (const u of [cityAdmin, shiliAdmin]) await app.store.putUser(u);
  await onboardShili(app.deps, cityAdmin, '2026-11-23');
});
afterEach(() => app.close());

describe('township- and estate-scoped staff of a created county', () => {
  it('its city’s admin and its own admin grant a township, a unit, estates and its 公安 unit, and invite them', async () => {
    const grants: RoleGrant[] = [
      { role: 'street', jurisdiction: 'shili', streets: ['shili.t2'] },
      { role: 'department', jurisdiction: 'shili', units: ['shili.u11'] },
      { role: 'grid', jurisdiction: 'shili', estates: ['sl-shhy', 'sl-shjy'] },
      { role: 'police', jurisdiction: 'shili', units: [POLICE_UNIT], estates: ['sl-dzya'] },
    ];
    for (const [i, g] of grants.entries()) {
      const by = i === 0 ? cityAdmin : shiliAdmin;
      const made = await put(by, `shili.staff.${i}`, g);
      expect(made.error).toBeUndefined();
      expect((await app.store.getUser(`shili.staff.${i}`))?.grants).toEqual([g]);
      expect((await as(by, 'createInvitation', { userId: `shili.staff.${i}` })).ok).toBe(true);
    }
  });

  it('attack: Yongning’s admin cannot grant 示例县’s township, estate or unit, under either county, nor invite its staff', async () => {
    const attempts: RoleGrant[] = [
      { role: 'street', jurisdiction: 'shili', streets: ['shili.t1'] },
      { role: 'street', jurisdiction: 'yongning', streets: ['shili.t1'] },
      { role: 'grid', jurisdiction: 'yongning', estates: ['sl-shhy'] },
      { role: 'department', jurisdiction: 'yongning', units: ['shili.u3'] },
      { role: 'police', jurisdiction: 'yongning', units: [POLICE_UNIT], estates: [ESTATE.id] },
    ];
    for (const [i, g] of attempts.entries()) {
      const res = await put(PEOPLE.admin, `x.staff.${i}`, g);
      expect({ grant: g, code: res.error?.code }).toEqual({ grant: g, code: 'AUTH.FORBIDDEN' });
      expect(await app.store.getUser(`x.staff.${i}`)).toBeNull();
    }
    expect((await put(cityAdmin, 'shili.staff.1', { role: 'street', jurisdiction: 'shili', streets: ['shili.t1'] })).ok).toBe(true);
    expect((await as(PEOPLE.admin, 'createInvitation', { userId: 'shili.staff.1' })).error?.code).toBe('AUTH.FORBIDDEN');
    // Nor take over that record by writing it again.
    expect((await put(PEOPLE.admin, 'shili.staff.1', { role: 'street', jurisdiction: 'yongning', streets: [ESTATE.townshipId] })).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await app.store.getUser('shili.staff.1'))?.grants).toEqual([{ role: 'street', jurisdiction: 'shili', streets: ['shili.t1'] }]);
  });

  it('attack: 示例县’s admin cannot reach into Yongning through a grant of its own county', async () => {
    for (const [i, g] of ([
      { role: 'grid', jurisdiction: 'shili', estates: [ESTATE.id] },
      { role: 'street', jurisdiction: 'shili', streets: [ESTATE.townshipId] },
      { role: 'street', jurisdiction: 'yongning', streets: [ESTATE.townshipId] },
    ] as RoleGrant[]).entries()) {
      expect((await put(shiliAdmin, `y.staff.${i}`, g)).error?.code).toBe('AUTH.FORBIDDEN');
      expect(await app.store.getUser(`y.staff.${i}`)).toBeNull();
    }
  });
});
