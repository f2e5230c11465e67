/**
 * POST /api/<function> with `{action, data}` as `application/json`: the same action routers as the
 * CloudBase functions. Identity comes from the session's bearer token only; an openid or user id in
 * the body is never read (the body's `action` and `data` are all that reach the router, and the
 * schemas drop unknown keys).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { admin } from '../../cloudfunctions/_app/functions/admin';
import { report } from '../../cloudfunctions/_app/functions/report';
import { ticket } from '../../cloudfunctions/_app/functions/ticket';
import type { FunctionHandler } from '../../cloudfunctions/_app/router';
import type { Identity } from '../../shared/domain/roles';
import type { ServerContext } from './context';
import { bearerToken, HttpError, LIMITS, readJson, requireJson, sendJson } from './http';
import { identityForToken } from './sessions';

/** Functions a signed-in client may call. `sweep` and `notify` run on the runtime's timer only. */
export const CLIENT_FUNCTIONS: Readonly<Record<string, FunctionHandler>> = { report, ticket, admin };
export const TIMER_FUNCTIONS: readonly string[] = ['sweep', 'notify'];

/** The caller's identity from the Authorization header; a stale token is refused rather than ignored. */
export async function callerIdentity(ctx: ServerContext, req: IncomingMessage): Promise<Identity | null> {
  const identity = await identityForToken(ctx.deps.store, ctx.sessions, bearerToken(req), ctx.demo);
  if (identity === 'invalid') throw new HttpError(401, 'AUTH.UNAUTHENTICATED', ctx.demo ? '登录已失效，请重新选择演示用户登录' : '登录已失效，请重新登录');
  return identity;
}

export async function handleFunction(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (TIMER_FUNCTIONS.includes(name)) throw new HttpError(403, 'AUTH.FORBIDDEN', '仅定时任务可执行（本地可用 POST /api/dev/sweep）');
  const fn = Object.prototype.hasOwnProperty.call(CLIENT_FUNCTIONS, name) ? CLIENT_FUNCTIONS[name] : undefined;
  if (!fn) throw new HttpError(404, 'NOT_FOUND', `云函数 ${name.slice(0, 40)} 不存在`);
  if (req.method !== 'POST') throw new HttpError(405, 'METHOD.NOT_ALLOWED', '请使用 POST');
  requireJson(req);
  const identity = await callerIdentity(ctx, req);
  const body = await readJson(req, LIMITS.api);
  const { action, data } = (typeof body === 'object' && body !== null ? body : {}) as { action?: unknown; data?: unknown };
  const { envelope, status } = await fn(ctx.deps, { identity }, { action, data });
  // A redeemed invitation moved this account's openid to the staff record: the session follows it.
  if (name === 'report' && action === 'redeemInvitation' && envelope.ok) {
    const token = bearerToken(req);
    const redeemed = (envelope.data as { userId?: unknown } | undefined)?.userId;
    if (token && typeof redeemed === 'string') ctx.sessions.rebind(token, redeemed);
  }
  sendJson(res, status, envelope);
}
