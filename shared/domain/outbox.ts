/** Hand-over kinds that put a message in the outbox (issue 5 §5). */
export const HANDOVER_KINDS = ['submitted', 'whistled', 'returned', 'escalated', 'resolved', 'status', 'supervised', 'extension', 'claimed'] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/**
 * A notification waiting to be delivered (WeChat subscribe message) and shown as an unread
 * hand-over on the recipient's home. Payload fields respect WeChat limits (`thing` ≤ 20 chars).
 */
export interface OutboxMessage {
  id: string;
  recipientUserId: string;
  ticketId: string | null;
  kind: HandoverKind;
  /** Short Chinese title and body for the home screen. */
  title: string;
  body: string;
  /** Subscribe-message data: template field → value, each within WeChat limits. */
  data: Record<string, string>;
  createdAt: string;
  sentAt: string | null;
  readAt: string | null;
  attempts: number;
  lastError: string | null;
  /** Set when delivery was given up (a dead letter): no longer pending, kept with its last error. */
  deadAt?: string | null;
}
