import type { IsoDate } from '../shared/iso-date.js';

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in Europe/London at `now`: contract deadlines are the council's days, so
 * 23:30 UTC on 30 June is already 1 July in London (BST), whatever the server's own zone.
 */
export function londonToday(now: Date): IsoDate {
  return LONDON.format(now);
}
