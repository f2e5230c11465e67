/**
 * SQLite schema of the local store, applied as numbered migrations (PRAGMA user_version).
 * Every table keeps the whole record as JSON in `doc`; the other columns exist to filter, order
 * and index. Mutable counters (ticket "me too", outbox delivery state) live in columns only, so
 * that a write of the whole document cannot overwrite them with a stale copy.
 */
import type Database from 'better-sqlite3';
import { backfillTicketFacts, TICKET_FACTS_TABLE } from './ticket-facts';
import { GOVERNANCE_TABLES } from './governance-schema';
import { STANDING_RECORDS_TABLE } from './standing-schema';
import { LIST_VERSIONS_TABLE } from './list-version-schema';
import { JURISDICTIONS_TABLE } from './jurisdiction-schema';
import { BULLETIN_JOBS_TABLE } from './bulletin-job-schema';

const V1 = `
CREATE TABLE tickets (
  id TEXT PRIMARY KEY NOT NULL,
  no TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL,
  jurisdiction TEXT NOT NULL,
  estate_id TEXT,
  grid_id TEXT,
  street_id TEXT,
  reporter_user_id TEXT NOT NULL,
  category TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- NULL for closed/rejected/merged tickets whatever the document says: the sweep index holds open tickets only.
  sweep_at TEXT,
  me_too INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);
-- Queues (newest first) and metrics: each filter column with created_at, id for keyset paging.
CREATE INDEX tickets_estate_created ON tickets (estate_id, created_at, id);
CREATE INDEX tickets_street_created ON tickets (street_id, created_at, id);
CREATE INDEX tickets_grid_created ON tickets (grid_id, created_at, id);
CREATE INDEX tickets_jurisdiction_created ON tickets (jurisdiction, created_at, id);
CREATE INDEX tickets_reporter_created ON tickets (reporter_user_id, created_at, id);
CREATE INDEX tickets_created ON tickets (created_at, id);
-- The overdue sweep reads only what is due.
CREATE INDEX tickets_sweep_due ON tickets (sweep_at, id) WHERE sweep_at IS NOT NULL;

-- Units a ticket concerns (assigned units, route lead and responsible) for the department queues.
CREATE TABLE ticket_units (
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  unit_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (ticket_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX ticket_units_unit_created ON ticket_units (unit_id, created_at, ticket_id);

-- Owner groups a ticket was shared into, for the police group desk.
CREATE TABLE ticket_groups (
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  group_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (ticket_id, group_id)
) WITHOUT ROWID;
CREATE INDEX ticket_groups_group_created ON ticket_groups (group_id, created_at, ticket_id);

CREATE TABLE events (
  id TEXT PRIMARY KEY NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  doc TEXT NOT NULL,
  UNIQUE (ticket_id, seq)
);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE idempotency (
  reporter_user_id TEXT NOT NULL,
  key TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  PRIMARY KEY (reporter_user_id, key)
) WITHOUT ROWID;

CREATE TABLE me_too (
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  user_id TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (ticket_id, user_id)
) WITHOUT ROWID;

CREATE TABLE sequences (
  name TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE outbox (
  id TEXT PRIMARY KEY NOT NULL,
  recipient_user_id TEXT NOT NULL,
  ticket_id TEXT,
  kind TEXT NOT NULL,
  doc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  read_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (created_at, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_inbox ON outbox (recipient_user_id, created_at, id);
CREATE INDEX outbox_unread ON outbox (recipient_user_id, created_at, id) WHERE read_at IS NULL;

CREATE TABLE estates (
  id TEXT PRIMARY KEY NOT NULL,
  jurisdiction TEXT NOT NULL,
  scene_code TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL
);
CREATE INDEX estates_jurisdiction ON estates (jurisdiction);

CREATE TABLE grids (
  id TEXT PRIMARY KEY NOT NULL,
  jurisdiction TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX grids_jurisdiction ON grids (jurisdiction);

CREATE TABLE users (
  id TEXT PRIMARY KEY NOT NULL,
  openid TEXT UNIQUE,
  demo INTEGER NOT NULL DEFAULT 0,
  doc TEXT NOT NULL
);

CREATE TABLE property_companies (
  id TEXT PRIMARY KEY NOT NULL,
  jurisdiction TEXT NOT NULL,
  doc TEXT NOT NULL
);

CREATE TABLE unit_contacts (
  unit_id TEXT PRIMARY KEY NOT NULL,
  doc TEXT NOT NULL
);

CREATE TABLE sla_policies (
  jurisdiction TEXT PRIMARY KEY NOT NULL,
  doc TEXT NOT NULL
);

CREATE TABLE owner_groups (
  id TEXT PRIMARY KEY NOT NULL,
  estate_id TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX owner_groups_estate ON owner_groups (estate_id);
`;

/** The 九不准 ledger (issue 6): confirmed violations per property company and assessment year. */
const V2 = `
CREATE TABLE violations (
  id TEXT PRIMARY KEY NOT NULL,
  company_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  jurisdiction TEXT NOT NULL,
  confirmed_at TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX violations_company_year ON violations (company_id, year, confirmed_at, id);
CREATE INDEX violations_jurisdiction_year ON violations (jurisdiction, year, confirmed_at, id);
`;

/**
 * Who holds which role where, and who acts for which unit, as index rows (issue 8): listUsers
 * reads the few candidates through them instead of unpacking every user's grants (every resident
 * who signed in is a user). Derived from users.doc only; putUser rewrites a user's rows with the
 * user. Units are a grant's `units` and `streets` (a township is found by its unit id).
 */
const V3 = `
CREATE TABLE user_roles (
  role TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (role, jurisdiction, user_id)
) WITHOUT ROWID;
CREATE INDEX user_roles_jurisdiction ON user_roles (jurisdiction);
CREATE INDEX user_roles_user ON user_roles (user_id);

CREATE TABLE user_units (
  unit_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (unit_id, user_id)
) WITHOUT ROWID;
CREATE INDEX user_units_user ON user_units (user_id);

-- Back-fill from the users already stored (putUser keeps them from now on, user-query.ts
-- userIndexRows: the same rows). A grant without a text role and jurisdiction is left out.
INSERT OR IGNORE INTO user_roles (role, jurisdiction, user_id)
  SELECT json_extract(g.value, '$.role'), json_extract(g.value, '$.jurisdiction'), u.id
  FROM users u, json_each(u.doc, '$.grants') g
  WHERE json_type(g.value, '$.role') = 'text' AND json_type(g.value, '$.jurisdiction') = 'text';
INSERT OR IGNORE INTO user_units (unit_id, user_id)
  SELECT x.value, u.id FROM users u, json_each(u.doc, '$.grants') g, json_each(g.value, '$.units') x WHERE x.type = 'text';
INSERT OR IGNORE INTO user_units (unit_id, user_id)
  SELECT x.value, u.id FROM users u, json_each(u.doc, '$.grants') g, json_each(g.value, '$.streets') x WHERE x.type = 'text';
`;

/**
 * Each ticket's metric facts record (ticket-facts.ts), for the reports (issue 8); back-filled from
 * the documents and events already stored (in JavaScript: shared/metrics derives the records).
 */
const V4 = (db: Database.Database): void => {
  db.exec(TICKET_FACTS_TABLE);
  backfillTicketFacts(db);
};

/**
 * Staff invitations (issue 15 §3): `id` is the SHA-256 of the code. `open_user_id` is the user id
 * while the invitation is open (neither used nor revoked) and NULL after: UNIQUE, so a user has at
 * most one open invitation. Failed redeems per caller, for the brute-force limit.
 */
const V5 = `
CREATE TABLE invitations (
  id TEXT PRIMARY KEY NOT NULL,
  user_id TEXT NOT NULL,
  open_user_id TEXT UNIQUE,
  doc TEXT NOT NULL
);
CREATE INDEX invitations_user ON invitations (user_id);

CREATE TABLE invitation_failures (
  caller_id TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX invitation_failures_caller_at ON invitation_failures (caller_id, at);
`;

/** Image content checks of public photos (mediaCheckAsync, issue 15), by trace id and by photo. */
const V6 = `
CREATE TABLE photo_checks (
  trace_id TEXT PRIMARY KEY NOT NULL,
  file_id TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX photo_checks_file ON photo_checks (file_id);
`;

/** SQL, or a function for what SQL alone cannot do; it runs inside the migration's transaction. */
export type Migration = string | ((db: Database.Database) => void);

/** Migration n (1-based) brings user_version from n-1 to n. Append only; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [V1, V2, V3, V4, V5, V6, GOVERNANCE_TABLES, LIST_VERSIONS_TABLE, JURISDICTIONS_TABLE, STANDING_RECORDS_TABLE, BULLETIN_JOBS_TABLE];

export function runMigration(db: Database.Database, migration: Migration): void {
  if (typeof migration === 'string') db.exec(migration);
  else migration(db);
}

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Connection settings: WAL for concurrent readers, NORMAL sync (durable at checkpoints), wait on locks. */
export function applyPragmas(db: Database.Database): void {
  // busy_timeout first: switching to WAL needs a lock another process may hold.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
}

/** Brings the schema up to date. Safe when several processes open the same new file at once. */
export function migrate(db: Database.Database): void {
  const current = () => db.pragma('user_version', { simple: true }) as number;
  const tooNew = () => new Error(`数据库版本 ${current()} 高于程序支持的 ${SCHEMA_VERSION}，请升级程序`);
  if (current() > SCHEMA_VERSION) throw tooNew();
  if (current() === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Re-read under the write lock: another process may have migrated meanwhile.
    for (let v = current(); v < SCHEMA_VERSION; v++) {
      runMigration(db, MIGRATIONS[v] as Migration);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
  if (current() > SCHEMA_VERSION) throw tooNew();
}
