/**
 * The CloudBase resources of a deployment, declared once: every collection the CloudBase adapter
 * uses, its indexes, the database security rule of each collection, and the storage security rule.
 *
 * Applied by `npm run deploy` (cloudfunctions/_deploy/deploy.ts, through @cloudbase/manager-node),
 * and read by the loopback CloudBase server of the tests (test/support/cloudbase-loopback.ts), which
 * creates exactly these collections and enforces exactly these unique indexes. A test
 * (test/contract/cloudbase.contract.test.ts) fails when the adapter queries a collection or a field
 * that no index here starts with.
 *
 * Index shapes follow CloudBase's UpdateTable API (CreateIndexes[].MgoKeySchema: MgoIndexKeys
 * {Name, Direction}, MgoIsUnique, MgoIsSparse — https://cloud.tencent.com/document/api/876/127964 and
 * the MgoKeySchema model of tencentcloud-sdk tcb v20180608); @cloudbase/manager-node 5.6.5 passes
 * `updateCollection(name, { CreateIndexes })` through to UpdateTable unchanged
 * (node_modules/@cloudbase/manager-node/lib/database/index.js).
 */
import { COLLECTIONS, type CollectionName } from '../_adapters/cloudbase/collections';

/** One key of an index: a (dotted) field path and its direction. */
export type IndexKey = readonly [field: string, direction: 1 | -1];

export interface IndexDeclaration {
  /** Index name in CloudBase: letters, digits and `_` only (checkIndexExists looks it up by name). */
  name: string;
  keys: readonly IndexKey[];
  /** A second document with the same key values is refused (E11000). */
  unique?: boolean;
  /**
   * Documents without the field are left out of the index. Needed for a unique index on a field
   * that some documents lack: MongoDB indexes a missing field as null otherwise, so a second
   * document without it would be a duplicate. A stored `null` is still indexed: the adapter omits
   * the field instead of storing null.
   */
  sparse?: boolean;
}

/**
 * A CloudBase custom security rule (`{"read": …, "write": …}`): `false` refuses every client
 * request; the functions use the server SDK, which security rules do not restrict
 * (https://docs.cloudbase.net/en/database/security-rules, https://docs.cloudbase.net/storage/security-rules).
 */
export interface SecurityRule {
  read: boolean | string;
  write: boolean | string;
}

export interface CollectionDeclaration {
  indexes: readonly IndexDeclaration[];
  rule: SecurityRule;
}

/** No client reads or writes any collection: only the cloud functions touch the database. */
export const FUNCTIONS_ONLY: SecurityRule = { read: false, write: false };

const asc = (field: string): IndexKey => [field, 1];
const desc = (field: string): IndexKey => [field, -1];

/**
 * Every collection of COLLECTIONS (the type makes a missing one a compile error), with the indexes
 * the adapter's queries need (cloudfunctions/_adapters/cloudbase/*-store.ts):
 * - tickets: queryTickets filters by one of jurisdiction, estateId, gridId, streetId,
 *   indexUnitIds, reporter.userId, state, category, sharedGroups and pages by (createdAt desc, _id desc);
 *   findDueForSweep by sweepAt; getTicketByNo by the unique `no`.
 * - events by ticketId, seq; outbox pending by sentAt, inbox by recipientUserId, createdAt.
 * - estates by the unique sceneCode and by jurisdiction; users by the unique openid (sparse: staff
 *   not yet bound have none) and by the fields of a grant.
 * - invitations by the unique openUserId (sparse: only an open invitation has it, so a user has at
 *   most one); invitation_failures counted by callerId, at.
 */
export const COLLECTION_DECLARATIONS: Readonly<Record<CollectionName, CollectionDeclaration>> = {
  tickets: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'no_unique', keys: [asc('no')], unique: true },
      { name: 'createdAt_id', keys: [desc('createdAt'), desc('_id')] },
      { name: 'jurisdiction_createdAt', keys: [asc('jurisdiction'), desc('createdAt')] },
      { name: 'estateId_createdAt', keys: [asc('estateId'), desc('createdAt')] },
      { name: 'gridId_createdAt', keys: [asc('gridId'), desc('createdAt')] },
      { name: 'streetId_createdAt', keys: [asc('streetId'), desc('createdAt')] },
      { name: 'indexUnitIds_createdAt', keys: [asc('indexUnitIds'), desc('createdAt')] },
      { name: 'reporter_userId_createdAt', keys: [asc('reporter.userId'), desc('createdAt')] },
      { name: 'state_createdAt', keys: [asc('state'), desc('createdAt')] },
      { name: 'category_createdAt', keys: [asc('category'), desc('createdAt')] },
      { name: 'sharedGroups_createdAt', keys: [asc('sharedGroups'), desc('createdAt')] },
      { name: 'sweepAt_id', keys: [asc('sweepAt'), asc('_id')] },
      // The notify timer's copy of hand-over messages a transition left in its ticket (outbox-store.ts).
      { name: 'outboxPendingAt_id', keys: [asc('outboxPendingAt'), asc('_id')] },
      // A submit's (reporter, idempotency key): a second insert is the retry signal (ticket-store.ts createTicket).
      { name: 'idemKey_unique', keys: [asc('idemKey')], unique: true, sparse: true },
    ],
  },
  events: { rule: FUNCTIONS_ONLY, indexes: [{ name: 'ticketId_seq', keys: [asc('ticketId'), asc('seq'), asc('_id')] }] },
  idempotency: { rule: FUNCTIONS_ONLY, indexes: [] },
  me_too: { rule: FUNCTIONS_ONLY, indexes: [] },
  sequences: { rule: FUNCTIONS_ONLY, indexes: [] },
  outbox: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'sentAt_createdAt', keys: [asc('sentAt'), asc('createdAt'), asc('_id')] },
      { name: 'recipientUserId_createdAt', keys: [asc('recipientUserId'), desc('createdAt'), desc('_id')] },
    ],
  },
  estates: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'sceneCode_unique', keys: [asc('sceneCode')], unique: true },
      { name: 'jurisdiction', keys: [asc('jurisdiction'), asc('_id')] },
    ],
  },
  grids: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'jurisdiction', keys: [asc('jurisdiction'), asc('_id')] },
      { name: 'estateIds', keys: [asc('estateIds')] },
    ],
  },
  users: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'openid_unique', keys: [asc('openid')], unique: true, sparse: true },
      { name: 'grants_jurisdiction_role', keys: [asc('grants.jurisdiction'), asc('grants.role')] },
      { name: 'grants_role', keys: [asc('grants.role')] },
      { name: 'grants_units', keys: [asc('grants.units')] },
      { name: 'grants_streets', keys: [asc('grants.streets')] },
      { name: 'demo', keys: [asc('demo')] },
    ],
  },
  property_companies: { rule: FUNCTIONS_ONLY, indexes: [{ name: 'jurisdiction', keys: [asc('jurisdiction'), asc('_id')] }] },
  unit_contacts: { rule: FUNCTIONS_ONLY, indexes: [] },
  sla_policies: { rule: FUNCTIONS_ONLY, indexes: [] },
  owner_groups: { rule: FUNCTIONS_ONLY, indexes: [{ name: 'estateId', keys: [asc('estateId'), asc('_id')] }] },
  violations: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'confirmedAt', keys: [asc('confirmedAt'), asc('_id')] },
      { name: 'companyId_year_confirmedAt', keys: [asc('companyId'), asc('year'), asc('confirmedAt')] },
      { name: 'jurisdiction_year_confirmedAt', keys: [asc('jurisdiction'), asc('year'), asc('confirmedAt')] },
      { name: 'year_confirmedAt', keys: [asc('year'), asc('confirmedAt')] },
    ],
  },
  invitations: { rule: FUNCTIONS_ONLY, indexes: [{ name: 'openUserId_unique', keys: [asc('openUserId')], unique: true, sparse: true }] },
  invitation_failures: { rule: FUNCTIONS_ONLY, indexes: [{ name: 'callerId_at', keys: [asc('callerId'), asc('at')] }] },
  photo_checks: { rule: FUNCTIONS_ONLY, indexes: [{ name: 'fileId', keys: [asc('fileId')] }] },
  uploads: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'fileId_unique', keys: [asc('fileId')], unique: true },
      { name: 'ownerUserId_createdAt', keys: [asc('ownerUserId'), asc('createdAt')] },
      { name: 'claimedAt_createdAt', keys: [asc('claimedAt'), asc('createdAt')] },
    ],
  },
  rectification_notices: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'issuedAt', keys: [asc('issuedAt'), asc('_id')] },
      { name: 'estateId_issuedAt', keys: [asc('estateId'), asc('issuedAt')] },
      { name: 'companyId_issuedAt', keys: [asc('companyId'), asc('issuedAt')] },
      { name: 'status_deadline', keys: [asc('status'), asc('deadline')] },
      { name: 'jurisdiction_issuedAt', keys: [asc('jurisdiction'), asc('issuedAt')] },
      { name: 'townshipId_issuedAt', keys: [asc('townshipId'), asc('issuedAt')] },
      { name: 'issuerUnitId_issuedAt', keys: [asc('issuerUnitId'), asc('issuedAt')] },
    ],
  },
  estate_class_changes: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'setAt', keys: [asc('setAt'), asc('_id')] },
      { name: 'estateId_setAt', keys: [asc('estateId'), asc('setAt')] },
      { name: 'jurisdiction_setAt', keys: [asc('jurisdiction'), asc('setAt')] },
    ],
  },
  patrol_visits: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'at', keys: [asc('at'), asc('_id')] },
      { name: 'estateId_at', keys: [asc('estateId'), asc('at')] },
      { name: 'jurisdiction_year_at', keys: [asc('jurisdiction'), asc('year'), asc('at')] },
    ],
  },
  standing_records: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'at', keys: [asc('at'), asc('_id')] },
      { name: 'companyId_year_at', keys: [asc('companyId'), asc('year'), asc('at')] },
      { name: 'jurisdiction_year_at', keys: [asc('jurisdiction'), asc('year'), asc('at')] },
    ],
  },
  list_versions: {
    rule: FUNCTIONS_ONLY,
    indexes: [
      { name: 'jurisdiction_createdAt', keys: [asc('jurisdiction'), asc('createdAt'), asc('_id')] },
      { name: 'status_jurisdiction_createdAt', keys: [asc('status'), asc('jurisdiction'), asc('createdAt')] },
    ],
  },
  jurisdictions: {
    rule: FUNCTIONS_ONLY,
    indexes: [{ name: 'createdAt', keys: [asc('createdAt'), asc('_id')] }],
  },
  bulletin_jobs: { rule: FUNCTIONS_ONLY, indexes: [] },
};

/** The declared collections as a list (names as CloudBase knows them). */
export function declaredCollections(): Array<{ name: CollectionName } & CollectionDeclaration> {
  return (Object.values(COLLECTIONS) as CollectionName[]).map((name) => ({ name, ...COLLECTION_DECLARATIONS[name] }));
}

/**
 * Where clients upload: `photos/<user segment>/<name>` (shared/files.ts `uploadPrefix`; the server
 * then accepts a fileID only under the caller's own segment).
 */
export const UPLOAD_ROOT = 'photos';

/**
 * Storage custom rule (ModifyStorageSafeRule through `storage.setStorageAcl('CUSTOM', rule)`).
 * - write (upload, overwrite, delete): a signed-in WeChat user, on a file they own
 *   (`resource.openid`, stamped by the platform with the uploader's openid), and only at
 *   `photos/<segment>/<name>`: no other folder, no deeper path.
 * - read: only the owner's own files. Everyone else sees photos through the functions, which hand
 *   out short-lived temporary URLs after their own permission checks.
 * Variables `auth.openid`, `resource.openid`, `resource.path` and the regex `.test(…) == true` form:
 * https://docs.cloudbase.net/storage/security-rules/secure_resource and
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/storage/security-rules/rules.html.
 * The per-user segment itself cannot be checked here (it is the opaque user id, which rules cannot
 * see): the functions check it (shared/files.ts checkCloudFileId).
 */
export const STORAGE_RULE: SecurityRule = {
  read: 'auth.openid != null && resource.openid == auth.openid',
  write: `auth.openid != null && resource.openid == auth.openid && /^${UPLOAD_ROOT}\\/[A-Za-z0-9_.-]{1,128}\\/[A-Za-z0-9_.-]{1,128}$/.test(resource.path) == true`,
};
