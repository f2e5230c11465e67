import type { Store } from '../../../shared/ports/store';
import { createCloudbaseBulletinJobStore } from './bulletin-job-store';
import { createCloudbaseDirectoryStore, type DirectoryCacheOptions } from './directory-store';
import { createCloudbaseGovernanceStore } from './governance-store';
import { createCloudbaseInvitationStore } from './invitation-store';
import { createCloudbaseListVersionStore } from './list-version-store';
import { createCloudbaseJurisdictionStore } from './jurisdiction-store';
import { createCloudbaseOutboxStore } from './outbox-store';
import { createCloudbasePhotoCheckStore } from './photo-check-store';
import type { CloudbaseApp } from './sdk';
import { createCloudbaseTicketStore } from './ticket-store';
import { createCloudbaseViolationStore } from './violation-store';

export { COLLECTIONS } from './collections';
export { loadCloudbase, type CloudbaseApp, type LoadCloudbaseOptions } from './sdk';

/**
 * The production Store on CloudBase's document database (app.database()): one collection per
 * entity, `_id` = our id. See ticket-store.ts for the write protocol of createTicket (one
 * transaction, idempotency document first) and commitTransition (one transaction: read and
 * version check, ticket write, event and outbox inserts). Directory reference data is cached per
 * warm container (directory-store.ts DirectoryCache: 60 s, dropped on this container's directory
 * writes; users and grants never).
 */
export function createCloudbaseStore(app: CloudbaseApp, options: { directoryCache?: DirectoryCacheOptions } = {}): Store {
  const db = app.database();
  return {
    ...createCloudbaseTicketStore(db),
    ...createCloudbaseDirectoryStore(db, options.directoryCache),
    ...createCloudbaseOutboxStore(db),
    ...createCloudbaseViolationStore(db),
    ...createCloudbaseInvitationStore(db),
    ...createCloudbasePhotoCheckStore(db),
    ...createCloudbaseGovernanceStore(db),
    ...createCloudbaseListVersionStore(db, options.directoryCache),
    ...createCloudbaseJurisdictionStore(db, options.directoryCache),
    ...createCloudbaseBulletinJobStore(db),
  };
}
