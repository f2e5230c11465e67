import type { Basis, TicketRoute, UnitRef } from '../domain/ticket';
import { REGISTRY, type Registry } from '../jurisdictions';
import { dutyOfKind, UNIT_KINDS, type JurisdictionList, type ListRow, type UnitDuty, type UnitKind } from '../jurisdictions/schema';
import { isCategoryCode, type CategoryCode } from '../taxonomy/categories';

/** Where an estate sits: its jurisdiction, district/county (cities only) and street/township. */
export interface EstatePlace {
  jurisdiction: string;
  areaId?: string | null;
  townshipId?: string | null;
}

export interface RouteQuery {
  jurisdiction: string;
  category: string;
  estate?: EstatePlace | null;
}

/**
 * A routed unit: its id and name, and whether it handles the ticket (报到 clock, 响应率) or
 * coordinates it (informed, escalation target).
 */
export interface RoutedUnit extends UnitRef {
  kind: UnitDuty;
}

export interface RouteDecision {
  lead: RoutedUnit[];
  responsible: RoutedUnit[];
  basis: Basis[];
  /** The list row used, and the jurisdiction whose list it is. */
  rowId: string;
  listId: string;
  /** The jurisdiction whose list routed the estate: its real place (Yongning for an estate in 永宁县). */
  placeId: string;
  /** The version of the list whose row was used (issue 19): the ticket records it with the basis. */
  versionId: string;
}

export class RouteError extends Error {
  constructor(
    readonly code: 'ROUTE.UNKNOWN_JURISDICTION' | 'ROUTE.UNKNOWN_CATEGORY' | 'ROUTE.ESTATE_MISMATCH',
    message: string,
  ) {
    super(message);
    this.name = 'RouteError';
  }
}

interface Context {
  registry: Registry;
  /** The list of the estate's real place (the query's jurisdiction, or the county an area is). */
  query: JurisdictionList;
  owner: JurisdictionList;
  estate: EstatePlace | null;
}

const unit = (id: string, name: string, kind: UnitDuty): RoutedUnit => ({ id, name, kind });

function kindLabel(ctx: Context, kind: UnitKind): string {
  return ctx.owner.localLabels[kind] ?? ctx.query.localLabels[kind] ?? '相关部门';
}

/**
 * A county's own unit of a kind (Yongning's 县住建局). A county list names its units itself: when it
 * has none of this kind (Yongning has no 园林 unit) there is no such unit, and none is made up.
 */
function countyUnit(county: JurisdictionList, kind: UnitKind): RoutedUnit | null {
  const own = county.departments.find((d) => d.kind === kind);
  return own ? unit(own.id, own.name, own.duty ?? dutyOfKind(own.kind)) : null;
}

/** "各县(市)区…部门": the estate's district/county unit; generic when the estate is unknown. */
function resolveLocal(ctx: Context, kind: UnitKind): RoutedUnit | null {
  if (ctx.query.level === 'county') return countyUnit(ctx.query, kind);
  const area = ctx.estate?.areaId ? ctx.owner.areas.find((a) => a.id === ctx.estate?.areaId) : undefined;
  if (area) return unit(`${area.id}.${kind}`, `${area.name}${kindLabel(ctx, kind)}`, dutyOfKind(kind));
  return unit(`${ctx.owner.id}.local.${kind}`, `${ctx.owner.genericAreaName}${kindLabel(ctx, kind)}`, dutyOfKind(kind));
}

/** The estate's street/township (属地); a county with one township (Qitai: 奇台镇) always names it. */
function resolveTownship(ctx: Context): RoutedUnit {
  const townships = ctx.query.townships;
  const known = ctx.estate?.townshipId ? townships.find((t) => t.id === ctx.estate?.townshipId) : undefined;
  if (known) return unit(known.id, known.name, 'handling');
  if (townships.length === 1 && townships[0]) return unit(townships[0].id, townships[0].name, 'handling');
  return unit(`${ctx.query.id}.township`, ctx.query.genericTownship, 'handling');
}

function resolveRef(ctx: Context, ref: string): RoutedUnit | null {
  if (ref === 'township') return resolveTownship(ctx);
  if (ref.startsWith('local:')) return resolveLocal(ctx, ref.slice(6) as UnitKind);
  const dept = ctx.registry.department(ref);
  // buildRegistry guarantees every fixed reference exists.
  if (!dept) throw new Error(`unreachable: unit ${ref} vanished from the directory`);
  return unit(dept.id, dept.name, dept.duty ?? dutyOfKind(dept.kind));
}

function findRow(registry: Registry, query: JurisdictionList, category: CategoryCode): { row: ListRow; owner: JurisdictionList } {
  for (const list of registry.chain(query.id)) {
    const row = registry.rowFor(list.id, category);
    if (row) return { row, owner: list };
  }
  return { row: { ...query.defaultRow, categories: [category] }, owner: query };
}

/** Lists below this one (Yongning below Yinchuan), nearest first. */
function descendants(registry: Registry, list: JurisdictionList): JurisdictionList[] {
  const out: JurisdictionList[] = [];
  for (const l of registry.lists.values()) if (l.id !== list.id && registry.chain(l.id).some((a) => a.id === list.id)) out.push(l);
  return out.sort((a, b) => registry.chain(a.id).length - registry.chain(b.id).length);
}

/**
 * The list that governs an estate where it really is: an estate registered under a city but in an
 * area that has a list of its own (永宁县 in Yinchuan), or whose township is one of that county's,
 * is routed by the county's list. Otherwise the list it was registered under.
 */
export function placeList(list: JurisdictionList, estate: EstatePlace | null, registry: Registry = REGISTRY): JurisdictionList {
  if (!estate) return list;
  const area = estate.areaId ? list.areas.find((a) => a.id === estate.areaId) : undefined;
  if (area?.jurisdiction) return registry.list(area.jurisdiction) ?? list;
  if (area || !estate.townshipId || list.townships.some((t) => t.id === estate.townshipId)) return list;
  return descendants(registry, list).find((l) => l.townships.some((t) => t.id === estate.townshipId)) ?? list;
}

/**
 * Whether an estate of this jurisdiction may lie in this area (district/county; null when the list
 * has none or it is not given) and this township: the township must be one of the area's — for an
 * area with a list of its own (永宁县 in Yinchuan), one of that list's townships. Used by
 * admin.putEstate to refuse a township outside its area.
 */
export function townshipInArea(jurisdiction: string, areaId: string | null | undefined, townshipId: string, registry: Registry = REGISTRY): boolean {
  const list = registry.list(jurisdiction);
  if (!list) return false;
  if (!areaId) return list.townships.some((t) => t.id === townshipId);
  const area = list.areas.find((a) => a.id === areaId);
  if (!area) return false;
  if (list.townships.some((t) => t.id === townshipId && t.area === area.id)) return true;
  const own = area.jurisdiction ? registry.list(area.jurisdiction) : undefined;
  return own !== undefined && own.areas.length === 0 && own.townships.some((t) => t.id === townshipId);
}

/**
 * The duty of a unit id as routing names it: a department's (its kind's, unless it says otherwise),
 * a township's (handling), or a district/county unit's ("yinchuan.xingqing.government",
 * "wuzhong.local.government": its kind's). Unknown ids are handling units.
 */
export function unitDuty(unitId: string, registry: Registry = REGISTRY): UnitDuty {
  const dept = registry.department(unitId);
  if (dept) return dept.duty ?? dutyOfKind(dept.kind);
  const last = unitId.slice(unitId.lastIndexOf('.') + 1);
  if (unitId.includes('.') && (UNIT_KINDS as readonly string[]).includes(last)) {
    const head = unitId.slice(0, unitId.lastIndexOf('.'));
    const generated = [...registry.lists.values()].some((l) => head === `${l.id}.local` || l.areas.some((a) => a.id === head));
    if (generated) return dutyOfKind(last as UnitKind);
  }
  return 'handling';
}

/**
 * Whether a unit of a ticket's route coordinates rather than handles (DESIGN.md §6: coordinating
 * leads such as a 县(市)区人民政府 are informed and are escalation targets, not measured on 报到): the
 * kind the route gives it, else unitDuty (tickets routed before units had a kind).
 */
export function coordinatingIn(routed: { lead: readonly UnitRef[]; responsible: readonly UnitRef[] }, registry: Registry = REGISTRY): (unitId: string) => boolean {
  const kinds = new Map<string, unknown>();
  for (const u of [...routed.lead, ...routed.responsible]) {
    const kind = (u as { kind?: unknown }).kind;
    if (!kinds.has(u.id) && kind !== undefined) kinds.set(u.id, kind);
  }
  return (unitId) => {
    const kind = kinds.get(unitId);
    return kind === 'coordinating' || (kind === undefined && unitDuty(unitId, registry) === 'coordinating');
  };
}

/**
 * Routes a report (DESIGN.md §5): the most specific jurisdiction whose list covers the category,
 * then its parent's, then the jurisdiction's default — starting from the estate's real place. Lead
 * units keep the document's order; a unit named twice stays where it first appears (lead before
 * responsible); the estate's street/township is always co-responsible.
 */
export function route(q: RouteQuery, registry: Registry = REGISTRY): RouteDecision {
  const registered = registry.list(q.jurisdiction);
  if (!registered) throw new RouteError('ROUTE.UNKNOWN_JURISDICTION', `未知辖区: ${q.jurisdiction}`);
  if (!isCategoryCode(q.category)) throw new RouteError('ROUTE.UNKNOWN_CATEGORY', `未知问题类别: ${q.category}`);
  const estate = q.estate ?? null;
  if (estate && estate.jurisdiction !== registered.id) {
    throw new RouteError('ROUTE.ESTATE_MISMATCH', `小区属于 ${estate.jurisdiction}，不属于 ${registered.id}`);
  }
  const query = placeList(registered, estate, registry);
  const { row, owner } = findRow(registry, query, q.category);
  const ctx: Context = { registry, query, owner, estate };

  const seen = new Set<string>();
  const take = (refs: readonly string[]): RoutedUnit[] =>
    refs
      .map((r) => resolveRef(ctx, r))
      .filter((u): u is RoutedUnit => u !== null && (seen.has(u.id) ? false : (seen.add(u.id), true)));
  const lead = take(row.lead);
  const responsible = take(row.responsible);
  const township = resolveTownship(ctx);
  if (!seen.has(township.id)) responsible.push(township);

  return {
    lead,
    responsible,
    basis: row.basis.map((b) => ({ source: b.source, item: b.item, text: b.text })),
    rowId: row.id,
    listId: owner.id,
    placeId: query.id,
    versionId: owner.versionId,
  };
}

/** The route a ticket keeps: units, basis, and the list row and version they came from. */
export function ticketRoute(d: RouteDecision): TicketRoute {
  return { lead: d.lead, responsible: d.responsible, basis: d.basis, list: { listId: d.listId, versionId: d.versionId, rowId: d.rowId } };
}
