/** A workbook's sheets as rows of cell values (exceljs's 1-based row.values, the empty slot 0 dropped), by sheet name. */
import ExcelJS from 'exceljs';

export async function sheets(bytes: Buffer): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out[ws.name] = rows;
  }
  return out;
}
