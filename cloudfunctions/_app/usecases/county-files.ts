/**
 * County files at the edge (issue 19): an uploaded XLSX or CSV read into rows of strings for the
 * pure parsers (shared/lists), and tables written back as XLSX (template, example, current list).
 */
import type { Workbook } from 'exceljs';
import { parseCsv } from '../../../shared/lists/csv';
import { AppError } from '../errors';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** exceljs is required at run time, as bulletin.ts explains (cloud function bundle budget). */
const EXCELJS_MODULE = 'exceljs';
function loadExcel(): typeof import('exceljs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(EXCELJS_MODULE) as typeof import('exceljs');
}

/** A cell as the person typed it: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

/** The first sheet of an XLSX, or a CSV, as rows of trimmed strings (the file kind by its name). */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  if (/\.csv$/i.test(fileName)) return parseCsv(new TextDecoder('utf-8').decode(bytes));
  if (!/\.xlsx$/i.test(fileName)) throw new AppError('FILE.UNSUPPORTED_TYPE', '请上传 .xlsx 或 .csv 文件', 400);
  const wb: Workbook = new (loadExcel().Workbook)();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE.UNREADABLE', '无法读取该 XLSX 文件', 400);
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** One sheet holding the table, header bold and frozen, long cells wrapped. */
export async function tableXlsx(sheet: string, table: readonly (readonly string[])[], widths: readonly number[]): Promise<Buffer> {
  const wb: Workbook = new (loadExcel().Workbook)();
  wb.creator = '小区吹哨';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = widths.map((width) => ({ width }));
  table.forEach((cells, i) => {
    const row = ws.addRow([...cells]);
    if (i === 0) row.font = { bold: true };
    else row.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
