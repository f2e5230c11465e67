/**
 * The "123" classification and 执法进小区 visits (issue 20 §2–3), staff only.
 * - setEstateClass / estateClass: the estate's class with its history (staff names, never openids),
 *   and, where the class is set, its open rectification items and its residents' satisfaction.
 * - classTable: counts per township × class, with the open and overdue 整改通知 per township.
 * - recordPatrol / visitTable: a patrol without a ticket (within the check-in radius, with a photo)
 *   and the yearly table estate × unit, estates under 000 序号4's 3 visits flagged.
 */
import type { Estate } from '../../../shared/domain/directory';
import type { Identity } from '../../../shared/domain/roles';
import type { Ticket } from '../../../shared/domain/ticket';
import {
  classTable as buildClassTable,
  currentClasses,
  ESTATE_CLASS_LABELS,
  inEstateChain,
  isClosed,
  maySetEstateClass,
  mayRecordPatrol,
  MIN_VISITS_PER_YEAR,
  propertyCompanies,
  visitTable as buildVisitTable,
  visitYear,
  withinPatrolRadius,
  PATROL_RADIUS_METERS,
  type EstateClass,
  type EstateClassChange,
  type PatrolVisit,
  type Visit,
  unitName,
} from '../../../shared/governance';
import { REGISTRY } from '../../../shared/jurisdictions';
import { coversJurisdiction } from '../../../shared/permissions';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { claimPhotos } from './photos';
import { orThrow } from './rectification';
import { companyFlag, companyFlags } from './standing';
import { AUTH_OPTIONS, loadEstate, ticketsMatching } from './support';

/** 满意率 of the estate's rated tickets (DESIGN §6: 满意 or 基本满意 / rated), and how many were rated. */
export function satisfactionOf(tickets: readonly Ticket[]): { rated: number; satisfied: number; rate: number | null } {
  const rated = tickets.filter((t) => t.rating !== null);
  const satisfied = rated.filter((t) => (t.rating?.score ?? 0) >= 4).length;
  return { rated: rated.length, satisfied, rate: rated.length ? satisfied / rated.length : null };
}

/** The class view: current class, history, open rectification items, satisfaction. */
async function classView(deps: AppDeps, estate: Estate) {
  const [history, notices, tickets, company] = await Promise.all([
    deps.store.listEstateClassChanges({ estateIds: [estate.id] }),
    deps.store.listRectificationNotices({ estateIds: [estate.id] }),
    ticketsMatching(deps, [{ jurisdiction: estate.jurisdiction, estateIds: [estate.id] }]),
    // The estate's property company with its credit status: a 黑名单 company is flagged where the class is set.
    companyFlag(deps, estate.propertyCompanyId),
  ]);
  const current = currentClasses(history).get(estate.id) ?? null;
  return {
    estateId: estate.id,
    estateName: estate.name,
    class: current?.class ?? null,
    classLabel: current ? ESTATE_CLASS_LABELS[current.class] : '未评定',
    history: [...history].reverse().map((c) => ({ class: c.class, classLabel: ESTATE_CLASS_LABELS[c.class], previous: c.previous, reason: c.reason, setAt: c.setAt, setBy: { name: c.setBy.name, unitId: c.setBy.unitId, role: c.setBy.role } })),
    openRectifications: notices.filter((n) => !isClosed(n)).map((n) => ({ id: n.id, no: n.no, problem: n.problem, deadline: n.deadline, status: n.status })),
    satisfaction: satisfactionOf(tickets),
    company,
  };
}

export async function estateClass(deps: AppDeps, identity: Identity, input: { estateId: string }) {
  const estate = await loadEstate(deps, input.estateId);
  if (!inEstateChain(identity, estate, AUTH_OPTIONS)) throw new AppError(propertyCompanies(identity).length ? 'AUTH.FORBIDDEN' : 'AUTH.OUT_OF_SCOPE', '仅该小区的属地和主管部门可以查看小区类别', 403);
  return classView(deps, estate);
}

export async function setEstateClass(deps: AppDeps, identity: Identity, input: { estateId: string; class: EstateClass; reason: string }) {
  const estate = await loadEstate(deps, input.estateId);
  const auth = orThrow(maySetEstateClass(identity, estate, AUTH_OPTIONS));
  const verdict = await deps.content.checkText(input.reason, identity.openid ?? null);
  if (!verdict.ok) throw errors.contentRejected(verdict.reason);
  const history = await deps.store.listEstateClassChanges({ estateIds: [estate.id] });
  const previous = currentClasses(history).get(estate.id)?.class ?? null;
  const change: EstateClassChange = {
    id: deps.ids.newId(),
    estateId: estate.id,
    jurisdiction: estate.jurisdiction,
    townshipId: estate.townshipId,
    class: input.class,
    previous,
    reason: input.reason,
    setAt: deps.clock.now(),
    // The staff member's name as the directory holds it: never the openid.
    setBy: { userId: identity.userId, name: identity.name ?? '', unitId: auth.unitId, role: auth.role },
  };
  await deps.store.addEstateClassChange(change);
  return classView(deps, estate);
}

const flagged = (flags: Map<string, { blacklisted: boolean }>, companyId: string | null | undefined) => (companyId ? (flags.get(companyId)?.blacklisted ?? false) : false);

type Reader = { jurisdictions: Set<string>; townships: Set<string> | null };

/** Who reads the township tables: leadership, admin, departments and police of the jurisdiction; a street its townships. */
function tableReader(identity: Identity, jurisdiction: string, what: string): Reader {
  if (propertyCompanies(identity).length) throw errors.forbidden(`物业服务企业不能查看${what}`);
  const covering = identity.grants.filter((g) => coversJurisdiction(g.jurisdiction, jurisdiction, AUTH_OPTIONS));
  if (covering.some((g) => ['leadership', 'admin', 'department', 'police'].includes(g.role))) return { jurisdictions: new Set([jurisdiction]), townships: null };
  const streets = covering.filter((g) => g.role === 'street').flatMap((g) => g.streets ?? []);
  if (streets.length) return { jurisdictions: new Set([jurisdiction]), townships: new Set(streets) };
  const staff = identity.grants.some((g) => ['leadership', 'admin', 'department', 'police', 'street'].includes(g.role));
  if (staff) throw new AppError('AUTH.OUT_OF_SCOPE', '该辖区不在您的范围内', 403);
  throw errors.forbidden(`仅领导小组办公室、部门和街道（乡镇）可以查看${what}`);
}

export async function classTable(deps: AppDeps, identity: Identity, input: { jurisdiction: string }) {
  const list = REGISTRY.list(input.jurisdiction);
  if (!list) throw errors.notFound('辖区');
  const reader = tableReader(identity, input.jurisdiction, '“123”分类统计');
  const estates = (await deps.store.listEstates({ jurisdiction: input.jurisdiction })).filter((e) => !reader.townships || reader.townships.has(e.townshipId));
  const [changes, notices] = await Promise.all([
    deps.store.listEstateClassChanges({ jurisdictions: [input.jurisdiction] }),
    deps.store.listRectificationNotices({ jurisdictions: [input.jurisdiction], statuses: ['open', 'answered', 'rejected', 'overdue'] }),
  ]);
  const current = currentClasses(changes);
  const flags = await companyFlags(deps, estates.flatMap((e) => (e.propertyCompanyId ? [e.propertyCompanyId] : [])));
  const rows = buildClassTable(estates, changes).map((r) => {
    const mine = notices.filter((n) => n.townshipId === r.townshipId);
    return { ...r, townshipName: unitName(r.townshipId), openRectifications: mine.length, overdueRectifications: mine.filter((n) => n.status === 'overdue').length };
  });
  return {
    jurisdiction: input.jurisdiction,
    classes: Object.entries(ESTATE_CLASS_LABELS).map(([code, label]) => ({ code, label })),
    rows,
    estates: estates.map((e) => ({ id: e.id, name: e.name, townshipId: e.townshipId, class: current.get(e.id)?.class ?? null, companyBlacklisted: flagged(flags, e.propertyCompanyId) })),
  };
}

export async function recordPatrol(deps: AppDeps, identity: Identity, input: { estateId: string; location: { lat: number; lng: number }; photos: string[]; note: string }) {
  const estate = await loadEstate(deps, input.estateId);
  const auth = orThrow(mayRecordPatrol(identity, estate, AUTH_OPTIONS));
  if (!withinPatrolRadius(estate, input.location)) throw new AppError('VISIT.TOO_FAR', `登记位置距小区超过${PATROL_RADIUS_METERS}米，请到小区现场登记`, 400);
  if (input.note) {
    const verdict = await deps.content.checkText(input.note, identity.openid ?? null);
    if (!verdict.ok) throw errors.contentRejected(verdict.reason);
  }
  const photos = await claimPhotos(deps, identity.userId, input.photos);
  const at = deps.clock.now();
  const visit: PatrolVisit = {
    id: deps.ids.newId(),
    estateId: estate.id,
    jurisdiction: estate.jurisdiction,
    unitId: auth.unitId as string,
    year: visitYear(at),
    at,
    location: input.location,
    photos,
    note: input.note,
    officer: { userId: identity.userId, name: identity.name ?? '' },
  };
  await deps.store.putPatrolVisit(visit);
  return { visit: { id: visit.id, estateId: visit.estateId, unitId: visit.unitId, at: visit.at, year: visit.year } };
}

/** On-site check-ins (到场) of department and police officers on the estates' tickets, in the year. */
async function checkIns(deps: AppDeps, jurisdiction: string, year: number): Promise<Visit[]> {
  // A ticket created before the year may be arrived at during it; none created after it can be.
  const to = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000).toISOString();
  const tickets = (await ticketsMatching(deps, [{ jurisdiction }], { to })).filter((t) => t.estateId !== null);
  if (!tickets.length) return [];
  const estateOf = new Map(tickets.map((t) => [t.id, t.estateId as string]));
  const events = await deps.store.listEventsFor(tickets.map((t) => t.id));
  return events
    .filter((e) => e.action === 'arrive' && (e.actor.role === 'department' || e.actor.role === 'police') && e.actor.unitId && visitYear(e.at) === year)
    .map((e) => ({ estateId: estateOf.get(e.ticketId) as string, unitId: e.actor.unitId as string, at: e.at, source: 'check-in' as const }));
}

export async function visitTable(deps: AppDeps, identity: Identity, input: { jurisdiction: string; year: number }) {
  const list = REGISTRY.list(input.jurisdiction);
  if (!list) throw errors.notFound('辖区');
  const reader = tableReader(identity, input.jurisdiction, '执法进小区统计');
  const estates = (await deps.store.listEstates({ jurisdiction: input.jurisdiction })).filter((e) => !reader.townships || reader.townships.has(e.townshipId));
  const [patrols, flags] = await Promise.all([
    deps.store.listPatrolVisits({ jurisdictions: [input.jurisdiction], year: input.year }),
    companyFlags(deps, estates.flatMap((e) => (e.propertyCompanyId ? [e.propertyCompanyId] : []))),
  ]);
  const visits: Visit[] = [...(await checkIns(deps, input.jurisdiction, input.year)), ...patrols.map((p) => ({ estateId: p.estateId, unitId: p.unitId, at: p.at, source: 'patrol' as const }))];
  const units = [...new Set(visits.map((v) => v.unitId))].sort();
  const rows = buildVisitTable(
    estates.map((e) => e.id),
    units,
    visits,
    input.year,
  );
  const names = new Map(estates.map((e) => [e.id, e]));
  return {
    jurisdiction: input.jurisdiction,
    year: input.year,
    minimum: MIN_VISITS_PER_YEAR,
    rule: '000 序号4：进驻住宅小区进行专项治理年度不低于3次',
    units: units.map((id) => ({ id, name: unitName(id) })),
    rows: rows.map((r) => ({ ...r, estateName: names.get(r.estateId)?.name ?? r.estateId, townshipId: names.get(r.estateId)?.townshipId ?? null, companyBlacklisted: flagged(flags, names.get(r.estateId)?.propertyCompanyId) })),
    flagged: rows.filter((r) => r.short).length,
  };
}
