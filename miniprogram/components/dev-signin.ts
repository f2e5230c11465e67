/**
 * The local runtime's dev sign-in (H5 only): GET /api/dev/users lists the demo users, POST
 * /api/dev/signin {userId} answers a token. Called with fetch directly: these endpoints belong to
 * the local runtime, not to the cloud functions. Answers are read leniently (bare or in the
 * {ok, data} envelope) so that the page does not depend on the gateway's exact wrapping.
 */
import type { SessionUser } from '../api';
import { isRole } from './roles';

export interface DemoUser extends SessionUser {
  /** The role the picker groups the user under. */
  role: string;
  /** A short line under the name (jurisdiction, unit…), when the runtime gives one. */
  detail: string | null;
}

export class DevSignInError extends Error {}

const record = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/** The payload of an answer that may be wrapped in the {ok, data} envelope. */
function payload(body: unknown): unknown {
  const obj = record(body);
  if (obj && obj.ok === false) {
    const error = record(obj.error);
    throw new DevSignInError(typeof error?.message === 'string' && /[\u4e00-\u9fa5]/.test(error.message) ? error.message : '登录失败，请稍后再试');
  }
  return obj && 'ok' in obj && 'data' in obj ? obj.data : body;
}

function rolesOf(user: Record<string, unknown>): string[] {
  if (Array.isArray(user.roles)) return user.roles.filter((r): r is string => typeof r === 'string');
  if (Array.isArray(user.grants)) return [...new Set(user.grants.map((g) => record(g)?.role).filter((r): r is string => typeof r === 'string'))];
  return [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** One short line: the runtime's own description, else jurisdiction and scope (units, streets, estates, company). */
function detailOf(user: Record<string, unknown>): string | null {
  for (const key of ['detail', 'description', 'unitName']) {
    if (typeof user[key] === 'string' && user[key]) return user[key] as string;
  }
  const parts = [
    typeof user.jurisdictionName === 'string' ? user.jurisdictionName : null,
    ...strings(user.units),
    ...strings(user.streets),
    ...strings(user.estates),
    typeof user.company === 'string' ? user.company : null,
  ].filter((p): p is string => Boolean(p));
  return parts.length ? parts.slice(0, 3).join(' · ') : null;
}

/** The users of a bare list, of {users} / {items}, or of {groups: [{role, users}]} (the local runtime's shape). */
function userList(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const obj = record(data);
  if (!obj) return [];
  if (Array.isArray(obj.groups)) return obj.groups.flatMap((g) => userList(record(g)?.users));
  return Array.isArray(obj.users) ? obj.users : Array.isArray(obj.items) ? obj.items : [];
}

export function demoUsersFrom(body: unknown): DemoUser[] {
  return userList(payload(body)).flatMap((raw) => {
    const user = record(raw);
    if (!user || typeof user.id !== 'string') return [];
    const roles = rolesOf(user);
    // The role the user is shown under: the runtime's own pick, else the first staff role.
    const role = typeof user.role === 'string' && user.role ? user.role : (roles.find((r) => r !== 'resident') ?? roles[0] ?? 'resident');
    return [{ id: user.id, name: typeof user.name === 'string' ? user.name : user.id, roles, role, detail: detailOf(user) }];
  });
}

/** Demo users grouped by their role, in the order of shared/domain/roles. */
export function groupByRole(users: readonly DemoUser[], order: readonly string[]): Array<{ role: string; users: DemoUser[] }> {
  const groups = new Map<string, DemoUser[]>();
  for (const user of users) groups.set(user.role, [...(groups.get(user.role) ?? []), user]);
  const rank = (role: string) => (isRole(role) ? order.indexOf(role) : order.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([role, list]) => ({ role, users: list }));
}

export async function fetchDemoUsers(): Promise<DemoUser[]> {
  let res: Response;
  try {
    res = await fetch('/api/dev/users');
  } catch {
    throw new DevSignInError('网络连接失败，请确认本地服务已启动（npm start）');
  }
  if (!res.ok) throw new DevSignInError('本地服务没有提供演示账号，请通过 npm start 启动本地运行环境');
  return demoUsersFrom(await res.json());
}

/** Ends the session on the local runtime too (best effort: the token is forgotten on the device anyway). */
export async function devSignOut(token: string): Promise<void> {
  try {
    await fetch('/api/dev/signout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  } catch {
    // Offline: the server session simply expires.
  }
}

export async function devSignIn(user: DemoUser): Promise<{ token: string; user: SessionUser }> {
  let res: Response;
  try {
    res = await fetch('/api/dev/signin', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: user.id }) });
  } catch {
    throw new DevSignInError('网络连接失败，请稍后再试');
  }
  const data = record(payload(await res.json().catch(() => null)));
  if (!res.ok && !data) throw new DevSignInError('登录失败，请稍后再试');
  const token = typeof data?.token === 'string' ? data.token : null;
  if (!token) throw new DevSignInError('登录失败，请稍后再试');
  const answered = record(data?.user);
  const roles = answered ? rolesOf(answered) : [];
  return {
    token,
    user: {
      id: typeof answered?.id === 'string' ? answered.id : user.id,
      name: typeof answered?.name === 'string' ? answered.name : user.name,
      roles: roles.length ? roles : user.roles,
    },
  };
}
