/**
 * County onboarding and responsibility-list versions (issue 19): which list routes a ticket, and
 * the admin's import → preview → activate of a new version.
 */
import type { z } from 'zod';
import type { CountyInputs } from '../../../shared/actions/county';
import type { Identity } from '../../../shared/domain/roles';
import { buildRegistry, ListValidationError, REGISTRY, type Registry } from '../../../shared/jurisdictions';
import { applyVersion, registryAt, type ListVersion } from '../../../shared/jurisdictions/versions';
import { parseEstateTable } from '../../../shared/lists/estates-import';
import { LIST_COLUMNS, listToTable, parseListTable } from '../../../shared/lists/import';
import { previewVersion } from '../../../shared/lists/preview';
import { administers } from '../../../shared/permissions/admin-scope';
import { shanghaiDate } from '../../../shared/sla/calendar';
import type { AppDeps } from '../context';
import { AppError, errors } from '../errors';
import { readTable, tableXlsx, XLSX_CONTENT_TYPE } from './county-files';

type In<K extends keyof typeof CountyInputs> = z.output<(typeof CountyInputs)[K]>;

const BASE = [...REGISTRY.lists.values()];
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

function build(versions: readonly ListVersion[], at: string): Registry {
  if (versions.length === 0) return REGISTRY;
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

/**
 * The registry that routes a ticket created at `at`: each jurisdiction's active version effective
 * that day (China time), else its bundled list. One store query.
 */
export async function registryFor(deps: Pick<AppDeps, 'store'>, at: string): Promise<Registry> {
  return build(await deps.store.listListVersions({ status: 'active' }), at);
}

function requireCountyAdmin(identity: Identity, jurisdiction: string): void {
  if (!REGISTRY.list(jurisdiction)) throw errors.notFound('辖区');
  if (!administers(identity, jurisdiction)) throw errors.forbidden('需要该辖区的管理员权限');
}

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
  const active = await deps.store.listListVersions({ status: 'active' });
  const current = build(active, now);
  const next = buildRegistry([...current.lists.values()].map((l) => (l.id === draft.jurisdiction ? applyVersion(l, draft) : l)));
  return previewVersion(current, next, draft.jurisdiction);
}

export const countyActions = {
  /** Import a list into a draft version: all rows valid, or nothing stored and every error returned (issues: row and column). */
  async importList(deps: AppDeps, identity: Identity, x: In<'importList'>) {
    requireCountyAdmin(identity, x.jurisdiction);
    const table = await readTable(x.fileName, Uint8Array.from(Buffer.from(x.contentBase64, 'base64')));
    const now = deps.clock.now();
    const registry = await registryFor(deps, now);
    // yongning.v20261206015950, with -2, -3… when that second already has one.
    const base = `${x.jurisdiction}.v${now.replace(/[-:TZ.]/g, '').slice(0, 14)}`;
    const taken = new Set((await deps.store.listListVersions({ jurisdictions: [x.jurisdiction] })).map((v) => v.versionId));
    let versionId = base;
    for (let n = 2; taken.has(versionId); n++) versionId = `${base}-${n}`;
    const result = parseListTable(table, {
      list: registry.list(x.jurisdiction)!,
      registry,
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
    requireCountyAdmin(identity, x.jurisdiction);
    const v = await versionOf(deps, x.jurisdiction, x.versionId);
    return { version: summary(v), preview: await preview(deps, v) };
  },

  /**
   * Activates a draft from a day that has not begun yet or today (China time): a version never
   * reaches back, so no ticket or bulletin of a past day changes.
   */
  async activateList(deps: AppDeps, identity: Identity, x: In<'activateList'>) {
    requireCountyAdmin(identity, x.jurisdiction);
    const v = await versionOf(deps, x.jurisdiction, x.versionId);
    if (v.status !== 'draft') throw new AppError('LIST.ALREADY_ACTIVE', '该版本已启用', 409);
    const now = deps.clock.now();
    if (x.effectiveFrom < shanghaiDate(now)) throw new AppError('LIST.EFFECTIVE_IN_PAST', '生效日期不能早于今天', 400);
    const active: ListVersion = { ...v, status: 'active', effectiveFrom: x.effectiveFrom, activatedAt: now, activatedBy: identity.userId };
    await deps.store.putListVersion(active);
    return { version: summary(active) };
  },

  async listVersions(deps: AppDeps, identity: Identity, x: In<'listVersions'>) {
    requireCountyAdmin(identity, x.jurisdiction);
    const versions = await deps.store.listListVersions({ jurisdictions: [x.jurisdiction] });
    const registry = await registryFor(deps, deps.clock.now());
    return { routingNow: registry.list(x.jurisdiction)!.versionId, versions: versions.map(summary) };
  },

  /**
   * Estates from a CSV/XLSX (小区编号 / 小区名称 / 区县 / 乡镇(街道) / 地址 / 纬度 / 经度 / 物业企业 /
   * 二维码场景值): all rows valid, or nothing written and every error answered. An estate already
   * registered must be one this admin administers; its 物业信息, 六公开 and households stay.
   */
  async importEstates(deps: AppDeps, identity: Identity, x: In<'importEstates'>) {
    requireCountyAdmin(identity, x.jurisdiction);
    const table = await readTable(x.fileName, Uint8Array.from(Buffer.from(x.contentBase64, 'base64')));
    const [companies, registered] = await Promise.all([deps.store.listPropertyCompanies(), deps.store.listEstates({})]);
    const result = parseEstateTable(table, {
      jurisdiction: x.jurisdiction,
      registry: REGISTRY,
      companies,
      sceneOwners: new Map(registered.map((e) => [e.sceneCode, e.id])),
    });
    if (!result.ok) {
      throw new AppError('ESTATES.INVALID_ROWS', `小区表有 ${result.errors.length} 处错误，未导入任何内容`, 400, result.errors.map((e) => ({ path: `${e.row}${e.column ? `.${e.column}` : ''}`, message: e.message, code: e.code }) as { path: string; message: string }));
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
    requireCountyAdmin(identity, x.jurisdiction);
    const registry = await registryFor(deps, deps.clock.now());
    const source = x.kind === 'example' ? 'yongning' : x.jurisdiction;
    const table = x.kind === 'template' ? [[...LIST_COLUMNS]] : listToTable(registry.list(source)!, registry);
    const name = { template: '责任清单模板', example: '责任清单示例-永宁县', current: `责任清单-${registry.list(x.jurisdiction)!.name}` }[x.kind];
    const bytes = await tableXlsx('责任清单', table, [8, 30, 30, 40, 80]);
    return { fileName: `${name}.xlsx`, contentType: XLSX_CONTENT_TYPE, contentBase64: bytes.toString('base64') };
  },
};
