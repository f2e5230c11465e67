/**
 * Issue 20 §4: the stored history of property companies' star level and credit status
 * (shared/assessment/standing-record.ts). Appended to MIGRATIONS in schema.ts. Append only.
 */
export const STANDING_RECORDS_TABLE = `
CREATE TABLE standing_records (
  id TEXT PRIMARY KEY NOT NULL,
  company_id TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  year INTEGER NOT NULL,
  at TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX standing_records_company ON standing_records (company_id, year, at);
CREATE INDEX standing_records_jurisdiction ON standing_records (jurisdiction, year, at);
`;
