/**
 * CloudBase wiring: turns an action router into an SCF `main(event, context)`. The SDK is loaded on
 * the first call (≈370 ms to require), the ports are built once per warm container, and the
 * caller's identity comes from the WeChat context (WX_OPENID), never from the event payload.
 */
import type { AppDeps } from '../../_app/context';
import type { FunctionHandler } from '../../_app/router';
import type { User } from '../../../shared/domain/directory';
import type { Identity } from '../../../shared/domain/roles';
import { parseTemplateIds, type TemplateIds } from '../../../shared/notify/subscribe-templates';
import { randomBytes } from 'node:crypto';
import { cloudbaseIdentity, CloudbaseFileStore, WxCodeGenerator, WxContentCheck, WxGroupResolver, WxMediaCheck, WxSubscribeNotifier } from './platform';
import { createCloudbaseStore, loadCloudbase, type LoadCloudbaseOptions } from './store';
import { hasTicketPrefetch } from './ticket-store';
import { refreshRegistry } from '../../_app/usecases/live-registry';

let deps: AppDeps | null = null;

/** SUBSCRIBE_TEMPLATES as npm run deploy checked it; a hand-edited bad value keeps messages in-app only, loudly. */
function templatesFromEnv(): TemplateIds {
  const parsed = parseTemplateIds(process.env.SUBSCRIBE_TEMPLATES);
  if (parsed.ok) return parsed.ids;
  console.error(parsed.error);
  return {};
}

/** Time-ordered ids: ms timestamp in base 36, then random bytes. */
function newId(): string {
  return `${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
}

/**
 * Offline testing of a deployed bundle: TCB_SERVICE_URL sends every SDK request to a loopback
 * server (TOOLCHAIN.md). Unset in production.
 */
function optionsFromEnv(): LoadCloudbaseOptions | undefined {
  const serviceUrl = process.env.TCB_SERVICE_URL;
  if (!serviceUrl) return undefined;
  return { serviceUrl, env: process.env.TCB_ENV ?? 'offline-test', secretId: process.env.TENCENTCLOUD_SECRETID ?? 'offline', secretKey: process.env.TENCENTCLOUD_SECRETKEY ?? 'offline' };
}

export function cloudbaseDeps(options?: LoadCloudbaseOptions): AppDeps {
  if (deps && !options) return deps;
  const app = loadCloudbase(options ?? optionsFromEnv());
  const built: AppDeps = {
    store: createCloudbaseStore(app),
    files: new CloudbaseFileStore(app),
    content: new WxContentCheck(app),
    clock: { now: () => new Date().toISOString() },
    ids: { newId },
    notifier: new WxSubscribeNotifier(app),
    groups: new WxGroupResolver(app),
    media: new WxMediaCheck(app),
    codes: new WxCodeGenerator(app),
    config: {
      platform: 'cloudbase',
      reportsPerHour: Number(process.env.REPORTS_PER_HOUR ?? 10),
      templates: templatesFromEnv(),
      // The admin function's one-time first-admin code (docs/DEPLOY.md); admin.bootstrap is off without it.
      ...(process.env.BOOTSTRAP_ADMIN_CODE ? { bootstrapAdminCode: process.env.BOOTSTRAP_ADMIN_CODE } : {}),
    },
  };
  if (!options) deps = built;
  return built;
}

/** How many times a first call re-reads after losing the race to create the resident's record. */
const CLAIM_ATTEMPTS = 3;

/**
 * The user bound to this openid; for a first-time resident, a new user record with an opaque id
 * from the id source (never derived from the openid, DESIGN.md §7), no grants, bound to the openid.
 * Two first calls at once must not make two users: the openid is unique in the users collection
 * (index openid_unique, cloudfunctions/_deploy/resources.ts; UNIQUE in the SQLite store), so the
 * slower putUser fails (CloudBase: DATABASE_DUPLICATE_WRITE) and reads the winner's record instead.
 */
export async function userForOpenid(appDeps: AppDeps, openid: string): Promise<User> {
  const { store } = appDeps;
  for (let attempt = 1; ; attempt++) {
    const existing = await store.getUserByOpenid(openid);
    if (existing) return existing;
    const user: User = { id: appDeps.ids.newId(), openid, name: '', phone: null, grants: [], demo: false };
    try {
      await store.putUser(user);
      return user;
    } catch (error) {
      // Another call bound this openid first: its record is read on the next round.
      if (attempt >= CLAIM_ATTEMPTS) throw error;
    }
  }
}

/**
 * The caller, from the openid of the WeChat context: the user record bound to it (staff bind theirs
 * by invitation), created on a resident's first call. The openid stays on the identity for the
 * open APIs that need it (content check, group resolution) and is never answered to anyone.
 */
export async function identityFor(appDeps: AppDeps, openid: string | null): Promise<Identity | null> {
  if (!openid) return null;
  const user = await userForOpenid(appDeps, openid);
  return { userId: user.id, ...(user.name ? { name: user.name } : {}), openid, grants: user.grants };
}

/**
 * The platform replaces a CloudID only in a top-level field of the call data (the mini-program's
 * transport puts it there); the actions read it as data.cloudId.
 */
export function withCloudId(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || !('cloudId' in event)) return event;
  const { cloudId, data, ...rest } = event as { cloudId: unknown; data?: Record<string, unknown> };
  return { ...rest, data: { ...(data ?? {}), cloudId } };
}

/** The `data.ticketId` of a call, when it names one (a string of a plausible id length). */
function ticketIdOf(event: unknown): string | null {
  const data = typeof event === 'object' && event !== null ? (event as { data?: unknown }).data : undefined;
  const id = typeof data === 'object' && data !== null ? (data as { ticketId?: unknown }).ticketId : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
}

/**
 * One call as a warm container serves it: the caller's identity from the openid, then the function.
 * A call that names a ticket has it read alongside the identity lookup (issue 17 §2: one round trip
 * instead of two); the use case still authorizes the caller against it before using it, and a read
 * the call did not use is dropped at its end.
 */
export async function callWithIdentity(appDeps: AppDeps, fn: FunctionHandler, openid: string | null, event: unknown) {
  const { store } = appDeps;
  const prefetch = hasTicketPrefetch(store) ? store : null;
  const ticketId = ticketIdOf(event);
  if (prefetch && ticketId) prefetch.prefetchTicket(ticketId);
  try {
    // The created jurisdictions and active lists are read alongside the identity (a cold or expired
    // cache costs no extra round trip); the router's refresh then finds them in the cache.
    const [identity] = await Promise.all([identityFor(appDeps, openid), refreshRegistry(appDeps)]);
    return await fn(appDeps, { identity }, withCloudId(event));
  } finally {
    prefetch?.discardPrefetched();
  }
}

export function cloudbaseMain(fn: FunctionHandler, options?: LoadCloudbaseOptions) {
  return async function main(event: unknown, context: unknown) {
    const appDeps = cloudbaseDeps(options);
    const { openid } = cloudbaseIdentity(context);
    const { envelope } = await callWithIdentity(appDeps, fn, openid, event);
    return envelope;
  };
}
