/**
 * Standing records for breaches confirmed before the records existed (issue 20 §4; stored records
 * began with 4623c83). A confirmation writes the 九不准 ledger entry and its 'violation-confirmed'
 * timeline event together, and the ladder reads the ledger; so the backfill replays each company's
 * ledger of a year in confirmation order and writes, for each breach that moved the ladder, the
 * record the confirmation would have written (standingRecordFor with the breaches confirmed up to it).
 * The ids are the breaches' (`sc:<violation id>`), so a record already stored is kept and running
 * the backfill twice adds nothing.
 *
 * The rating a breach is read against: the admin's rating at that instant where stored rating
 * changes (source 'admin') tell it, else the company's rating now (no older rating is kept).
 */
import { standingRecordFor, type StandingRecord } from '../../../shared/assessment/standing-record';
import type { Violation } from '../../../shared/domain/violation';
import type { Store } from '../../../shared/ports/store';

export interface BackfillResult {
  /** Breaches read. */
  breaches: number;
  /** Records written now. */
  added: number;
  /** Records that were already stored. */
  kept: number;
  /** Breaches that did not move the ladder (no record is due). */
  unmoved: number;
}

const byConfirmation = (a: Violation, b: Violation) => (a.confirmedAt < b.confirmedAt ? -1 : a.confirmedAt > b.confirmedAt ? 1 : a.id < b.id ? -1 : 1);

/** The rated stars at instant `at`: the last admin change by then, else the first one's before, else now's. */
export function ratedAt(adminChanges: readonly StandingRecord[], current: number | null, at: string): number | null {
  const changes = adminChanges.filter((r) => r.cause.kind === 'admin');
  const last = changes.filter((r) => r.at <= at).pop();
  if (last?.cause.kind === 'admin') return last.cause.ratedAfter;
  const next = changes.find((r) => r.at > at);
  if (next?.cause.kind === 'admin') return next.cause.ratedBefore;
  return current;
}

export async function backfillStandingRecords(store: Pick<Store, 'listViolations' | 'listPropertyCompanies' | 'listStandingRecords' | 'addStandingRecord'>): Promise<BackfillResult> {
  const [violations, companies] = await Promise.all([store.listViolations({}), store.listPropertyCompanies()]);
  const rating = new Map(companies.map((c) => [c.id, c.ratedStars ?? null]));
  const groups = new Map<string, Violation[]>();
  for (const v of violations) {
    const key = `${v.companyId}|${v.year}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const result: BackfillResult = { breaches: violations.length, added: 0, kept: 0, unmoved: 0 };
  for (const group of groups.values()) {
    const ordered = [...group].sort(byConfirmation);
    const first = ordered[0] as Violation;
    const stored = await store.listStandingRecords({ companyIds: [first.companyId], year: first.year });
    const admin = stored.filter((r) => r.cause.kind === 'admin');
    for (let i = 0; i < ordered.length; i += 1) {
      const v = ordered[i] as Violation;
      const record = standingRecordFor({ confirmed: v, ratedStars: ratedAt(admin, rating.get(v.companyId) ?? null, v.confirmedAt), violations: ordered.slice(0, i + 1) });
      if (!record) result.unmoved += 1;
      else if (await store.addStandingRecord(record)) result.added += 1;
      else result.kept += 1;
    }
  }
  return result;
}
