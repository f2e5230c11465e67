/**
 * A jurisdiction's work calendar (issue 16 §6): the national calendar (calendar.ts, chinese-days)
 * plus the region's own days off and make-up working days per year, as DATA: the regional
 * government's annual notice (宁夏/新疆 开斋节·肉孜节 and 古尔邦节), set by an admin
 * (admin.putWorkCalendar) or shipped as seed (regional-holidays.json). Nothing here names a date.
 */
import { z } from 'zod';
import { NATIONAL_ONLY, type RegionalDays } from './calendar';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export const CalendarDateSchema = z.string().refine(isRealDate, '日期须为 YYYY-MM-DD 格式的真实日期');

/** A year of the calendar: at most 60 regional days each way (a notice has a handful). */
export const CalendarYearSchema = z
  .object({
    daysOff: z.array(CalendarDateSchema).max(60),
    workdays: z.array(CalendarDateSchema).max(60),
    /** The notice's title and number, or how the dates were established. */
    source: z.string().trim().min(2, '请填写依据（通知标题、文号）').max(500),
    /** True when the dates are an estimate awaiting the regional notice. */
    estimate: z.boolean().optional(),
    /** The festivals the days off are for (documentation of the data, not used in counting). */
    holidays: z.array(z.object({ name: z.string().min(1).max(20), date: CalendarDateSchema }).strict()).max(20).optional(),
  })
  .strict();
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

export const YearSchema = z.number().int().min(2000).max(2100);

export type CalendarErrorCode = 'CALENDAR.DATE_OUTSIDE_YEAR' | 'CALENDAR.DUPLICATE_DATE' | 'CALENDAR.OFF_AND_WORK';
export type CalendarCheck = { ok: true } | { ok: false; code: CalendarErrorCode; message: string };

/** Checks zod cannot express alone: every date inside the year, no date twice, none both off and work. */
export function checkCalendarYear(year: number, entry: Pick<CalendarYear, 'daysOff' | 'workdays' | 'holidays'>): CalendarCheck {
  const all = [...entry.daysOff, ...entry.workdays, ...(entry.holidays ?? []).map((h) => h.date)];
  const outside = all.find((d) => d.slice(0, 4) !== String(year));
  if (outside) return { ok: false, code: 'CALENDAR.DATE_OUTSIDE_YEAR', message: `${outside} 不在 ${year} 年内` };
  for (const list of [entry.daysOff, entry.workdays]) {
    const dup = list.find((d, i) => list.indexOf(d) !== i);
    if (dup) return { ok: false, code: 'CALENDAR.DUPLICATE_DATE', message: `${dup} 重复` };
  }
  const both = entry.daysOff.find((d) => entry.workdays.includes(d));
  if (both) return { ok: false, code: 'CALENDAR.OFF_AND_WORK', message: `${both} 不能既放假又上班` };
  return { ok: true };
}

/** Years of a jurisdiction's calendar, keyed by the year ('2026'); each year checked as a whole. */
export const WorkCalendarsSchema = z.record(z.string().regex(/^\d{4}$/, '年份须为四位数字'), CalendarYearSchema).superRefine((years, ctx) => {
  for (const [year, entry] of Object.entries(years)) {
    const check = YearSchema.safeParse(Number(year)).success ? checkCalendarYear(Number(year), entry) : { ok: false as const, message: `年份 ${year} 超出范围` };
    if (!check.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [year], message: check.message });
  }
});
export type WorkCalendars = z.infer<typeof WorkCalendarsSchema>;

const regionalCache = new WeakMap<object, RegionalDays>();

/** The calendar years as the sets the working-day count reads (memoized per calendars object). */
export function regionalDaysOf(calendars: WorkCalendars | undefined): RegionalDays {
  if (!calendars) return NATIONAL_ONLY;
  const cached = regionalCache.get(calendars);
  if (cached) return cached;
  const years = Object.values(calendars);
  const days: RegionalDays = { daysOff: new Set(years.flatMap((y) => y.daysOff)), workdays: new Set(years.flatMap((y) => y.workdays)) };
  regionalCache.set(calendars, days);
  return days;
}
