import type { ListVersion, ListVersionStatus } from '../jurisdictions/versions';

/** Stored responsibility-list versions (issue 19): drafts from imports, and activated versions. */
export interface ListVersionStore {
  /** Inserts, or replaces the version with the same (jurisdiction, versionId). */
  putListVersion(version: ListVersion): Promise<void>;
  /** Every given field must hold; ordered by jurisdiction, then createdAt, then versionId. */
  listListVersions(filter: { jurisdictions?: readonly string[]; status?: ListVersionStatus }): Promise<ListVersion[]>;
}
