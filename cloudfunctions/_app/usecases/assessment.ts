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
import { ASSESSMENT_DEFINITIONS, ASSESSMENT_NOTE, COMPLAINT_CATEGORIES, CREDIT_LABELS, monthlyScore, noticeFact, standingFor, type StandingRecord } from '../../../shared/assessment';
import { unitName } from '../../../shared/governance/names';
import { QUARTER_NOTE, quarterlyScore, quarterMonths } from '../../../shared/assessment/quarter';
import { shanghaiMonth } from '../../../shared/metrics/instant';
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

/**
 * One stored change of star level / credit status as the table shows it (issue 20 §4): when, what
 * it became and from what, and why (the breach, its ticket number, the confirming unit and officer's
 * name; or the admin's change of the rated stars, source 'admin'). No user ids: the table is read across units.
 */
export function historyEntry(r: StandingRecord) {
  const cause = r.cause.kind === 'violation' ? { source: 'violation' as const, item: r.cause.item, ticketNo: r.cause.ticketNo } : { source: 'admin' as const, item: null, ticketNo: null, rated: { before: r.cause.ratedBefore, after: r.cause.ratedAfter } };
  return {
    at: r.at,
    ...cause,
    credit: r.after.credit,
    creditLabel: CREDIT_LABELS[r.after.credit],
    level: r.after.level,
    stars: r.after.stars,
    before: { credit: r.before.credit, creditLabel: CREDIT_LABELS[r.before.credit], level: r.before.level, stars: r.before.stars },
    by: { role: r.by.role, unitName: r.by.unitId ? unitName(r.by.unitId) : null, name: r.by.name ?? null },
  };
}

export async function assessment(deps: AppDeps, identity: Identity, input: In<'assessment'>) {
  const townships = assessmentScope(identity, input.jurisdiction, input.townshipId);
  const { from, to } = monthRange(input.month);
  const year = Number(input.month.slice(0, 4));
  const jurisdictions = childrenOf(input.jurisdiction);
  const [estatesAll, companiesAll, violations, notices, records] = await Promise.all([
    Promise.all(jurisdictions.map((j) => deps.store.listEstates({ jurisdiction: j }))).then((x) => x.flat()),
    Promise.all(jurisdictions.map((j) => deps.store.listPropertyCompanies(j))).then((x) => x.flat()),
    Promise.all(jurisdictions.map((j) => deps.store.listViolations({ jurisdiction: j, year }))).then((x) => x.flat()),
    deps.store.listRectificationNotices({ jurisdictions }),
    deps.store.listStandingRecords({ jurisdictions, year }),
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
      history: records.filter((r) => r.companyId === companyId).map(historyEntry),
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

/**
 * The quarterly view (issue 20 §4, 003 "每季度做好考核工作的监督和复核"): each month of the quarter
 * that has begun, read as the monthly table reads it (same scope, same weights), then per company
 * shared/assessment quarterlyScore. Star level, credit status and history are the latest month's
 * (they are the year's, whichever month).
 */
export async function assessmentQuarter(deps: AppDeps, identity: Identity, input: In<'assessmentQuarter'>) {
  const current = shanghaiMonth(deps.clock.now());
  const months = quarterMonths(input.quarter).filter((m) => m <= current);
  if (!months.length) throw new AppError('ASSESSMENT.NOT_STARTED', '该季度尚未开始', 400);
  const tables: Array<Awaited<ReturnType<typeof assessment>>> = [];
  // One month after another: each is a full read, and the CPU and database are shared.
  for (const month of months) tables.push(await assessment(deps, identity, { jurisdiction: input.jurisdiction, month, ...(input.townshipId ? { townshipId: input.townshipId } : {}) }));
  const latest = tables[tables.length - 1] as (typeof tables)[number];
  const rows = latest.rows.map((row) => {
    const monthly = tables.flatMap((t) => t.rows.filter((r) => r.companyId === row.companyId));
    const q = quarterlyScore(input.quarter, monthly);
    return { ...q, name: row.name, estates: row.estates, households: row.households, per1000: null, standing: row.standing, blacklisted: row.blacklisted, history: row.history };
  });
  rows.sort((a, b) => b.score - a.score || a.companyId.localeCompare(b.companyId));
  return {
    jurisdiction: input.jurisdiction,
    quarter: input.quarter,
    months,
    view: latest.view,
    townships: latest.townships,
    rows,
    definitions: latest.definitions,
    note: `${QUARTER_NOTE}${latest.note}`,
    ladder: latest.ladder,
  };
}
