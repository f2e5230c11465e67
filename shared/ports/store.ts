import type { Estate, Grid, OwnerGroup, PropertyCompany, UnitContact, User } from '../domain/directory';
import type { Invitation } from '../domain/invitation';
import type { OutboxMessage } from '../domain/outbox';
import type { Ticket, TicketEvent, TicketState } from '../domain/ticket';
import type { Violation } from '../domain/violation';
import type { StandingRecord } from '../assessment/standing-record';
import type { BulletinJobStore } from './bulletin-job-store';
import type { EstateClassChange } from '../governance/estate-class';
import type { RectificationFilter, RectificationNotice } from '../governance/rectification';
import type { PatrolVisit } from '../governance/visits';
import type { TicketFactsRecord } from '../metrics/facts';
import type { ListVersionStore } from './list-versions';
import type { JurisdictionStore } from './jurisdictions';

/**
 * The persistence port. Two adapters implement it: SQLite (local runtime) and CloudBase
 * (production); one contract suite (test/contract) runs against both.
 *
 * Rules every adapter keeps:
 * - createTicket is idempotent per (reporterUserId, idempotencyKey): a retry returns the stored
 *   ticket with created=false and writes nothing.
 * - commitTransition writes the ticket only if the stored version equals expectedVersion, and then
 *   appends the event and enqueues the outbox messages in the same unit of work; otherwise it throws
 *   StoreConflictError and writes nothing.
 * - Events are append-only: no method updates or deletes one.
 */
export class StoreConflictError extends Error {
  readonly code = 'TICKET.VERSION_CONFLICT';
  constructor(message = '工单已被他人更新，请刷新后重试') {
    super(message);
    this.name = 'StoreConflictError';
  }
}

export interface TicketFilter {
  jurisdiction?: string;
  /** Any of these jurisdictions (a leadership office sees its own and its children). */
  jurisdictions?: string[];
  estateIds?: string[];
  gridIds?: string[];
  streetIds?: string[];
  /** Tickets whose assignedUnits or route units include any of these. */
  unitIds?: string[];
  reporterUserId?: string;
  states?: TicketState[];
  categories?: string[];
  /** createdAt within [createdFrom, createdTo). */
  createdFrom?: string;
  createdTo?: string;
  /** updatedAt ≥ this instant: moved since then (a finished 月通报 job's 已过期 check). */
  updatedFrom?: string;
  /** Shared into any of these owner groups. */
  groupIds?: string[];
  /** Ticket number starts with this (an exact number is its own prefix); the grid queue's search. */
  noPrefix?: string;
  /** Description contains this text, as typed (no pattern characters); the grid queue's search. */
  text?: string;
  /**
   * Leaves out the tickets of these categories whose propertyCompanyId is null or companyId (every
   * one of them when companyId is null): a property company's own list and count never hold
   * complaints about its conduct (DESIGN.md §2; the same rule as permissions' property view).
   */
  withoutConductOf?: { categories: readonly string[]; companyId: string | null };
}

export interface Page {
  limit: number;
  /** Opaque cursor from the previous page. */
  after?: string | null;
}

export interface TicketStore {
  getTicket(id: string): Promise<Ticket | null>;
  getTicketByNo(no: string): Promise<Ticket | null>;
  createTicket(input: {
    ticket: Ticket;
    event: TicketEvent;
    idempotencyKey: string;
    outbox: OutboxMessage[];
  }): Promise<{ ticket: Ticket; created: boolean }>;
  /**
   * Optional (issue 17 §2, "draw the ticket number inside the create's transaction"; the SQLite
   * adapter has it): createTicket with the next value of `counter` drawn in the same transaction.
   * `build` makes the ticket, its event and its messages for that value, synchronously, inside it.
   * A retry (the reporter's key is stored) answers the stored ticket and draws no number; a build
   * that throws leaves neither the number nor the ticket. Without it the caller draws with
   * nextSequence, then calls createTicket.
   */
  createNumberedTicket?(input: {
    counter: string;
    reporterUserId: string;
    idempotencyKey: string;
    build(seq: number): { ticket: Ticket; event: TicketEvent; outbox: OutboxMessage[] };
  }): Promise<{ ticket: Ticket; created: boolean }>;
  /** The ticket a (reporter, idempotency key) pair created, if any (a retried submit). */
  findByIdempotencyKey(reporterUserId: string, idempotencyKey: string): Promise<Ticket | null>;
  commitTransition(input: { next: Ticket; expectedVersion: number; event: TicketEvent; outbox: OutboxMessage[] }): Promise<void>;
  /**
   * Optional (issue 17 §2; the CloudBase adapter has it): several tickets' runs of consecutive steps
   * at once, each run all or nothing at its ticket's expected version (the sweep). Answers, per run in
   * order, whether it committed (false: the ticket had moved, nothing of the run was written).
   * Without it the caller commits each step with commitTransition.
   */
  commitTransitionRuns?(runs: ReadonlyArray<{ expectedVersion: number; steps: ReadonlyArray<{ next: Ticket; event: TicketEvent; outbox: OutboxMessage[] }> }>): Promise<boolean[]>;
  listEvents(ticketId: string): Promise<TicketEvent[]>;
  listEventsFor(ticketIds: string[]): Promise<TicketEvent[]>;
  /** Newest first (createdAt desc, id desc). */
  queryTickets(filter: TicketFilter, page: Page): Promise<{ items: Ticket[]; next: string | null }>;
  /** How many tickets queryTickets would list for the filter over all its pages (a queue tab's count). */
  countTickets(filter: TicketFilter): Promise<number>;
  /**
   * Optional (issue 8; the SQLite adapter has it): the metric facts records (shared/metrics
   * factsRecord) of the tickets a filter matches, in queryTickets' order and paging, kept by the
   * adapter with each ticket at its current version. Reports read these instead of the documents
   * and events of every ticket; without it they derive them from those.
   */
  queryTicketFacts?(filter: TicketFilter, page: Page): Promise<{ items: TicketFactsRecord[]; next: string | null }>;
  /**
   * Optional (issue 17 §3; both adapters have it): every facts record queryTicketFacts would page
   * through for the filter, in its order, at once. On CloudBase one aggregate request per 1,000 days
   * of the window instead of one request per 1,000 tickets. An adapter with it has queryTicketFacts.
   */
  listTicketFacts?(filter: TicketFilter): Promise<TicketFactsRecord[]>;
  /** Open tickets whose sweepAt ≤ now, oldest sweepAt first. Index-backed. */
  findDueForSweep(now: string, limit: number): Promise<Ticket[]>;
  /** Submissions by this reporter with createdAt ≥ since (rate limit). */
  countSubmissionsSince(reporterUserId: string, since: string): Promise<number>;
  /** Records a "me too"; false if this user already did for this ticket. */
  addMeToo(ticketId: string, userId: string, at: string): Promise<boolean>;
  /** Next value of a named counter (ticket numbers per jurisdiction and day). */
  nextSequence(name: string): Promise<number>;
}

export interface DirectoryStore {
  getEstate(id: string): Promise<Estate | null>;
  getEstateByScene(sceneCode: string): Promise<Estate | null>;
  listEstates(filter: { jurisdiction?: string; ids?: string[] }): Promise<Estate[]>;
  putEstate(estate: Estate): Promise<void>;
  getGrid(id: string): Promise<Grid | null>;
  listGrids(filter: { jurisdiction?: string; estateId?: string }): Promise<Grid[]>;
  putGrid(grid: Grid): Promise<void>;
  /** A grid a re-imported grid table left out (the import checked that nothing binds it). */
  deleteGrid(id: string): Promise<void>;
  getUser(id: string): Promise<User | null>;
  getUserByOpenid(openid: string): Promise<User | null>;
  listUsers(filter: { jurisdiction?: string; demo?: boolean; unitId?: string; role?: string }): Promise<User[]>;
  putUser(user: User): Promise<void>;
  listPropertyCompanies(jurisdiction?: string): Promise<PropertyCompany[]>;
  putPropertyCompany(company: PropertyCompany): Promise<void>;
  listUnitContacts(unitIds?: string[]): Promise<UnitContact[]>;
  putUnitContact(contact: UnitContact): Promise<void>;
  /** Jurisdiction SLA policy override (validated by shared/sla before it is stored). */
  getSlaPolicy(jurisdiction: string): Promise<unknown | null>;
  putSlaPolicy(jurisdiction: string, policy: unknown): Promise<void>;
  /** `estateIds`: the groups of several estates in one query (the police officer's estates); an empty list means none. */
  listOwnerGroups(filter: { estateId?: string; estateIds?: string[]; ids?: string[] }): Promise<OwnerGroup[]>;
  putOwnerGroup(group: OwnerGroup): Promise<void>;
}

export interface OutboxStore {
  /** Neither sent nor dead letters, oldest first. */
  pendingOutbox(limit: number): Promise<OutboxMessage[]>;
  /**
   * Optional (the CloudBase adapter has it): one page of the repair that pendingOutbox starts with,
   * copying into the outbox the hand-over messages transitions left in their ticket documents.
   * Answers how many tickets it cleared and whether the page was full (more may wait). The notify
   * timer drains them page by page within its time budget (usecases/notify.ts).
   */
  repairOutboxPage?(): Promise<{ cleared: number; more: boolean }>;
  markSent(id: string, at: string): Promise<void>;
  /**
   * Counts a failed attempt and keeps the error. With `deadAt` the message becomes a dead letter:
   * it records deadAt and leaves the pending list for good.
   */
  markFailed(id: string, error: string, opts?: { deadAt?: string }): Promise<void>;
  /** A user's hand-overs, newest first; unreadOnly for the home badge. */
  listInbox(userId: string, opts: { unreadOnly?: boolean; limit: number }): Promise<OutboxMessage[]>;
  /** How many unread hand-overs the user has, however many (未读交办 past the page listInbox reads). */
  countUnread(userId: string): Promise<number>;
  markRead(userId: string, ids: string[], at: string): Promise<void>;
}

export interface ViolationFilter {
  companyId?: string;
  /** Assessment year (Violation.year). */
  year?: number;
  jurisdiction?: string;
}

/** The 九不准 ledger (issue 6). */
export interface ViolationStore {
  /** Insert, or replace the violation with the same id. */
  putViolation(violation: Violation): Promise<void>;
  /** All given fields must hold; ordered by confirmedAt, then id. */
  listViolations(filter: ViolationFilter): Promise<Violation[]>;
}

/** Why a redeem did not bind (shared/domain/invitation.ts). */
export type RedeemRefusal = 'unknown' | 'used' | 'revoked' | 'expired' | 'openid_taken';

export type RedeemOutcome = { status: 'redeemed'; user: User; releasedUserId: string | null } | { status: RedeemRefusal };

/** Staff invitations (issue 15 §3): one collection/table of invitations, one of failed redeems. */
export interface InvitationStore {
  /**
   * Inserts the invitation; false (and nothing written) when one with this id exists already (a
   * bootstrap code used before). When the new one is open (not used, not revoked), the user's
   * previous open invitation is revoked (revokedAt = createdAt) in the same unit of work: a user
   * has at most one open invitation.
   */
  createInvitation(invitation: Invitation): Promise<boolean>;
  getInvitation(id: string): Promise<Invitation | null>;
  /** The user's open invitation (neither used nor revoked; it may have expired), if any. */
  findOpenInvitation(userId: string): Promise<Invitation | null>;
  /**
   * Binds `openid` to the invited user and marks the invitation used, in one unit of work, when the
   * invitation exists, is open and expiresAt > at; otherwise answers why not and writes nothing.
   *
   * The openid's current holder must be `holderId` (the caller's record as the platform resolved
   * it; null: no record holds it), else StoreConflictError. The binding rule:
   * - the holder is the invited user itself: nothing moves, the invitation is used;
   * - the holder holds grants (another staff record): 'openid_taken';
   * - the holder is a resident record (no grants): it loses the openid and keeps everything else,
   *   its tickets included (releasedUserId names it); the invited user takes the openid (an earlier
   *   openid of the invited user is unbound: a re-invitation moves a staff member to a new WeChat).
   */
  redeemInvitation(input: { id: string; openid: string; holderId: string | null; at: string }): Promise<RedeemOutcome>;
  /** Records a failed redeem or bootstrap attempt by this caller (the brute-force limit). */
  recordRedeemFailure(callerId: string, at: string): Promise<void>;
  /** Failed attempts by this caller with at ≥ since. */
  countRedeemFailuresSince(callerId: string, since: string): Promise<number>;
}

/**
 * An asynchronous image check of a photo a reporter allowed in public (mediaCheckAsync, issue 15):
 * `pending` until WeChat pushes the verdict for `traceId`. A public view shows the photo only
 * when its check passed.
 */
export interface PhotoCheck {
  traceId: string;
  fileId: string;
  ticketId: string;
  verdict: 'pending' | 'pass' | 'risky' | 'review';
  label: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

export interface PhotoCheckStore {
  /** Inserts, or replaces the check with the same traceId. */
  putPhotoCheck(check: PhotoCheck): Promise<void>;
  getPhotoCheck(traceId: string): Promise<PhotoCheck | null>;
  /** The checks of these photos (any order; a photo checked twice has two). */
  listPhotoChecks(fileIds: readonly string[]): Promise<PhotoCheck[]>;
}

/** The rectification ledger (issue 20 §1: 整改通知, 问题清单/整改清单). */
export interface RectificationStore {
  /** Inserts; false (and nothing written) when a notice with this id exists. */
  createRectificationNotice(notice: RectificationNotice): Promise<boolean>;
  /** Writes `next` only if the stored version equals expectedVersion; else StoreConflictError. */
  updateRectificationNotice(next: RectificationNotice, expectedVersion: number): Promise<void>;
  getRectificationNotice(id: string): Promise<RectificationNotice | null>;
  /** All given fields must hold; ordered by issuedAt, then id. */
  listRectificationNotices(filter: RectificationFilter): Promise<RectificationNotice[]>;
}

/** The "123" classification history and 执法进小区 patrol visits (issue 20 §2–3). */
export interface GovernanceStore {
  /** Appends one class change (history is never rewritten). */
  addEstateClassChange(change: EstateClassChange): Promise<void>;
  /** Ordered by setAt, then id. */
  listEstateClassChanges(filter: { jurisdictions?: string[]; estateIds?: string[] }): Promise<EstateClassChange[]>;
  /** Inserts, or replaces the visit with the same id. */
  putPatrolVisit(visit: PatrolVisit): Promise<void>;
  /** Ordered by at, then id. */
  listPatrolVisits(filter: { jurisdictions?: string[]; year?: number; estateIds?: string[] }): Promise<PatrolVisit[]>;
  /** Appends a change of a company's star level and credit status; false (nothing written) when its id exists (issue 20 §4). */
  addStandingRecord(record: StandingRecord): Promise<boolean>;
  /** All given fields must hold; ordered by at, then id. */
  listStandingRecords(filter: { companyIds?: string[]; jurisdictions?: string[]; year?: number }): Promise<StandingRecord[]>;
}

export interface Store extends BulletinJobStore, TicketStore, DirectoryStore, OutboxStore, ViolationStore, InvitationStore, PhotoCheckStore, RectificationStore, GovernanceStore, ListVersionStore, JurisdictionStore {
  close?(): Promise<void> | void;
}
