/**
 * The grid table (shared/lists/grids-import.ts, issue 19 §4). 示例县, its townships and estates
 * are a test fixture, not a real place (test/fixtures/county/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Estate, Grid } from '../../../shared/domain/directory';
import { parseCsv } from '../../../shared/lists/csv';
import { GRID_COLUMNS } from '../../../shared/lists/directory-columns';
import { parseGridsTable, removedGridInUse } from '../../../shared/lists/grids-import';

const TOWNSHIPS = [
  { id: 'shili.t1', name: '示例街道' },
  { id: 'shili.t2', name: '示例东镇' },
  { id: 'shili.t3', name: '示例西乡' },
];
const estate = (id: string, name: string, townshipId: string): Estate => ({ id, name, jurisdiction: 'shili', areaId: null, townshipId, address: '示例路1号', location: { lat: 38.48, lng: 106.21 }, sceneCode: id, propertyCompanyId: null, propertyInfo: null });
const ESTATES = [estate('sl-shhy', '示例花园', 'shili.t1'), estate('sl-shjy', '示例家园', 'shili.t1'), estate('sl-dzya', '东镇雅苑', 'shili.t2')];
const FIXTURE = parseCsv(readFileSync(join(__dirname, '../../fixtures/county/shili-grids.csv'), 'utf8'));
const parse = (rows: string[][], grids: Grid[] = []) => parseGridsTable([[...GRID_COLUMNS], ...rows], { jurisdiction: 'shili', townships: TOWNSHIPS, estates: ESTATES, grids });

describe('parseGridsTable', () => {
  it('reads the fixture: each grid in its township with its estates (by name), ids <jurisdiction>.g<n>', () => {
    const r = parseGridsTable(FIXTURE, { jurisdiction: 'shili', townships: TOWNSHIPS, estates: ESTATES, grids: [] });
    expect(r).toEqual({
      ok: true,
      grids: [
        { id: 'shili.g1', name: '示例街道第一网格', jurisdiction: 'shili', townshipId: 'shili.t1', estateIds: ['sl-shhy', 'sl-shjy'] },
        { id: 'shili.g2', name: '示例东镇第一网格', jurisdiction: 'shili', townshipId: 'shili.t2', estateIds: ['sl-dzya'] },
        { id: 'shili.g3', name: '示例西乡第一网格', jurisdiction: 'shili', townshipId: 'shili.t3', estateIds: [] },
      ],
      missing: [],
    });
  });

  it('a grid already stored keeps its id (its workers’ grants name it); estates by id work too', () => {
    const stored: Grid = { id: 'shili.g7', name: '示例街道第一网格', jurisdiction: 'shili', townshipId: 'shili.t1', estateIds: [] };
    const r = parse([['示例街道第一网格', 'shili.t1', 'sl-shhy'], ['示例街道第二网格', '示例街道', '示例家园']], [stored]);
    expect(r.ok && r.grids.map((g) => [g.id, g.estateIds])).toEqual([
      ['shili.g7', ['sl-shhy']],
      ['shili.g8', ['sl-shjy']],
    ]);
  });

  it('answers every error at once with row, column and code', () => {
    const r = parse([
      ['', '示例街道', ''],
      ['示例网格', '', ''],
      ['示例网格二', '示例北镇', ''],
      ['示例街道一网格', '示例街道', '示例花园、不存在小区、东镇雅苑'],
      ['示例街道二网格', '示例街道', '示例花园'],
      ['示例街道二网格', '示例街道', ''],
    ]);
    expect(r.ok ? [] : r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '网格名称', 'GRIDS.EMPTY_NAME'],
      [3, '乡镇(街道)', 'GRIDS.EMPTY_TOWNSHIP'],
      [4, '乡镇(街道)', 'GRIDS.UNKNOWN_TOWNSHIP'],
      [5, '小区', 'GRIDS.UNKNOWN_ESTATE'],
      [5, '小区', 'GRIDS.ESTATE_OUTSIDE_TOWNSHIP'],
      [6, '小区', 'GRIDS.ESTATE_TWICE'],
      [7, '网格名称', 'GRIDS.DUPLICATE_NAME'],
    ]);
  });

  it('a header that is not the layout, or no rows, is one error', () => {
    const bad = parseGridsTable([['网格', '街道']], { jurisdiction: 'shili', townships: TOWNSHIPS, estates: ESTATES, grids: [] });
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toEqual(['GRIDS.HEADER']);
    expect((r => (r.ok ? [] : r.errors.map((e) => e.code)))(parse([]))).toEqual(['GRIDS.EMPTY']);
  });
});

describe('a re-import is the whole grid set', () => {
  const g = (id: string, name: string, townshipId: string): Grid => ({ id, name, jurisdiction: 'shili', townshipId, estateIds: [] });

  it('names as missing every stored grid no row names by name and township (a grid moved to another township is new)', () => {
    const kept = g('shili.g1', '示例街道第一网格', 'shili.t1');
    const dropped = g('shili.g2', '示例东镇第一网格', 'shili.t2');
    const moved = g('shili.g3', '示例西乡第一网格', 'shili.t3');
    const r = parse([['示例街道第一网格', '示例街道', ''], ['示例西乡第一网格', '示例东镇', '']], [kept, dropped, moved]);
    expect(r.ok && r.grids.map((x) => x.id)).toEqual(['shili.g1', 'shili.g4']);
    expect(r.missing.map((x) => x.id)).toEqual(['shili.g2', 'shili.g3']);
  });

  it('names the missing grids of a file with row errors too (the use case answers every error at once)', () => {
    const r = parse([['示例街道第一网格', '示例北镇', '']], [g('shili.g1', '示例街道第一网格', 'shili.t1')]);
    expect(r.ok).toBe(false);
    expect(r.missing.map((x) => x.id)).toEqual(['shili.g1']);
  });

  it('words the refusal of a missing grid that something binds, on row 1 as no row names it', () => {
    expect(removedGridInUse(g('shili.g2', '示例东镇第一网格', 'shili.t2'), '示例东镇', '2名工作人员的授权')).toEqual({
      row: 1,
      column: '网格名称',
      code: 'GRIDS.REMOVED_GRID_IN_USE',
      message: '网格「示例东镇第一网格」（示例东镇）不在表中，但仍有2名工作人员的授权：不能删除，请在表中保留该网格，或先调整授权、办结工单',
    });
  });
});
