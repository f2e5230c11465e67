/**
 * Staff onboarding without openids (DESIGN.md §7, issue 15 §3): an admin creates a staff record and
 * an invitation for it; the staff member opens the invitation in the mini-program, and the openid
 * of the WeChat context that redeems it is bound to the staff record. The code is random (≥ 128
 * bits, made by the function, never here: shared/ has no randomness), shown once, and stored only
 * as its hash.
 */

export type InvitationKind = 'staff' | 'bootstrap';

export interface Invitation {
  /** SHA-256 (hex) of the code. The code itself is never stored. */
  id: string;
  /**
   * 'staff': made by an admin for a staff record, open until used, replaced or expired.
   * 'bootstrap': the record that the deploy-time first-admin code was used (born used): the same
   * code never works again.
   */
  kind: InvitationKind;
  /** The staff record the code binds (bootstrap: the caller who became the first admin). */
  userId: string;
  /** The admin who made it (bootstrap: the caller). */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** Set when a newer invitation for the same user replaced this one before it was used. */
  revokedAt: string | null;
}

/** Default and longest lifetime of an invitation (hours): 72 h, at most 14 days. */
export const INVITATION_TTL_HOURS = 72;
export const INVITATION_MAX_TTL_HOURS = 14 * 24;

/** Failed redeems (unknown, used, replaced or expired codes) a caller may make per rolling hour. */
export const MAX_FAILED_REDEEMS_PER_HOUR = 5;

/** The mini-program page that redeems an invitation (app.config.ts) and its link with the code. */
export const INVITE_PAGE = 'pages/invite/index';
export const invitePath = (code: string): string => `${INVITE_PAGE}?code=${encodeURIComponent(code)}`;

/** Neither used nor replaced (expiry is checked against the clock by whoever reads it). */
export const isOpenInvitation = (inv: Invitation): boolean => inv.usedAt === null && inv.revokedAt === null;
