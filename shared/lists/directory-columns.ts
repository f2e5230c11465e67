/**
 * The column layouts of a new county's directory files (issue 19 §4: "import its units … and
 * grids"), as a county clerk fills them in: one sheet of units (the 乡镇/街道 among them) and one
 * sheet of grids. Every name comes from the file; ids are made by the product, never names.
 */
import type { UnitKind, UnitLevel } from '../jurisdictions/schema';

/**
 * 单位表: one row per unit. A township or street is a unit of 类别 乡镇（街道）, so this file also
 * creates the county's townships. Contacts go to the estate noticeboard (执法部门职责及联系人公告牌).
 */
export const UNIT_COLUMNS = ['单位名称', '类别', '层级', '联系人', '电话', '投诉举报电话'] as const;
export type UnitColumn = (typeof UNIT_COLUMNS)[number];

/**
 * 网格表: one row per grid. 小区 lists the grid's estates by 小区名称 or 小区编号, separated by 、 or
 * a comma (the estates imported before); it may be empty for a grid whose estates come later.
 */
export const GRID_COLUMNS = ['网格名称', '乡镇(街道)', '小区'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];

/**
 * The 类别 words a clerk writes, to UNIT_KINDS. Both bracket widths are read (（） as Word and WPS
 * type them, () as typed on a keyboard). A unit whose kind is not listed is 其他.
 */
export const UNIT_KIND_WORDS: Readonly<Record<string, UnitKind>> = {
  人民政府: 'government',
  住建部门: 'housing',
  发改部门: 'development',
  市场监管部门: 'market',
  综合执法部门: 'enforcement',
  公安部门: 'police',
  应急管理部门: 'emergency',
  消防救援: 'fire',
  自然资源部门: 'resources',
  园林部门: 'landscape',
  民政部门: 'civil',
  '乡镇（街道）': 'township',
  '乡镇(街道)': 'township',
  领导小组办公室: 'leadership',
  物业企业: 'property',
  其他: 'other',
};

/** The 类别 word the template and the export write for each kind (the first listed above). */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = Object.fromEntries(
  Object.entries(UNIT_KIND_WORDS)
    .reverse()
    .map(([word, kind]) => [kind, word]),
) as Record<UnitKind, string>;

/** The 层级 words, to UNIT_LEVELS. Empty: the jurisdiction's own level (a township: 乡镇级). */
export const UNIT_LEVEL_WORDS: Readonly<Record<string, UnitLevel>> = {
  市级: 'city',
  区级: 'district',
  县级: 'county',
  乡镇级: 'township',
  街道: 'township',
};

/** Created ids (stable across re-imports: a unit or grid keeps its id when its name is the same). */
export const directoryIds = {
  /** A department: <jurisdiction>.u<n>. */
  unit: (jurisdiction: string, n: number) => `${jurisdiction}.u${n}`,
  /** A township or street: <jurisdiction>.t<n>. */
  township: (jurisdiction: string, n: number) => `${jurisdiction}.t${n}`,
  /** A grid: <jurisdiction>.g<n>. */
  grid: (jurisdiction: string, n: number) => `${jurisdiction}.g${n}`,
};

/**
 * A refused file: every problem at once, the spreadsheet row (the header is row 1) and the column.
 * The admin function answers 400 UNITS.INVALID_ROWS / GRIDS.INVALID_ROWS with one issue per error,
 * { path: "<row>.<column>" (or "<row>"), code, message }, and stores nothing.
 */
export type DirectoryImportErrorCode =
  | 'UNITS.HEADER'
  | 'UNITS.EMPTY'
  | 'UNITS.EMPTY_NAME'
  | 'UNITS.BAD_NAME'
  | 'UNITS.DUPLICATE_NAME'
  | 'UNITS.UNKNOWN_KIND'
  | 'UNITS.UNKNOWN_LEVEL'
  | 'UNITS.BAD_PHONE'
  | 'UNITS.NO_TOWNSHIP'
  | 'UNITS.NO_LEADERSHIP'
  | 'UNITS.REMOVED_UNIT'
  | 'GRIDS.HEADER'
  | 'GRIDS.EMPTY'
  | 'GRIDS.EMPTY_NAME'
  | 'GRIDS.BAD_NAME'
  | 'GRIDS.DUPLICATE_NAME'
  | 'GRIDS.EMPTY_TOWNSHIP'
  | 'GRIDS.UNKNOWN_TOWNSHIP'
  | 'GRIDS.UNKNOWN_ESTATE'
  | 'GRIDS.ESTATE_OUTSIDE_TOWNSHIP'
  | 'GRIDS.ESTATE_TWICE'
  | 'GRIDS.REMOVED_GRID_IN_USE';

export interface DirectoryImportError<C extends string = UnitColumn | GridColumn> {
  row: number;
  column: C | null;
  code: DirectoryImportErrorCode;
  message: string;
}

/** The answers of the admin function's onboarding actions (issue 19 §4). */
export interface CreatedJurisdiction {
  id: string;
  name: string;
  level: 'county' | 'district' | 'city';
  parent: string | null;
}
export interface UnitsImported {
  jurisdiction: string;
  departments: Array<{ id: string; name: string; kind: UnitKind; level: UnitLevel }>;
  townships: Array<{ id: string; name: string }>;
}
/** One row of admin.jurisdictions: where onboarding stands. */
export interface JurisdictionStatus {
  id: string;
  name: string;
  level: 'county' | 'district' | 'city';
  parent: string | null;
  /** Created by an admin (units, grids imported here); false for the four bundled ones. */
  created: boolean;
  /** Departments and townships in its unit table. */
  units: number;
  townships: number;
  /** A list version is active: it is in the app's registry (names, scopes, estates). */
  live: boolean;
  /** The version routing today; null before the first one takes effect. */
  routingNow: string | null;
}
export interface GridsImported {
  jurisdiction: string;
  grids: Array<{ id: string; name: string; townshipId: string; estateIds: string[] }>;
  /** Stored grids the file no longer names, removed by this import (none bound by grants or open tickets). */
  removed: Array<{ id: string; name: string; townshipId: string }>;
}
