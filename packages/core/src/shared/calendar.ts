import type { IsoDate } from './iso-date.js';

/*
 * Contract dates are calendar dates ("ends on 31 March 2027"), not instants. Every sum here is
 * arithmetic on the YYYY-MM-DD digits and a day count, never on a Date's local fields, so the
 * answer is the same whatever the machine's time zone is. "Today" is the one place an instant
 * comes in, and it is read in Europe/London (londonToday).
 */

/** Days since 1 January 1970 for a YYYY-MM-DD date, by arithmetic (no Date or substring is made). */
export function dayNumber(date: IsoDate): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  return daysFromCivil(year, digit(5) * 10 + digit(6), digit(8) * 10 + digit(9));
}

/** The YYYY-MM-DD date `days` days after 1 January 1970 (the inverse of dayNumber). */
export function dateOfDayNumber(days: number): IsoDate {
  return civilFromDays(days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return civilFromDays(dayNumber(date) + days);
}

/** The day after `date`: where a new term starts when the old one ends on `date`. */
export function dayAfter(date: IsoDate): IsoDate {
  return addDays(date, 1);
}

/** The day before `date`. */
export function dayBefore(date: IsoDate): IsoDate {
  return addDays(date, -1);
}

/**
 * `date` plus whole months (negative goes back), clamped to the end of a shorter month, as
 * contracts are read and as Excel's EDATE counts: six months before 31 August is the last day of
 * February (28th, or 29th in a leap year), not 3 March.
 *
 * @example addMonths('2026-08-31', -6) // '2026-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = (((month % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(day, 2)}`;
}

/** `date` plus whole years, clamping 29 February to the 28th in an ordinary year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** A length of time as the register holds it (register's Duration fits; spelled out so shared needs nothing above it). */
interface Length {
  readonly amount: number;
  readonly unit: 'days' | 'weeks' | 'months' | 'years';
}

/**
 * `date` minus `duration`. Months and years clamp to the end of a shorter month, as contracts
 * are read: six months before 31 August is the last day of February (28th, or 29th in a leap
 * year), not 3 March.
 *
 * @example subtractDuration('2026-08-31', { amount: 6, unit: 'months' }) // '2026-02-28'
 */
export function subtractDuration(date: IsoDate, duration: Length): IsoDate {
  return addDuration(date, { amount: -duration.amount, unit: duration.unit });
}

// The renewal run asks for the same few thousand (end date, notice period) pairs across
// 100,000 contracts; remembering answers saves the arithmetic for each. Pure, so safe to share.
// Keyed by the date string (whose hash the engine keeps), then by a number for the duration.
const memo = new Map<string, Map<number, IsoDate>>();
const MEMO_LIMIT = 50_000;
const UNIT_INDEX: Readonly<Record<Length['unit'], number>> = { days: 0, weeks: 1, months: 2, years: 3 };

/** `date` plus `duration` (a negative amount goes back), clamping to month end like subtractDuration. */
export function addDuration(date: IsoDate, duration: Length): IsoDate {
  let byDuration = memo.get(date);
  if (byDuration === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    byDuration = new Map();
    memo.set(date, byDuration);
  }
  const key = duration.amount * 4 + UNIT_INDEX[duration.unit];
  let result = byDuration.get(key);
  if (result === undefined) {
    result = addDurationNow(date, duration);
    byDuration.set(key, result);
  }
  return result;
}

function addDurationNow(date: IsoDate, duration: Length): IsoDate {
  switch (duration.unit) {
    case 'days':
      return addDays(date, duration.amount);
    case 'weeks':
      return addDays(date, duration.amount * 7);
    case 'months':
      return addMonths(date, duration.amount);
    case 'years':
      return addYears(date, duration.amount);
  }
}

/** 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return weekdayOf(dayNumber(date));
}

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in Europe/London at `now`: contract deadlines are the council's days, so
 * 23:30 UTC on 30 June is already 1 July in London (BST), whatever the server's own zone.
 */
export function londonToday(now: Date): IsoDate {
  return LONDON.format(now);
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * "Wednesday 30 September 2026", as a person writes a deadline: the form the rule sentences use,
 * so a reader sees at once that a date fell on a weekend.
 */
export function describeDate(date: IsoDate): string {
  return `${DAY_NAMES[dayOfWeek(date)]} ${formatLongDate(date)}`;
}

/** "26 November 2026": how a council paper dates itself (a tender pack, a decision record). */
export function formatLongDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "31 Dec 2026": the short form for chat cards, where space is tight. */
export function formatShortDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]?.slice(0, 3)} ${date.slice(0, 4)}`;
}

/** Days in `month` (1 for January) of `year`: 28 to 31. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
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
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
