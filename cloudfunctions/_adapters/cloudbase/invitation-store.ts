import type { User } from '../../../shared/domain/directory';
import { isOpenInvitation, type Invitation } from '../../../shared/domain/invitation';
import { StoreConflictError, type InvitationStore, type RedeemOutcome } from '../../../shared/ports/store';
import { COLLECTIONS, fromDoc, toDoc, withoutId } from './collections';
import { userDoc, userFrom } from './directory-store';
import { inTransaction, isDuplicateWrite, type CbDatabase, type CbTransaction, type DocData } from './sdk';

/** How often createInvitation starts over after another admin's invitation for the same user won the race. */
const CREATE_ATTEMPTS = 3;

/**
 * An invitation as stored: `openUserId` = userId while it is open, absent after (the unique sparse
 * index invitations.openUserId_unique, cloudfunctions/_deploy/resources.ts: one open invitation per user).
 */
function invitationDoc(inv: Invitation): DocData {
  return toDoc(inv.id, isOpenInvitation(inv) ? { ...inv, openUserId: inv.userId } : inv);
}

function invitationFrom(doc: DocData): Invitation {
  const { openUserId: _open, ...rest } = fromDoc<Invitation & { openUserId?: string }>(doc);
  return rest;
}

async function txGet(tx: CbTransaction, collection: string, id: string): Promise<DocData | null> {
  return (await tx.collection(collection).doc(id).get()).data;
}

/** Staff invitations in the `invitations` and `invitation_failures` collections. */
export function createCloudbaseInvitationStore(db: CbDatabase): InvitationStore {
  const _ = db.command;
  const invitations = () => db.collection(COLLECTIONS.invitations);

  async function openOf(userId: string): Promise<Invitation[]> {
    const { data } = await invitations().where({ openUserId: userId }).limit(10).get();
    return data.map(invitationFrom);
  }

  return {
    /**
     * The open invitations are found outside the transaction (CloudBase refuses where() inside
     * one), then revoked and the new one inserted in one transaction. A concurrent invitation for
     * the same user makes the insert a duplicate of openUserId: start over.
     */
    async createInvitation(inv) {
      for (let attempt = 1; ; attempt++) {
        const previous = isOpenInvitation(inv) ? await openOf(inv.userId) : [];
        try {
          return await inTransaction(db, async (tx) => {
            if (await txGet(tx, COLLECTIONS.invitations, inv.id)) return false;
            for (const old of previous) {
              const current = await txGet(tx, COLLECTIONS.invitations, old.id);
              if (!current || !isOpenInvitation(invitationFrom(current))) continue;
              await tx.collection(COLLECTIONS.invitations).doc(old.id).set(withoutId(invitationDoc({ ...invitationFrom(current), revokedAt: inv.createdAt })));
            }
            await tx.collection(COLLECTIONS.invitations).add(invitationDoc(inv));
            return true;
          });
        } catch (error) {
          if (!isDuplicateWrite(error) || attempt >= CREATE_ATTEMPTS) throw error;
        }
      }
    },

    async getInvitation(id) {
      const { data } = await invitations().doc(id).get();
      return data[0] ? invitationFrom(data[0]) : null;
    },

    async findOpenInvitation(userId) {
      return (await openOf(userId))[0] ?? null;
    },

    /**
     * One transaction over the invitation, the invited user and the holder (all by id: no where()
     * in a transaction). The holder's openid is checked on its document; with no holder expected,
     * the openid is looked up before the transaction and the unique users.openid index refuses a
     * binding that raced in meanwhile.
     */
    async redeemInvitation({ id, openid, holderId, at }) {
      if (holderId === null) {
        const { data } = await db.collection(COLLECTIONS.users).where({ openid }).limit(1).get();
        if (data.length > 0) throw new StoreConflictError('微信账号的绑定已变化，请重试');
      }
      try {
        return await inTransaction(db, async (tx): Promise<RedeemOutcome> => {
          const invDoc = await txGet(tx, COLLECTIONS.invitations, id);
          if (!invDoc) return { status: 'unknown' };
          const inv = invitationFrom(invDoc);
          if (inv.kind !== 'staff' || inv.usedAt !== null) return { status: 'used' };
          if (inv.revokedAt !== null) return { status: 'revoked' };
          if (inv.expiresAt <= at) return { status: 'expired' };
          const invitedDoc = await txGet(tx, COLLECTIONS.users, inv.userId);
          if (!invitedDoc) return { status: 'unknown' };
          const invited = userFrom(fromDoc<User>(invitedDoc)) as User;
          let releasedUserId: string | null = null;
          if (holderId !== null && holderId !== invited.id) {
            const holderDoc = await txGet(tx, COLLECTIONS.users, holderId);
            const holder = holderDoc ? (userFrom(fromDoc<User>(holderDoc)) as User) : null;
            if (!holder || holder.openid !== openid) throw new StoreConflictError('微信账号的绑定已变化，请重试');
            if (holder.grants.length > 0) return { status: 'openid_taken' };
            // The resident record keeps its tickets and everything else; only the openid moves.
            await tx.collection(COLLECTIONS.users).doc(holder.id).set(withoutId(toDoc(holder.id, userDoc({ ...holder, openid: null }))));
            releasedUserId = holder.id;
          } else if (holderId !== null && invited.openid !== openid) {
            throw new StoreConflictError('微信账号的绑定已变化，请重试');
          }
          const bound: User = { ...invited, openid };
          if (invited.openid !== openid) await tx.collection(COLLECTIONS.users).doc(invited.id).set(withoutId(toDoc(invited.id, userDoc(bound))));
          await tx.collection(COLLECTIONS.invitations).doc(inv.id).set(withoutId(invitationDoc({ ...inv, usedAt: at })));
          return { status: 'redeemed', user: bound, releasedUserId };
        });
      } catch (error) {
        // Another record took this openid between the look-up and the commit.
        if (isDuplicateWrite(error)) throw new StoreConflictError('微信账号的绑定已变化，请重试');
        throw error;
      }
    },

    async recordRedeemFailure(callerId, at) {
      await db.collection(COLLECTIONS.invitationFailures).add({ callerId, at });
    },

    async countRedeemFailuresSince(callerId, since) {
      const { total } = await db.collection(COLLECTIONS.invitationFailures).where({ callerId, at: _.gte(since) }).count();
      return total;
    },
  };
}
