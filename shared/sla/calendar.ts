/**
 * The Chinese work calendar in Asia/Shanghai (DESIGN.md §6), independent of the process time zone.
 *
 * Time zone: a fixed UTC+08:00 offset, not a tz database lookup. China has observed no daylight
 * saving time since 1991, so the fixed offset is exact for every instant this system will store,
 * needs no dayjs timezone plugin (nor Intl tz data in the mini-program runtime), and is plain
 * integer arithmetic.
 *
 * Working days: the statutory holidays and the 调休 make-up working days (e.g. Sun 2026-09-20 and
 * Sat 2026-10-10 are working days) come from the `chinese-days` package; nothing is hard-coded here.
 * A region's own days off and make-up days (RegionalDays, from work-calendar.ts) lie on top.
 * We read its generated table (dist/chinese-days.json) rather than call isWorkday(): the package
 * builds its lookup maps when it is imported, formatting UTC-parsed dates with the process-local
 * getters, so in a process west of UTC (e.g. America/Los_Angeles) every entry lands one day early
 * and 2026-10-10 reads as a holiday. The table is plain 'YYYY-MM-DD' keys, the same data the
 * package's functions answer from in a UTC process (checked for 2003–2027 when this was written).
 *
 * Coverage: the table runs from 2004 to the last year the State Council has announced (2026 in
 * chinese-days 1.5.7; see hasStatutoryCalendar). Outside it we fall back to plain Monday–Friday
 * working days, as the package itself does; a deadline computed that way is not recomputed when a
 * newer calendar arrives.
 *
 * Instants are ISO-8601 strings with `Z` or a ±HH:MM offset (or Date objects). Strings without an
 * offset are rejected, because `Date.parse` would read them in the process time zone.
 */
import calendarTable from 'chinese-days/dist/chinese-days.json';

/** 'YYYY-MM-DD' → "English name,中文名,days"; only the keys matter here. */
const HOLIDAYS: Readonly<Record<string, string>> = calendarTable.holidays;
const MAKE_UP_WORKDAYS: Readonly<Record<string, string>> = calendarTable.workdays;
const STATUTORY_YEARS: ReadonlySet<number> = new Set(Object.keys(HOLIDAYS).map((date) => Number(date.slice(0, 4))));

/** An instant: an ISO-8601 string with an explicit offset, or a Date. */
export type Instant = string | Date;

/**
 * A region's own calendar on top of the national one ('YYYY-MM-DD' dates): days off the national
 * calendar does not have (宁夏/新疆 开斋节·肉孜节, 古尔邦节) and make-up working days (调休上班).
 * Built from data an admin sets (work-calendar.ts), never from constants here.
 */
export interface RegionalDays {
  readonly daysOff: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
}

/** The national calendar alone. */
export const NATIONAL_ONLY: RegionalDays = Object.freeze({ daysOff: new Set<string>(), workdays: new Set<string>() });

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Asia/Shanghai = UTC+08:00 all year (no DST since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Milliseconds since the epoch of an instant; throws a RangeError for anything else. */
export function instantMs(instant: Instant): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('invalid Date');
    return ms;
  }
  const m = typeof instant === 'string' ? INSTANT_RE.exec(instant) : null;
  if (!m) throw new RangeError(`not an ISO-8601 instant with Z or ±HH:MM offset: ${String(instant)}`);
  const [, y, mo, d, h, mi, s, , oh, om] = m;
  // Date.parse silently rolls 2026-02-30 over to March: check every field ourselves.
  const valid =
    isRealDate(Number(y), Number(mo), Number(d)) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s ?? 0) <= 59 &&
    Number(oh ?? 0) <= 14 &&
    Number(om ?? 0) <= 59;
  const ms = valid ? Date.parse(instant) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`invalid instant: ${instant}`);
  return ms;
}

/** The instant as a UTC ISO string (`Date#toISOString()`), the stored form. */
export function toUtcIso(instant: Instant): string {
  return new Date(instantMs(instant)).toISOString();
}

/** Shanghai wall clock of an instant, as a Date whose UTC fields read as Shanghai local time. */
function shanghaiWall(instant: Instant): Date {
  return new Date(instantMs(instant) + SHANGHAI_OFFSET_MS);
}

/** 'YYYY-MM-DD' of the instant in Asia/Shanghai. */
export function shanghaiDate(instant: Instant): string {
  return shanghaiWall(instant).toISOString().slice(0, 10);
}

/** 'YYYY-MM' of the instant in Asia/Shanghai (the month key of the metrics). */
export function shanghaiMonth(instant: Instant): string {
  return shanghaiWall(instant).toISOString().slice(0, 7);
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, for Chinese UI text and messages. */
export function shanghaiDateTime(instant: Instant): string {
  const iso = shanghaiWall(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * The instant in Asia/Shanghai with its offset, e.g. '2026-10-13T10:00:00+08:00' (display, Open311).
 * Milliseconds appear only when they are not zero.
 */
export function toShanghaiIso(instant: Instant): string {
  const iso = shanghaiWall(instant).toISOString();
  const seconds = iso.slice(0, 19);
  const millis = iso.slice(19, 23);
  return `${seconds}${millis === '.000' ? '' : millis}+08:00`;
}

/** The instant plus natural (7×24) minutes, as a UTC ISO string. */
export function addNaturalMinutes(instant: Instant, minutes: number): string {
  if (!Number.isFinite(minutes)) throw new RangeError(`minutes must be finite: ${minutes}`);
  return new Date(instantMs(instant) + minutes * MINUTE_MS).toISOString();
}

function dayIndexOfDate(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  const ymd: [number, number, number] | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  if (!ymd || !isRealDate(...ymd)) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${String(date)}`);
  return Date.UTC(ymd[0], ymd[1] - 1, ymd[2]) / DAY_MS;
}

/**
 * Whether the Shanghai calendar date 'YYYY-MM-DD' is a working day (statutory calendar with 调休,
 * then the region's own days off and make-up days when given).
 */
export function isWorkingDay(date: string, regional: RegionalDays = NATIONAL_ONLY): boolean {
  return isWorkingDayIndex(dayIndexOfDate(date), regional);
}

/** Whether chinese-days holds the statutory calendar of this year (else Monday–Friday applies). */
export function hasStatutoryCalendar(year: number): boolean {
  return STATUTORY_YEARS.has(year);
}

/** Days since the epoch of the instant's Shanghai calendar date. */
function dayIndexOf(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/**
 * Working day by days since the epoch: a make-up day, or Monday–Friday that is no holiday. The
 * region's notice comes last and wins: it is issued knowing the national calendar.
 */
function isWorkingDayIndex(day: number, regional: RegionalDays): boolean {
  const date = new Date(day * DAY_MS);
  const key = date.toISOString().slice(0, 10);
  if (regional.workdays.has(key)) return true;
  if (regional.daysOff.has(key)) return false;
  if (MAKE_UP_WORKDAYS[key] !== undefined) return true;
  const weekday = date.getUTCDay();
  return weekday >= 1 && weekday <= 5 && HOLIDAYS[key] === undefined;
}

/**
 * The instant plus n working days, as a UTC ISO string.
 *
 * Rule: count the dates strictly after the instant's Shanghai date that are working days; the due
 * is the n-th such date at the same Shanghai wall-clock time as the instant. n = 0 gives the
 * instant itself. Whether the instant's own date is a working day does not matter.
 * Example: 2026-09-30T10:00+08:00 + 5 → 2026-10-13T10:00+08:00 (1–7 October is the National Day
 * holiday; the five are Oct 8, Oct 9, Sat Oct 10 (调休 make-up day), Oct 12, Oct 13).
 */
export function addWorkingDays(instant: Instant, n: number, regional: RegionalDays = NATIONAL_ONLY): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer: ${n}`);
  const ms = instantMs(instant);
  const start = dayIndexOf(ms);
  const timeOfDay = ms + SHANGHAI_OFFSET_MS - start * DAY_MS;
  let day = start;
  // Terminates: even without statutory data every week has five working days (regional days off
  // are bounded by the data's schema).
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDayIndex(day, regional)) left -= 1;
  }
  return new Date(day * DAY_MS + timeOfDay - SHANGHAI_OFFSET_MS).toISOString();
}

/**
 * Working days from a to b by Shanghai date: the working days strictly after a's date up to and
 * including b's date (negative when b's date is before a's). Times of day are ignored, so
 * workingDaysBetween(t, addWorkingDays(t, n)) === n.
 */
export function workingDaysBetween(a: Instant, b: Instant, regional: RegionalDays = NATIONAL_ONLY): number {
  const from = dayIndexOf(instantMs(a));
  const to = dayIndexOf(instantMs(b));
  if (to < from) return -workingDaysBetween(b, a, regional);
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) if (isWorkingDayIndex(day, regional)) count += 1;
  return count;
}
