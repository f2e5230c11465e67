/**
 * Demo staff of the counties admins created (local/demo/created.ts, issue 19): after Yinchuan's
 * admin brought 示例县 (a test fixture, not a real place) live, with its grids, the next demo seed
 * gives it the demo users a bundled jurisdiction has, each granted by the county's own imported
 * townships, estates, grids and units; the seed stays idempotent; a county not live yet gets none;
 * and such a demo officer's phone is given 示例县's directory (ticket.jurisdictionDirectory).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { ticket } from '../../../cloudfunctions/_app/functions/ticket';
import { createdDemoUsers } from '../../../local/demo/created';
import { seedDemo } from '../../../local/demo';
import type { User } from '../../../shared/domain/directory';
import { identityOf, makeApp, type TestApp } from '../../support/app';
import { onboardShili } from '../../fixtures/county/onboard-shili';

jest.setTimeout(60_000);

const cityAdmin: User = { id: 'u-admin-yc', openid: null, name: '银川管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'yinchuan' }], demo: false };
let app: TestApp;
const grantsOf = async (id: string) => (await app.store.getUser(id))?.grants;

beforeEach(async () => {
  app = await makeApp();
  await app.store.putUser(cityAdmin);
});
afterEach(() => app.close());

it('a created county that is not live yet has no demo staff', async () => {
  expect((await admin(app.deps, { identity: identityOf(cityAdmin) }, { action: 'createJurisdiction', data: { id: 'shili', name: '示例县', level: 'county', parent: 'yinchuan' } })).envelope.ok).toBe(true);
  expect(await createdDemoUsers(app.store)).toEqual([]);
});

it('the next seed staffs 示例县 from its own imported table, once', async () => {
  await onboardShili(app.deps, cityAdmin, '2026-11-23');
  const grids = readFileSync(join(__dirname, '../../fixtures/county/shili-grids.csv')).toString('base64');
  expect((await admin(app.deps, { identity: identityOf(cityAdmin) }, { action: 'importGrids', data: { jurisdiction: 'shili', fileName: 'g.csv', contentBase64: grids } })).envelope.ok).toBe(true);
  const shiliGrid = (await app.store.listGrids({ jurisdiction: 'shili' })).find((g) => g.name === '示例街道第一网格')!;

  const first = await seedDemo(app.store, app.clock, { tickets: false });
  expect(first.written.users).toBeGreaterThan(0);
  expect(await grantsOf('demo.shili.admin')).toEqual([{ role: 'admin', jurisdiction: 'shili' }]);
  expect(await grantsOf('demo.shili.leadership')).toEqual([{ role: 'leadership', jurisdiction: 'shili', units: ['shili.u1'] }]);
  // A street officer per township with estates (示例西乡 has none).
  expect(await grantsOf('demo.street.shili.t1')).toEqual([{ role: 'street', jurisdiction: 'shili', streets: ['shili.t1'] }]);
  expect(await grantsOf('demo.street.shili.t2')).toEqual([{ role: 'street', jurisdiction: 'shili', streets: ['shili.t2'] }]);
  expect(await app.store.getUser('demo.street.shili.t3')).toBeNull();
  expect(await grantsOf(`demo.grid.${shiliGrid.id}`)).toEqual([{ role: 'grid', jurisdiction: 'shili', estates: ['sl-shhy', 'sl-shjy'], grids: [shiliGrid.id] }]);
  expect(await grantsOf('demo.shili.police')).toEqual([{ role: 'police', jurisdiction: 'shili', units: ['shili.u7'], estates: ['sl-dzya', 'sl-shhy', 'sl-shjy'] }]);
  expect(await grantsOf('demo.property.pc-shili')).toEqual([{ role: 'property', jurisdiction: 'shili', company: 'pc-shili', estates: ['sl-shhy', 'sl-shjy'] }]);
  // The units 示例县's list routes its estates' reports to are staffed, e.g. its 住建局 (飞线充电's lead).
  expect(await grantsOf('demo.dept.shili.u3')).toEqual([{ role: 'department', jurisdiction: 'shili', units: ['shili.u3'] }]);
  expect((await app.store.getUser('demo.shili.admin'))?.demo).toBe(true);

  expect((await seedDemo(app.store, app.clock, { tickets: false })).written.users).toBe(0);

  // Signed in as that street officer, the phone is given 示例县's directory.
  const street = (await app.store.getUser('demo.street.shili.t1'))!;
  const answer = (await ticket(app.deps, { identity: identityOf(street) }, { action: 'jurisdictionDirectory', data: {} })).envelope as { data: { lists: Array<{ id: string }> } };
  expect(answer.data.lists.map((l) => l.id)).toEqual(['shili']);
});
