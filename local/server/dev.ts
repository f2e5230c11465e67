/**
 * Dev-only endpoints of the local runtime: the demo-user picker and sign-in, a "run the sweep now"
 * button and the (possibly simulated) clock. CloudBase has none of these.
 *
 * In demo mode they are open (the runtime is then reachable from this machine only, host.ts).
 * Without demo mode the picker and the sign-in do not exist (404 DEV.DEMO_ONLY) and the others
 * need a signed-in admin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ok } from '../../cloudfunctions/_app/envelope';
import type { User } from '../../shared/domain/directory';
import { hasRole, ROLE_LABELS, ROLES, type Role } from '../../shared/domain/roles';
import { REGISTRY } from '../../shared/jurisdictions';
import { toShanghaiIso } from '../../shared/sla/calendar';
import { callerIdentity } from './api';
import type { ServerContext } from './context';
import { bearerToken, HttpError, LIMITS, readJson, requireJson, sendJson } from './http';

export interface DemoUserView {
  id: string;
  name: string;
  role: Role;
  roleLabel: string;
  /** Every role the user holds (usually one). */
  roles: Role[];
  jurisdiction: string | null;
  jurisdictionName: string | null;
  estates: string[];
  units: string[];
  streets: string[];
  company: string | null;
}

interface Names {
  estates: Map<string, string>;
  units: Map<string, string>;
  companies: Map<string, string>;
}

async function names(ctx: ServerContext): Promise<Names> {
  const { store } = ctx.deps;
  const estates = new Map((await store.listEstates({})).map((e) => [e.id, e.name]));
  const units = new Map((await store.listUnitContacts()).map((c) => [c.unitId, c.name]));
  for (const list of REGISTRY.lists.values()) {
    for (const d of list.departments) if (!units.has(d.id)) units.set(d.id, d.name);
    for (const t of list.townships) if (!units.has(t.id)) units.set(t.id, t.name);
  }
  const companies = new Map((await store.listPropertyCompanies()).map((c) => [c.id, c.name]));
  return { estates, units, companies };
}

/** What the picker shows of a user: Chinese names of their scope, never an openid or phone. */
export function viewOfUser(u: User, n: Names): DemoUserView {
  const roles = [...new Set(u.grants.map((g) => g.role))];
  const role = roles.find((r) => r !== 'resident') ?? 'resident';
  const jurisdiction = u.grants[0]?.jurisdiction ?? null;
  const all = <T>(pick: (g: User['grants'][number]) => T[] | undefined) => [...new Set(u.grants.flatMap((g) => pick(g) ?? []))];
  const company = u.grants.find((g) => g.company)?.company ?? null;
  return {
    id: u.id,
    name: u.name,
    role,
    roleLabel: ROLE_LABELS[role],
    roles: roles.length ? roles : ['resident'],
    jurisdiction,
    jurisdictionName: jurisdiction ? (REGISTRY.list(jurisdiction)?.name ?? jurisdiction) : null,
    estates: all((g) => g.estates).map((id) => n.estates.get(id) ?? id),
    units: all((g) => g.units).map((id) => n.units.get(id) ?? id),
    streets: all((g) => g.streets).map((id) => n.units.get(id) ?? id),
    company: company ? (n.companies.get(company) ?? company) : null,
  };
}

export async function listDemoUsers(ctx: ServerContext) {
  const users = await ctx.deps.store.listUsers({ demo: true });
  const n = await names(ctx);
  const views = users.map((u) => viewOfUser(u, n));
  return {
    groups: ROLES.map((role) => ({ role, roleLabel: ROLE_LABELS[role], users: views.filter((v) => v.role === role) })).filter((g) => g.users.length > 0),
  };
}

async function signIn(ctx: ServerContext, req: IncomingMessage) {
  requireJson(req);
  const body = await readJson(req, LIMITS.dev);
  const userId = (body as { userId?: unknown } | null)?.userId;
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > 64) throw new HttpError(400, 'INPUT.INVALID', '请提供要登录的演示用户 userId');
  const user = await ctx.deps.store.getUser(userId);
  // Only demo users: a real user's account can never be entered through the dev sign-in.
  if (!user || !user.demo) throw new HttpError(404, 'NOT_FOUND', '演示用户不存在');
  const token = ctx.sessions.signIn(user.id);
  return { token, user: viewOfUser(user, await names(ctx)) };
}

/** Routes that exist in demo mode only: the demo-user picker and the dev sign-in. */
const DEMO_ONLY: readonly string[] = ['users', 'signin'];

/** Outside demo mode every dev endpoint needs a signed-in admin (of any jurisdiction). */
async function requireAdmin(ctx: ServerContext, req: IncomingMessage): Promise<void> {
  const identity = await callerIdentity(ctx, req);
  if (!identity) throw new HttpError(401, 'AUTH.UNAUTHENTICATED', '请先以管理员身份登录');
  if (!hasRole(identity, 'admin')) throw new HttpError(403, 'AUTH.FORBIDDEN', '非演示模式下，开发接口仅限管理员使用');
}

/** Handles /api/dev/*; returns false when the path is not one of them. */
export async function handleDev(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, sub: string): Promise<boolean> {
  const method = req.method ?? 'GET';
  const route = `${method} ${sub}`;
  if (!ctx.demo) {
    if (DEMO_ONLY.includes(sub)) throw new HttpError(404, 'DEV.DEMO_ONLY', '演示账号登录仅在演示模式下提供（本运行时以 DEMO=0 启动）');
    await requireAdmin(ctx, req);
  }
  switch (route) {
    case 'GET users':
      sendJson(res, 200, ok(await listDemoUsers(ctx)));
      return true;
    case 'POST signin':
      sendJson(res, 200, ok(await signIn(ctx, req)));
      return true;
    case 'POST signout': {
      const token = bearerToken(req);
      sendJson(res, 200, ok({ signedOut: token ? ctx.sessions.signOut(token) : false }));
      return true;
    }
    case 'POST sweep':
      sendJson(res, 200, ok(await ctx.runTimers()));
      return true;
    case 'GET clock': {
      const now = ctx.deps.clock.now();
      sendJson(res, 200, ok({ now, shanghai: toShanghaiIso(now), simulated: ctx.simulatedNow !== null, simulatedStart: ctx.simulatedNow }));
      return true;
    }
    default:
      return false;
  }
}
