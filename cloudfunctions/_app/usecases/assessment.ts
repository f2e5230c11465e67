/**
 * The property-company 考核 table (issue 20 §4): for a month, each company of the jurisdiction (or of
 * one township's estates) with its score (shared/assessment, weights and definitions in one place),
 * the terms behind it, and its star level and credit status from the 九不准 ladder with their history;
 * a 黑名单 company is flagged. Staff only: leadership, admin and 住建 officers for the jurisdiction (the
 * county's view), street officers for their own townships (the township's view). Never a property
 * company: the table counts complaints about them (DESIGN.md §2).
 */
import type { z } from 'zod';
import type { AssessmentInputs } from '../../../shared/actions/assessment';
import { ASSESSMENT_DEFINITIONS, ASSESSMENT_NOTE, COMPLAINT_CATEGORIES, monthlyScore, noticeFact, standingFor, standingHistory } from '../../../shared/assessment';
import type { Identity } from '../../../shared/domain/roles';
import { REGISTRY } from '../../../shared/jurisdictions';
import { housingScope, LADDER } from '../../../shared/ledger';
import { coversJurisdiction } from '../../../shared/permissions';
import type { AppDeps } from '../context';
import { AppError } from '../errors';
import { monthRange } from './bulletin';
import { AUTH_OPTIONS, ticketsMatching } from './support';

type In<K extends keyof typeof AssessmentInputs> = z.output<(typeof AssessmentInputs)[K]>;

/** Ratings come after the report: tickets filed up to this long before the month still count. */
const RATING_LOOKBACK_DAYS = 90;

function childrenOf(j: string): string[] {
  return [j, ...[...REGISTRY.lists.values()].filter((l) => l.parent === j).map((l) => l.id)];
}

/** Which townships the caller may assess in the jurisdiction: null = all of them (the county's view). */
function assessmentScope(identity: Identity, jurisdiction: string, townshipId: string | undefined): Set<string> | null {
  if (identity.grants.some((g) => g.role === 'property')) throw new AppError('AUTH.FORBIDDEN', '物业服务企业不能查看考核表', 403);
  const covers = (g: { jurisdiction: string }) => coversJurisdiction(g.jurisdiction, jurisdiction, AUTH_OPTIONS);
  const whole = identity.grants.some(
    (g) => covers(g) && (g.role === 'leadership' || g.role === 'admin' || (g.role === 'department' && (g.units ?? []).some((u) => housingScope(u) !== null))),
  );
  if (whole) return townshipId ? new Set([townshipId]) : null;
  const streets = new Set(identity.grants.filter((g) => g.role === 'street' && covers(g)).flatMap((g) => g.streets ?? []));
  if (streets.size === 0) throw new AppError('AUTH.FORBIDDEN', '仅领导小组办公室、住建部门和属地街道可以查看考核表', 403);
  if (townshipId && !streets.has(townshipId)) throw new AppError('AUTH.OUT_OF_SCOPE', '该街道/乡镇不在您的管辖范围内', 403);
  return townshipId ? new Set([townshipId]) : streets;
}

export async function assessment(deps: AppDeps, identity: Identity, input: In<'assessment'>) {
  const townships = assessmentScope(identity, input.jurisdiction, input.townshipId);
  const { from, to } = monthRange(input.month);
  const year = Number(input.month.slice(0, 4));
  const jurisdictions = childrenOf(input.jurisdiction);
  const [estatesAll, companiesAll, violations, notices] = await Promise.all([
    Promise.all(jurisdictions.map((j) => deps.store.listEstates({ jurisdiction: j }))).then((x) => x.flat()),
    Promise.all(jurisdictions.map((j) => deps.store.listPropertyCompanies(j))).then((x) => x.flat()),
    Promise.all(jurisdictions.map((j) => deps.store.listViolations({ jurisdiction: j, year }))).then((x) => x.flat()),
    deps.store.listRectificationNotices({ jurisdictions }),
  ]);
  const estates = estatesAll.filter((e) => e.propertyCompanyId && (townships === null || townships.has(e.townshipId)));
  const estateIds = new Set(estates.map((e) => e.id));
  const lookback = new Date(Date.parse(from) - RATING_LOOKBACK_DAYS * 86_400_000).toISOString();
  const tickets = estates.length
    ? await ticketsMatching(deps, [{ estateIds: [...estateIds], categories: [...COMPLAINT_CATEGORIES] }], { from: lookback, to })
    : [];
  const names = new Map(companiesAll.map((c) => [c.id, c.name]));
  const stars = new Map(companiesAll.map((c) => [c.id, c.ratedStars ?? null]));
  const companyIds = [...new Set(estates.map((e) => e.propertyCompanyId as string))];
  const asOf = deps.clock.now() < to ? deps.clock.now() : to;
  const rows = companyIds.map((companyId) => {
    const mine = estates.filter((e) => e.propertyCompanyId === companyId);
    // In a township's view the score counts that township's estates only.
    const inScope = (estateId: string | null) => estateId !== null && mine.some((e) => e.id === estateId);
    const score = monthlyScore({
      companyId,
      month: input.month,
      asOf,
      households: mine.map((e) => e.households ?? null),
      violations: violations.filter((v) => townships === null || inScope(v.estateId)),
      notices: notices.filter((n) => inScope(n.estateId)).map(noticeFact),
      tickets: tickets.filter((t) => inScope(t.estateId)),
    });
    // Star level and credit follow the company's whole ledger of the year, whichever view.
    const standing = standingFor({ companyId, year, ratedStars: stars.get(companyId) ?? null, violations });
    return {
      name: names.get(companyId) ?? companyId,
      estates: mine.map((e) => ({ id: e.id, name: e.name, households: e.households ?? null })),
      ...score,
      standing,
      blacklisted: standing.blacklisted,
      history: standingHistory({ companyId, year, ratedStars: stars.get(companyId) ?? null, violations }).map((c) => ({
        at: c.at,
        item: c.item,
        credit: c.standing.credit,
        creditLabel: c.standing.creditLabel,
        level: c.standing.level,
        stars: c.standing.stars,
      })),
    };
  });
  rows.sort((a, b) => b.score - a.score || a.companyId.localeCompare(b.companyId));
  return {
    jurisdiction: input.jurisdiction,
    month: input.month,
    view: townships === null ? 'county' : 'township',
    townships: townships === null ? null : [...townships],
    rows,
    definitions: ASSESSMENT_DEFINITIONS,
    note: ASSESSMENT_NOTE,
    ladder: LADDER.map((s) => ({ level: s.level, threshold: s.threshold, label: s.label })),
  };
}
