/**
 * The identity provider in front of a local runtime started without demo mode (DEMO=0): the only
 * way such a runtime opens sessions is Runtime.sessions (local/runtime.ts), "by an identity
 * provider in front of the runtime", and its dev sign-in does not exist. This stands in for that
 * provider at the platform edge, the way WeChat stands in front of CloudBase: a person is their
 * openid, a first visit makes a record with no grants bound to it (the rule of
 * cloudfunctions/_adapters/cloudbase/main.ts userForOpenid), and each sign-in resolves the openid
 * to the record that holds it now, so after an invitation is redeemed the same WeChat account
 * signs in as the staff record.
 */
import type { Page } from 'playwright-core';
import type { User } from '../../../shared/domain/directory';
import type { StoryRuntime } from './runtime';

export interface ProviderSession {
  token: string;
  user: User;
}

/** Signs a WeChat account in: the record bound to `openid`, created (no grants) on its first visit. */
export async function wechatSignIn(story: StoryRuntime, openid: string, name = ''): Promise<ProviderSession> {
  const { store, ids } = story.rt.deps;
  let user = await store.getUserByOpenid(openid);
  if (!user) {
    user = { id: ids.newId(), openid, name, phone: null, grants: [], demo: false };
    await store.putUser(user);
  }
  return { token: story.rt.sessions.signIn(user.id), user };
}

/**
 * Hands the session to the H5 app as its sign-in page would (miniprogram/api/session.ts saveSession:
 * Taro's H5 storage keeps `{data}` as JSON in localStorage under the key). Leaves the page on the
 * runtime's origin; open the app's page next.
 */
export async function giveSession(page: Page, baseUrl: string, session: ProviderSession): Promise<void> {
  await page.goto(`${baseUrl}/healthz`);
  const roles = [...new Set(session.user.grants.map((g) => g.role))];
  const value = JSON.stringify({ data: { token: session.token, user: { id: session.user.id, name: session.user.name, roles: roles.length ? roles : ['resident'] } } });
  await page.evaluate((v) => localStorage.setItem('xqcs.session', v), value);
}
