/**
 * Staff onboarding on the CloudBase path (issue 15 §3): the function entries (cloudbaseMain) with
 * the caller's WeChat context as CloudBase passes it, the real @cloudbase/node-sdk and the loopback
 * server (the declared collections and unique indexes only). A first admin bootstraps with the
 * deploy-time code, creates a staff record and an invitation; a resident who already reported a
 * problem redeems it from their own WeChat, and their next call is the staff member.
 */
import { cloudbaseMain } from '../../../cloudfunctions/_adapters/cloudbase/main';
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import { CloudbaseLoopback } from '../../support/cloudbase-loopback';
import { JINXIU_DOC } from '../../support/fixtures';

const CODE = 'cloudbase-bootstrap-code-0001';
let loopback: CloudbaseLoopback;
let previousCode: string | undefined;

beforeEach(async () => {
  loopback = await CloudbaseLoopback.start();
  previousCode = process.env.BOOTSTRAP_ADMIN_CODE;
  // Read by cloudbaseDeps, as the admin function reads its environment variable.
  process.env.BOOTSTRAP_ADMIN_CODE = CODE;
});

afterEach(async () => {
  if (previousCode === undefined) delete process.env.BOOTSTRAP_ADMIN_CODE;
  else process.env.BOOTSTRAP_ADMIN_CODE = previousCode;
  await loopback.close();
});

type Answer = { ok: boolean; data?: any; error?: { code: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
const wxContext = (openid: string) => ({ environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: 'wx-test' }) });
const usersWith = (openid: string) => loopback.docs('users').filter((u) => u.openid === openid);
const staffInvitation = () => loopback.docs('invitations').find((d) => d.kind === 'staff');

it('bootstrap → staff record → invitation → redeem from the resident’s own WeChat → the next call is the staff member', async () => {
  const adminMain = cloudbaseMain(admin, loopback.sdkOptions());
  const reportMain = cloudbaseMain(report, loopback.sdkOptions());
  const call = async (main: typeof adminMain, openid: string, action: string, data: unknown) => (await main({ action, data }, wxContext(openid))) as Answer;
  loopback.seed('estates', [JINXIU_DOC]);

  // The first admin of the deployment.
  const boot = await call(adminMain, 'oADMIN', 'bootstrap', { code: CODE, name: '县住建局管理员', jurisdiction: 'yongning' });
  expect(boot.ok).toBe(true);
  expect(usersWith('oADMIN')).toEqual([expect.objectContaining({ grants: [{ role: 'admin', jurisdiction: 'yongning' }], name: '县住建局管理员' })]);
  expect((await call(adminMain, 'oSOMEONE', 'bootstrap', { code: CODE, name: '第二个', jurisdiction: 'yongning' })).error?.code).toBe('BOOTSTRAP.DONE');

  // A staff record without an openid, then its invitation.
  const staff = { id: 'yn-grid-new', name: '新网格员', phone: null, grants: [{ role: 'grid', jurisdiction: 'yongning', estates: ['yn-jinxiu'] }] };
  expect((await call(adminMain, 'oADMIN', 'putUser', staff)).ok).toBe(true);
  const invitation = await call(adminMain, 'oADMIN', 'createInvitation', { userId: staff.id });
  expect(invitation.ok).toBe(true);
  const { code } = invitation.data as { code: string };
  // Its mini-program code: wxacode.getUnlimited through wx-server-sdk, opening the invite page with the code as scene.
  expect(loopback.wxCalls.find((c) => c.apiName === 'wxacode.getUnlimited')?.requestData).toMatchObject({ scene: code, page: 'pages/invite/index' });
  expect(invitation.data.qrImage).toMatch(/^data:image\/[a-z]+;base64,/);
  expect(JSON.stringify(loopback.docs('invitations'))).not.toContain(code);
  // The bootstrap's record of its code, and the open invitation.
  expect(loopback.docs('invitations').map((d) => d.kind)).toEqual(['bootstrap', 'staff']);
  expect(staffInvitation()).toEqual(expect.objectContaining({ userId: staff.id, openUserId: staff.id, usedAt: null }));

  // The future grid worker has used the app as a resident and reported a problem.
  const submitted = await call(reportMain, 'oSTAFF', 'submit', { idempotencyKey: 'cb-invite-0001', estateId: 'yn-jinxiu', category: 'fly-wire', description: '3号楼有人从窗户拉电线给电动车充电' });
  expect(submitted.ok).toBe(true);
  const residentId = submitted.data.ticket.reporter.userId as string;
  expect(usersWith('oSTAFF').map((u) => u._id)).toEqual([residentId]);

  // Redeemed from the resident's WeChat; the openid in the body is an attacker's and is ignored.
  const redeemed = await call(reportMain, 'oSTAFF', 'redeemInvitation', { code, openid: 'oATTACKER' });
  expect(redeemed).toEqual({ ok: true, data: { userId: staff.id, name: staff.name, roles: ['grid'] } });
  expect(usersWith('oSTAFF').map((u) => u._id)).toEqual([staff.id]);
  expect(usersWith('oATTACKER')).toEqual([]);
  expect(loopback.requests.map((r) => r.action)).toContain('database.commitTransaction');

  // The next call resolves to the staff record; the resident record kept its ticket, without the openid.
  const me = await call(reportMain, 'oSTAFF', 'me', {});
  expect(me.data).toEqual({ signedIn: true, userId: staff.id, name: staff.name, roles: ['grid'] });
  const residentDoc = loopback.docs('users').find((u) => u._id === residentId);
  expect(residentDoc).toBeDefined();
  expect(residentDoc).not.toHaveProperty('openid');
  expect(loopback.docs('tickets').map((t) => (t.reporter as { userId: string }).userId)).toEqual([residentId]);
  expect(staffInvitation()).not.toHaveProperty('openUserId');

  // One use only, for the staff member and for anyone else.
  expect((await call(reportMain, 'oSTAFF', 'redeemInvitation', { code })).error?.code).toBe('INVITE.USED');
  expect((await call(reportMain, 'oOTHER', 'redeemInvitation', { code })).error?.code).toBe('INVITE.USED');
  expect(usersWith('oSTAFF').map((u) => u._id)).toEqual([staff.id]);
});

it('limits guessing on CloudBase too: the failures are counted in invitation_failures', async () => {
  const reportMain = cloudbaseMain(report, loopback.sdkOptions());
  const guess = (n: number) => `guessed-invitation-code-${String(n).padStart(4, '0')}`;
  for (let n = 0; n < 5; n++) expect(((await reportMain({ action: 'redeemInvitation', data: { code: guess(n) } }, wxContext('oGUESSER'))) as Answer).error?.code).toBe('INVITE.UNKNOWN');
  expect(((await reportMain({ action: 'redeemInvitation', data: { code: guess(5) } }, wxContext('oGUESSER'))) as Answer).error?.code).toBe('RATE.LIMITED');
  expect(loopback.docs('invitation_failures')).toHaveLength(5);
});
