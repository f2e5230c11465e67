import { checkCalendarYear, regionalDaysOf, WorkCalendarsSchema } from '../../../shared/sla/work-calendar';

const year = (over: Partial<{ daysOff: string[]; workdays: string[] }> = {}) => ({ daysOff: [], workdays: [], source: '宁政办发〔2025〕1号', ...over });

describe('checkCalendarYear', () => {
  it('accepts a year of days off and make-up days inside it', () => {
    expect(checkCalendarYear(2026, year({ daysOff: ['2026-05-27', '2026-05-28'], workdays: ['2026-05-30'] }))).toEqual({ ok: true });
  });

  it('refuses a date of another year (a notice typed into the wrong year)', () => {
    expect(checkCalendarYear(2026, year({ daysOff: ['2027-05-16'] }))).toMatchObject({ ok: false, code: 'CALENDAR.DATE_OUTSIDE_YEAR' });
    expect(checkCalendarYear(2026, year({ workdays: ['2025-12-31'] }))).toMatchObject({ ok: false, code: 'CALENDAR.DATE_OUTSIDE_YEAR' });
  });

  it('refuses a date listed twice', () => {
    expect(checkCalendarYear(2026, year({ daysOff: ['2026-05-27', '2026-05-27'] }))).toMatchObject({ ok: false, code: 'CALENDAR.DUPLICATE_DATE' });
  });

  it('refuses a day both off and at work', () => {
    expect(checkCalendarYear(2026, year({ daysOff: ['2026-05-27'], workdays: ['2026-05-27'] }))).toMatchObject({ ok: false, code: 'CALENDAR.OFF_AND_WORK' });
  });
});

describe('WorkCalendarsSchema', () => {
  it('requires a source for every year', () => {
    expect(WorkCalendarsSchema.safeParse({ 2026: { daysOff: [], workdays: [], source: '' } }).success).toBe(false);
    expect(WorkCalendarsSchema.safeParse({ 2026: { daysOff: [], workdays: [] } }).success).toBe(false);
  });

  it('refuses dates that are not real calendar dates', () => {
    expect(WorkCalendarsSchema.safeParse({ 2026: year({ daysOff: ['2026-02-30'] }) }).success).toBe(false);
    expect(WorkCalendarsSchema.safeParse({ 2026: year({ daysOff: ['2026/05/27'] }) }).success).toBe(false);
  });

  it('checks each year’s dates against its key', () => {
    const bad = WorkCalendarsSchema.safeParse({ 2027: year({ daysOff: ['2026-05-27'] }) });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['2027']);
  });

  it('bounds a year to 60 days each way (a notice has a handful; a typo must not stall the count)', () => {
    const many = Array.from({ length: 61 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    expect(WorkCalendarsSchema.safeParse({ 2026: year({ daysOff: many }) }).success).toBe(false);
  });
});

describe('regionalDaysOf', () => {
  it('joins the years into the sets the count reads', () => {
    const days = regionalDaysOf({ 2026: year({ daysOff: ['2026-05-27'] }), 2027: year({ daysOff: ['2027-05-17'], workdays: ['2027-05-22'] }) });
    expect([...days.daysOff].sort()).toEqual(['2026-05-27', '2027-05-17']);
    expect([...days.workdays]).toEqual(['2027-05-22']);
  });

  it('is the national calendar alone without calendars', () => {
    expect(regionalDaysOf(undefined).daysOff.size).toBe(0);
  });
});
