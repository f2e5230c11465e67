import { monthLabel, monthOf, previousMonth, yearOf } from '../../../../miniprogram/staff/lib/period';

describe('period (Asia/Shanghai calendar)', () => {
  it('reads the month and year in Beijing time, not UTC', () => {
    // 2026-11-30T16:30Z is 2026-12-01 00:30 in Beijing.
    const ms = Date.parse('2026-11-30T16:30:00.000Z');
    expect(monthOf(ms)).toBe('2026-12');
    expect(previousMonth(ms)).toBe('2026-11');
    // 2026-12-31T16:30Z is 2027-01-01 00:30 in Beijing.
    const newYear = Date.parse('2026-12-31T16:30:00.000Z');
    expect(yearOf(newYear)).toBe(2027);
    expect(previousMonth(newYear)).toBe('2026-12');
  });

  it('steps back within a year', () => {
    expect(previousMonth(Date.parse('2026-10-15T04:00:00.000Z'))).toBe('2026-09');
  });

  it('labels a month in Chinese', () => {
    expect(monthLabel('2026-03')).toBe('2026年03月');
    expect(monthLabel('bad')).toBe('bad');
  });
});
