/**
 * The local runtime's Store (shared/ports/store.ts) on an embedded SQLite file (better-sqlite3):
 * WAL, synchronous=NORMAL, busy_timeout, foreign keys. Several processes may open the same file:
 * writes that must be atomic run in IMMEDIATE transactions, which serialise on the file's write lock.
 * Creates and ticket-number draws arriving together share one such transaction (group-commit.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Estate, Grid, OwnerGroup, PropertyCompany, UnitContact, User } from '../../shared/domain/directory';
import type { Invitation } from '../../shared/domain/invitation';
import type { OutboxMessage } from '../../shared/domain/outbox';
import type { Ticket, TicketEvent } from '../../shared/domain/ticket';
import type { Violation } from '../../shared/domain/violation';
import type { EstateClassChange } from '../../shared/governance/estate-class';
import type { RectificationFilter, RectificationNotice } from '../../shared/governance/rectification';
import type { PatrolVisit } from '../../shared/governance/visits';
import type { GovernanceStore } from '../../shared/ports/store';
import type { StandingRecord } from '../../shared/assessment/standing-record';
import type { ListVersion } from '../../shared/jurisdictions/versions';
import type { TicketFactsRecord } from '../../shared/metrics/facts';
import type { ListVersionStore } from '../../shared/ports/list-versions';
import type { InvitationStore, Page, PhotoCheck, RedeemOutcome, Store, TicketFilter, TicketStore, ViolationFilter } from '../../shared/ports/store';
import { SqliteDirectory } from './directory-store';
import { SqliteGovernance } from './governance-store';
import type { GroupCommitStats } from './group-commit';
import { SqliteInvitations } from './invitation-store';
import { SqliteListVersions } from './list-version-store';
import { SqliteJurisdictions } from './jurisdiction-store';
import type { StoredJurisdiction } from '../../shared/jurisdictions/stored';
import { SqlitePhotoChecks } from './photo-check-store';
import { SqliteBulletinJobs } from './bulletin-job-store';
import type { BulletinJob } from '../../shared/ports/bulletin-job-store';
import { SqliteOutbox } from './outbox-store';
import { applyPragmas, migrate } from './schema';
import { StatementCache } from './statements';
import { SqliteTickets } from './ticket-store';
import { SqliteViolations } from './violation-store';

export class SqliteStore implements Store {
  private readonly tickets: SqliteTickets;
  private readonly directory: SqliteDirectory;
  private readonly outbox: SqliteOutbox;
  private readonly violations: SqliteViolations;
  private readonly invitations: SqliteInvitations;
  private readonly photoChecks: SqlitePhotoChecks;
  private readonly bulletinJobs: SqliteBulletinJobs;
  /** Issue 20 §1–3: rectification notices, class changes, patrol visits. */
  readonly governance: SqliteGovernance;
  private readonly listVersions: SqliteListVersions;
  private readonly jurisdictions: SqliteJurisdictions;

  /** The connection, for tests and maintenance (EXPLAIN, PRAGMA); the app goes through the port. */
  constructor(
    readonly db: Database.Database,
    readonly file: string,
    options: SqliteStoreOptions = {},
  ) {
    const st = new StatementCache(db);
    this.tickets = new SqliteTickets(st, options.groupCommit ?? true);
    this.directory = new SqliteDirectory(st);
    this.outbox = new SqliteOutbox(st);
    this.violations = new SqliteViolations(st);
    this.invitations = new SqliteInvitations(st, this.directory);
    this.photoChecks = new SqlitePhotoChecks(st);
    this.bulletinJobs = new SqliteBulletinJobs(st);
    this.governance = new SqliteGovernance(st);
    this.listVersions = new SqliteListVersions(st);
    this.jurisdictions = new SqliteJurisdictions(st);
  }

  /** How creates were grouped into commits (group-commit.ts): for the benchmark and tests. */
  get createBatches(): GroupCommitStats {
    return this.tickets.creates.stats;
  }

  /** One ticket in an IMMEDIATE transaction of its own, synchronously: the benchmark's raw insert. */
  createTicketAlone(input: Parameters<TicketStore['createTicket']>[0]): { ticket: Ticket; created: boolean } {
    return this.tickets.createTicketAlone(input);
  }

  /** Tickets in one IMMEDIATE transaction, a savepoint each, synchronously: the benchmark's raw insert grouped. */
  createTicketsTogether(inputs: Array<Parameters<TicketStore['createTicket']>[0]>): Array<{ ticket: Ticket; created: boolean }> {
    return this.tickets.createTicketsTogether(inputs);
  }

  // TicketStore
  getTicket(id: string): Promise<Ticket | null> {
    return this.tickets.getTicket(id);
  }
  getTicketByNo(no: string): Promise<Ticket | null> {
    return this.tickets.getTicketByNo(no);
  }
  createTicket(input: Parameters<TicketStore['createTicket']>[0]): Promise<{ ticket: Ticket; created: boolean }> {
    return this.tickets.createTicket(input);
  }
  createNumberedTicket(input: Parameters<NonNullable<TicketStore['createNumberedTicket']>>[0]): Promise<{ ticket: Ticket; created: boolean }> {
    return this.tickets.createNumberedTicket(input);
  }
  findByIdempotencyKey(reporterUserId: string, idempotencyKey: string): Promise<Ticket | null> {
    return this.tickets.findByIdempotencyKey(reporterUserId, idempotencyKey);
  }
  commitTransition(input: Parameters<TicketStore['commitTransition']>[0]): Promise<void> {
    return this.tickets.commitTransition(input);
  }
  queryTicketFacts(filter: TicketFilter, page: Page): Promise<{ items: TicketFactsRecord[]; next: string | null }> {
    return this.tickets.queryTicketFacts(filter, page);
  }
  /** Every record queryTicketFacts pages through (in process, so paging costs no round trip here). */
  async listTicketFacts(filter: TicketFilter): Promise<TicketFactsRecord[]> {
    const records: TicketFactsRecord[] = [];
    let after: string | null = null;
    do {
      const page: { items: TicketFactsRecord[]; next: string | null } = await this.tickets.queryTicketFacts(filter, { limit: 1000, after });
      records.push(...page.items);
      after = page.next;
    } while (after);
    return records;
  }
  listEvents(ticketId: string): Promise<TicketEvent[]> {
    return this.tickets.listEvents(ticketId);
  }
  listEventsFor(ticketIds: string[]): Promise<TicketEvent[]> {
    return this.tickets.listEventsFor(ticketIds);
  }
  queryTickets(filter: TicketFilter, page: Page): Promise<{ items: Ticket[]; next: string | null }> {
    return this.tickets.queryTickets(filter, page);
  }

  countTickets(filter: TicketFilter): Promise<number> {
    return this.tickets.countTickets(filter);
  }
  findDueForSweep(now: string, limit: number): Promise<Ticket[]> {
    return this.tickets.findDueForSweep(now, limit);
  }
  countSubmissionsSince(reporterUserId: string, since: string): Promise<number> {
    return this.tickets.countSubmissionsSince(reporterUserId, since);
  }
  addMeToo(ticketId: string, userId: string, at: string): Promise<boolean> {
    return this.tickets.addMeToo(ticketId, userId, at);
  }
  nextSequence(name: string): Promise<number> {
    return this.tickets.nextSequence(name);
  }

  // DirectoryStore
  getEstate(id: string): Promise<Estate | null> {
    return this.directory.getEstate(id);
  }
  getEstateByScene(sceneCode: string): Promise<Estate | null> {
    return this.directory.getEstateByScene(sceneCode);
  }
  listEstates(filter: { jurisdiction?: string; ids?: string[] }): Promise<Estate[]> {
    return this.directory.listEstates(filter);
  }
  putEstate(estate: Estate): Promise<void> {
    return this.directory.putEstate(estate);
  }
  getGrid(id: string): Promise<Grid | null> {
    return this.directory.getGrid(id);
  }
  listGrids(filter: { jurisdiction?: string; estateId?: string }): Promise<Grid[]> {
    return this.directory.listGrids(filter);
  }
  putGrid(grid: Grid): Promise<void> {
    return this.directory.putGrid(grid);
  }
  deleteGrid(id: string): Promise<void> {
    return this.directory.deleteGrid(id);
  }
  getUser(id: string): Promise<User | null> {
    return this.directory.getUser(id);
  }
  getUserByOpenid(openid: string): Promise<User | null> {
    return this.directory.getUserByOpenid(openid);
  }
  listUsers(filter: { jurisdiction?: string; demo?: boolean; unitId?: string; role?: string }): Promise<User[]> {
    return this.directory.listUsers(filter);
  }
  putUser(user: User): Promise<void> {
    return this.directory.putUser(user);
  }
  listPropertyCompanies(jurisdiction?: string): Promise<PropertyCompany[]> {
    return this.directory.listPropertyCompanies(jurisdiction);
  }
  putPropertyCompany(company: PropertyCompany): Promise<void> {
    return this.directory.putPropertyCompany(company);
  }
  listUnitContacts(unitIds?: string[]): Promise<UnitContact[]> {
    return this.directory.listUnitContacts(unitIds);
  }
  putUnitContact(contact: UnitContact): Promise<void> {
    return this.directory.putUnitContact(contact);
  }
  getSlaPolicy(jurisdiction: string): Promise<unknown | null> {
    return this.directory.getSlaPolicy(jurisdiction);
  }
  putSlaPolicy(jurisdiction: string, policy: unknown): Promise<void> {
    return this.directory.putSlaPolicy(jurisdiction, policy);
  }
  listOwnerGroups(filter: { estateId?: string; ids?: string[] }): Promise<OwnerGroup[]> {
    return this.directory.listOwnerGroups(filter);
  }
  putOwnerGroup(group: OwnerGroup): Promise<void> {
    return this.directory.putOwnerGroup(group);
  }

  // OutboxStore
  pendingOutbox(limit: number): Promise<OutboxMessage[]> {
    return this.outbox.pendingOutbox(limit);
  }
  markSent(id: string, at: string): Promise<void> {
    return this.outbox.markSent(id, at);
  }
  markFailed(id: string, error: string, opts?: { deadAt?: string }): Promise<void> {
    return this.outbox.markFailed(id, error, opts);
  }
  listInbox(userId: string, opts: { unreadOnly?: boolean; limit: number }): Promise<OutboxMessage[]> {
    return this.outbox.listInbox(userId, opts);
  }
  countUnread(userId: string): Promise<number> {
    return this.outbox.countUnread(userId);
  }
  markRead(userId: string, ids: string[], at: string): Promise<void> {
    return this.outbox.markRead(userId, ids, at);
  }

  // ViolationStore
  putViolation(violation: Violation): Promise<void> {
    return this.violations.putViolation(violation);
  }
  listViolations(filter: ViolationFilter): Promise<Violation[]> {
    return this.violations.listViolations(filter);
  }

  // InvitationStore
  createInvitation(invitation: Invitation): Promise<boolean> {
    return this.invitations.createInvitation(invitation);
  }
  getInvitation(id: string): Promise<Invitation | null> {
    return this.invitations.getInvitation(id);
  }
  findOpenInvitation(userId: string): Promise<Invitation | null> {
    return this.invitations.findOpenInvitation(userId);
  }
  redeemInvitation(input: Parameters<InvitationStore['redeemInvitation']>[0]): Promise<RedeemOutcome> {
    return this.invitations.redeemInvitation(input);
  }
  recordRedeemFailure(callerId: string, at: string): Promise<void> {
    return this.invitations.recordRedeemFailure(callerId, at);
  }
  countRedeemFailuresSince(callerId: string, since: string): Promise<number> {
    return this.invitations.countRedeemFailuresSince(callerId, since);
  }

  // BulletinJobStore (issue 17 §3)
  createBulletinJob(job: BulletinJob): Promise<boolean> {
    return this.bulletinJobs.createBulletinJob(job);
  }
  getBulletinJob(id: string): Promise<BulletinJob | null> {
    return this.bulletinJobs.getBulletinJob(id);
  }
  updateBulletinJob(next: BulletinJob, expectedVersion: number): Promise<void> {
    return this.bulletinJobs.updateBulletinJob(next, expectedVersion);
  }

  // PhotoCheckStore
  putPhotoCheck(check: PhotoCheck): Promise<void> {
    return this.photoChecks.putPhotoCheck(check);
  }
  getPhotoCheck(traceId: string): Promise<PhotoCheck | null> {
    return this.photoChecks.getPhotoCheck(traceId);
  }
  listPhotoChecks(fileIds: readonly string[]): Promise<PhotoCheck[]> {
    return this.photoChecks.listPhotoChecks(fileIds);
  }

  // RectificationStore, GovernanceStore (issue 20)
  createRectificationNotice(notice: RectificationNotice): Promise<boolean> {
    return this.governance.createRectificationNotice(notice);
  }
  updateRectificationNotice(next: RectificationNotice, expectedVersion: number): Promise<void> {
    return this.governance.updateRectificationNotice(next, expectedVersion);
  }
  getRectificationNotice(id: string): Promise<RectificationNotice | null> {
    return this.governance.getRectificationNotice(id);
  }
  listRectificationNotices(filter: RectificationFilter): Promise<RectificationNotice[]> {
    return this.governance.listRectificationNotices(filter);
  }
  addEstateClassChange(change: EstateClassChange): Promise<void> {
    return this.governance.addEstateClassChange(change);
  }
  listEstateClassChanges(filter: Parameters<GovernanceStore['listEstateClassChanges']>[0]): Promise<EstateClassChange[]> {
    return this.governance.listEstateClassChanges(filter);
  }
  putPatrolVisit(visit: PatrolVisit): Promise<void> {
    return this.governance.putPatrolVisit(visit);
  }
  listPatrolVisits(filter: Parameters<GovernanceStore['listPatrolVisits']>[0]): Promise<PatrolVisit[]> {
    return this.governance.listPatrolVisits(filter);
  }
  addStandingRecord(record: StandingRecord): Promise<boolean> {
    return this.governance.addStandingRecord(record);
  }
  listStandingRecords(filter: Parameters<GovernanceStore['listStandingRecords']>[0]): Promise<StandingRecord[]> {
    return this.governance.listStandingRecords(filter);
  }

  // ListVersionStore (issue 19)
  putListVersion(version: ListVersion): Promise<void> {
    return this.listVersions.putListVersion(version);
  }
  listListVersions(filter: Parameters<ListVersionStore['listListVersions']>[0]): Promise<ListVersion[]> {
    return this.listVersions.listListVersions(filter);
  }

  // JurisdictionStore (issue 19 §4)
  putJurisdiction(jurisdiction: StoredJurisdiction): Promise<void> {
    return this.jurisdictions.putJurisdiction(jurisdiction);
  }
  listJurisdictions(): Promise<StoredJurisdiction[]> {
    return this.jurisdictions.listJurisdictions();
  }

  /** PRAGMA optimize first (SQLite's advice for long-lived connections): refreshes planner statistics where useful. */
  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('optimize');
    } finally {
      this.db.close();
    }
  }
}

export interface SqliteStoreOptions {
  /** Creates and ticket-number draws of one event-loop turn share a commit (group-commit.ts); default on. Off: one transaction each. */
  groupCommit?: boolean;
}

/** Opens (creating if needed, with its folder) and migrates the store file. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    applyPragmas(db);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return new SqliteStore(db, file, options);
}
