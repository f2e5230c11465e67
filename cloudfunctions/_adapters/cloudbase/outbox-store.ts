import type { OutboxMessage } from '../../../shared/domain/outbox';
import type { OutboxStore } from '../../../shared/ports/store';
import { chunk, COLLECTIONS, fromDoc, MAX_PAGE } from './collections';
import { isDuplicateWrite, type CbDatabase, type DocData } from './sdk';

/**
 * How old a transition's messages in its ticket document (outboxPending, ticket-store.ts) must be
 * before the notify timer copies them: the transition copies them itself right after its write, so
 * only a copy that failed or a function that died in between leaves them behind for longer.
 */
export const OUTBOX_REPAIR_AFTER_MS = 60_000;

/** Tickets whose left-over messages one page of the repair copies (pendingOutbox runs one page; the notify timer drains them, usecases/notify.ts). */
export const REPAIR_BATCH = 100;

function clampLimit(limit: number): number {
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)));
}

export function createCloudbaseOutboxStore(db: CbDatabase): OutboxStore {
  const _ = db.command;
  const outbox = () => db.collection(COLLECTIONS.outbox);
  const tickets = () => db.collection(COLLECTIONS.tickets);

  /**
   * Copies the messages that transitions left in their ticket documents (outboxPending) into the
   * outbox collection, those not there yet, then clears them from each document still at the
   * version read (a ticket moved since keeps its list for the next run). Idempotent: message ids are
   * fixed, and a copy another run or the transition made meanwhile is a duplicate, skipped.
   * One page of REPAIR_BATCH tickets: answers how many tickets it cleared and whether the page was full.
   */
  async function repairOutboxCopies(): Promise<{ cleared: number; more: boolean }> {
    const cutoff = new Date(Date.now() - OUTBOX_REPAIR_AFTER_MS).toISOString();
    const { data: docs } = await tickets().where({ outboxPendingAt: _.lte(cutoff) }).orderBy('outboxPendingAt', 'asc').orderBy('_id', 'asc').limit(REPAIR_BATCH).get();
    if (docs.length === 0) return { cleared: 0, more: false };
    const left = docs.flatMap((d) => (Array.isArray(d.outboxPending) ? (d.outboxPending as DocData[]) : []));
    const present = new Set<string>();
    for (const ids of chunk(left.map((m) => String(m._id)), 100)) {
      const { data } = await outbox().where({ _id: _.in(ids) }).limit(MAX_PAGE).get();
      for (const m of data) present.add(String(m._id));
    }
    const missing = left.filter((m) => !present.has(String(m._id)));
    if (missing.length > 0) {
      try {
        await outbox().add(missing);
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error;
        // Someone copied one meanwhile: one at a time, skipping the duplicates.
        for (const m of missing) await outbox().add(m).catch((e: unknown) => {
          if (!isDuplicateWrite(e)) throw e;
        });
      }
    }
    const cleared = await Promise.all(docs.map((d) => tickets().where({ _id: d._id, version: d.version }).update({ outboxPending: _.remove(), outboxPendingAt: _.remove() })));
    return { cleared: cleared.reduce((n, r) => n + r.updated, 0), more: docs.length === REPAIR_BATCH };
  }

  return {
    repairOutboxPage: repairOutboxCopies,

    async pendingOutbox(limit) {
      await repairOutboxCopies();
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

    async countUnread(userId) {
      // One count request on the inbox index (recipientUserId_createdAt); `null` matches null and missing.
      const { total } = await outbox().where({ recipientUserId: userId, readAt: null }).count();
      return total;
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
