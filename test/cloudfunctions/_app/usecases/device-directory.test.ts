/**
 * ticket.jurisdictionDirectory (issue 19): what a staff member's phone is given to name a created
 * county's units, through the real `ticket` function on SQLite after 示例县 (a test fixture, not a
 * real place) was brought live by its city's admin. Scoped by the caller's grants from the platform
 * context: attacks stopped are another county's staff (and its admin) reading 示例县's directory,
 * with or without ids in the body, and a resident reading any.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin } from '../../../../cloudfunctions/_app/functions/admin';
import { ticket } from '../../../../cloudfunctions/_app/functions/ticket';
import type { User } from '../../../../shared/domain/directory';
import type { RoleGrant } from '../../../../shared/domain/roles';
import type { JurisdictionList } from '../../../../shared/jurisdictions';
import { identityOf, makeApp, MORE_PEOPLE, PEOPLE, type TestApp } from '../../../support/app';
import { onboardShili } from '../../../fixtures/county/onboard-shili';

jest.setTimeout(30_000);

const staff = (id: string, grants: RoleGrant[]): User => ({ id, openid: null, name: id, phone: null, grants, demo: false });
const cityAdmin = staff('u-admin-yc', [{ role: 'admin', jurisdiction: 'yinchuan' }]);
const shiliGrid = staff('u-grid-sl', [{ role: 'grid', jurisdiction: 'shili', estates: ['sl-shhy'] }]);
const shiliResident = staff('u-res-sl', [{ role: 'resident', jurisdiction: 'shili', estates: ['sl-shhy'] }]);

type Answer = { ok: boolean; data?: { revision: string; unchanged: boolean; lists?: JurisdictionList[] }; error?: { code: string } };

let app: TestApp;
const ask = async (u: User, data: unknown = {}): Promise<Answer> => (await ticket(app.deps, { identity: identityOf(u) }, { action: 'jurisdictionDirectory', data })).envelope as Answer;
const ids = (a: Answer) => (a.data?.lists ?? []).map((l) => l.id);

beforeEach(async () => {
  app = await makeApp();
  await app.store.putUser(cityAdmin);
});
afterEach(() => app.close());

describe('ticket.jurisdictionDirectory', () => {
  it('gives 示例县’s staff its list once it is live: unit and township names as its unit table names them', async () => {
    expect(ids(await ask(shiliGrid))).toEqual([]); // created later: nothing yet
    await onboardShili(app.deps, cityAdmin, '2026-11-23');
    const answer = await ask(shiliGrid);
    expect(answer.ok).toBe(true);
    expect(ids(answer)).toEqual(['shili']);
    const list = answer.data!.lists![0]!;
    expect(list.name).toBe('示例县');
    expect(list.parent).toBe('yinchuan');
    expect(list.departments.find((d) => d.id === 'shili.u3')?.name).toBe('示例县住房和城乡建设局');
    expect(list.townships.map((t) => t.name)).toEqual(['示例街道', '示例东镇', '示例西乡']);
    expect(list.departments.find((d) => d.id === list.leadershipOffice)?.name).toBe('示例县物业管理工作领导小组办公室');
    // Nobody's user id travels with it (the records' createdBy / updatedBy stay on the server).
    expect(JSON.stringify(answer)).not.toContain(cityAdmin.id);
  });

  it('a city-wide officer of Yinchuan gets the counties created under the city', async () => {
    await onboardShili(app.deps, cityAdmin, '2026-11-23');
    expect(ids(await ask(MORE_PEOPLE.cityLeadership))).toEqual(['shili']);
    expect(ids(await ask(cityAdmin))).toEqual(['shili']);
  });

  it('attack: another county’s staff and admin get nothing of 示例县, even naming it in the body', async () => {
    await onboardShili(app.deps, cityAdmin, '2026-11-23');
    for (const u of [PEOPLE.housing, PEOPLE.grid, PEOPLE.police, PEOPLE.leadership, PEOPLE.admin, PEOPLE.property, PEOPLE.hotline, MORE_PEOPLE.qitaiLeadership]) {
      const answer = await ask(u, { jurisdiction: 'shili', grants: shiliGrid.grants, userId: shiliGrid.id });
      expect({ who: u.id, ok: answer.ok, lists: ids(answer) }).toEqual({ who: u.id, ok: true, lists: [] });
    }
  });

  it('attack: a resident (with or without a resident grant there) is refused and gets no list', async () => {
    await onboardShili(app.deps, cityAdmin, '2026-11-23');
    for (const u of [PEOPLE.resident, shiliResident]) {
      const answer = await ask(u);
      expect(answer.error?.code).toBe('AUTH.FORBIDDEN');
      expect(answer.data).toBeUndefined();
    }
    expect(((await ticket(app.deps, { identity: null }, { action: 'jurisdictionDirectory', data: {} })).envelope as Answer).error?.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('answers unchanged to the revision the phone kept, and the whole directory again once the units are re-imported', async () => {
    await onboardShili(app.deps, cityAdmin, '2026-11-23');
    const first = await ask(shiliGrid);
    const kept = first.data!.revision;
    expect(kept).toMatch(/^[0-9a-f]{16}$/);
    expect(await ask(shiliGrid, { revision: kept })).toEqual({ ok: true, data: { revision: kept, unchanged: true } });
    // Yongning's grid worker has another (empty) directory: its revision is not 示例县's.
    expect((await ask(PEOPLE.grid)).data!.revision).not.toBe(kept);
    app.clock.advance(60_000);
    const units = readFileSync(join(__dirname, '../../../fixtures/county/shili-units.csv')).toString('base64');
    const again = (await admin(app.deps, { identity: identityOf(cityAdmin) }, { action: 'importUnits', data: { jurisdiction: 'shili', fileName: 'u.csv', contentBase64: units } })).envelope as { ok: boolean };
    expect(again.ok).toBe(true);
    const moved = await ask(shiliGrid, { revision: kept });
    expect(moved.data?.unchanged).toBe(false);
    expect(moved.data?.revision).not.toBe(kept);
    expect(ids(moved)).toEqual(['shili']);
  });

  it('refuses a malformed revision with INPUT.INVALID', async () => {
    expect((await ask(shiliGrid, { revision: 'x'.repeat(500) })).error?.code).toBe('INPUT.INVALID');
  });
});
