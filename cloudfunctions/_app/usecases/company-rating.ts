/**
 * A change of a property company's rated stars through admin.putPropertyCompany is stored as a
 * standing record, source 'admin' (issue 20 §4: "The star level and credit status follow the ladder
 * and are stored with history"): who changed it, when, the standing before and after. A put that
 * leaves the rating as it was writes nothing; a company's first registration is not a change.
 */
import { standingRecordForRating } from '../../../shared/assessment/standing-record';
import type { PropertyCompany } from '../../../shared/domain/directory';
import type { Identity } from '../../../shared/domain/roles';
import { assessmentYear } from '../../../shared/ledger/ladder';
import type { AppDeps } from '../context';

export async function recordRatingChange(deps: AppDeps, identity: Identity, existing: PropertyCompany | undefined, next: PropertyCompany): Promise<void> {
  if (!existing) return;
  const ratedBefore = existing.ratedStars ?? null;
  const ratedAfter = next.ratedStars ?? null;
  if (ratedBefore === ratedAfter) return;
  const at = deps.clock.now();
  const year = assessmentYear(at);
  const violations = await deps.store.listViolations({ companyId: next.id, year });
  const record = standingRecordForRating({
    id: `sa:${deps.ids.newId()}`,
    companyId: next.id,
    jurisdiction: next.jurisdiction,
    year,
    at,
    by: { userId: identity.userId, role: 'admin', ...(identity.name ? { name: identity.name } : {}) },
    ratedBefore,
    ratedAfter,
    violations,
  });
  if (record) await deps.store.addStandingRecord(record);
}
