import type { IsoDate } from '../shared/iso-date.js';
import { CliError } from './command.js';
import { isoDateOption } from './commands/contracts.js';

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in Europe/London at `now`: contract deadlines are the council's days, so
 * 23:30 UTC on 30 June is already 1 July in London (BST), whatever the server's own zone.
 */
export function londonToday(now: Date): IsoDate {
  return LONDON.format(now);
}

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
