/**
 * A runtime without demo mode takes its sessions from an identity provider (Runtime.sessions), one
 * per WeChat account. Redeeming an invitation moves that account's openid from the caller's record
 * to the staff record (cloudfunctions/_app/usecases/invitations.ts); on CloudBase the next call is
 * then the staff record, because identity is read from the openid each call. The local session
 * must follow the openid the same way: before the fix it kept acting as the emptied resident
 * record, so the invite page's 正在进入工作台 opened a workbench with nothing of the new role (seen
 * in test/e2e/county-staff.test.ts).
 */
import type { User } from '../../../shared/domain/directory';
import { startTestRuntime, type TestRuntime } from './support';

let t: TestRuntime;

const admin: User = { id: 'op.yongning.admin', openid: 'o-admin', name: '永宁管理员', phone: null, demo: false, grants: [{ role: 'admin', jurisdiction: 'yongning' }] };
const holder: User = { id: 'wx.first-visit', openid: 'o-new-officer', name: '', phone: null, demo: false, grants: [] };

beforeEach(async () => {
  t = await startTestRuntime({ demo: false });
  await t.rt.deps.store.putUser(admin);
  await t.rt.deps.store.putUser(holder);
});
afterEach(() => t.stop());

async function invite(): Promise<string> {
  const adminToken = t.rt.sessions.signIn(admin.id);
  const staff = { id: 'yongning.staff.zjj1', name: '王办事', phone: null, grants: [{ role: 'department', jurisdiction: 'yongning', units: ['yongning.zjj'] }] };
  expect((await t.call('admin', 'putUser', staff, adminToken)).body.ok).toBe(true);
  const created = await t.call('admin', 'createInvitation', { userId: staff.id }, adminToken);
  expect(created.body.ok).toBe(true);
  return created.body.data.code as string;
}

test('after redeeming, the same session acts as the staff record that now holds its openid', async () => {
  const code = await invite();
  const token = t.rt.sessions.signIn(holder.id);
  expect((await t.call('report', 'me', {}, token)).body.data).toMatchObject({ userId: holder.id, roles: [] });
  const redeemed = await t.call('report', 'redeemInvitation', { code }, token);
  expect(redeemed.status).toBe(200);
  expect(redeemed.body.data).toMatchObject({ userId: 'yongning.staff.zjj1', roles: ['department'] });

  // The next call with the same token is the department officer, not the emptied first-visit record.
  const me = await t.call('report', 'me', {}, token);
  expect(me.body.data).toMatchObject({ signedIn: true, userId: 'yongning.staff.zjj1', roles: ['department'] });
});

test('a refused redeem leaves the session where it was', async () => {
  await invite();
  const token = t.rt.sessions.signIn(holder.id);
  const refused = await t.call('report', 'redeemInvitation', { code: 'A'.repeat(22) }, token);
  expect(refused.status).toBe(404);
  expect(refused.body.error.code).toBe('INVITE.UNKNOWN');
  expect(t.rt.sessions.userIdOf(token)).toBe(holder.id);
});
