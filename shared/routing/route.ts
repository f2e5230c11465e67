import type { Basis, UnitRef } from '../domain/ticket';
import { REGISTRY, type Registry } from '../jurisdictions';
import type { JurisdictionList, ListRow, UnitKind } from '../jurisdictions/schema';
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

export interface RouteDecision {
  lead: UnitRef[];
  responsible: UnitRef[];
  basis: Basis[];
  /** The list row used, and the jurisdiction whose list it is. */
  rowId: string;
  listId: string;
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
  query: JurisdictionList;
  owner: JurisdictionList;
  estate: EstatePlace | null;
}

function kindLabel(ctx: Context, kind: UnitKind): string {
  return ctx.owner.localLabels[kind] ?? ctx.query.localLabels[kind] ?? '相关部门';
}

/** A county's own unit of a kind (Yongning's 县住建局), or one named after the county. */
function countyUnit(ctx: Context, county: JurisdictionList, kind: UnitKind): UnitRef {
  const own = county.departments.find((d) => d.kind === kind);
  if (own) return { id: own.id, name: own.name };
  return { id: `${county.id}.local.${kind}`, name: `${county.name}${kindLabel(ctx, kind)}` };
}

/** "各县(市)区…部门": the estate's district/county unit; generic when the estate is unknown. */
function resolveLocal(ctx: Context, kind: UnitKind): UnitRef {
  if (ctx.query.level === 'county') return countyUnit(ctx, ctx.query, kind);
  const area = ctx.estate?.areaId ? ctx.owner.areas.find((a) => a.id === ctx.estate?.areaId) : undefined;
  if (area?.jurisdiction) {
    const county = ctx.registry.list(area.jurisdiction);
    if (county) return countyUnit(ctx, county, kind);
  }
  if (area) return { id: `${area.id}.${kind}`, name: `${area.name}${kindLabel(ctx, kind)}` };
  return { id: `${ctx.owner.id}.local.${kind}`, name: `${ctx.owner.genericAreaName}${kindLabel(ctx, kind)}` };
}

/** The estate's street/township (属地); a county with one township (Qitai: 奇台镇) always names it. */
function resolveTownship(ctx: Context): UnitRef {
  const townships = ctx.query.townships;
  const known = ctx.estate?.townshipId ? townships.find((t) => t.id === ctx.estate?.townshipId) : undefined;
  if (known) return { id: known.id, name: known.name };
  if (townships.length === 1 && townships[0]) return { id: townships[0].id, name: townships[0].name };
  return { id: `${ctx.query.id}.township`, name: ctx.query.genericTownship };
}

function resolveRef(ctx: Context, ref: string): UnitRef {
  if (ref === 'township') return resolveTownship(ctx);
  if (ref.startsWith('local:')) return resolveLocal(ctx, ref.slice(6) as UnitKind);
  const dept = ctx.registry.department(ref);
  // buildRegistry guarantees every fixed reference exists.
  if (!dept) throw new Error(`unreachable: unit ${ref} vanished from the directory`);
  return { id: dept.id, name: dept.name };
}

function findRow(registry: Registry, query: JurisdictionList, category: CategoryCode): { row: ListRow; owner: JurisdictionList } {
  for (const list of registry.chain(query.id)) {
    const row = registry.rowFor(list.id, category);
    if (row) return { row, owner: list };
  }
  return { row: { ...query.defaultRow, categories: [category] }, owner: query };
}

/**
 * Routes a report (DESIGN.md §5): the most specific jurisdiction whose list covers the category,
 * then its parent's, then the jurisdiction's default. Lead units keep the document's order; a unit
 * named twice stays where it first appears (lead before responsible); the estate's street/township
 * is always co-responsible.
 */
export function route(q: RouteQuery, registry: Registry = REGISTRY): RouteDecision {
  const query = registry.list(q.jurisdiction);
  if (!query) throw new RouteError('ROUTE.UNKNOWN_JURISDICTION', `未知辖区: ${q.jurisdiction}`);
  if (!isCategoryCode(q.category)) throw new RouteError('ROUTE.UNKNOWN_CATEGORY', `未知问题类别: ${q.category}`);
  const estate = q.estate ?? null;
  if (estate && estate.jurisdiction !== query.id) {
    throw new RouteError('ROUTE.ESTATE_MISMATCH', `小区属于 ${estate.jurisdiction}，不属于 ${query.id}`);
  }
  const { row, owner } = findRow(registry, query, q.category);
  const ctx: Context = { registry, query, owner, estate };

  const seen = new Set<string>();
  const take = (refs: readonly string[]): UnitRef[] =>
    refs.map((r) => resolveRef(ctx, r)).filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
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
  };
}
