/**
 * Issue 20 §1–3: the rectification ledger (整改通知), the "123" class history and patrol visits.
 * Appended to MIGRATIONS in schema.ts. Each row keeps the document as JSON plus the columns the
 * filters read.
 */
export const GOVERNANCE_TABLES = `
CREATE TABLE rectification_notices (
  id TEXT PRIMARY KEY NOT NULL,
  jurisdiction TEXT NOT NULL,
  estate_id TEXT NOT NULL,
  township_id TEXT NOT NULL,
  company_id TEXT,
  issuer_unit_id TEXT NOT NULL,
  status TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  deadline TEXT NOT NULL,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX rectification_estate ON rectification_notices (estate_id, issued_at);
CREATE INDEX rectification_company ON rectification_notices (company_id, issued_at);
CREATE INDEX rectification_jurisdiction ON rectification_notices (jurisdiction, issued_at);
CREATE INDEX rectification_status_deadline ON rectification_notices (status, deadline);

CREATE TABLE estate_class_changes (
  id TEXT PRIMARY KEY NOT NULL,
  estate_id TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  set_at TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX estate_class_estate ON estate_class_changes (estate_id, set_at);
CREATE INDEX estate_class_jurisdiction ON estate_class_changes (jurisdiction, set_at);

CREATE TABLE patrol_visits (
  id TEXT PRIMARY KEY NOT NULL,
  estate_id TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  year INTEGER NOT NULL,
  at TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX patrol_visits_jurisdiction_year ON patrol_visits (jurisdiction, year, at);
CREATE INDEX patrol_visits_estate ON patrol_visits (estate_id, at);
`;
