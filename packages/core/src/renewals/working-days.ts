import type { IsoDate } from '../shared/iso-date.js';
import type { BankHolidayCalendar } from './bank-holidays.js';
import { addDays, dayOfWeek } from '../shared/calendar.js';

/** True on a Monday to Friday that is not a bank holiday. */
export function isWorkingDay(date: IsoDate, holidays: BankHolidayCalendar): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6 && holidays.holidayOn(date) === undefined;
}

/**
 * `date` itself when it is a working day, else the working day before it. A notice deadline
 * that falls on a weekend or bank holiday moves earlier, never later: notice served on the
 * following Monday would be late, and the council cannot count on anyone reading post or email
 * on a day the office is shut.
 */
export function previousWorkingDay(date: IsoDate, holidays: BankHolidayCalendar): IsoDate {
  let memo = memos.get(holidays);
  if (!memo) {
    memo = new Map();
    memos.set(holidays, memo);
  }
  let result = memo.get(date);
  if (result === undefined) {
    if (memo.size >= 100_000) memo.clear();
    result = walkBack(date, holidays);
    memo.set(date, result);
  }
  return result;
}

// Answers per calendar, as many contracts share deadline days. Pure, so safe to share.
const memos = new WeakMap<BankHolidayCalendar, Map<string, IsoDate>>();

function walkBack(date: IsoDate, holidays: BankHolidayCalendar): IsoDate {
  let day = date;
  while (!isWorkingDay(day, holidays)) day = addDays(day, -1);
  return day;
}

/** Why a day is not a working day ("a Saturday", "Good Friday"), or undefined when it is one. */
export function whyNotWorking(date: IsoDate, holidays: BankHolidayCalendar): string | undefined {
  const holiday = holidays.holidayOn(date);
  if (holiday !== undefined) return `a bank holiday (${holiday})`;
  const day = dayOfWeek(date);
  if (day === 6) return 'a Saturday';
  if (day === 0) return 'a Sunday';
  return undefined;
}
