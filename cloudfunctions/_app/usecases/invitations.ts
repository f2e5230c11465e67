/**
 * Staff onboarding without openids (DESIGN.md §7, issue 15 §3).
 *
 * - admin.createInvitation: an admin who administers every jurisdiction of a staff record's grants
 *   gets a one-time code (128 random bits, base64url, shown once; only its SHA-256 is stored) with
 *   an expiry (72 h by default, 14 days at most), and on CloudBase the mini-program code that opens
 *   pages/invite/index with it (wxacode.getUnlimited, scene = the code). It replaces the user's
 *   unused invitation.
 * - report.redeemInvitation: any signed-in WeChat user redeems a code; the openid of the caller's
 *   WeChat context (never the body) is bound to the staff record. Unknown, used, replaced and expired
 *   codes are refused with stable codes and count against the caller: 5 failures per rolling hour,
 *   then RATE.LIMITED.
 * - admin.bootstrap: the first admin of a jurisdiction, with the code set at deploy time
 *   (BOOTSTRAP_ADMIN_CODE, ≥ 20 characters), only while no admin covers that jurisdiction (none of
 *   it or of a jurisdiction above it); a used code is recorded (its hash) and never works again.
 *   The jurisdiction is a bundled one or one created in the store (issue 19: the operator's CLI
 *   creates a top-level one, which no admin in the app covers, then bootstraps its first admin with
 *   a new code, or, where no CLI reaches the store (CloudBase), bootstraps with `create` {name,
 *   level}, which creates that top-level jurisdiction in the same act); an unknown id is refused
 *   before the code is spent.
 *
 * The binding rule when the caller already has a record (on CloudBase every caller has one: a
 * first call creates a resident record bound to the openid, cloudfunctions/_adapters/cloudbase/main.ts):
 * the staff record takes the openid; the caller's resident record keeps its tickets, events and
 * messages but loses the openid. Those tickets stay in the store and in their handlers' queues and
 * metrics, and close on their own after the confirmation window; the person now signs in as staff
 * and no longer sees them under 我的上报. Refusing callers who ever reported would shut out every
 * grid worker who once used the app as a resident, and merging records would hand a staff id to a
 * resident's tickets; moving only the openid keeps every record's meaning. A caller whose record
 * holds grants (another staff record) is refused: 409 INVITE.OPENID_TAKEN.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { AdminInputs } from '../../../shared/actions/admin';
import type { ReportInputs } from '../../../shared/actions/report';
import type { User } from '../../../shared/domain/directory';
import { INVITE_PAGE, invitePath, MAX_FAILED_REDEEMS_PER_HOUR, type Invitation } from '../../../shared/domain/invitation';
import type { Identity, RoleGrant } from '../../../shared/domain/roles';
import { BUNDLED_REGISTRY } from '../../../shared/jurisdictions';
import { administeredJurisdictions, managesStaff } from '../../../shared/permissions/admin-scope';
import { StoreConflictError, type RedeemRefusal } from '../../../shared/ports/store';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { miniProgramCode } from './codes';
import { chainOf, createTopLevelJurisdiction } from './county';

/** 16 bytes = 128 bits: 22 base64url characters, which also fit a mini-program code's 32-character scene. */
const CODE_BYTES = 16;
const HOUR_MS = 3_600_000;
/** The shortest bootstrap code the function accepts (issue 15 §3). */
export const BOOTSTRAP_CODE_MIN = 20;

/** What the store keeps of a code: its SHA-256. A 128-bit random code needs no salt. */
export const codeHash = (code: string): string => createHash('sha256').update(code, 'utf8').digest('hex');
/** The bootstrap record's id: a hash in its own namespace, never equal to a staff invitation's. */
const bootstrapId = (code: string): string => codeHash(`bootstrap\u0000${code}`);

/** Equal secrets, in time independent of where they differ (and of their lengths: both are hashed first). */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given, 'utf8').digest(), createHash('sha256').update(expected, 'utf8').digest());
}

const hoursAfter = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

const REFUSED: Record<RedeemRefusal, () => AppError> = {
  unknown: () => new AppError('INVITE.UNKNOWN', '邀请码无效，请向管理员核对', 404),
  used: () => new AppError('INVITE.USED', '邀请码已被使用', 409),
  revoked: () => new AppError('INVITE.REVOKED', '邀请码已作废，管理员已生成新的邀请码', 410),
  expired: () => new AppError('INVITE.EXPIRED', '邀请码已过期，请联系管理员重新生成', 410),
  openid_taken: () => new AppError('INVITE.OPENID_TAKEN', '该微信账号已绑定其他工作人员账号', 409),
};

const tooManyAttempts = () => new AppError('RATE.LIMITED', '尝试次数过多，请一小时后再试', 429);

/** Refuses a caller with MAX_FAILED_REDEEMS_PER_HOUR failures in the last hour. */
async function checkAttempts(deps: AppDeps, callerId: string, now: string): Promise<void> {
  const failures = await deps.store.countRedeemFailuresSince(callerId, new Date(Date.parse(now) - HOUR_MS).toISOString());
  if (failures >= MAX_FAILED_REDEEMS_PER_HOUR) throw tooManyAttempts();
}

const rolesOf = (user: User) => [...new Set(user.grants.map((g) => g.role))];

export async function createInvitation(deps: AppDeps, identity: Identity, x: z.output<(typeof AdminInputs)['createInvitation']>) {
  // Non-admins learn nothing about which user ids exist.
  if (administeredJurisdictions(identity).length === 0) throw errors.forbidden('需要管理员权限');
  const user = await deps.store.getUser(x.userId);
  if (!user) throw errors.notFound('工作人员账号');
  // A staff record whose every grant lies where this admin acts; never a resident's record.
  if (!managesStaff(identity, user)) throw errors.forbidden('只能邀请本辖区的工作人员');
  const code = randomBytes(CODE_BYTES).toString('base64url');
  const now = deps.clock.now();
  const invitation: Invitation = {
    id: codeHash(code),
    kind: 'staff',
    userId: user.id,
    createdBy: identity.userId,
    createdAt: now,
    expiresAt: hoursAfter(now, x.ttlHours),
    usedAt: null,
    revokedAt: null,
  };
  // A clash of 128 random bits would be a broken random source: never hand out that code.
  if (!(await deps.store.createInvitation(invitation))) throw new Error('invitation id clash');
  // The mini-program code that opens the invite page with this scene (CloudBase; the local runtime has none).
  const qrImage = await miniProgramCode(deps, { scene: code, page: INVITE_PAGE });
  return {
    userId: user.id,
    name: user.name,
    /** Shown once: the store keeps only its hash. */
    code,
    expiresAt: invitation.expiresAt,
    /** The page and query the QR code or link opens. */
    path: invitePath(code),
    /** For a mini-program code (wxacode.getUnlimited, page pages/invite/index): the page reads `scene` too. */
    scene: code,
    /** That mini-program code as a data URL, to show or print for the staff member (null without the platform). */
    qrImage,
    /** The record is bound to a WeChat account already: redeeming moves it to the redeemer's. */
    rebinds: user.openid !== null,
  };
}

export async function redeemInvitation(deps: AppDeps, identity: Identity, x: z.output<(typeof ReportInputs)['redeemInvitation']>) {
  // The openid of the platform context; the local runtime's dev sign-in has none.
  const openid = identity.openid;
  if (!openid) throw new AppError('INVITE.NO_WECHAT', '请在微信小程序中打开邀请', 400);
  const now = deps.clock.now();
  await checkAttempts(deps, identity.userId, now);
  let outcome;
  try {
    outcome = await deps.store.redeemInvitation({ id: codeHash(x.code), openid, holderId: identity.userId, at: now });
  } catch (error) {
    if (error instanceof StoreConflictError) throw new AppError('INVITE.CONFLICT', '账号绑定状态已变化，请重试', 409);
    throw error;
  }
  if (outcome.status === 'redeemed') return { userId: outcome.user.id, name: outcome.user.name, roles: rolesOf(outcome.user) };
  // A wrong code is a guess; an account already bound to staff is not.
  if (outcome.status !== 'openid_taken') await deps.store.recordRedeemFailure(identity.userId, now);
  throw REFUSED[outcome.status]();
}

export async function bootstrapAdmin(deps: AppDeps, identity: Identity, x: z.output<(typeof AdminInputs)['bootstrap']>) {
  const expected = deps.config.bootstrapAdminCode;
  if (!expected || expected.length < BOOTSTRAP_CODE_MIN) throw new AppError('BOOTSTRAP.DISABLED', '未设置初始管理员口令', 403);
  const now = deps.clock.now();
  await checkAttempts(deps, identity.userId, now);
  if (!sameSecret(x.code, expected)) {
    await deps.store.recordRedeemFailure(identity.userId, now);
    throw new AppError('BOOTSTRAP.INVALID', '口令不正确', 403);
  }
  // A bundled jurisdiction or a created one; an admin of it or above it invites instead. With
  // `create`, the code's holder (the deployment's operator) creates a top-level one first.
  const stored = await deps.store.listJurisdictions();
  const known = BUNDLED_REGISTRY.list(x.jurisdiction) !== undefined || stored.some((j) => j.id === x.jurisdiction);
  if (known && x.create) throw new AppError('JURISDICTION.EXISTS', `辖区编号 ${x.jurisdiction} 已存在`, 409);
  if (!known && !x.create) throw errors.notFound('辖区');
  const chain = chainOf(x.jurisdiction, stored);
  const admins = await deps.store.listUsers({ role: 'admin' });
  if (admins.some((u) => u.grants.some((g) => g.role === 'admin' && chain.includes(g.jurisdiction)))) throw new AppError('BOOTSTRAP.DONE', '该辖区已有管理员，请由管理员邀请', 409);
  // The record of this use comes first: whatever happens next, the code is dead.
  const claimed = await deps.store.createInvitation({
    id: bootstrapId(x.code),
    kind: 'bootstrap',
    userId: identity.userId,
    createdBy: identity.userId,
    createdAt: now,
    expiresAt: now,
    usedAt: now,
    revokedAt: null,
  });
  if (!claimed) throw new AppError('BOOTSTRAP.USED', '该口令已使用过，不能再次使用', 409);
  if (x.create) await createTopLevelJurisdiction(deps, identity.userId, { id: x.jurisdiction, name: x.create.name, level: x.create.level });
  const grant: RoleGrant = { role: 'admin', jurisdiction: x.jurisdiction };
  const existing = await deps.store.getUser(identity.userId);
  const user: User = existing
    ? { ...existing, name: x.name, grants: [...existing.grants.filter((g) => !(g.role === 'admin' && g.jurisdiction === x.jurisdiction)), grant] }
    : { id: identity.userId, openid: identity.openid ?? null, name: x.name, phone: null, grants: [grant], demo: false };
  await deps.store.putUser(user);
  return { userId: user.id, name: user.name, roles: rolesOf(user), jurisdiction: x.jurisdiction };
}
