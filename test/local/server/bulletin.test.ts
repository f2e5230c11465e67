import ExcelJS from 'exceljs';
import { startTestRuntime, type TestRuntime } from './support';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt.stop();
});

describe('GET /api/bulletin (the monthly bulletin as a file)', () => {
  it('lets the leadership office download the XLSX, which opens with exceljs', async () => {
    const token = await rt.signIn('demo.yongning.leadership');
    const res = await fetch(`${rt.url}/api/bulletin?jurisdiction=yongning&month=2026-11&format=xlsx`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(1);
  });

  it('refuses an anonymous caller and a resident', async () => {
    expect((await fetch(`${rt.url}/api/bulletin?jurisdiction=yongning&month=2026-11`)).status).toBe(401);
    const token = await rt.signIn('demo.yongning.resident1');
    expect((await fetch(`${rt.url}/api/bulletin?jurisdiction=yongning&month=2026-11`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(403);
  });
});
