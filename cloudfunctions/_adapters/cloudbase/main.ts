/**
 * CloudBase wiring: turns an action router into an SCF `main(event, context)`. The SDK is loaded on
 * the first call (≈370 ms to require), the ports are built once per warm container, and the
 * caller's identity comes from the WeChat context (WX_OPENID), never from the event payload.
 */
import type { AppDeps } from '../../_app/context';
import type { FunctionHandler } from '../../_app/router';
import type { Identity } from '../../../shared/domain/roles';
import { randomBytes } from 'node:crypto';
import { cloudbaseIdentity, CloudbaseFileStore, WxContentCheck, WxGroupResolver, WxSubscribeNotifier } from './platform';
import { createCloudbaseStore, loadCloudbase, type LoadCloudbaseOptions } from './store';

let deps: AppDeps | null = null;

function templatesFromEnv(): Record<string, string> {
  try {
    return JSON.parse(process.env.SUBSCRIBE_TEMPLATES ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
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
    config: { platform: 'cloudbase', reportsPerHour: Number(process.env.REPORTS_PER_HOUR ?? 10), templates: templatesFromEnv() },
  };
  if (!options) deps = built;
  return built;
}

/** The caller: a registered staff user by openid, else a resident identified by the openid. */
export async function identityFor(appDeps: AppDeps, openid: string | null): Promise<Identity | null> {
  if (!openid) return null;
  const user = await appDeps.store.getUserByOpenid(openid);
  if (user) return { userId: user.id, name: user.name, openid, grants: user.grants };
  return { userId: `wx:${openid}`, openid, grants: [] };
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

export function cloudbaseMain(fn: FunctionHandler, options?: LoadCloudbaseOptions) {
  return async function main(event: unknown, context: unknown) {
    const appDeps = cloudbaseDeps(options);
    const { openid } = cloudbaseIdentity(context);
    const identity = await identityFor(appDeps, openid);
    const { envelope } = await fn(appDeps, { identity }, withCloudId(event));
    return envelope;
  };
}
