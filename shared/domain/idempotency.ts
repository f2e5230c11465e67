/**
 * A retried submit carries the idempotency key of the first one and the same body (the client keeps
 * the draft until the server confirms). The same key with a different body is not a retry: it is a
 * client bug or a replay, answered 409 IDEMPOTENCY.MISMATCH instead of silently returning the first
 * ticket (issue 14).
 */
import type { Ticket } from './ticket';

export interface SubmittedBody {
  estateId: string;
  category: string;
  description: string;
  photos: readonly string[];
}

export function sameSubmission(stored: Pick<Ticket, 'estateId' | 'category' | 'description' | 'photos'>, body: SubmittedBody): boolean {
  return (
    stored.estateId === body.estateId &&
    stored.category === body.category &&
    stored.description === body.description &&
    stored.photos.length === body.photos.length &&
    stored.photos.every((p, i) => p === body.photos[i])
  );
}
