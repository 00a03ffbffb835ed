import { addDays as addDaysFns, addMonths, addWeeks, addYears } from 'date-fns';
import type { Duration } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import { fromLocalDate, toLocalDate } from './calendar-date.js';

/**
 * `date` minus `duration`. Months and years clamp to the end of a shorter month, as contracts
 * are read: six months before 31 August is the last day of February (28th, or 29th in a leap
 * year), not 3 March.
 *
 * @example subtractDuration('2026-08-31', { amount: 6, unit: 'months' }) // '2026-02-28'
 */
export function subtractDuration(date: IsoDate, duration: Duration): IsoDate {
  return addDuration(date, { amount: -duration.amount, unit: duration.unit });
}

// The renewal run asks for the same few thousand (end date, notice period) pairs across
// 100,000 contracts; remembering answers saves making Dates for each. Pure, so safe to share.
// Keyed by the date string (whose hash the engine keeps), then by a number for the duration.
const memo = new Map<string, Map<number, IsoDate>>();
const MEMO_LIMIT = 50_000;
const UNIT_INDEX: Readonly<Record<Duration['unit'], number>> = { days: 0, weeks: 1, months: 2, years: 3 };

/** `date` plus `duration` (a negative amount goes back), clamping to month end like subtractDuration. */
export function addDuration(date: IsoDate, duration: { amount: number; unit: Duration['unit'] }): IsoDate {
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

function addDurationNow(date: IsoDate, duration: { amount: number; unit: Duration['unit'] }): IsoDate {
  const local = toLocalDate(date);
  switch (duration.unit) {
    case 'days':
      return fromLocalDate(addDaysFns(local, duration.amount));
    case 'weeks':
      return fromLocalDate(addWeeks(local, duration.amount));
    case 'months':
      return fromLocalDate(addMonths(local, duration.amount));
    case 'years':
      return fromLocalDate(addYears(local, duration.amount));
  }
}

// Kept here for the renewal modules that already import it from this file.
export { describeDuration } from '../register/describe-duration.js';
