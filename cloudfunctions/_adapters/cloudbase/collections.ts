import type { CbQuery, DocData } from './sdk';

/**
 * One collection per entity; every document's `_id` is our id. Each must be declared, with its
 * indexes and security rule, in cloudfunctions/_deploy/resources.ts (created by `npm run deploy`).
 */
export const COLLECTIONS = {
  tickets: 'tickets',
  events: 'events',
  /** `_id` = `${encodeURIComponent(reporterUserId)}:${idempotencyKey}`: a second insert is the retry signal. */
  idempotency: 'idempotency',
  /** `_id` = `${encodeURIComponent(ticketId)}:${userId}`. */
  meToo: 'me_too',
  sequences: 'sequences',
  outbox: 'outbox',
  estates: 'estates',
  grids: 'grids',
  users: 'users',
  propertyCompanies: 'property_companies',
  /** `_id` = unitId. */
  unitContacts: 'unit_contacts',
  /** `_id` = jurisdiction. */
  slaPolicies: 'sla_policies',
  ownerGroups: 'owner_groups',
  /** The 九不准 ledger; `_id` = Violation.id. */
  violations: 'violations',
  /** Staff invitations; `_id` = Invitation.id (the code's hash); `openUserId` while open (unique, sparse). */
  invitations: 'invitations',
  /** Failed redeems `{callerId, at}` for the brute-force limit; `_id` chosen by CloudBase. */
  invitationFailures: 'invitation_failures',
  /** Image content checks of public photos; `_id` = the mediaCheckAsync trace id. */
  photoChecks: 'photo_checks',
  /** Photo upload slots (upload-slots.ts): the daily allowance and unclaimed uploads; `_id` = slot id. */
  uploads: 'uploads',
  /** 整改通知 (issue 20 §1); `_id` = RectificationNotice.id; version-checked updates. */
  rectificationNotices: 'rectification_notices',
  /** "123" class history (issue 20 §2); `_id` = EstateClassChange.id; append only. */
  estateClassChanges: 'estate_class_changes',
  /** 执法进小区 patrols without a ticket (issue 20 §3); `_id` = PatrolVisit.id. */
  patrolVisits: 'patrol_visits',
  /** Star level / credit status changes of property companies (issue 20 §4); `_id` = StandingRecord.id; append only. */
  standingRecords: 'standing_records',
  /** Responsibility-list versions (issue 19); `_id` = `${jurisdiction}:${versionId}`. */
  listVersions: 'list_versions',
  /** Jurisdictions created by admins (issue 19 §4); `_id` = the jurisdiction id. */
  jurisdictions: 'jurisdictions',
  /** 月通报 jobs (issue 17 §3); `_id` = BulletinJob.id; version-checked updates. */
  bulletinJobs: 'bulletin_jobs',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** Server-side page size ceiling of CloudBase (the SDK clamps `limit` to it). */
export const MAX_PAGE = 1000;

/**
 * Every document matching `query`, paged with skip in steps of MAX_PAGE. The query must carry an
 * orderBy that is total (ends with `_id`) so pages do not overlap.
 */
export async function getAll(query: CbQuery): Promise<DocData[]> {
  const all: DocData[] = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = offset === 0 ? query.limit(MAX_PAGE) : query.skip(offset).limit(MAX_PAGE);
    const { data } = await page.get();
    all.push(...data);
    if (data.length < MAX_PAGE) return all;
  }
}

/** Splits long `$in` lists so a single request stays small. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Fields the adapter adds to documents for querying; never returned to callers. */
const INTERNAL_FIELDS = new Set(['_id', '_openid', 'indexUnitIds']);

/** A stored document back to the domain value: drops `_id` and the adapter's index fields. */
export function fromDoc<T>(doc: DocData): T {
  const out: DocData = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!INTERNAL_FIELDS.has(key)) out[key] = value;
  }
  return out as T;
}

/** A domain value to a document keyed by `id` (`undefined` fields are dropped, as JSON does). */
export function toDoc(id: string, value: object): DocData {
  const doc: DocData = { _id: id };
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined) doc[key] = v;
  }
  return doc;
}

/** `doc.set()` refuses `_id` in the data: the same document without it. */
export function withoutId(doc: DocData): DocData {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
