/**
 * A jurisdiction's grid table (issue 19 §4: "import its … grids, with the same row-level
 * validation"): 网格名称 / 乡镇(街道) / 小区. Every error at once, naming row and column; grids come
 * out only when the whole table is valid. A grid already imported (same name, same township) keeps
 * its id, so grid workers' grants stay. The file is the jurisdiction's whole grid set: a stored grid
 * no row names is `missing`, and the import removes it, unless something still binds it (staff
 * grants, open tickets: removedGridInUse, the use case's check), which refuses the file. Pure.
 */
import type { Estate, Grid } from '../domain/directory';
import type { Township } from '../jurisdictions/schema';
import { directoryIds, GRID_COLUMNS, type DirectoryImportError, type DirectoryImportErrorCode, type GridColumn } from './directory-columns';

export interface GridsImportContext {
  jurisdiction: string;
  /** The jurisdiction's townships (its list's, or its imported unit table's). */
  townships: readonly Township[];
  /** The jurisdiction's registered estates. */
  estates: readonly Estate[];
  /** The jurisdiction's grids as stored. */
  grids: readonly Grid[];
}

const SEPARATORS = /[、，,；;\n]+/;

export type GridsParsed = ({ ok: true; grids: Grid[] } | { ok: false; errors: DirectoryImportError<GridColumn>[] }) & {
  /** Stored grids that no row names (same name, same township): a re-import removes them. */
  missing: Grid[];
};

/** The refusal of a missing grid that something still binds; row 1 (the header), as no row names it. */
export function removedGridInUse(grid: Grid, township: string, binds: string): DirectoryImportError<GridColumn> {
  return { row: 1, column: '网格名称', code: 'GRIDS.REMOVED_GRID_IN_USE', message: `网格「${grid.name}」（${township}）不在表中，但仍有${binds}：不能删除，请在表中保留该网格，或先调整授权、办结工单` };
}

export function parseGridsTable(table: readonly (readonly string[])[], ctx: GridsImportContext): GridsParsed {
  const errors: DirectoryImportError<GridColumn>[] = [];
  const err = (row: number, column: GridColumn | null, code: DirectoryImportErrorCode, message: string) => errors.push({ row, column, code, message });
  const header = (table[0] ?? []).map((c) => c.trim());
  if (GRID_COLUMNS.some((name, i) => header[i] !== name)) {
    err(1, null, 'GRIDS.HEADER', `第1行应为表头：${GRID_COLUMNS.join(' / ')}`);
    return { ok: false, errors, missing: [] };
  }
  const body = table.slice(1).map((cells, i) => ({ n: i + 2, cells: cells.map((c) => (c ?? '').trim()) })).filter((r) => r.cells.some(Boolean));
  if (body.length === 0) {
    err(2, null, 'GRIDS.EMPTY', '网格表没有任何网格');
    return { ok: false, errors, missing: [] };
  }

  const prefix = directoryIds.grid(ctx.jurisdiction, 0).slice(0, -1);
  let next = ctx.grids.reduce((max, g) => (g.id.startsWith(prefix) && /^\d+$/.test(g.id.slice(prefix.length)) ? Math.max(max, Number(g.id.slice(prefix.length))) : max), 0);
  const seenName = new Map<string, number>();
  const estateAt = new Map<string, number>();
  const grids: Grid[] = [];
  const named = new Set<string>();

  for (const { n, cells } of body) {
    const [name = '', townshipCell = '', estatesCell = ''] = cells;
    const township = ctx.townships.find((t) => t.name === townshipCell || t.id === townshipCell);
    if (!name) err(n, '网格名称', 'GRIDS.EMPTY_NAME', `第${n}行「网格名称」为空`);
    else if (name.length < 2 || name.length > 30) err(n, '网格名称', 'GRIDS.BAD_NAME', `第${n}行「网格名称」应为2–30字`);
    else if (seenName.has(`${townshipCell}|${name}`)) err(n, '网格名称', 'GRIDS.DUPLICATE_NAME', `第${n}行「网格名称」${name} 与第${seenName.get(`${townshipCell}|${name}`)}行重复`);
    else seenName.set(`${townshipCell}|${name}`, n);
    if (!townshipCell) err(n, '乡镇(街道)', 'GRIDS.EMPTY_TOWNSHIP', `第${n}行「乡镇(街道)」为空`);
    else if (!township) err(n, '乡镇(街道)', 'GRIDS.UNKNOWN_TOWNSHIP', `第${n}行「乡镇(街道)」${townshipCell} 不在本辖区乡镇(街道)表中`);

    const estateIds: string[] = [];
    for (const cell of estatesCell.split(SEPARATORS).map((s) => s.trim()).filter(Boolean)) {
      const estate = ctx.estates.find((e) => e.id === cell || e.name === cell);
      if (!estate) {
        err(n, '小区', 'GRIDS.UNKNOWN_ESTATE', `第${n}行「小区」${cell} 未在本辖区登记`);
        continue;
      }
      if (township && estate.townshipId !== township.id) {
        err(n, '小区', 'GRIDS.ESTATE_OUTSIDE_TOWNSHIP', `第${n}行「小区」${estate.name} 不在${township.name}`);
        continue;
      }
      const prior = estateAt.get(estate.id);
      if (prior !== undefined) {
        err(n, '小区', 'GRIDS.ESTATE_TWICE', `第${n}行「小区」${estate.name} 已在第${prior}行的网格中`);
        continue;
      }
      estateAt.set(estate.id, n);
      estateIds.push(estate.id);
    }
    if (!township || !name) continue;
    named.add(`${township.id}|${name}`);
    const id = ctx.grids.find((g) => g.name === name && g.townshipId === township.id)?.id ?? directoryIds.grid(ctx.jurisdiction, ++next);
    grids.push({ id, name, jurisdiction: ctx.jurisdiction, townshipId: township.id, estateIds });
  }
  const missing = ctx.grids.filter((g) => !named.has(`${g.townshipId}|${g.name}`));
  return errors.length ? { ok: false, errors: errors.sort((a, b) => a.row - b.row), missing } : { ok: true, grids, missing };
}
