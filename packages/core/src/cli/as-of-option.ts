import { isIsoDate, type IsoDate } from '../shared/iso-date.js';
import { londonToday } from '../shared/calendar.js';
import { CliError } from './command.js';

/** `--as-of YYYY-MM-DD` when given, else today in London from the CLI's clock. */
export function asOfOption(value: unknown, now: (() => Date) | undefined): IsoDate {
  if (typeof value === 'string') return isoDateOption('--as-of', value);
  return londonToday(now?.() ?? new Date());
}

/** A whole number of days from an option, or a usage error naming it. */
export function daysOption(name: string, value: string, { min, max }: { min: number; max: number }): number {
  const days = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(days) || days < min || days > max) {
    throw new CliError(`${name} "${value}" is not a number of days: give a whole number from ${min} to ${max}, e.g. ${name} 90`, 2);
  }
  return days;
}

/** A real calendar date from an option (no 31 February), or a usage error naming it. */
export function isoDateOption(name: string, value: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new CliError(`${name} "${value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31`, 2);
  }
  return value;
}
