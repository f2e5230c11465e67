/**
 * Issue 19: stored responsibility-list versions (drafts from imports, activated versions). Appended
 * to MIGRATIONS in schema.ts. The version is kept as JSON plus the columns the filters read.
 */
export const LIST_VERSIONS_TABLE = `
CREATE TABLE list_versions (
  jurisdiction TEXT NOT NULL,
  version_id TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (jurisdiction, version_id)
);
CREATE INDEX list_versions_status ON list_versions (status, jurisdiction, created_at);
`;
