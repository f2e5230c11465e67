/** Issue 17 §3: 月通报 jobs (shared/ports/bulletin-job-store.ts). Appended to MIGRATIONS in schema.ts. Append only. */
export const BULLETIN_JOBS_TABLE = `
CREATE TABLE bulletin_jobs (
  id TEXT PRIMARY KEY NOT NULL,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL
);
`;
