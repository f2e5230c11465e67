/**
 * A created jurisdiction's unit table (issue 19 §4: "import its units … with the same row-level
 * validation"): 单位名称 / 类别 / 层级 / 联系人 / 电话 / 投诉举报电话. The 乡镇（街道） rows are its
 * townships. Every error at once, naming row and column; a directory comes out only when the whole
 * table is valid. Pure: rows of strings in, departments, townships and contacts out.
 */
import type { UnitContact } from '../domain/directory';
import type { Department, Township, UnitLevel } from '../jurisdictions/schema';
import type { StoredJurisdiction } from '../jurisdictions/stored';
import { directoryIds, UNIT_COLUMNS, UNIT_KIND_WORDS, UNIT_LEVEL_WORDS, type DirectoryImportError, type DirectoryImportErrorCode, type UnitColumn } from './directory-columns';

export interface UnitsImportContext {
  /** The jurisdiction as stored: a unit or township already imported keeps its id when its name is the same. */
  jurisdiction: StoredJurisdiction;
  /** Unit ids the jurisdiction's list versions name (a re-import may not drop them). */
  referenced: ReadonlySet<string>;
}

export interface UnitsDirectory {
  departments: Department[];
  townships: Township[];
  leadershipOffice: string;
  contacts: UnitContact[];
}

/** A phone as a notice board prints it: digits with - or spaces, an extension after 转; 12345 and 110 too. */
const PHONE = /^(\d{3,5}|[0-9+（）() -]{7,20}(转\d{1,6})?)$/;

const OWN_LEVEL: Record<StoredJurisdiction['level'], UnitLevel> = { county: 'county', district: 'district', city: 'city' };

/** The largest n of ids `<prefix><n>` among these. */
function maxIndex(ids: readonly string[], prefix: string): number {
  return ids.reduce((max, id) => (id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length)) ? Math.max(max, Number(id.slice(prefix.length))) : max), 0);
}

export function parseUnitsTable(table: readonly (readonly string[])[], ctx: UnitsImportContext): { ok: true; directory: UnitsDirectory } | { ok: false; errors: DirectoryImportError<UnitColumn>[] } {
  const errors: DirectoryImportError<UnitColumn>[] = [];
  const err = (row: number, column: UnitColumn | null, code: DirectoryImportErrorCode, message: string) => errors.push({ row, column, code, message });
  const header = (table[0] ?? []).map((c) => c.trim());
  if (UNIT_COLUMNS.some((name, i) => header[i] !== name)) {
    err(1, null, 'UNITS.HEADER', `第1行应为表头：${UNIT_COLUMNS.join(' / ')}`);
    return { ok: false, errors };
  }
  const body = table.slice(1).map((cells, i) => ({ n: i + 2, cells: cells.map((c) => (c ?? '').trim()) })).filter((r) => r.cells.some(Boolean));
  if (body.length === 0) {
    err(2, null, 'UNITS.EMPTY', '单位表没有任何单位');
    return { ok: false, errors };
  }

  const j = ctx.jurisdiction;
  const unitPrefix = directoryIds.unit(j.id, 0).slice(0, -1);
  const townshipPrefix = directoryIds.township(j.id, 0).slice(0, -1);
  let nextUnit = maxIndex(j.departments.map((d) => d.id), unitPrefix);
  let nextTownship = maxIndex(j.townships.map((t) => t.id), townshipPrefix);
  const seen = new Map<string, number>();
  const departments: Department[] = [];
  const townships: Township[] = [];
  const contacts: UnitContact[] = [];

  for (const { n, cells } of body) {
    const [name = '', kindCell = '', levelCell = '', person = '', phone = '', complaintPhone = ''] = cells;
    if (!name) err(n, '单位名称', 'UNITS.EMPTY_NAME', `第${n}行「单位名称」为空`);
    else if (name.length < 2 || name.length > 50) err(n, '单位名称', 'UNITS.BAD_NAME', `第${n}行「单位名称」应为2–50字`);
    else if (seen.has(name)) err(n, '单位名称', 'UNITS.DUPLICATE_NAME', `第${n}行「单位名称」${name} 与第${seen.get(name)}行重复`);
    else seen.set(name, n);

    const kind = UNIT_KIND_WORDS[kindCell];
    if (!kind) err(n, '类别', 'UNITS.UNKNOWN_KIND', `第${n}行「类别」${kindCell || '(空)'} 不是可选的单位类别：${[...new Set(Object.keys(UNIT_KIND_WORDS))].join('、')}`);
    let level: UnitLevel = kind === 'township' ? 'township' : OWN_LEVEL[j.level];
    if (levelCell) {
      const read = UNIT_LEVEL_WORDS[levelCell];
      if (!read) err(n, '层级', 'UNITS.UNKNOWN_LEVEL', `第${n}行「层级」${levelCell} 应为：${Object.keys(UNIT_LEVEL_WORDS).join('、')}，或留空`);
      else level = read;
    }
    for (const [column, value] of [['电话', phone], ['投诉举报电话', complaintPhone]] as const) {
      if (value && !PHONE.test(value)) err(n, column, 'UNITS.BAD_PHONE', `第${n}行「${column}」${value} 不是电话号码`);
    }
    if (!phone && (person || complaintPhone)) err(n, '电话', 'UNITS.BAD_PHONE', `第${n}行填写了联系人或投诉举报电话，「电话」不能为空`);
    if (person.length > 20) err(n, '联系人', 'UNITS.BAD_NAME', `第${n}行「联系人」不能超过20字`);
    if (!kind || !name) continue;

    let id: string;
    if (kind === 'township') {
      id = j.townships.find((t) => t.name === name)?.id ?? directoryIds.township(j.id, ++nextTownship);
      townships.push({ id, name });
    } else {
      id = j.departments.find((d) => d.name === name)?.id ?? directoryIds.unit(j.id, ++nextUnit);
      departments.push({ id, name, level, kind });
    }
    if (phone) contacts.push({ unitId: id, name, phone, ...(person ? { contactPerson: person } : {}), ...(complaintPhone ? { complaintPhone } : {}) });
  }

  if (!body.some(({ cells }) => UNIT_KIND_WORDS[cells[1] ?? ''] === 'township')) {
    err(1, '类别', 'UNITS.NO_TOWNSHIP', '单位表须列出本辖区的乡镇（街道）（类别填「乡镇（街道）」）：属地办理需要它们');
  }
  // The top of the escalation ladder: the leading group's office, else the people's government.
  const office = departments.find((d) => d.kind === 'leadership') ?? departments.find((d) => d.kind === 'government');
  if (!office) err(1, '类别', 'UNITS.NO_LEADERSHIP', '单位表须有一个「领导小组办公室」或「人民政府」单位：督办升级的最高一级');

  const kept = new Set([...departments, ...townships].map((u) => u.id));
  for (const ref of ctx.referenced) {
    if (kept.has(ref)) continue;
    const old = [...j.departments, ...j.townships].find((u) => u.id === ref);
    if (old) err(1, '单位名称', 'UNITS.REMOVED_UNIT', `责任清单仍使用「${old.name}」，单位表不能删除或改名；请先导入不含它的清单`);
  }
  if (errors.length || !office) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, directory: { departments, townships, leadershipOffice: office.id, contacts } };
}
