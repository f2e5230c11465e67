// jsdom project (.tsx): these modules reach miniprogram/api, whose Taro import needs the page-test setup.
import { bulletinUrl, filenameOf } from '../../../../miniprogram/staff/lib/bulletin';

describe('bulletin download helpers', () => {
  it('asks the local runtime for the jurisdiction, month and format', () => {
    expect(bulletinUrl({ jurisdiction: 'yongning', month: '2026-10', format: 'csv' })).toBe('/api/bulletin?jurisdiction=yongning&month=2026-10&format=csv');
  });

  it('takes the UTF-8 file name of Content-Disposition, else the ASCII one, else the fallback', () => {
    const name = '永宁县月通报-2026-10.xlsx';
    expect(filenameOf(`attachment; filename="bulletin-yongning-2026-10.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`, 'x')).toBe(name);
    expect(filenameOf('attachment; filename="bulletin-yongning-2026-10.xlsx"', 'x')).toBe('bulletin-yongning-2026-10.xlsx');
    expect(filenameOf("attachment; filename*=UTF-8''%E0%A4%A", 'fallback.xlsx')).toBe('fallback.xlsx');
    expect(filenameOf(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});
