import type { IsoDate } from '../shared/iso-date.js';

/*
 * Contract dates are calendar dates ("ends on 31 March 2027"), not instants. date-fns does its
 * arithmetic on a Date's local fields, so a YYYY-MM-DD string is turned into a local Date at
 * noon and read back with local getters: the calendar day survives whatever the machine's time
 * zone is, and noon is never skipped by a daylight-saving change (some zones change at midnight).
 */

/** The local Date at noon on `date`, for date-fns. */
export function toLocalDate(date: IsoDate): Date {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return new Date(y, m - 1, d, 12);
}

/** The calendar day of a local Date, YYYY-MM-DD. */
export function fromLocalDate(date: Date): IsoDate {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Days since 1 January 1970 for a YYYY-MM-DD date, by arithmetic (no Date or substring is made). */
export function dayNumber(date: IsoDate): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  return daysFromCivil(year, digit(5) * 10 + digit(6), digit(8) * 10 + digit(9));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return civilFromDays(dayNumber(date) + days);
}

/** 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return weekdayOf(dayNumber(date));
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * "Wednesday 30 September 2026", as a person writes a deadline (what date-fns formats as
 * 'EEEE d MMMM yyyy'; written out here because it runs for every key date of every contract).
 */
export function describeDate(date: IsoDate): string {
  const month = Number(date.slice(5, 7));
  return `${DAY_NAMES[dayOfWeek(date)]} ${Number(date.slice(8, 10))} ${MONTH_NAMES[month - 1]} ${date.slice(0, 4)}`;
}

function weekdayOf(days: number): number {
  // 1 January 1970 was a Thursday.
  return (((days + 4) % 7) + 7) % 7;
}

/*
 * Gregorian calendar <-> day number, after Howard Hinnant's "chrono-compatible low-level date
 * algorithms": exact for every date, and far cheaper than making a Date per step when the
 * renewal run walks 100,000 contracts.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
