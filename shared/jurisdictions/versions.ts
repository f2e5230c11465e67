import { z } from 'zod';
import { shanghaiDate } from '../sla/calendar';
import { buildRegistry, type Registry } from './registry';
import { ListDateSchema, ListRowSchema, type JurisdictionList, type ListRow } from './schema';

/**
 * Versions of a responsibility list (issue 19): a county revises its 责任清单 every year or two. An
 * imported list is a draft until an admin activates it with an effective date; from that date (China
 * time) it routes new tickets. Tickets keep the route they were given, so bulletins of past months
 * never change. The bundled lists (bundled/*.json) apply wherever no active version is effective.
 */
export const LIST_VERSION_STATUSES = ['draft', 'active'] as const;
export type ListVersionStatus = (typeof LIST_VERSION_STATUSES)[number];

export const ListVersionSchema = z
  .object({
    jurisdiction: z.string().min(1),
    versionId: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'version ids are lower-case letters, digits, dots and dashes'),
    status: z.enum(LIST_VERSION_STATUSES),
    /** Set on activation: the first China-time day it routes new tickets. */
    effectiveFrom: ListDateSchema.nullable(),
    /** The documents the rows cite (basis.source). */
    sources: z.array(z.string().min(1)).min(1),
    rows: z.array(ListRowSchema).min(1),
    /** The row for categories no row covers; the bundled list's when absent. */
    defaultRow: ListRowSchema.omit({ categories: true }).optional(),
    createdAt: z.string().min(1),
    createdBy: z.string().min(1),
    activatedAt: z.string().min(1).optional(),
    activatedBy: z.string().min(1).optional(),
  })
  .refine((v) => (v.status === 'draft') === (v.effectiveFrom === null), {
    message: 'a draft has no effective date; an active version has one',
    path: ['effectiveFrom'],
  });
export type ListVersion = z.infer<typeof ListVersionSchema>;

/** The list with a version's rows in place of its own (same directory: units, areas, townships). */
export function applyVersion(list: JurisdictionList, v: Pick<ListVersion, 'versionId' | 'effectiveFrom' | 'sources' | 'rows' | 'defaultRow'>): JurisdictionList {
  return {
    ...list,
    versionId: v.versionId,
    effectiveFrom: v.effectiveFrom,
    sources: [...new Set([...list.sources, ...v.sources])],
    rows: v.rows,
    defaultRow: v.defaultRow ?? list.defaultRow,
  };
}

/**
 * The active version of a jurisdiction effective on this China-time day: the latest effectiveFrom
 * on or before it (the later activation wins a tie), else none (the base list applies).
 */
export function effectiveVersion(versions: readonly ListVersion[], jurisdiction: string, day: string): ListVersion | undefined {
  let best: ListVersion | undefined;
  for (const v of versions) {
    if (v.jurisdiction !== jurisdiction || v.status !== 'active' || v.effectiveFrom === null || v.effectiveFrom > day) continue;
    if (!best || v.effectiveFrom > (best.effectiveFrom ?? '') || (v.effectiveFrom === best.effectiveFrom && (v.activatedAt ?? '') >= (best.activatedAt ?? ''))) best = v;
  }
  return best;
}

/**
 * The registry that routes a ticket created at this instant: each base list with the version
 * effective that day. Registries are cached per combination of versions (they are immutable).
 */
export function registryAt(base: readonly JurisdictionList[], versions: readonly ListVersion[], at: string, cache?: Map<string, Registry>): Registry {
  const day = shanghaiDate(at);
  const lists = base.map((list) => {
    const v = effectiveVersion(versions, list.id, day);
    return v ? applyVersion(list, v) : list;
  });
  const key = lists.map((l) => `${l.id}@${l.versionId}`).join('|');
  const hit = cache?.get(key);
  if (hit) return hit;
  const registry = buildRegistry(lists);
  cache?.set(key, registry);
  return registry;
}

/** Rows of a version by category, for the preview table and the export. */
export function rowsByCategory(rows: readonly ListRow[]): Map<string, ListRow> {
  const out = new Map<string, ListRow>();
  for (const row of rows) for (const cat of row.categories) out.set(cat, row);
  return out;
}
