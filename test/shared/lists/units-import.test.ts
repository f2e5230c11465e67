/**
 * The unit table of a created jurisdiction (shared/lists/units-import.ts, issue 19 §4: "import its
 * units … with the same row-level validation"). 示例县 and its units are a test fixture, not a
 * real place (test/fixtures/county/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../../shared/lists/csv';
import { UNIT_COLUMNS, UNIT_KIND_LABELS, UNIT_KIND_WORDS } from '../../../shared/lists/directory-columns';
import { parseUnitsTable } from '../../../shared/lists/units-import';
import { UNIT_KINDS } from '../../../shared/jurisdictions/schema';
import type { StoredJurisdiction } from '../../../shared/jurisdictions/stored';

const SHILI: StoredJurisdiction = {
  id: 'shili',
  name: '示例县',
  level: 'county',
  parent: 'yinchuan',
  departments: [],
  townships: [],
  leadershipOffice: null,
  createdAt: '2026-11-23T01:00:00.000Z',
  createdBy: 'u-admin-yc',
  updatedAt: '2026-11-23T01:00:00.000Z',
  updatedBy: 'u-admin-yc',
};
const FIXTURE = parseCsv(readFileSync(join(__dirname, '../../fixtures/county/shili-units.csv'), 'utf8'));
const HEADER = [...UNIT_COLUMNS];
const parse = (rows: string[][], j: StoredJurisdiction = SHILI, referenced: Set<string> = new Set()) => parseUnitsTable([HEADER, ...rows], { jurisdiction: j, referenced });

describe('the 类别 words', () => {
  it('name every unit kind, and each kind has one word the template writes', () => {
    expect(new Set(Object.values(UNIT_KIND_WORDS))).toEqual(new Set(UNIT_KINDS));
    for (const kind of UNIT_KINDS) expect(UNIT_KIND_WORDS[UNIT_KIND_LABELS[kind]]).toBe(kind);
    // Both bracket widths are read; the template writes the full-width one, as Word and WPS type it.
    expect([UNIT_KIND_WORDS['乡镇（街道）'], UNIT_KIND_WORDS['乡镇(街道)'], UNIT_KIND_LABELS.township]).toEqual(['township', 'township', '乡镇（街道）']);
  });
});

describe('parseUnitsTable', () => {
  it('reads the fixture: departments with kinds and levels, the 乡镇（街道） rows as townships, contacts, the leadership office', () => {
    const r = parseUnitsTable(FIXTURE, { jurisdiction: SHILI, referenced: new Set() });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.directory.townships).toEqual([
      { id: 'shili.t1', name: '示例街道' },
      { id: 'shili.t2', name: '示例东镇' },
      { id: 'shili.t3', name: '示例西乡' },
    ]);
    expect(r.directory.departments.map((d) => [d.id, d.kind])).toEqual([
      ['shili.u1', 'leadership'],
      ['shili.u2', 'government'],
      ['shili.u3', 'housing'],
      ['shili.u4', 'enforcement'],
      ['shili.u5', 'emergency'],
      ['shili.u6', 'fire'],
      ['shili.u7', 'police'],
      ['shili.u8', 'market'],
      ['shili.u9', 'development'],
      ['shili.u10', 'resources'],
      ['shili.u11', 'landscape'],
      ['shili.u12', 'civil'],
    ]);
    expect(r.directory.departments.every((d) => d.level === 'county')).toBe(true);
    expect(r.directory.leadershipOffice).toBe('shili.u1');
    expect(r.directory.contacts.find((c) => c.unitId === 'shili.u6')).toEqual({ unitId: 'shili.u6', name: '示例县消防救援大队', phone: '0000-1000006', contactPerson: '孙消', complaintPhone: '0000-1000119' });
  });

  it('re-imported, a unit keeps its id by its name; a new one gets the next number; the people’s government is the top when there is no office', () => {
    const before = { ...SHILI, departments: [{ id: 'shili.u1', name: '示例县人民政府', level: 'county' as const, kind: 'government' as const }, { id: 'shili.u4', name: '示例县公安局', level: 'county' as const, kind: 'police' as const }], townships: [{ id: 'shili.t2', name: '示例东镇' }] };
    const r = parse([['示例县公安局', '公安部门', '', '', '', ''], ['示例县人民政府', '人民政府', '', '', '', ''], ['示例县民政局', '民政部门', '', '', '', ''], ['示例西乡', '乡镇(街道)', '', '', '', ''], ['示例东镇', '乡镇（街道）', '', '', '', '']], before);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.directory.departments.map((d) => d.id)).toEqual(['shili.u4', 'shili.u1', 'shili.u5']);
    expect(r.directory.townships).toEqual([{ id: 'shili.t3', name: '示例西乡' }, { id: 'shili.t2', name: '示例东镇' }]);
    expect(r.directory.leadershipOffice).toBe('shili.u1');
  });

  it('answers every error at once with row, column and code', () => {
    const r = parse([
      ['', '住建部门', '', '', '', ''],
      ['示', '住建部门', '', '', '', ''],
      ['示例县公安局', '公安局', '', '', '', ''],
      ['示例县民政局', '民政部门', '省级', '', '', ''],
      ['示例县民政局', '民政部门', '', '', '', ''],
      ['示例县应急管理局', '应急管理部门', '', '赵安', '', '12345a'],
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, '类别', 'UNITS.NO_TOWNSHIP'],
      [1, '类别', 'UNITS.NO_LEADERSHIP'],
      [2, '单位名称', 'UNITS.EMPTY_NAME'],
      [3, '单位名称', 'UNITS.BAD_NAME'],
      [4, '类别', 'UNITS.UNKNOWN_KIND'],
      [5, '层级', 'UNITS.UNKNOWN_LEVEL'],
      [6, '单位名称', 'UNITS.DUPLICATE_NAME'],
      [7, '投诉举报电话', 'UNITS.BAD_PHONE'],
      [7, '电话', 'UNITS.BAD_PHONE'],
    ]);
    expect(r.errors[6]!.message).toBe('第6行「单位名称」示例县民政局 与第5行重复');
  });

  it('a header that is not the layout, or no rows, is one error', () => {
    const bad = parseUnitsTable([['名称', '类别']], { jurisdiction: SHILI, referenced: new Set() });
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toEqual(['UNITS.HEADER']);
    const empty = parse([['', '', '', '', '', '']]);
    expect(empty.ok ? [] : empty.errors.map((e) => e.code)).toEqual(['UNITS.EMPTY']);
  });

  it('a unit the jurisdiction’s list still names cannot be dropped by a re-import (the list would route to nobody)', () => {
    const first = parseUnitsTable(FIXTURE, { jurisdiction: SHILI, referenced: new Set() });
    if (!first.ok) throw new Error('fixture');
    const j = { ...SHILI, ...first.directory };
    const without = FIXTURE.filter((row) => row[0] !== '示例县消防救援大队');
    const r = parseUnitsTable(without, { jurisdiction: j, referenced: new Set(['shili.u6', 'shili.t1']) });
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.message])).toEqual([['UNITS.REMOVED_UNIT', '责任清单仍使用「示例县消防救援大队」，单位表不能删除或改名；请先导入不含它的清单']]);
  });
});
