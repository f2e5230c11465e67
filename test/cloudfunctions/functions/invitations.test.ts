/**
 * Staff onboarding without openids (issue 15 §3), attack by attack, on the real handlers and the
 * real SQLite store (test/support/app.ts). The caller's identity stands in for the WeChat context;
 * an openid or user id in the body is what an attacker would send and must change nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { admin } from '../../../cloudfunctions/_app/functions/admin';
import { report } from '../../../cloudfunctions/_app/functions/report';
import type { FunctionHandler } from '../../../cloudfunctions/_app/router';
import type { User } from '../../../shared/domain/directory';
import type { Identity } from '../../../shared/domain/roles';
import { identityOf, makeApp, newKey, NOW, PEOPLE, REPORT, type TestApp } from '../../support/app';

let app: TestApp;
beforeEach(async () => {
  app = await makeApp();
});
afterEach(() => app.close());

type Answer = { ok: boolean; data?: any; error?: { code: string; message: string }; status: number }; // eslint-disable-line @typescript-eslint/no-explicit-any
const as = async (identity: Identity | null, fn: FunctionHandler, action: string, data: unknown): Promise<Answer> => {
  const { envelope, status } = await fn(app.deps, { identity }, { action, data });
  return { ...(envelope as Omit<Answer, 'status'>), status };
};
/** Code and HTTP status of a refusal (the local gateway answers with this status). */
const refusal = (a: Answer) => [a.error?.code, a.status];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const guess = () => randomBytes(16).toString('base64url');
const HOUR = 3_600_000;

const wuzhongAdmin: User = { id: 'u-admin-wz', openid: null, name: '吴忠管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'wuzhong' }], demo: false };
const cityAdmin: User = { id: 'u-admin-yc', openid: null, name: '银川管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'yinchuan' }], demo: false };
const invite = (userId = PEOPLE.grid.id, extra: Record<string, unknown> = {}) => app.call(admin, 'admin', 'createInvitation', { userId, ...extra });
const redeem = (identity: Identity, code: string) => as(identity, report, 'redeemInvitation', { code });
const resident = identityOf(PEOPLE.resident);

describe('admin.createInvitation', () => {
  it('answers a 128-bit code shown once, its expiry (72 h) and the invite page path; the store keeps only the hash', async () => {
    const res = await invite();
    expect(res.ok).toBe(true);
    const { code } = res.data;
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(code, 'base64url')).toHaveLength(16);
    expect(res.data).toEqual({
      userId: PEOPLE.grid.id,
      name: PEOPLE.grid.name,
      code,
      expiresAt: new Date(Date.parse(NOW) + 72 * HOUR).toISOString(),
      path: `pages/invite/index?code=${code}`,
      scene: code,
      qrImage: null,
      rebinds: false,
    });
    expect(await app.store.getInvitation(sha256(code))).toMatchObject({ userId: PEOPLE.grid.id, createdBy: PEOPLE.admin.id, usedAt: null });
    const stored = app.store.db.prepare('SELECT id, doc FROM invitations').all() as Array<{ id: string; doc: string }>;
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(code);
    // Two invitations never share a code.
    expect((await invite()).data.code).not.toBe(code);
  });

  it('answers the mini-program code of the invite page with the code as its scene, where the platform makes one (fake at the platform edge)', async () => {
    const asked: Array<{ scene: string; page: string }> = [];
    app.deps.codes = {
      unlimited: async (input) => {
        asked.push(input);
        return { contentType: 'image/jpeg', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]) };
      },
    };
    const res = await invite();
    expect(asked).toEqual([{ scene: res.data.code, page: 'pages/invite/index' }]);
    expect(res.data.code.length).toBeLessThanOrEqual(32);
    expect(res.data.qrImage).toBe('data:image/jpeg;base64,/9j/2Q==');
  });

  it('takes a shorter lifetime and refuses one over 14 days', async () => {
    expect((await invite(PEOPLE.grid.id, { ttlHours: 336 })).data.expiresAt).toBe(new Date(Date.parse(NOW) + 336 * HOUR).toISOString());
    const tooLong = await invite(PEOPLE.grid.id, { ttlHours: 337 });
    expect(tooLong.error?.code).toBe('INPUT.INVALID');
  });

  it('refuses an admin of another jurisdiction inviting a Yongning staff member, and writes nothing', async () => {
    const res = await as(identityOf(wuzhongAdmin), admin, 'createInvitation', { userId: PEOPLE.grid.id });
    expect(refusal(res)).toEqual(['AUTH.FORBIDDEN', 403]);
    expect(await app.store.findOpenInvitation(PEOPLE.grid.id)).toBeNull();
    // The city administers its county.
    expect((await as(identityOf(cityAdmin), admin, 'createInvitation', { userId: PEOPLE.grid.id })).ok).toBe(true);
  });

  it('refuses a staff record with a grant outside the admin’s jurisdictions, a resident’s record, non-admins and unknown users', async () => {
    const twoPlaces: User = { ...PEOPLE.grid, id: 'u-two-places', grants: [...PEOPLE.grid.grants, { role: 'grid', jurisdiction: 'qitai' }] };
    await app.store.putUser(twoPlaces);
    expect((await invite(twoPlaces.id)).error?.code).toBe('AUTH.FORBIDDEN');
    expect((await invite(PEOPLE.resident.id)).error?.code).toBe('AUTH.FORBIDDEN');
    for (const who of ['resident', 'grid', 'street', 'leadership'] as const) {
      expect((await app.call(admin, who, 'createInvitation', { userId: PEOPLE.grid.id })).error?.code).toBe('AUTH.FORBIDDEN');
    }
    expect((await app.call(admin, null, 'createInvitation', { userId: PEOPLE.grid.id })).error?.code).toBe('AUTH.UNAUTHENTICATED');
    expect((await invite('u-nobody')).error?.code).toBe('NOT_FOUND');
    expect(await app.store.findOpenInvitation(PEOPLE.grid.id)).toBeNull();
    expect(await app.store.findOpenInvitation(twoPlaces.id)).toBeNull();
  });
});

describe('report.redeemInvitation', () => {
  it('binds the caller’s own openid (a spoofed openid and user id in the body are ignored); the resident record keeps its tickets', async () => {
    const submitted = await app.call(report, 'resident', 'submit', { ...REPORT, idempotencyKey: newKey() });
    expect(submitted.ok).toBe(true);
    const { code } = (await invite()).data;
    const res = await as(resident, report, 'redeemInvitation', { code, openid: 'oATTACKER', userId: PEOPLE.admin.id });
    expect(res).toEqual({ ok: true, data: { userId: PEOPLE.grid.id, name: PEOPLE.grid.name, roles: ['grid'] }, status: 200 });
    expect(await app.store.getUser(PEOPLE.grid.id)).toEqual({ ...PEOPLE.grid, openid: PEOPLE.resident.openid });
    expect((await app.store.getUserByOpenid(PEOPLE.resident.openid as string))?.id).toBe(PEOPLE.grid.id);
    expect(await app.store.getUserByOpenid('oATTACKER')).toBeNull();
    expect(await app.store.getUser(PEOPLE.admin.id)).toEqual(PEOPLE.admin);
    // The binding rule: the resident record loses the openid and keeps everything else.
    expect(await app.store.getUser(PEOPLE.resident.id)).toEqual({ ...PEOPLE.resident, openid: null });
    const mine = await app.store.queryTickets({ reporterUserId: PEOPLE.resident.id }, { limit: 10 });
    expect(mine.items.map((t) => t.id)).toEqual([submitted.data.ticket.id]);
    expect((await app.store.getInvitation(sha256(code)))?.usedAt).toBe(NOW);
  });

  it('refuses a resident redeeming twice: the code is used (409 INVITE.USED), also for anyone else', async () => {
    const { code } = (await invite()).data;
    expect((await redeem(resident, code)).ok).toBe(true);
    const again = await redeem(resident, code);
    expect(refusal(again)).toEqual(['INVITE.USED', 409]);
    const other = await redeem(identityOf(PEOPLE.otherResident), code);
    expect(other.error?.code).toBe('INVITE.USED');
    expect(await app.store.getUser(PEOPLE.otherResident.id)).toEqual(PEOPLE.otherResident);
    expect((await app.store.getUser(PEOPLE.grid.id))?.openid).toBe(PEOPLE.resident.openid);
  });

  it('refuses an expired code (410 INVITE.EXPIRED) and binds nothing', async () => {
    const { code } = (await invite(PEOPLE.grid.id, { ttlHours: 1 })).data;
    app.clock.advance(HOUR);
    const res = await redeem(resident, code);
    expect(refusal(res)).toEqual(['INVITE.EXPIRED', 410]);
    expect(await app.store.getUser(PEOPLE.grid.id)).toEqual(PEOPLE.grid);
    expect(await app.store.getUser(PEOPLE.resident.id)).toEqual(PEOPLE.resident);
  });

  it('refuses a guessed code (404 INVITE.UNKNOWN) and a code replaced by a newer invitation (410 INVITE.REVOKED)', async () => {
    expect(refusal(await redeem(resident, guess()))).toEqual(['INVITE.UNKNOWN', 404]);
    const first = (await invite()).data.code;
    const second = (await invite()).data.code;
    expect(refusal(await redeem(resident, first))).toEqual(['INVITE.REVOKED', 410]);
    expect(await app.store.getUser(PEOPLE.grid.id)).toEqual(PEOPLE.grid);
    expect((await redeem(resident, second)).ok).toBe(true);
  });

  it('limits guessing: after 5 failed redeems in an hour even the right code is refused (429 RATE.LIMITED), per caller', async () => {
    const { code } = (await invite()).data;
    for (let i = 0; i < 5; i++) expect((await redeem(resident, guess())).error?.code).toBe('INVITE.UNKNOWN');
    expect(refusal(await redeem(resident, code))).toEqual(['RATE.LIMITED', 429]);
    expect((await app.store.getUser(PEOPLE.grid.id))?.openid).toBeNull();
    // Another caller is not held back by this one's failures.
    expect((await redeem(identityOf(PEOPLE.otherResident), guess())).error?.code).toBe('INVITE.UNKNOWN');
    app.clock.advance(HOUR + 1);
    expect((await redeem(resident, code)).ok).toBe(true);
  });

  it('refuses an openid already bound to another staff record (409 INVITE.OPENID_TAKEN) and moves nothing', async () => {
    const bound: User = { ...PEOPLE.housing, id: 'u-zjj-bound', openid: 'o-staff-bound' };
    await app.store.putUser(bound);
    const { code } = (await invite()).data;
    const res = await redeem(identityOf(bound), code);
    expect(refusal(res)).toEqual(['INVITE.OPENID_TAKEN', 409]);
    expect(res.error && res.error.message).toBe('该微信账号已绑定其他工作人员账号');
    expect(await app.store.getUser(bound.id)).toEqual(bound);
    expect(await app.store.getUser(PEOPLE.grid.id)).toEqual(PEOPLE.grid);
    expect(await app.store.findOpenInvitation(PEOPLE.grid.id)).not.toBeNull();
  });

  it('refuses a caller without a WeChat openid (the local dev sign-in) and one whose record no longer holds its openid', async () => {
    const { code } = (await invite()).data;
    expect((await redeem(identityOf(PEOPLE.street), code)).error?.code).toBe('INVITE.NO_WECHAT');
    // A stale identity: the openid belongs to no record, or to another one.
    expect((await redeem({ userId: 'u-stale', openid: PEOPLE.resident.openid as string, grants: [] }, code)).error?.code).toBe('INVITE.CONFLICT');
    expect(await app.store.getUser(PEOPLE.grid.id)).toEqual(PEOPLE.grid);
  });
});

describe('admin.bootstrap', () => {
  const CODE = 'deploy-time-secret-0123456789';
  const newcomer: Identity = { userId: 'u-first', openid: 'o-first', grants: [] };
  const bootstrap = (identity: Identity, code: string, jurisdiction = 'yongning') => as(identity, admin, 'bootstrap', { code, name: '初始管理员', jurisdiction });
  /** A deployment whose store holds no admin yet (the harness seeds one). */
  const withoutAdmins = async () => {
    await app.store.putUser({ ...PEOPLE.admin, grants: [] });
    await app.store.putUser({ id: newcomer.userId, openid: 'o-first', name: '', phone: null, grants: [], demo: false });
  };

  it('is off without a configured code', async () => {
    await withoutAdmins();
    expect((await bootstrap(newcomer, CODE)).error?.code).toBe('BOOTSTRAP.DISABLED');
    app.deps.config.bootstrapAdminCode = 'too-short';
    expect((await bootstrap(newcomer, 'too-short-but-20-chars-long')).error?.code).toBe('BOOTSTRAP.DISABLED');
  });

  it('refuses while an admin exists', async () => {
    app.deps.config.bootstrapAdminCode = CODE;
    const res = await bootstrap(newcomer, CODE);
    expect(res.error?.code).toBe('BOOTSTRAP.DONE');
    expect(await app.store.getUser(newcomer.userId)).toBeNull();
  });

  it('makes the caller admin of that jurisdiction once; the code is dead for good', async () => {
    app.deps.config.bootstrapAdminCode = CODE;
    await withoutAdmins();
    expect((await bootstrap(newcomer, `${CODE.slice(0, -1)}X`)).error?.code).toBe('BOOTSTRAP.INVALID');
    expect((await bootstrap(newcomer, `${CODE}0`)).error?.code).toBe('BOOTSTRAP.INVALID');
    const res = await bootstrap(newcomer, CODE);
    expect(res).toEqual({ ok: true, data: { userId: newcomer.userId, name: '初始管理员', roles: ['admin'], jurisdiction: 'yongning' }, status: 200 });
    const made = await app.store.getUser(newcomer.userId);
    expect(made).toEqual({ id: newcomer.userId, openid: 'o-first', name: '初始管理员', phone: null, grants: [{ role: 'admin', jurisdiction: 'yongning' }], demo: false });
    // The new admin invites staff at once.
    expect((await as(identityOf(made as User), admin, 'createInvitation', { userId: PEOPLE.grid.id })).ok).toBe(true);

    expect((await bootstrap(identityOf(PEOPLE.otherResident), CODE)).error?.code).toBe('BOOTSTRAP.DONE');
    // Even with no admin left, the same code never works again.
    await app.store.putUser({ ...(made as User), grants: [] });
    expect((await bootstrap(identityOf(PEOPLE.otherResident), CODE, 'qitai')).error?.code).toBe('BOOTSTRAP.USED');
    expect((await app.store.getUser(PEOPLE.otherResident.id))?.grants).toEqual([]);
  });

  it('limits guessing of the code like redeems', async () => {
    app.deps.config.bootstrapAdminCode = CODE;
    await withoutAdmins();
    for (let i = 0; i < 5; i++) expect((await bootstrap(newcomer, `wrong-code-guess-number-${i}`)).error?.code).toBe('BOOTSTRAP.INVALID');
    expect((await bootstrap(newcomer, CODE)).error?.code).toBe('RATE.LIMITED');
    expect((await app.store.getUser(newcomer.userId))?.grants).toEqual([]);
  });
});
