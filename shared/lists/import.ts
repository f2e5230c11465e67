/**
 * A responsibility list imported from a county's table (issue 19): 序号 / 问题 / 牵头单位 / 责任单位 /
 * 依据, the way the documents lay them out. Every row is checked and every error is reported at
 * once, naming the spreadsheet row and the column; a version comes out only when the whole table is
 * valid. Pure: rows of strings in (the XLSX/CSV reading is at the edges), a draft version out.
 */
import { buildRegistry, ListValidationError, type Registry } from '../jurisdictions/registry';
import type { JurisdictionList, ListRow } from '../jurisdictions/schema';
import { applyVersion, ListVersionSchema, type ListVersion } from '../jurisdictions/versions';
import { CATEGORIES, getCategory, type CategoryCode } from '../taxonomy/categories';

export const LIST_COLUMNS = ['序号', '问题', '牵头单位', '责任单位', '依据'] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

export type ImportErrorCode =
  | 'LIST.HEADER'
  | 'LIST.EMPTY'
  | 'LIST.EMPTY_SEQ'
  | 'LIST.DUPLICATE_SEQ'
  | 'LIST.EMPTY_CATEGORY'
  | 'LIST.UNKNOWN_CATEGORY'
  | 'LIST.DUPLICATE_CATEGORY'
  | 'LIST.EMPTY_LEAD'
  | 'LIST.UNKNOWN_UNIT'
  | 'LIST.PROPERTY_CONDUCT'
  | 'LIST.EMPTY_BASIS'
  | 'LIST.NO_OTHER_ROW'
  | 'LIST.INVALID';

/** One problem of the table: the spreadsheet row (the header is row 1) and the column. */
export interface ImportError {
  row: number;
  column: ListColumn | null;
  code: ImportErrorCode;
  message: string;
}

export type ImportResult = { ok: true; version: ListVersion } | { ok: false; errors: ImportError[] };

export interface ImportContext {
  /** The jurisdiction's list as it routes today: its unit table (departments), townships, labels. */
  list: JurisdictionList;
  /** The registry it belongs to (units of parent lists are visible to a county's rows). */
  registry: Registry;
  versionId: string;
  /** Title of the county's document, cited when a 依据 cell does not name one in 《》. */
  document: string;
  createdAt: string;
  createdBy: string;
  /**
   * A jurisdiction an admin created (shared/jurisdictions/stored.ts) has no bundled default row:
   * its list must have a 其他 row, which also takes the categories no row covers. Its list need not
   * be in the registry yet (its first version).
   */
  created?: boolean;
}

/** Words a table uses for the estate's own street/township (属地). */
const TOWNSHIP_WORDS = ['属地乡镇(街道)', '属地乡镇（街道）', '乡镇(街道)', '乡镇（街道）', '属地街道', '属地乡镇', '属地'];
const SEPARATORS = /[、，,；;／/\s]/;

/**
 * Splits a cell into known names, longest first (labels and names may contain 、 themselves:
 * "乱拉乱挂、乱贴乱画"); a stretch that matches none up to the next separator is unknown.
 */
function scan<T>(cell: string, names: ReadonlyMap<string, T>): { found: T[]; unknown: string[] } {
  const keys = [...names.keys()].sort((a, b) => b.length - a.length);
  const found: T[] = [];
  const unknown: string[] = [];
  let rest = cell.trim();
  while (rest) {
    const key = keys.find((k) => rest.startsWith(k) && (rest.length === k.length || SEPARATORS.test(rest[k.length] ?? '')));
    if (key) {
      found.push(names.get(key) as T);
      rest = rest.slice(key.length);
    } else {
      const m = SEPARATORS.exec(rest);
      const token = m ? rest.slice(0, m.index) : rest;
      if (token) unknown.push(token);
      rest = m ? rest.slice(m.index) : '';
    }
    rest = rest.replace(/^[、，,；;／/\s]+/, '');
  }
  return { found, unknown };
}

const CATEGORY_NAMES: ReadonlyMap<string, CategoryCode> = new Map([
  ...CATEGORIES.map((c) => [c.label, c.code] as const),
  ...CATEGORIES.map((c) => [c.code, c.code] as const),
]);

/** Unit names a row may use: the jurisdiction's units and its parents' (names and aliases), 属地, local units. */
function unitNames(ctx: ImportContext): Map<string, string> {
  const names = new Map<string, string>();
  const chain = [ctx.list, ...(ctx.list.parent ? ctx.registry.chain(ctx.list.parent) : [])];
  for (const list of [...chain].reverse()) {
    for (const d of list.departments) for (const n of [d.name, ...(d.aliases ?? [])]) names.set(n, d.id);
  }
  for (const d of ctx.list.departments) for (const n of [d.name, ...(d.aliases ?? [])]) names.set(n, d.id);
  for (const [kind, label] of Object.entries(ctx.list.localLabels)) if (label) names.set(`${ctx.list.genericAreaName}${label}`, `local:${kind}`);
  for (const w of [...TOWNSHIP_WORDS, ctx.list.genericTownship]) names.set(w, 'township');
  return names;
}

/** The index of the first ：or : outside parentheses (items such as "第11项(牵头:各县…)" hold colons). */
function itemEnd(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if ((ch === '：' || ch === ':') && depth === 0) return i;
  }
  return -1;
}

/** "《文件》条款：原文" (one per line); without 《》 the document is the list's own and the item its 序号. */
function parseBasis(cell: string, seq: string, document: string): ListRow['basis'] {
  return cell
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^《([^》]+)》([\s\S]*)$/.exec(line);
      if (!m) return { source: document, item: `序号${seq}`, text: line };
      const rest = m[2]!.trim();
      const end = itemEnd(rest);
      const item = end >= 0 ? rest.slice(0, end).trim() : '';
      return { source: m[1]!.trim(), item: item || `序号${seq}`, text: (end >= 0 ? rest.slice(end + 1) : rest).trim() };
    });
}

export function parseListTable(table: readonly (readonly string[])[], ctx: ImportContext): ImportResult {
  const errors: ImportError[] = [];
  const err = (row: number, column: ListColumn | null, code: ImportErrorCode, message: string) => errors.push({ row, column, code, message });
  const header = (table[0] ?? []).map((c) => c.trim());
  if (LIST_COLUMNS.some((name, i) => header[i] !== name)) {
    err(1, null, 'LIST.HEADER', `第1行应为表头：${LIST_COLUMNS.join(' / ')}`);
    return { ok: false, errors };
  }
  const body = table.slice(1).map((cells, i) => ({ n: i + 2, cells: cells.map((c) => (c ?? '').trim()) })).filter((r) => r.cells.some(Boolean));
  if (body.length === 0) {
    err(2, null, 'LIST.EMPTY', '清单没有任何条目');
    return { ok: false, errors };
  }

  const units = unitNames(ctx);
  const seqAt = new Map<string, number>();
  const categoryAt = new Map<CategoryCode, number>();
  const rows: ListRow[] = [];
  for (const { n, cells } of body) {
    const [seq = '', problem = '', lead = '', responsible = '', basis = ''] = cells;
    if (!seq) err(n, '序号', 'LIST.EMPTY_SEQ', `第${n}行「序号」为空`);
    else if (seqAt.has(seq)) err(n, '序号', 'LIST.DUPLICATE_SEQ', `第${n}行「序号」${seq} 与第${seqAt.get(seq)}行重复`);
    else seqAt.set(seq, n);

    const cats = scan(problem, CATEGORY_NAMES);
    if (!problem) err(n, '问题', 'LIST.EMPTY_CATEGORY', `第${n}行「问题」为空`);
    for (const u of cats.unknown) err(n, '问题', 'LIST.UNKNOWN_CATEGORY', `第${n}行「问题」未知问题类别：${u}`);
    for (const c of new Set(cats.found)) {
      const prior = categoryAt.get(c);
      if (prior !== undefined) err(n, '问题', 'LIST.DUPLICATE_CATEGORY', `第${n}行「问题」${getCategory(c).label} 已在第${prior}行列出`);
      else categoryAt.set(c, n);
    }

    const refs = (column: '牵头单位' | '责任单位', cell: string) => {
      const r = scan(cell, units);
      for (const u of r.unknown) err(n, column, 'LIST.UNKNOWN_UNIT', `第${n}行「${column}」${u} 不在本辖区单位表中`);
      const conduct = cats.found.some((c) => getCategory(c).aboutPropertyCompany);
      for (const id of r.found) {
        const kind = (ctx.list.departments.find((d) => d.id === id) ?? ctx.registry.department(id))?.kind;
        if (conduct && kind === 'property') {
          err(n, column, 'LIST.PROPERTY_CONDUCT', `第${n}行「${column}」投诉物业企业自身行为的问题不得交由物业企业办理`);
        }
      }
      return [...new Set(r.found)];
    };
    if (!lead) err(n, '牵头单位', 'LIST.EMPTY_LEAD', `第${n}行「牵头单位」为空`);
    const leadIds = refs('牵头单位', lead);
    const respIds = refs('责任单位', responsible).filter((id) => !leadIds.includes(id));
    if (!basis) err(n, '依据', 'LIST.EMPTY_BASIS', `第${n}行「依据」为空`);

    rows.push({
      id: `${ctx.versionId}.r${n}`,
      seq: seq || String(n),
      ...(problem ? { problem } : {}),
      categories: [...new Set(cats.found)],
      basis: basis ? parseBasis(basis, seq, ctx.document) : [],
      lead: leadIds,
      responsible: respIds,
    });
  }
  // A created jurisdiction's 其他 row is its default: what no row names goes to its lead units.
  const otherRow = rows.find((r) => r.categories.includes('other'));
  if (ctx.created && !otherRow) err(1, '问题', 'LIST.NO_OTHER_ROW', '新建辖区的清单须有「其他」一行：清单未列明的问题由该行的牵头单位办理');
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  const defaultRow = ctx.created && otherRow ? (({ categories: _c, ...rest }) => ({ ...rest, id: `${otherRow.id}.default` }))(otherRow) : undefined;

  const parsed = ListVersionSchema.safeParse({
    jurisdiction: ctx.list.id,
    versionId: ctx.versionId,
    status: 'draft',
    effectiveFrom: null,
    sources: [...new Set(rows.flatMap((r) => r.basis.map((b) => b.source)))],
    rows,
    ...(defaultRow ? { defaultRow } : {}),
    createdAt: ctx.createdAt,
    createdBy: ctx.createdBy,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      const row = head === 'rows' && typeof index === 'number' ? (body[index]?.n ?? 1) : 1;
      err(row, null, 'LIST.INVALID', `第${row}行：${issue.path.join('.')}: ${issue.message}`);
    }
    return { ok: false, errors };
  }
  // The checks every list passes when it loads (references, coverage), on the list as it would route.
  try {
    const others = [...ctx.registry.lists.values()].filter((l) => l.id !== ctx.list.id);
    buildRegistry([...others, applyVersion(ctx.list, parsed.data)]);
  } catch (e) {
    if (!(e instanceof ListValidationError)) throw e;
    err(1, null, 'LIST.INVALID', e.message);
    return { ok: false, errors };
  }
  return { ok: true, version: parsed.data };
}

/** Unit names for the export: a department's name, 属地 for the township, the label of a local unit. */
function unitLabel(list: JurisdictionList, registry: Registry, ref: string): string {
  if (ref === 'township') return TOWNSHIP_WORDS[0]!;
  if (ref.startsWith('local:')) return `${list.genericAreaName}${list.localLabels[ref.slice(6) as keyof typeof list.localLabels] ?? ''}`;
  return registry.department(ref)?.name ?? ref;
}

/**
 * The list as a table in the import layout (header first): the current list for editing, or a
 * filled example. Importing it again gives the same routing.
 */
export function listToTable(list: Pick<JurisdictionList, 'rows'> & JurisdictionList, registry: Registry): string[][] {
  const out: string[][] = [[...LIST_COLUMNS]];
  list.rows.forEach((row, i) => {
    out.push([
      row.seq ?? String(i + 1),
      row.categories.map((c) => getCategory(c).label).join('、'),
      row.lead.map((r) => unitLabel(list, registry, r)).join('、'),
      row.responsible.map((r) => unitLabel(list, registry, r)).join('、'),
      row.basis.map((b) => `《${b.source}》${b.item}：${b.text}`).join('\n'),
    ]);
  });
  return out;
}
