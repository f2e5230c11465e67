/**
 * County onboarding and responsibility-list versions (issue 19): which list routes a ticket, and
 * the admin's import → preview → activate of a new version.
 */
import type { z } from 'zod';
import type { CountyInputs } from '../../../shared/actions/county';
import type { Grid } from '../../../shared/domain/directory';
import type { Identity } from '../../../shared/domain/roles';
import { BUNDLED_REGISTRY, buildRegistry, ListValidationError, REGISTRY, type JurisdictionList, type Registry } from '../../../shared/jurisdictions';
import { hasDirectory, routingRegistry, storedList, storedListsAt, type StoredJurisdiction, type VersionRows } from '../../../shared/jurisdictions/stored';
import { applyVersion, registryAt, type ListVersion } from '../../../shared/jurisdictions/versions';
import { GRID_COLUMNS, UNIT_COLUMNS, type CreatedJurisdiction, type GridsImported, type JurisdictionStatus, type UnitsImported } from '../../../shared/lists/directory-columns';
import { parseEstateTable } from '../../../shared/lists/estates-import';
import { parseGridsTable, removedGridInUse } from '../../../shared/lists/grids-import';
import { LIST_COLUMNS, listToTable, parseListTable } from '../../../shared/lists/import';
import { previewVersion } from '../../../shared/lists/preview';
import { parseUnitsTable } from '../../../shared/lists/units-import';
import { administers } from '../../../shared/permissions/admin-scope';
import { OPEN_STATES } from '../../../shared/lifecycle/transitions';
import { shanghaiDate } from '../../../shared/sla/calendar';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { readTable, tableXlsx, XLSX_CONTENT_TYPE } from './county-files';

type In<K extends keyof typeof CountyInputs> = z.output<(typeof CountyInputs)[K]>;

const BASE = [...BUNDLED_REGISTRY.lists.values()];
/** Registries per combination of effective versions (immutable); a warm container keeps a few. */
const CACHE = new Map<string, Registry>();
const CACHE_MAX = 16;

/** Whether the version loads on the directory of this release (it did when it was imported). */
function loads(v: ListVersion): boolean {
  try {
    buildRegistry(BASE.map((l) => (l.id === v.jurisdiction ? applyVersion(l, v) : l)));
    return true;
  } catch (err) {
    if (err instanceof ListValidationError) return false;
    throw err;
  }
}

function buildBundled(versions: readonly ListVersion[], at: string): Registry {
  if (versions.length === 0) return BUNDLED_REGISTRY;
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  try {
    return registryAt(BASE, versions, at, CACHE);
  } catch (err) {
    if (!(err instanceof ListValidationError)) throw err;
    // A release whose directory no longer has a unit a stored version names must not stop every
    // report: that version is left out (the list before it routes) and the fault is logged.
    const usable = versions.filter(loads);
    console.error(`[lists] versions left out: ${versions.filter((v) => !usable.includes(v)).map((v) => v.versionId).join(', ')}`, err.message);
    return registryAt(BASE, usable, at, CACHE);
  }
}

/** The bundled lists with their effective versions, plus the created jurisdictions routing that day. */
function build(stored: readonly StoredJurisdiction[], versions: readonly ListVersion[], at: string): Registry {
  const base = buildBundled(versions, at);
  const extra = storedListsAt(stored, versions, at);
  if (extra.length === 0) return base;
  const key = `${[...base.lists.values()].map((l) => `${l.id}@${l.versionId}`).join('|')}+${extra.map((x) => `${x.j.id}@${x.j.updatedAt}@${x.list.versionId}`).join('|')}`;
  const hit = CACHE.get(key);
  if (hit) return hit;
  const { registry, skipped } = routingRegistry([...base.lists.values()], extra);
  if (skipped.length) console.error(`[lists] created jurisdictions left out: ${skipped.join(', ')}`);
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(key, registry);
  return registry;
}

/**
 * The registry that routes a ticket created at `at`: each jurisdiction's active version effective
 * that day (China time), else its bundled list; a created jurisdiction only from the day its first
 * version takes effect. The two store reads go together (one round trip; cached per warm container
 * on CloudBase).
 */
export async function registryFor(deps: Pick<AppDeps, 'store'>, at: string): Promise<Registry> {
  const [stored, versions] = await Promise.all([deps.store.listJurisdictions(), deps.store.listListVersions({ status: 'active' })]);
  return build(stored, versions, at);
}

/** The ids from this jurisdiction up to its top, through created and bundled parents alike. */
export function chainOf(jurisdiction: string, stored: readonly StoredJurisdiction[]): string[] {
  const out: string[] = [];
  for (let j: string | null | undefined = jurisdiction; j && !out.includes(j); ) {
    out.push(j);
    j = stored.find((s) => s.id === j)?.parent ?? BUNDLED_REGISTRY.list(j)?.parent ?? null;
  }
  return out;
}

/** DESIGN.md §7 (admin-scope.ts): an admin of the jurisdiction or of one above it; created jurisdictions count before they are live. */
function mayAdminister(identity: Identity, jurisdiction: string, stored: readonly StoredJurisdiction[]): boolean {
  if (REGISTRY.list(jurisdiction)) return administers(identity, jurisdiction);
  const chain = chainOf(jurisdiction, stored);
  return identity.grants.some((g) => g.role === 'admin' && chain.includes(g.jurisdiction));
}

/** The jurisdiction an admin acts on: 404 unknown, 403 outside the caller's scope; its stored record when an admin created it. */
async function requireCountyAdmin(deps: AppDeps, identity: Identity, jurisdiction: string): Promise<StoredJurisdiction | null> {
  const all = await deps.store.listJurisdictions();
  const stored = all.find((j) => j.id === jurisdiction) ?? null;
  if (!stored && !BUNDLED_REGISTRY.list(jurisdiction)) throw errors.notFound('辖区');
  if (!mayAdminister(identity, jurisdiction, all)) throw errors.forbidden('需要该辖区的管理员权限');
  return stored;
}

/** A created jurisdiction's list before its first version: its directory, nothing routing yet (the import's unit table). */
const NO_ROWS: VersionRows = { versionId: 'none', effectiveFrom: null, sources: [], rows: [], defaultRow: { id: 'none', basis: [], lead: [], responsible: [] } };

function listForImport(registry: Registry, stored: StoredJurisdiction | null, jurisdiction: string): JurisdictionList {
  const live = registry.list(jurisdiction);
  if (live) return live;
  if (stored && hasDirectory(stored)) return storedList(stored, NO_ROWS);
  throw new AppError('JURISDICTION.NO_UNITS', '请先导入该辖区的单位表（含乡镇、街道）', 409);
}

const notLive = () => new AppError('JURISDICTION.NOT_LIVE', '该辖区的责任清单尚未启用：请先导入并启用清单，再导入小区', 409);

type RowError = { row: number; column: string | null; code: string; message: string };
const issuesOf = (errs: readonly RowError[]) => errs.map((e) => ({ path: `${e.row}${e.column ? `.${e.column}` : ''}`, message: e.message, code: e.code }) as { path: string; message: string });
const bytesOf = (contentBase64: string) => Uint8Array.from(Buffer.from(contentBase64, 'base64'));

async function versionOf(deps: AppDeps, jurisdiction: string, versionId: string): Promise<ListVersion> {
  const v = (await deps.store.listListVersions({ jurisdictions: [jurisdiction] })).find((x) => x.versionId === versionId);
  if (!v) throw errors.notFound('清单版本');
  return v;
}

const summary = (v: ListVersion) => ({
  versionId: v.versionId,
  status: v.status,
  effectiveFrom: v.effectiveFrom,
  rows: v.rows.length,
  sources: v.sources,
  createdAt: v.createdAt,
  ...(v.activatedAt ? { activatedAt: v.activatedAt } : {}),
});

/** Preview: every category under the version routing today and under this one. */
async function preview(deps: AppDeps, draft: ListVersion) {
  const now = deps.clock.now();
  const current = await registryFor(deps, now);
  const others = [...current.lists.values()].filter((l) => l.id !== draft.jurisdiction);
  const own = current.list(draft.jurisdiction);
  const stored = own ? null : (await deps.store.listJurisdictions()).find((j) => j.id === draft.jurisdiction);
  const list = own ? applyVersion(own, draft) : stored && draft.defaultRow ? storedList(stored, { ...draft, defaultRow: draft.defaultRow }) : null;
  if (!list) throw new AppError('JURISDICTION.NO_UNITS', '请先导入该辖区的单位表（含乡镇、街道）', 409);
  const next = buildRegistry([...others, list]);
  return previewVersion(current, next, draft.jurisdiction);
}

export const countyActions = {
  /** Import a list into a draft version: all rows valid, or nothing stored and every error returned (issues: row and column). */
  async importList(deps: AppDeps, identity: Identity, x: In<'importList'>) {
    const stored = await requireCountyAdmin(deps, identity, x.jurisdiction);
    const table = await readTable(x.fileName, bytesOf(x.contentBase64));
    const now = deps.clock.now();
    const registry = await registryFor(deps, now);
    const list = listForImport(registry, stored, x.jurisdiction);
    // yongning.v20261206015950, with -2, -3… when that second already has one.
    const base = `${x.jurisdiction}.v${now.replace(/[-:TZ.]/g, '').slice(0, 14)}`;
    const taken = new Set((await deps.store.listListVersions({ jurisdictions: [x.jurisdiction] })).map((v) => v.versionId));
    let versionId = base;
    for (let n = 2; taken.has(versionId); n++) versionId = `${base}-${n}`;
    const result = parseListTable(table, {
      list,
      registry,
      created: stored !== null,
      versionId,
      document: x.document,
      createdAt: now,
      createdBy: identity.userId,
    });
    if (!result.ok) {
      throw new AppError(
        'LIST.INVALID_ROWS',
        `清单有 ${result.errors.length} 处错误，未导入任何内容`,
        400,
        result.errors.map((e) => ({ path: `${e.row}${e.column ? `.${e.column}` : ''}`, message: e.message, code: e.code }) as { path: string; message: string }),
      );
    }
    await deps.store.putListVersion(result.version);
    return { version: summary(result.version), preview: await preview(deps, result.version) };
  },

  async previewList(deps: AppDeps, identity: Identity, x: In<'previewList'>) {
    await requireCountyAdmin(deps, identity, x.jurisdiction);
    const v = await versionOf(deps, x.jurisdiction, x.versionId);
    return { version: summary(v), preview: await preview(deps, v) };
  },

  /**
   * Activates a draft from a day that has not begun yet or today (China time): a version never
   * reaches back, so no ticket or bulletin of a past day changes.
   */
  async activateList(deps: AppDeps, identity: Identity, x: In<'activateList'>) {
    await requireCountyAdmin(deps, identity, x.jurisdiction);
    const v = await versionOf(deps, x.jurisdiction, x.versionId);
    if (v.status !== 'draft') throw new AppError('LIST.ALREADY_ACTIVE', '该版本已启用', 409);
    const now = deps.clock.now();
    if (x.effectiveFrom < shanghaiDate(now)) throw new AppError('LIST.EFFECTIVE_IN_PAST', '生效日期不能早于今天', 400);
    const active: ListVersion = { ...v, status: 'active', effectiveFrom: x.effectiveFrom, activatedAt: now, activatedBy: identity.userId };
    await deps.store.putListVersion(active);
    return { version: summary(active) };
  },

  /** routingNow: the version routing today; null for a created jurisdiction whose list is not in effect yet. */
  async listVersions(deps: AppDeps, identity: Identity, x: In<'listVersions'>) {
    await requireCountyAdmin(deps, identity, x.jurisdiction);
    const versions = await deps.store.listListVersions({ jurisdictions: [x.jurisdiction] });
    const registry = await registryFor(deps, deps.clock.now());
    return { routingNow: registry.list(x.jurisdiction)?.versionId ?? null, versions: versions.map(summary) };
  },

  /**
   * Estates from a CSV/XLSX (小区编号 / 小区名称 / 区县 / 乡镇(街道) / 地址 / 纬度 / 经度 / 物业企业 /
   * 二维码场景值): all rows valid, or nothing written and every error answered. An estate already
   * registered must be one this admin administers; its 物业信息, 六公开 and households stay.
   */
  async importEstates(deps: AppDeps, identity: Identity, x: In<'importEstates'>) {
    await requireCountyAdmin(deps, identity, x.jurisdiction);
    // A created jurisdiction takes estates once its list is active: a report from them must route.
    if (!REGISTRY.list(x.jurisdiction)) throw notLive();
    const table = await readTable(x.fileName, bytesOf(x.contentBase64));
    const [companies, registered] = await Promise.all([deps.store.listPropertyCompanies(), deps.store.listEstates({})]);
    const result = parseEstateTable(table, {
      jurisdiction: x.jurisdiction,
      registry: REGISTRY,
      companies,
      sceneOwners: new Map(registered.map((e) => [e.sceneCode, e.id])),
    });
    if (!result.ok) {
      throw new AppError('ESTATES.INVALID_ROWS', `小区表有 ${result.errors.length} 处错误，未导入任何内容`, 400, issuesOf(result.errors));
    }
    const byId = new Map(registered.map((e) => [e.id, e]));
    for (const e of result.estates) {
      const existing = byId.get(e.id);
      if (existing && !administers(identity, existing.jurisdiction)) throw errors.forbidden(`小区 ${e.id} 属于其他辖区`);
    }
    for (const e of result.estates) {
      const existing = byId.get(e.id);
      await deps.store.putEstate({
        ...e,
        propertyInfo: existing?.propertyInfo ?? null,
        ...(existing?.disclosure ? { disclosure: existing.disclosure } : {}),
        ...(existing?.households ? { households: existing.households } : {}),
      });
    }
    return { imported: result.estates.length, estates: result.estates.map((e) => ({ id: e.id, name: e.name, townshipId: e.townshipId })) };
  },

  /** The template, Yongning's list as a filled example, or the list routing today, as XLSX (base64). */
  async listFile(deps: AppDeps, identity: Identity, x: In<'listFile'>) {
    const stored = await requireCountyAdmin(deps, identity, x.jurisdiction);
    const registry = await registryFor(deps, deps.clock.now());
    const source = registry.list(x.kind === 'example' ? 'yongning' : x.jurisdiction);
    // A created jurisdiction with no list in effect yet: its current list is the empty layout.
    const table = x.kind === 'template' || !source ? [[...LIST_COLUMNS]] : listToTable(source, registry);
    const ownName = registry.list(x.jurisdiction)?.name ?? stored?.name ?? x.jurisdiction;
    const name = { template: '责任清单模板', example: '责任清单示例-永宁县', current: `责任清单-${ownName}` }[x.kind];
    const bytes = await tableXlsx('责任清单', table, [8, 30, 30, 40, 80]);
    return { fileName: `${name}.xlsx`, contentType: XLSX_CONTENT_TYPE, contentBase64: bytes.toString('base64') };
  },

  /**
   * A new jurisdiction under a parent the caller administers (DESIGN.md §7: a city admin also
   * manages its counties). A top-level one (a new city, a county under no city) has no admin in
   * the app who could cover it: the deployment's operator creates it with the CLI
   * (local/cli/county.ts create) and then bootstraps its first admin.
   */
  async createJurisdiction(deps: AppDeps, identity: Identity, x: In<'createJurisdiction'>): Promise<CreatedJurisdiction> {
    const stored = await deps.store.listJurisdictions();
    const known = (id: string) => BUNDLED_REGISTRY.list(id) ?? stored.find((j) => j.id === id);
    if (!x.parent) throw new AppError('JURISDICTION.PARENT_REQUIRED', '请选择上级辖区：无上级的辖区由部署方创建', 403);
    const parent = known(x.parent);
    if (!parent) throw errors.notFound('上级辖区');
    if (!mayAdminister(identity, x.parent, stored)) throw errors.forbidden('需要上级辖区的管理员权限');
    if (x.level === 'city' || parent.level !== 'city') throw new AppError('JURISDICTION.BAD_PARENT', '县（区）的上级须为市；市级辖区没有上级', 400);
    if (known(x.id)) throw new AppError('JURISDICTION.EXISTS', `辖区编号 ${x.id} 已存在`, 409);
    const now = deps.clock.now();
    await deps.store.putJurisdiction(createdRecord(x, identity.userId, now));
    return { id: x.id, name: x.name, level: x.level, parent: x.parent };
  },

  /**
   * A created jurisdiction's unit table, townships among them: all rows valid, or nothing stored
   * and every error answered. Re-importing keeps each unit's id by its name; a unit the list still
   * names cannot be dropped. The bundled jurisdictions' units come with their lists.
   */
  async importUnits(deps: AppDeps, identity: Identity, x: In<'importUnits'>): Promise<UnitsImported> {
    const stored = await requireCountyAdmin(deps, identity, x.jurisdiction);
    if (!stored) throw new AppError('JURISDICTION.BUNDLED', '该辖区的单位表随责任清单发布，不能在此导入', 409);
    const table = await readTable(x.fileName, bytesOf(x.contentBase64));
    const versions = await deps.store.listListVersions({ jurisdictions: [x.jurisdiction] });
    const referenced = new Set(versions.flatMap((v) => [...v.rows, ...(v.defaultRow ? [v.defaultRow] : [])].flatMap((r) => [...r.lead, ...r.responsible])));
    const result = parseUnitsTable(table, { jurisdiction: stored, referenced });
    if (!result.ok) throw new AppError('UNITS.INVALID_ROWS', `单位表有 ${result.errors.length} 处错误，未导入任何内容`, 400, issuesOf(result.errors));
    const { departments, townships, leadershipOffice, contacts } = result.directory;
    await deps.store.putJurisdiction({ ...stored, departments, townships, leadershipOffice, updatedAt: deps.clock.now(), updatedBy: identity.userId });
    for (const c of contacts) await deps.store.putUnitContact(c);
    return {
      jurisdiction: stored.id,
      departments: departments.map((d) => ({ id: d.id, name: d.name, kind: d.kind, level: d.level })),
      townships: townships.map((t) => ({ id: t.id, name: t.name })),
    };
  },

  /**
   * Grids (网格名称 / 乡镇(街道) / 小区): the file is the jurisdiction's whole grid set. All rows valid,
   * and no grid it leaves out still bound by a staff grant or an open ticket, or nothing stored and
   * every error answered; then the grids it names are written and the ones it leaves out removed.
   */
  async importGrids(deps: AppDeps, identity: Identity, x: In<'importGrids'>): Promise<GridsImported> {
    const stored = await requireCountyAdmin(deps, identity, x.jurisdiction);
    const table = await readTable(x.fileName, bytesOf(x.contentBase64));
    const townships = REGISTRY.list(x.jurisdiction)?.townships ?? stored?.townships ?? [];
    if (townships.length === 0) throw new AppError('JURISDICTION.NO_UNITS', '请先导入该辖区的单位表（含乡镇、街道）', 409);
    const [estates, grids] = await Promise.all([deps.store.listEstates({ jurisdiction: x.jurisdiction }), deps.store.listGrids({ jurisdiction: x.jurisdiction })]);
    const result = parseGridsTable(table, { jurisdiction: x.jurisdiction, townships, estates, grids });
    const binds = await gridsBound(deps, x.jurisdiction, result.missing);
    const townshipName = (id: string) => townships.find((t) => t.id === id)?.name ?? id;
    const inUse = result.missing.flatMap((g) => (binds.has(g.id) ? [removedGridInUse(g, townshipName(g.townshipId), binds.get(g.id)!)] : []));
    const errs = [...inUse, ...(result.ok ? [] : result.errors)].sort((a, b) => a.row - b.row);
    if (!result.ok || errs.length) throw new AppError('GRIDS.INVALID_ROWS', `网格表有 ${errs.length} 处错误，未导入任何内容`, 400, issuesOf(errs));
    for (const g of result.grids) await deps.store.putGrid(g);
    for (const g of result.missing) await deps.store.deleteGrid(g.id);
    return { jurisdiction: x.jurisdiction, grids: result.grids, removed: result.missing.map((g) => ({ id: g.id, name: g.name, townshipId: g.townshipId })) };
  },

  /** The jurisdictions the caller administers (bundled and created, parents first), with how far each is onboarded. */
  async jurisdictions(deps: AppDeps, identity: Identity): Promise<JurisdictionStatus[]> {
    const [stored, registry] = await Promise.all([deps.store.listJurisdictions(), registryFor(deps, deps.clock.now())]);
    const bundled = [...BUNDLED_REGISTRY.lists.values()].map((l): JurisdictionStatus => ({
      id: l.id,
      name: l.name,
      level: l.level,
      parent: l.parent ?? null,
      created: false,
      units: l.departments.length,
      townships: l.townships.length,
      live: true,
      routingNow: registry.list(l.id)?.versionId ?? null,
    }));
    const created = stored.map((j): JurisdictionStatus => ({
      id: j.id,
      name: j.name,
      level: j.level,
      parent: j.parent,
      created: true,
      units: j.departments.length,
      townships: j.townships.length,
      live: REGISTRY.list(j.id) !== undefined,
      routingNow: registry.list(j.id)?.versionId ?? null,
    }));
    return [...bundled, ...created].filter((j) => mayAdminister(identity, j.id, stored));
  },

  /** The empty units or grids table as XLSX. */
  async directoryTemplate(_deps: AppDeps, identity: Identity, x: In<'directoryTemplate'>) {
    if (!identity.grants.some((g) => g.role === 'admin')) throw errors.forbidden('需要管理员权限');
    const [sheet, columns, widths] = x.kind === 'units' ? (['单位表', UNIT_COLUMNS, [30, 16, 10, 12, 16, 16]] as const) : (['网格表', GRID_COLUMNS, [20, 20, 60]] as const);
    const bytes = await tableXlsx(sheet, [[...columns]], widths);
    return { fileName: `${sheet}模板.xlsx`, contentType: XLSX_CONTENT_TYPE, contentBase64: bytes.toString('base64') };
  },
};

/** What still binds each of these grids (staff whose grants name it, its open tickets), in words; unbound grids absent. */
async function gridsBound(deps: AppDeps, jurisdiction: string, grids: readonly Grid[]): Promise<Map<string, string>> {
  if (grids.length === 0) return new Map();
  const [users, open] = await Promise.all([
    deps.store.listUsers({ jurisdiction }),
    Promise.all(grids.map((g) => deps.store.countTickets({ jurisdiction, gridIds: [g.id], states: [...OPEN_STATES] }))),
  ]);
  const out = new Map<string, string>();
  grids.forEach((g, i) => {
    const staff = users.filter((u) => u.grants.some((r) => r.grids?.includes(g.id))).length;
    const tickets = open[i]!;
    const words = [staff ? `${staff}名工作人员的授权` : '', tickets ? `${tickets}张未办结工单` : ''].filter(Boolean);
    if (words.length) out.set(g.id, words.join('、'));
  });
  return out;
}

/** The record of a jurisdiction just created: no units yet (importUnits), no list (importList). */
export function createdRecord(x: { id: string; name: string; level: StoredJurisdiction['level']; parent?: string | undefined }, by: string, now: string): StoredJurisdiction {
  return { id: x.id, name: x.name, level: x.level, parent: x.parent ?? null, departments: [], townships: [], leadershipOffice: null, createdAt: now, createdBy: by, updatedAt: now, updatedBy: by };
}

/**
 * A top-level jurisdiction (a new city, or a county under no city): the deployment's operator's
 * act (local/cli/county.ts create), since no admin in the app covers it.
 */
export async function createTopLevelJurisdiction(deps: Pick<AppDeps, 'store' | 'clock'>, by: string, x: In<'createJurisdiction'>): Promise<CreatedJurisdiction> {
  if (x.parent) throw new AppError('JURISDICTION.BAD_PARENT', '顶级辖区没有上级', 400);
  if (BUNDLED_REGISTRY.list(x.id) || (await deps.store.listJurisdictions()).some((j) => j.id === x.id)) throw new AppError('JURISDICTION.EXISTS', `辖区编号 ${x.id} 已存在`, 409);
  await deps.store.putJurisdiction(createdRecord(x, by, deps.clock.now()));
  return { id: x.id, name: x.name, level: x.level, parent: null };
}
