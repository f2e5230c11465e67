import type { Store } from '../../../shared/ports/store';
import { createCloudbaseDirectoryStore } from './directory-store';
import { createCloudbaseInvitationStore } from './invitation-store';
import { createCloudbaseOutboxStore } from './outbox-store';
import type { CloudbaseApp } from './sdk';
import { createCloudbaseTicketStore } from './ticket-store';
import { createCloudbaseViolationStore } from './violation-store';

export { COLLECTIONS } from './collections';
export { loadCloudbase, type CloudbaseApp, type LoadCloudbaseOptions } from './sdk';

/**
 * The production Store on CloudBase's document database (app.database()): one collection per
 * entity, `_id` = our id. See ticket-store.ts for the write protocol of createTicket (one
 * transaction, idempotency document first) and commitTransition (one transaction: read and
 * version check, ticket write, event and outbox inserts).
 */
export function createCloudbaseStore(app: CloudbaseApp): Store {
  const db = app.database();
  return {
    ...createCloudbaseTicketStore(db),
    ...createCloudbaseDirectoryStore(db),
    ...createCloudbaseOutboxStore(db),
    ...createCloudbaseViolationStore(db),
    ...createCloudbaseInvitationStore(db),
  };
}
