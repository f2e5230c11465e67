import fc from 'fast-check';
import {
  addNaturalMinutes,
  addWorkingDays,
  hasStatutoryCalendar,
  instantMs,
  isWorkingDay,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiMonth,
  toShanghaiIso,
  toUtcIso,
  workingDaysBetween,
} from '../../../shared/sla/calendar';
import { setProcessTimeZone, useProcessTimeZone, ZONES } from './timezones';

describe('time zone harness', () => {
  it('really switches the process time zone', () => {
    const previous = setProcessTimeZone('UTC');
    try {
      const utc = new Date(2026, 0, 1).getTimezoneOffset();
      setProcessTimeZone('America/Los_Angeles');
      const losAngeles = new Date(2026, 0, 1).getTimezoneOffset();
      expect(utc).toBe(0);
      expect(losAngeles).toBe(480);
      expect(losAngeles).not.toBe(utc);
    } finally {
      setProcessTimeZone(previous);
    }
  });
});

const OFFSETS: Record<(typeof ZONES)[number], number> = { UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 480 };

describe.each(ZONES)('calendar with the process in %s', (zone) => {
  useProcessTimeZone(zone);

  it('runs in that zone', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(OFFSETS[zone]);
  });

  describe('Shanghai dates of instants', () => {
    it.each([
      ['2026-09-30T15:59:59.999Z', '2026-09-30'],
      ['2026-09-30T16:00:00Z', '2026-10-01'],
      ['2026-10-01T00:00+08:00', '2026-10-01'],
      ['2026-09-30T20:00-07:00', '2026-10-01'],
      ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ])('shanghaiDate(%s) = %s', (instant, date) => {
      expect(shanghaiDate(instant)).toBe(date);
    });

    it('accepts Date objects', () => {
      expect(shanghaiDate(new Date(Date.UTC(2026, 8, 30, 16)))).toBe('2026-10-01');
    });

    it.each([
      ['2026-01-31T15:59:59Z', '2026-01'],
      ['2026-01-31T16:00:00Z', '2026-02'],
      ['2026-12-31T16:30:00Z', '2027-01'],
    ])('shanghaiMonth(%s) = %s', (instant, month) => {
      expect(shanghaiMonth(instant)).toBe(month);
    });

    it.each([
      ['2026-10-13T02:00:00.000Z', '2026-10-13T10:00:00+08:00'],
      ['2026-10-13T02:00:00.250Z', '2026-10-13T10:00:00.250+08:00'],
      ['2026-12-31T16:30:00Z', '2027-01-01T00:30:00+08:00'],
      ['2026-10-12T19:00:00-07:00', '2026-10-13T10:00:00+08:00'],
    ])('toShanghaiIso(%s) = %s', (instant, iso) => {
      expect(toShanghaiIso(instant)).toBe(iso);
    });

    it('formats Shanghai wall time for messages and normalises to UTC for storage', () => {
      expect(shanghaiDateTime('2026-11-03T02:00:00Z')).toBe('2026-11-03 10:00');
      expect(toUtcIso('2026-10-13T10:00+08:00')).toBe('2026-10-13T02:00:00.000Z');
    });

    it.each(['2026-10-01T10:00', '2026-10-01', '2026-02-30T10:00Z', '2026-10-01T24:00Z', '2026-10-01T10:60Z', 'soon', ''])(
      'rejects %p (no offset, or not a real instant)',
      (bad) => {
        expect(() => instantMs(bad)).toThrow(RangeError);
      },
    );

    it('rejects an invalid Date', () => {
      expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
    });
  });

  describe('working days (statutory calendar with 调休)', () => {
    it.each([
      // National Day 2026 and its make-up days
      ['2026-09-18', true], // Friday
      ['2026-09-19', false], // Saturday
      ['2026-09-20', true], // Sunday, make-up working day
      ['2026-09-25', false], // Friday, Mid-Autumn
      ['2026-09-30', true],
      ['2026-10-01', false],
      ['2026-10-02', false],
      ['2026-10-05', false], // Monday inside the holiday
      ['2026-10-06', false],
      ['2026-10-07', false],
      ['2026-10-08', true],
      ['2026-10-09', true],
      ['2026-10-10', true], // Saturday, make-up working day
      ['2026-10-11', false],
      ['2026-10-12', true],
      ['2026-10-17', false], // an ordinary Saturday
      ['2026-10-18', false],
      // Spring Festival 2026: 15–23 February off, Sat 14 and Sat 28 February worked
      ['2026-02-13', true],
      ['2026-02-14', true],
      ['2026-02-15', false],
      ['2026-02-16', false],
      ['2026-02-17', false],
      ['2026-02-20', false],
      ['2026-02-23', false], // Monday inside the holiday
      ['2026-02-24', true],
      ['2026-02-28', true],
      ['2026-03-01', false],
      // New Year and Labour Day
      ['2026-01-01', false],
      ['2026-01-02', false],
      ['2026-01-04', true], // Sunday, make-up working day
      ['2026-05-04', false],
      ['2026-05-09', true], // Saturday, make-up working day
    ])('%s working: %s', (date, working) => {
      expect(isWorkingDay(date)).toBe(working);
    });

    it('knows which years the statutory calendar covers', () => {
      expect(hasStatutoryCalendar(2026)).toBe(true);
      expect(hasStatutoryCalendar(2004)).toBe(true);
      expect(hasStatutoryCalendar(2003)).toBe(false);
      expect(hasStatutoryCalendar(2099)).toBe(false);
    });

    it.each([
      ['2099-01-01', true], // Thursday: a holiday in reality, Monday–Friday fallback here
      ['2099-01-02', true],
      ['2099-01-03', false],
      ['2099-01-04', false],
    ])('beyond the data falls back to Monday–Friday: %s working: %s', (date, working) => {
      expect(isWorkingDay(date)).toBe(working);
    });

    it.each(['2026-02-30', '2026-9-20', '20260920', ''])('rejects the date %p', (bad) => {
      expect(() => isWorkingDay(bad)).toThrow(RangeError);
    });
  });

  describe('addWorkingDays', () => {
    it.each([
      // the rule's example: Oct 8, 9, Sat 10 (make-up), 12, 13
      ['2026-09-30T10:00+08:00', 5, '2026-10-13T10:00:00+08:00'],
      ['2026-09-30T10:00+08:00', 1, '2026-10-08T10:00:00+08:00'],
      ['2026-09-30T10:00+08:00', 3, '2026-10-10T10:00:00+08:00'],
      ['2026-09-30T10:00+08:00', 4, '2026-10-12T10:00:00+08:00'],
      ['2026-10-03T09:15+08:00', 1, '2026-10-08T09:15:00+08:00'], // from inside the holiday
      ['2026-10-09T18:00+08:00', 1, '2026-10-10T18:00:00+08:00'], // Friday → make-up Saturday
      ['2026-10-10T18:00+08:00', 1, '2026-10-12T18:00:00+08:00'],
      ['2026-10-16T17:30+08:00', 1, '2026-10-19T17:30:00+08:00'], // ordinary Saturday skipped
      ['2026-09-18T10:00+08:00', 1, '2026-09-20T10:00:00+08:00'], // make-up Sunday
      ['2026-09-24T10:00+08:00', 1, '2026-09-28T10:00:00+08:00'], // Mid-Autumn Friday skipped
      // Spring Festival 2026
      ['2026-02-13T10:00+08:00', 1, '2026-02-14T10:00:00+08:00'],
      ['2026-02-13T10:00+08:00', 2, '2026-02-24T10:00:00+08:00'],
      ['2026-02-14T10:00+08:00', 5, '2026-02-28T10:00:00+08:00'],
      ['2026-02-12T15:00+08:00', 5, '2026-02-26T15:00:00+08:00'],
      // the Shanghai date counts, not the UTC date: Sat 10 Oct 00:30 in Shanghai is 9 Oct in UTC
      ['2026-10-09T16:30:00Z', 1, '2026-10-12T00:30:00+08:00'],
      // n = 0 is the instant itself
      ['2026-10-01T10:00+08:00', 0, '2026-10-01T10:00:00+08:00'],
      // beyond the data: Monday–Friday
      ['2098-12-31T10:00+08:00', 1, '2099-01-01T10:00:00+08:00'],
      ['2099-01-02T10:00+08:00', 1, '2099-01-05T10:00:00+08:00'],
    ])('%s + %i working days = %s', (start, n, due) => {
      const result = addWorkingDays(start, n);
      expect(result).toMatch(/Z$/);
      expect(toShanghaiIso(result)).toBe(due);
    });

    it('accepts a Date and returns the stored UTC form', () => {
      expect(addWorkingDays(new Date('2026-09-30T02:00:00Z'), 5)).toBe('2026-10-13T02:00:00.000Z');
    });

    it.each([-1, 1.5, Number.NaN])('rejects n = %p', (n) => {
      expect(() => addWorkingDays('2026-09-30T10:00+08:00', n)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it.each([
      ['2026-09-30T10:00+08:00', '2026-10-13T10:00+08:00', 5],
      ['2026-10-13T10:00+08:00', '2026-09-30T10:00+08:00', -5],
      ['2026-10-01T08:00+08:00', '2026-10-07T20:00+08:00', 0],
      ['2026-10-09T23:00+08:00', '2026-10-10T01:00+08:00', 1], // times of day are ignored
      ['2026-10-08T09:00+08:00', '2026-10-08T18:00+08:00', 0],
      ['2026-02-13T10:00+08:00', '2026-02-28T10:00+08:00', 6],
    ])('from %s to %s: %i', (a, b, n) => {
      expect(workingDaysBetween(a, b)).toBe(n);
    });
  });

  describe('addNaturalMinutes', () => {
    it.each([
      ['2026-09-30T23:45+08:00', 30, '2026-10-01T00:15:00+08:00'], // holidays do not matter
      ['2026-10-01T10:00+08:00', 24 * 60, '2026-10-02T10:00:00+08:00'],
      ['2026-10-01T10:00+08:00', -30, '2026-10-01T09:30:00+08:00'],
    ])('%s + %i min = %s', (start, minutes, due) => {
      expect(toShanghaiIso(addNaturalMinutes(start, minutes))).toBe(due);
    });
  });

  describe('properties', () => {
    // 2025-01-01 to 2027-12-31 in Shanghai: statutory years and the fallback year after them.
    const instants = fc
      .integer({ min: Date.UTC(2024, 11, 31, 16), max: Date.UTC(2027, 11, 31, 15, 59) })
      .map((ms) => new Date(ms).toISOString());
    const counts = fc.integer({ min: 0, max: 30 });

    it('addWorkingDays(t, n) for n ≥ 1 lands on a working day at the same Shanghai wall-clock time', () => {
      fc.assert(
        fc.property(instants, fc.integer({ min: 1, max: 30 }), (t, n) => {
          const due = addWorkingDays(t, n);
          expect(isWorkingDay(shanghaiDate(due))).toBe(true);
          expect(toShanghaiIso(due).slice(10)).toBe(toShanghaiIso(t).slice(10));
        }),
        { numRuns: 300 },
      );
    });

    it('addWorkingDays is strictly increasing in n', () => {
      fc.assert(
        fc.property(instants, counts, (t, n) => {
          expect(instantMs(addWorkingDays(t, n + 1))).toBeGreaterThan(instantMs(addWorkingDays(t, n)));
        }),
        { numRuns: 300 },
      );
    });

    it('workingDaysBetween undoes addWorkingDays (so the due is the n-th working date after t)', () => {
      fc.assert(
        fc.property(instants, counts, (t, n) => {
          expect(workingDaysBetween(t, addWorkingDays(t, n))).toBe(n);
        }),
        { numRuns: 300 },
      );
    });
  });
});
