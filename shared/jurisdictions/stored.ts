import { z } from 'zod';
import { shanghaiDate } from '../sla/calendar';
import { buildRegistry, ListValidationError, type Registry } from './registry';
import { DepartmentSchema, TownshipSchema, type JurisdictionList, type ListRow } from './schema';
import { effectiveVersion, type ListVersion } from './versions';

/**
 * Jurisdictions created by an admin (issue 19 §4: "create a jurisdiction, with its parent where it
 * is a county of a city"), kept in the store beside the bundled lists. A stored jurisdiction holds
 * its directory — the units and townships of its imported unit table — and gets its rows from its
 * list versions: it routes nothing until a version is active and effective (DESIGN decision in
 * docs/COUNTY.md). Pure: the app layer reads the store and passes what it read.
 */
export const JURISDICTION_LEVELS = ['county', 'district', 'city'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export const StoredJurisdictionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(2),
  level: z.enum(JURISDICTION_LEVELS),
  parent: z.string().nullable(),
  /** The unit table's departments, ids `<id>.u<n>` (empty until the units are imported). */
  departments: z.array(DepartmentSchema),
  /** The unit table's 乡镇（街道） rows, ids `<id>.t<n>`. */
  townships: z.array(TownshipSchema),
  /** The department at the top of the escalation ladder (领导小组办公室, else 人民政府); null before the units. */
  leadershipOffice: z.string().nullable(),
  createdAt: z.string().min(1),
  createdBy: z.string().min(1),
  updatedAt: z.string().min(1),
  updatedBy: z.string().min(1),
});
export type StoredJurisdiction = z.infer<typeof StoredJurisdictionSchema>;

/** The words an empty 属地 is named by in a created jurisdiction (the lists' own generic name). */
const GENERIC_TOWNSHIP = '乡镇(街道)';

/** The rows a stored jurisdiction's list takes from a version. A version of a created jurisdiction always has its default row. */
export type VersionRows = Pick<ListVersion, 'versionId' | 'effectiveFrom' | 'sources' | 'rows'> & { defaultRow: Omit<ListRow, 'categories'> };

/**
 * The responsibility list of a stored jurisdiction routing by this version: its directory, the
 * version's rows. A district is a county-level list (its "本级" units resolve the same way).
 */
export function storedList(j: StoredJurisdiction, v: VersionRows): JurisdictionList {
  return {
    id: j.id,
    name: j.name,
    level: j.level === 'city' ? 'city' : 'county',
    ...(j.parent ? { parent: j.parent } : {}),
    versionId: v.versionId,
    effectiveFrom: v.effectiveFrom,
    sources: v.sources,
    departments: j.departments,
    areas: [],
    townships: j.townships,
    localLabels: {},
    genericAreaName: j.name,
    genericTownship: GENERIC_TOWNSHIP,
    leadershipOffice: j.leadershipOffice ?? '',
    rows: v.rows,
    defaultRow: v.defaultRow,
  };
}

/** Whether the jurisdiction has its directory (units with a township and a leadership office). */
export function hasDirectory(j: StoredJurisdiction): boolean {
  return j.departments.length > 0 && j.townships.length > 0 && j.leadershipOffice !== null;
}

function withRows(v: ListVersion): VersionRows | null {
  return v.defaultRow ? { ...v, defaultRow: v.defaultRow } : null;
}

/**
 * Adds the stored lists to the base lists, parents first; a list whose parent is missing, or that
 * does not load with the others, is left out (one bad record must not stop every report) and named
 * in `skipped`.
 */
function compose(base: readonly JurisdictionList[], stored: ReadonlyArray<{ j: Pick<StoredJurisdiction, 'id' | 'parent'>; list: JurisdictionList }>): { registry: Registry; skipped: string[] } {
  const lists = [...base];
  const skipped: string[] = [];
  let pending = [...stored];
  let registry = buildRegistry(lists);
  for (let progress = true; progress && pending.length; ) {
    progress = false;
    const next: typeof pending = [];
    for (const s of pending) {
      if (s.j.parent && !lists.some((l) => l.id === s.j.parent)) {
        next.push(s);
        continue;
      }
      try {
        registry = buildRegistry([...lists, s.list]);
        lists.push(s.list);
        progress = true;
      } catch (err) {
        if (!(err instanceof ListValidationError)) throw err;
        skipped.push(s.j.id);
      }
    }
    pending = next;
  }
  skipped.push(...pending.map((s) => s.j.id));
  return { registry, skipped };
}

/**
 * The directory registry (what REGISTRY answers between requests: names, parents, scopes): the
 * base lists as they are, and each stored jurisdiction that has its directory and an active
 * version, with the rows of the latest activated one.
 */
export function directoryRegistry(base: readonly JurisdictionList[], stored: readonly StoredJurisdiction[], active: readonly ListVersion[]): { registry: Registry; skipped: string[] } {
  const lists = stored.flatMap((j) => {
    if (!hasDirectory(j)) return [];
    const latest = active
      .filter((v) => v.jurisdiction === j.id && v.status === 'active')
      .sort((a, b) => (a.activatedAt ?? '').localeCompare(b.activatedAt ?? ''))
      .map(withRows)
      .filter((v): v is VersionRows => v !== null)
      .pop();
    return latest ? [{ j, list: storedList(j, latest) }] : [];
  });
  return compose(base, lists);
}

/**
 * The stored lists that route a ticket created at this instant: each stored jurisdiction with the
 * version effective that China-time day. One with no effective version is not there: a report to
 * it is refused (ROUTE.UNKNOWN_JURISDICTION) until its list takes effect.
 */
export function storedListsAt(stored: readonly StoredJurisdiction[], versions: readonly ListVersion[], at: string): Array<{ j: StoredJurisdiction; list: JurisdictionList }> {
  const day = shanghaiDate(at);
  return stored.flatMap((j) => {
    if (!hasDirectory(j)) return [];
    const v = effectiveVersion(versions, j.id, day);
    const rows = v ? withRows(v) : null;
    return rows ? [{ j, list: storedList(j, rows) }] : [];
  });
}

/** The base lists (bundled, with their effective versions) plus the stored lists routing at that instant. */
export function routingRegistry(base: readonly JurisdictionList[], stored: ReturnType<typeof storedListsAt>): { registry: Registry; skipped: string[] } {
  return compose(base, stored);
}

/**
 * The base lists plus lists a server already built (a staff phone's copy of its directory:
 * device-directory.ts), added the way the server adds its stored ones: parents first, each one
 * validated, one that does not load left out and named in `skipped`.
 */
export function withLists(base: readonly JurisdictionList[], lists: readonly JurisdictionList[]): { registry: Registry; skipped: string[] } {
  return compose(base, lists.map((list) => ({ j: { id: list.id, parent: list.parent ?? null }, list })));
}
