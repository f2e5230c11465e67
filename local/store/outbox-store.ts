/** The outbox on SQLite: notifications written with the ticket change, delivered and read later. */
import type { OutboxMessage } from '../../shared/domain/outbox';
import type { OutboxStore } from '../../shared/ports/store';
import { IN_LIST, jsonList, type StatementCache } from './statements';

interface OutboxRow {
  doc: string;
  sent_at: string | null;
  read_at: string | null;
  attempts: number;
  last_error: string | null;
}

const COLUMNS = 'doc, sent_at, read_at, attempts, last_error';

/** Delivery state lives in columns (updated in place); the document holds what never changes. */
function toMessage(row: OutboxRow): OutboxMessage {
  return { ...(JSON.parse(row.doc) as OutboxMessage), sentAt: row.sent_at, readAt: row.read_at, attempts: row.attempts, lastError: row.last_error };
}

/** Called inside the ticket transactions, so a message exists only if its ticket change does. */
export function insertOutbox(st: StatementCache, messages: readonly OutboxMessage[]): void {
  if (messages.length === 0) return;
  const insert = st.get(
    `INSERT INTO outbox (id, recipient_user_id, ticket_id, kind, doc, created_at, sent_at, read_at, attempts, last_error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of messages) {
    insert.run(m.id, m.recipientUserId, m.ticketId, m.kind, JSON.stringify(m), m.createdAt, m.sentAt, m.readAt, m.attempts, m.lastError);
  }
}

export class SqliteOutbox implements OutboxStore {
  constructor(private readonly st: StatementCache) {}

  async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
    const rows = this.st
      // A dead letter's deadAt lives in its doc (outbox docs are never rewritten after insert).
      .get(`SELECT ${COLUMNS} FROM outbox WHERE sent_at IS NULL AND json_extract(doc, '$.deadAt') IS NULL ORDER BY created_at, id LIMIT ?`)
      .all(Math.max(0, Math.floor(limit))) as OutboxRow[];
    return rows.map(toMessage);
  }

  /** Keeps the first delivery time if called twice. */
  async markSent(id: string, at: string): Promise<void> {
    this.st.get('UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL').run(at, id);
  }

  async markFailed(id: string, error: string, opts: { deadAt?: string } = {}): Promise<void> {
    if (opts.deadAt) {
      this.st.get("UPDATE outbox SET attempts = attempts + 1, last_error = ?, doc = json_set(doc, '$.deadAt', ?) WHERE id = ?").run(error, opts.deadAt, id);
    } else {
      this.st.get('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error, id);
    }
  }

  async listInbox(userId: string, opts: { unreadOnly?: boolean; limit: number }): Promise<OutboxMessage[]> {
    const unread = opts.unreadOnly ? ' AND read_at IS NULL' : '';
    const rows = this.st
      .get(`SELECT ${COLUMNS} FROM outbox WHERE recipient_user_id = ?${unread} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(userId, Math.max(0, Math.floor(opts.limit))) as OutboxRow[];
    return rows.map(toMessage);
  }

  async countUnread(userId: string): Promise<number> {
    const row = this.st.get('SELECT count(*) AS n FROM outbox WHERE recipient_user_id = ? AND read_at IS NULL').get(userId) as { n: number };
    return row.n;
  }

  /** Only the recipient's own messages; a message already read keeps its first read time. */
  async markRead(userId: string, ids: string[], at: string): Promise<void> {
    if (ids.length === 0) return;
    this.st
      .get(`UPDATE outbox SET read_at = ? WHERE recipient_user_id = ? AND read_at IS NULL AND id IN ${IN_LIST}`)
      .run(at, userId, jsonList(ids));
  }
}
