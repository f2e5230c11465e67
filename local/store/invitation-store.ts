/** Staff invitations on SQLite (tables `invitations` and `invitation_failures`, migration 5). */
import type Database from 'better-sqlite3';
import type { User } from '../../shared/domain/directory';
import { isOpenInvitation, type Invitation } from '../../shared/domain/invitation';
import { StoreConflictError, type InvitationStore, type RedeemOutcome } from '../../shared/ports/store';
import type { SqliteDirectory } from './directory-store';
import type { StatementCache } from './statements';

type Redeem = Parameters<InvitationStore['redeemInvitation']>[0];

export class SqliteInvitations implements InvitationStore {
  private readonly createTx: Database.Transaction<(inv: Invitation) => boolean>;
  private readonly redeemTx: Database.Transaction<(input: Redeem) => RedeemOutcome>;

  constructor(
    private readonly st: StatementCache,
    private readonly directory: SqliteDirectory,
  ) {
    this.createTx = st.db.transaction((inv: Invitation) => this.createNow(inv));
    this.redeemTx = st.db.transaction((input: Redeem) => this.redeemNow(input));
  }

  async createInvitation(invitation: Invitation): Promise<boolean> {
    return this.createTx.immediate(invitation);
  }

  async getInvitation(id: string): Promise<Invitation | null> {
    return this.read('SELECT doc FROM invitations WHERE id = ?', id);
  }

  async findOpenInvitation(userId: string): Promise<Invitation | null> {
    return this.read('SELECT doc FROM invitations WHERE open_user_id = ?', userId);
  }

  /** IMMEDIATE: the invitation, the holder and the invited user are read under the write lock. */
  async redeemInvitation(input: Redeem): Promise<RedeemOutcome> {
    try {
      return this.redeemTx.immediate(input);
    } finally {
      // Users may have been written (and a failed transaction rolled back): no cached read survives.
      this.directory.clearCache();
    }
  }

  async recordRedeemFailure(callerId: string, at: string): Promise<void> {
    this.st.get('INSERT INTO invitation_failures (caller_id, at) VALUES (?, ?)').run(callerId, at);
  }

  async countRedeemFailuresSince(callerId: string, since: string): Promise<number> {
    const row = this.st.get('SELECT COUNT(*) AS n FROM invitation_failures WHERE caller_id = ? AND at >= ?').get(callerId, since) as { n: number };
    return row.n;
  }

  private read(sql: string, param: string): Invitation | null {
    const row = this.st.get(sql).get(param) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Invitation) : null;
  }

  private write(inv: Invitation): void {
    this.st
      .get('INSERT INTO invitations (id, user_id, open_user_id, doc) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET open_user_id = excluded.open_user_id, doc = excluded.doc')
      .run(inv.id, inv.userId, isOpenInvitation(inv) ? inv.userId : null, JSON.stringify(inv));
  }

  private createNow(inv: Invitation): boolean {
    if (this.st.get('SELECT 1 FROM invitations WHERE id = ?').get(inv.id)) return false;
    if (isOpenInvitation(inv)) {
      const previous = this.read('SELECT doc FROM invitations WHERE open_user_id = ?', inv.userId);
      if (previous) this.write({ ...previous, revokedAt: inv.createdAt });
    }
    this.write(inv);
    return true;
  }

  private user(sql: string, param: string): User | null {
    const row = this.st.get(sql).get(param) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as User) : null;
  }

  private redeemNow({ id, openid, holderId, at }: Redeem): RedeemOutcome {
    const inv = this.read('SELECT doc FROM invitations WHERE id = ?', id);
    if (!inv || inv.kind !== 'staff') return { status: inv ? 'used' : 'unknown' };
    if (inv.usedAt !== null) return { status: 'used' };
    if (inv.revokedAt !== null) return { status: 'revoked' };
    if (inv.expiresAt <= at) return { status: 'expired' };
    const invited = this.user('SELECT doc FROM users WHERE id = ?', inv.userId);
    if (!invited) return { status: 'unknown' };
    const holder = this.user('SELECT doc FROM users WHERE openid = ?', openid);
    if ((holder?.id ?? null) !== holderId) throw new StoreConflictError('微信账号的绑定已变化，请重试');
    let releasedUserId: string | null = null;
    let bound = invited;
    if (holder && holder.id !== invited.id) {
      if (holder.grants.length > 0) return { status: 'openid_taken' };
      // The resident record keeps its tickets and everything else; only the openid moves.
      this.directory.putUserNow({ ...holder, openid: null });
      releasedUserId = holder.id;
    }
    if (invited.openid !== openid) {
      bound = { ...invited, openid };
      this.directory.putUserNow(bound);
    }
    this.write({ ...inv, usedAt: at });
    return { status: 'redeemed', user: bound, releasedUserId };
  }
}
