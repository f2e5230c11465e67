import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { OutboxStore } from '../../../shared/ports/store';
import { chunk, COLLECTIONS, fromDoc, MAX_PAGE } from './collections';
import type { CbDatabase, DocData } from './sdk';

function clampLimit(limit: number): number {
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)));
}

export function createCloudbaseOutboxStore(db: CbDatabase): OutboxStore {
  const _ = db.command;
  const outbox = () => db.collection(COLLECTIONS.outbox);

  return {
    async pendingOutbox(limit) {
      // `null` matches null and missing, as in MongoDB (deadAt is set on dead letters only).
      const { data } = await outbox().where({ sentAt: null, deadAt: null }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(clampLimit(limit)).get();
      return data.map((d) => fromDoc<OutboxMessage>(d));
    },

    async markSent(id, at) {
      await outbox().doc(id).update({ sentAt: at });
    },

    async markFailed(id, error, opts = {}) {
      await outbox().doc(id).update({ attempts: _.inc(1), lastError: error, ...(opts.deadAt ? { deadAt: opts.deadAt } : {}) });
    },

    async listInbox(userId, opts) {
      const where: DocData = { recipientUserId: userId };
      if (opts.unreadOnly) where.readAt = null;
      const { data } = await outbox().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(clampLimit(opts.limit)).get();
      return data.map((d) => fromDoc<OutboxMessage>(d));
    },

    async markRead(userId, ids, at) {
      // Only the recipient's own unread messages: the first read time is kept.
      for (const part of chunk([...new Set(ids)], 100)) {
        await outbox()
          .where({ _id: _.in(part), recipientUserId: userId, readAt: null })
          .update({ readAt: at });
      }
    },
  };
}
