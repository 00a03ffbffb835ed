import { format } from 'date-fns';
import type { IsoDate } from '../shared/iso-date.js';

/*
 * Contract dates are calendar dates ("ends on 31 March 2027"), not instants. date-fns does its
 * arithmetic on a Date's local fields, so a YYYY-MM-DD string is turned into a local Date at
 * noon and read back with local getters: the calendar day survives whatever the machine's time
 * zone is, and noon is never skipped by a daylight-saving change (some zones change at midnight).
 */

const MS_PER_DAY = 86_400_000;

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

function utcDay(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return utcDay(to) - utcDay(from);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const moved = new Date((utcDay(date) + days) * MS_PER_DAY);
  return moved.toISOString().slice(0, 10);
}

/** 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(utcDay(date) * MS_PER_DAY).getUTCDay();
}

/** "Wednesday 30 September 2026", as a person writes a deadline. */
export function describeDate(date: IsoDate): string {
  return format(toLocalDate(date), 'EEEE d MMMM yyyy');
}
