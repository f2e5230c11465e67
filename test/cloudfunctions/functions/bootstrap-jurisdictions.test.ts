/**
 * admin.bootstrap for created jurisdictions (issue 19; usecases/invitations.ts). The deploy-time
 * code makes the first admin of a jurisdiction no admin covers: a top-level county the operator
 * created with the CLI (createTopLevelJurisdiction, local/cli/county.ts `create` without --parent)
 * in a deployment whose other jurisdictions already have admins. Attacks stopped: a second
 * bootstrap there, a bootstrap of a county its city's admin covers, and an id that is no
 * jurisdiction (refused before the code is spent). 示例县 is a test fixture, not a real place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { createTopLevelJurisdiction } from '../../../cloudfunctions/_app/usecases/county';
import type { User } from '../../../shared/domain/directory';
import type { Identity } from '../../../shared/domain/roles';
import type { Store } from '../../../shared/ports/store';
import { identityOf, makeApp, makeCloudbaseApp, type TestApp } from '../../support/app';

const CODE = 'deploy-time-secret-for-shili-0001';
const operatorsPick: Identity = { userId: 'u-first-sl', openid: 'o-first-sl', grants: [] };
const someoneElse: Identity = { userId: 'u-other', openid: 'o-other', grants: [] };
const cityAdmin: User = { id: 'u-admin-yc', openid: null, name: '银川管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'yinchuan' }], demo: false };

type Answer = { ok: boolean; data?: { userId: string; roles: string[]; jurisdiction: string }; error?: { code: string } };
let app: TestApp<Store>;
const call = async (who: Identity, action: string, data: unknown) => (await admin(app.deps, { identity: who }, { action, data })).envelope as Answer;
const bootstrap = (who: Identity, jurisdiction: string, code = CODE) => call(who, 'bootstrap', { code, name: '示例县管理员', jurisdiction });

async function open(make: () => Promise<TestApp<Store>> = makeApp) {
  app = await make(); // the harness has Yongning's admin
  await app.store.putUser(cityAdmin);
  for (const u of [operatorsPick, someoneElse]) await app.store.putUser({ id: u.userId, openid: u.openid ?? null, name: '', phone: null, grants: [], demo: false });
  app.deps.config.bootstrapAdminCode = CODE;
}
afterEach(() => app.close());

describe('admin.bootstrap of a created jurisdiction', () => {
  beforeEach(() => open());

  it('makes the first admin of a top-level county the operator created, who then administers it', async () => {
    await createTopLevelJurisdiction(app.deps, 'cli', { id: 'shili', name: '示例县', level: 'county' });
    const res = await bootstrap(operatorsPick, 'shili');
    expect(res).toEqual({ ok: true, data: { userId: operatorsPick.userId, name: '示例县管理员', roles: ['admin'], jurisdiction: 'shili' } });
    const made = (await app.store.getUser(operatorsPick.userId))!;
    expect(made.grants).toEqual([{ role: 'admin', jurisdiction: 'shili' }]);
    // The new admin brings the county on: its unit table is accepted from them.
    const units = await call(identityOf(made), 'importUnits', { jurisdiction: 'shili', fileName: 'u.csv', contentBase64: readFileSync(join(__dirname, '../../fixtures/county/shili-units.csv')).toString('base64') });
    expect(units.ok).toBe(true);
  });

  it('attack: once 示例县 has its admin, a second bootstrap there is refused, even with a fresh code', async () => {
    await createTopLevelJurisdiction(app.deps, 'cli', { id: 'shili', name: '示例县', level: 'county' });
    expect((await bootstrap(operatorsPick, 'shili')).ok).toBe(true);
    app.deps.config.bootstrapAdminCode = 'another-deploy-time-secret-0002';
    expect((await bootstrap(someoneElse, 'shili', 'another-deploy-time-secret-0002')).error?.code).toBe('BOOTSTRAP.DONE');
    expect((await app.store.getUser(someoneElse.userId))?.grants).toEqual([]);
  });

  it('attack: a county created under Yinchuan is its city admin’s to staff, not the code’s', async () => {
    expect((await call(identityOf(cityAdmin), 'createJurisdiction', { id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan' })).ok).toBe(true);
    expect((await bootstrap(someoneElse, 'shili')).error?.code).toBe('BOOTSTRAP.DONE');
    expect((await bootstrap(someoneElse, 'yinchuan')).error?.code).toBe('BOOTSTRAP.DONE');
    expect((await app.store.getUser(someoneElse.userId))?.grants).toEqual([]);
  });

  it('refuses an id that is no jurisdiction without spending the code', async () => {
    const res = await bootstrap(operatorsPick, 'shilli');
    expect(res.error?.code).toBe('NOT_FOUND');
    expect((await app.store.getUser(operatorsPick.userId))?.grants).toEqual([]);
    await createTopLevelJurisdiction(app.deps, 'cli', { id: 'shili', name: '示例县', level: 'county' });
    expect((await bootstrap(operatorsPick, 'shili')).ok).toBe(true);
  });

  it('a wrong code is refused for a created jurisdiction as for a bundled one', async () => {
    await createTopLevelJurisdiction(app.deps, 'cli', { id: 'shili', name: '示例县', level: 'county' });
    expect((await bootstrap(operatorsPick, 'shili', `${CODE.slice(0, -1)}X`)).error?.code).toBe('BOOTSTRAP.INVALID');
    expect((await app.store.getUser(operatorsPick.userId))?.grants).toEqual([]);
  });
});

/** Where no CLI reaches the store (CloudBase), the code's holder creates the top-level county in the same act. */
describe.each([
  ['SQLite', makeApp as () => Promise<TestApp<Store>>],
  ['the CloudBase loopback', makeCloudbaseApp],
])('admin.bootstrap with create, on %s', (_name, make) => {
  beforeEach(() => open(make));

  it('creates the top-level county and makes the caller its first admin, who then administers it', async () => {
    const res = await call(operatorsPick, 'bootstrap', { code: CODE, name: '示例县管理员', jurisdiction: 'shili', create: { name: '示例县', level: 'county' } });
    expect(res.ok).toBe(true);
    expect((await app.store.listJurisdictions()).map((j) => [j.id, j.name, j.level, j.parent, j.createdBy])).toEqual([['shili', '示例县', 'county', null, operatorsPick.userId]]);
    const made = (await app.store.getUser(operatorsPick.userId))!;
    expect(made.grants).toEqual([{ role: 'admin', jurisdiction: 'shili' }]);
    const units = await call(identityOf(made), 'importUnits', { jurisdiction: 'shili', fileName: 'u.csv', contentBase64: readFileSync(join(__dirname, '../../fixtures/county/shili-units.csv')).toString('base64') });
    expect(units.ok).toBe(true);
  });

  it('refuses to create an id that exists (bundled or created), without spending the code or changing anything', async () => {
    for (const id of ['yongning', 'yinchuan']) {
      expect((await call(someoneElse, 'bootstrap', { code: CODE, name: '冒充者', jurisdiction: id, create: { name: '示例县', level: 'county' } })).error?.code).toBe('JURISDICTION.EXISTS');
    }
    expect(await app.store.listJurisdictions()).toEqual([]);
    expect((await app.store.getUser(someoneElse.userId))?.grants).toEqual([]);
    expect((await call(operatorsPick, 'bootstrap', { code: CODE, name: '示例县管理员', jurisdiction: 'shili', create: { name: '示例县', level: 'county' } })).ok).toBe(true);
    // And not again: the county exists now.
    app.deps.config.bootstrapAdminCode = 'another-deploy-time-secret-0002';
    expect((await call(someoneElse, 'bootstrap', { code: 'another-deploy-time-secret-0002', name: '冒充者', jurisdiction: 'shili', create: { name: '示例县', level: 'county' } })).error?.code).toBe('JURISDICTION.EXISTS');
  });

  it('a wrong code creates nothing', async () => {
    expect((await call(someoneElse, 'bootstrap', { code: `${CODE.slice(0, -1)}X`, name: '冒充者', jurisdiction: 'shili', create: { name: '示例县', level: 'county' } })).error?.code).toBe('BOOTSTRAP.INVALID');
    expect(await app.store.listJurisdictions()).toEqual([]);
  });
});
