import { ZodError } from 'zod';
import { getCategory, type CategoryCode } from '../taxonomy/categories';
import { JurisdictionListSchema, type Department, type JurisdictionList, type ListRow, type UnitKind } from './schema';

/** A responsibility list that cannot be used. The message names the jurisdiction and the row. */
export class ListValidationError extends Error {
  readonly code = 'LIST.INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ListValidationError';
  }
}

export interface Registry {
  readonly lists: ReadonlyMap<string, JurisdictionList>;
  list(id: string): JurisdictionList | undefined;
  /** The jurisdiction and its ancestors, most specific first. */
  chain(id: string): JurisdictionList[];
  department(id: string): Department | undefined;
  /** The row of this list that covers the category, if any. */
  rowFor(listId: string, category: CategoryCode): ListRow | undefined;
}

function rowLabel(list: { id?: unknown; rows?: unknown }, path: (string | number)[]): string {
  const [head, index] = path;
  if (head === 'rows' && typeof index === 'number' && Array.isArray(list.rows)) {
    const row = list.rows[index] as { id?: unknown } | undefined;
    return `row ${index} (${String(row?.id ?? 'no id')})`;
  }
  if (head === 'defaultRow') return 'defaultRow';
  return path.length ? String(head) : 'list';
}

function parseList(raw: unknown): JurisdictionList {
  try {
    return JurisdictionListSchema.parse(raw);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    const list = (raw ?? {}) as { id?: unknown; rows?: unknown };
    const lines = err.issues.map((issue) => `${rowLabel(list, issue.path)}: ${issue.path.join('.')}: ${issue.message}`);
    throw new ListValidationError(`responsibility list "${String(list.id ?? '?')}" is invalid:\n  ${lines.join('\n  ')}`);
  }
}

/** Cross-checks zod cannot express: ids, references, coverage, the property-company rule. */
function checkList(list: JurisdictionList, byId: Map<string, JurisdictionList>, departments: Map<string, Department>): string[] {
  const problems: string[] = [];
  const ancestors: JurisdictionList[] = [];
  for (let p = list.parent; p; p = byId.get(p)?.parent) {
    const parent = byId.get(p);
    if (!parent) {
      problems.push(`parent "${p}" is not a known jurisdiction`);
      break;
    }
    ancestors.push(parent);
  }
  const visible = new Set([list, ...ancestors].flatMap((l) => l.departments.map((d) => d.id)));
  if (!visible.has(list.leadershipOffice)) problems.push(`leadershipOffice "${list.leadershipOffice}" is not in the directory`);
  for (const area of list.areas) {
    if (area.jurisdiction && !byId.has(area.jurisdiction)) problems.push(`area ${area.id}: jurisdiction "${area.jurisdiction}" is unknown`);
  }
  const areaIds = new Set(list.areas.map((a) => a.id));
  for (const t of list.townships) {
    if (t.area && !areaIds.has(t.area)) problems.push(`township ${t.id}: area "${t.area}" is not one of this list's areas`);
  }

  const covered = new Map<CategoryCode, string>();
  for (const row of [...list.rows, { ...list.defaultRow, categories: [] as CategoryCode[] }]) {
    const where = `row ${row.id}`;
    for (const b of row.basis) {
      if (!list.sources.includes(b.source)) problems.push(`${where}: basis source ${b.source} is not a source of this list`);
    }
    for (const cat of row.categories) {
      const prior = covered.get(cat);
      if (prior) problems.push(`${where}: category ${cat} is already covered by row ${prior}`);
      covered.set(cat, row.id);
    }
    const propertyConduct = row.categories.some((cat) => getCategory(cat).aboutPropertyCompany);
    for (const [field, refs] of [['lead', row.lead], ['responsible', row.responsible]] as const) {
      refs.forEach((ref, i) => {
        const at = `${where}: ${field}[${i}] "${ref}"`;
        if (ref === 'township') return;
        if (ref.startsWith('local:')) {
          const kind = ref.slice(6) as UnitKind;
          const labelled = list.localLabels[kind] !== undefined;
          const own = list.departments.some((d) => d.kind === kind);
          if (!labelled && !own) problems.push(`${at}: no local label and no department of kind ${kind}`);
          return;
        }
        if (!visible.has(ref)) {
          problems.push(`${at} is not in the directory`);
          return;
        }
        if (propertyConduct && departments.get(ref)?.kind === 'property') {
          problems.push(`${at}: a complaint about the property company's own conduct may not be routed to a property company`);
        }
      });
    }
  }
  return problems;
}

/** Validates every list (zod, then cross-checks) and indexes them. Throws ListValidationError naming the row. */
export function buildRegistry(inputs: readonly unknown[]): Registry {
  const lists = inputs.map(parseList);
  const byId = new Map<string, JurisdictionList>();
  const departments = new Map<string, Department>();
  const problems: string[] = [];
  for (const list of lists) {
    if (byId.has(list.id)) problems.push(`jurisdiction "${list.id}" is defined twice`);
    byId.set(list.id, list);
    for (const d of list.departments) {
      if (departments.has(d.id)) problems.push(`${list.id}: department id ${d.id} is used twice`);
      departments.set(d.id, d);
    }
  }
  const townshipIds = new Set<string>();
  for (const list of lists) {
    for (const t of list.townships) {
      if (townshipIds.has(t.id) || departments.has(t.id)) problems.push(`${list.id}: township id ${t.id} is used twice`);
      townshipIds.add(t.id);
    }
    for (const p of checkList(list, byId, departments)) problems.push(`${list.id}: ${p}`);
  }
  if (problems.length) throw new ListValidationError(`responsibility lists are invalid:\n  ${problems.join('\n  ')}`);

  const rowIndex = new Map<string, ListRow>();
  for (const list of lists) for (const row of list.rows) for (const cat of row.categories) rowIndex.set(`${list.id}|${cat}`, row);

  return {
    lists: byId,
    list: (id) => byId.get(id),
    chain(id) {
      const out: JurisdictionList[] = [];
      for (let l = byId.get(id); l; l = l.parent ? byId.get(l.parent) : undefined) out.push(l);
      return out;
    },
    department: (id) => departments.get(id),
    rowFor: (listId, category) => rowIndex.get(`${listId}|${category}`),
  };
}
