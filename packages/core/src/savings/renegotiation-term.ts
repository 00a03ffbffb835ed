import { addDays } from '../shared/calendar.js';
import type { IsoDate } from '../shared/iso-date.js';

/**
 * The first day at a renegotiated price: the day after the contract's current end date, or
 * `today` when that day has already passed (or there is no end date). A renegotiation agreed
 * today cannot have saved money in the past, so the saving never starts before the day it is
 * recorded; the CLI and the bot both use this one rule.
 *
 * @example renegotiationStart('2027-03-31', '2027-01-10') // '2027-04-01'
 * @example renegotiationStart('2025-03-31', '2026-06-01') // '2026-06-01'
 */
export function renegotiationStart(endDate: IsoDate | undefined, today: IsoDate): IsoDate {
  const afterEnd = endDate === undefined ? today : addDays(endDate, 1);
  return afterEnd > today ? afterEnd : today;
}

/**
 * Whole months at the new price from `start` up to and including `lastDay` (at least 1): a
 * term from 1 April 2027 to 31 March 2029 is 24 months.
 */
export function monthsThrough(start: IsoDate, lastDay: IsoDate): number {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = addDays(lastDay, 1).split('-').map(Number) as [number, number, number];
  return Math.max(1, (y2 - y1) * 12 + (m2 - m1) + (d2 >= d1 ? 0 : -1));
}
