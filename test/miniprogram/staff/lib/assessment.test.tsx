import { assessmentEntries, assessmentPaths } from '../../../../miniprogram/staff/lib/assessment';

describe('home entries to the 考核 table, the 12345 desk and the 六公开 form (issue 20 §4–6)', () => {
  it('the table for leadership, admin and street officers; never for a property company', () => {
    for (const role of ['leadership', 'street']) expect(assessmentEntries([role]).map((e) => e.url)).toEqual([assessmentPaths.companies]);
    expect(assessmentEntries(['admin']).map((e) => e.url)).toEqual([assessmentPaths.companies, assessmentPaths.disclosure]);
    expect(assessmentEntries(['property']).map((e) => e.url)).toEqual([assessmentPaths.disclosure]);
    expect(assessmentEntries(['street', 'property']).map((e) => e.url)).toEqual([assessmentPaths.disclosure]);
    expect(assessmentEntries(['grid', 'department', 'police'])).toEqual([]);
  });

  it('the 12345 desk for the hotline role only', () => {
    expect(assessmentEntries(['hotline'])).toEqual([
      { label: '12345工单（导入、统计、回传）', url: assessmentPaths.hotline },
      { label: '12345工单催办督办', url: assessmentPaths.hotlineQueue },
    ]);
    expect(assessmentEntries(['leadership']).some((e) => e.url === assessmentPaths.hotline || e.url === assessmentPaths.hotlineQueue)).toBe(false);
  });
});
