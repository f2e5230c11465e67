/**
 * Sessions of the local runtime: random bearer tokens kept in memory (a restart signs everyone out).
 * In demo mode the dev sign-in opens them, for demo users only; without demo mode only an identity
 * provider in front of the runtime does (Runtime.sessions), and a demo user's session is never
 * honoured. The CloudBase functions take identity from the WeChat context and never see these tokens.
 */
import { randomBytes } from 'node:crypto';
import type { User } from '../../shared/domain/directory';
import type { Identity } from '../../shared/domain/roles';
import type { Store } from '../../shared/ports/store';

/** Sessions end after this long without use. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const MAX_SESSIONS = 10_000;

interface Session {
  userId: string;
  lastUsed: number;
}

export class DevSessions {
  private readonly byToken = new Map<string, Session>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  signIn(userId: string): string {
    if (this.byToken.size >= MAX_SESSIONS) this.prune(true);
    const token = randomBytes(24).toString('base64url');
    this.byToken.set(token, { userId, lastUsed: this.nowMs() });
    return token;
  }

  /** The signed-in user id, or null for an unknown or expired token. */
  userIdOf(token: string): string | null {
    const s = this.byToken.get(token);
    if (!s) return null;
    const now = this.nowMs();
    if (now - s.lastUsed > SESSION_IDLE_MS) {
      this.byToken.delete(token);
      return null;
    }
    s.lastUsed = now;
    return s.userId;
  }

  /**
   * Points a live session at another user: after report.redeemInvitation moved the session's WeChat
   * openid to a staff record, the account is that record (as on CloudBase, where identity is read
   * from the openid on every call).
   */
  rebind(token: string, userId: string): void {
    const s = this.byToken.get(token);
    if (s) s.userId = userId;
  }

  signOut(token: string): boolean {
    return this.byToken.delete(token);
  }

  private prune(force: boolean): void {
    const now = this.nowMs();
    for (const [token, s] of this.byToken) if (now - s.lastUsed > SESSION_IDLE_MS) this.byToken.delete(token);
    if (force && this.byToken.size >= MAX_SESSIONS) {
      const oldest = this.byToken.keys().next().value;
      if (oldest !== undefined) this.byToken.delete(oldest);
    }
  }
}

/** The identity the app layer sees: grants as stored now (an admin's change applies at once). */
export function identityOfUser(u: User): Identity {
  return { userId: u.id, name: u.name, ...(u.openid ? { openid: u.openid } : {}), grants: u.grants };
}

/**
 * Resolves a bearer token to its identity. No token → anonymous (null identity); a token that is
 * unknown, expired, or whose user is gone → 'invalid'. In demo mode only demo users are honoured;
 * without it only users that are not demo users (anyone may sign in as a demo user in demo mode, so
 * a demo account is nobody's outside it).
 */
export async function identityForToken(store: Store, sessions: DevSessions, token: string | null, demo: boolean): Promise<Identity | null | 'invalid'> {
  if (!token) return null;
  const userId = sessions.userIdOf(token);
  if (!userId) return 'invalid';
  const user = await store.getUser(userId);
  if (!user || user.demo !== demo) return 'invalid';
  return identityOfUser(user);
}
