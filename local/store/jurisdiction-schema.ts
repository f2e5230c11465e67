/**
 * Issue 19 §4: jurisdictions created by admins, with their imported directory (units, townships).
 * Appended to MIGRATIONS in schema.ts. Kept as JSON plus the columns the reads order by.
 */
export const JURISDICTIONS_TABLE = `
CREATE TABLE jurisdictions (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  doc TEXT NOT NULL
);
`;
