import type { StoredJurisdiction } from '../jurisdictions/stored';

/** Jurisdictions created by admins (issue 19 §4), with their imported directory. */
export interface JurisdictionStore {
  /** Inserts, or replaces the jurisdiction with the same id. */
  putJurisdiction(jurisdiction: StoredJurisdiction): Promise<void>;
  /** Every stored jurisdiction, ordered by createdAt, then id (parents were created before their children). */
  listJurisdictions(): Promise<StoredJurisdiction[]>;
}
