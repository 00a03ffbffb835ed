import { londonToday } from '@contract-steward/core';

const LONDON = 'Europe/London';

function londonParts(instant: Date): { date: string; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')), minute: Number(get('minute')) };
}

/** The calendar date in Europe/London at this instant (core's rule, shared with the CLI). */
export { londonToday };

/**
 * The next instant after `now` when the clock in London shows `hour`:00. Works across the
 * clock changes: 08:00 is 08:00 UTC in winter and 07:00 UTC in summer.
 */
export function nextLondonHour(now: Date, hour: number): Date {
  for (let dayOffset = 0; dayOffset <= 2; dayOffset++) {
    const date = londonParts(new Date(now.getTime() + dayOffset * 86_400_000)).date;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    // Guess UTC, then correct by however far London is ahead at that instant (0 or 1 hour).
    let candidate = new Date(Date.UTC(y, m - 1, d, hour));
    const shown = londonParts(candidate);
    candidate = new Date(candidate.getTime() - ((shown.hour - hour + 24) % 24) * 3_600_000);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  throw new Error(`no ${hour}:00 in London after ${now.toISOString()}`);
}

/** The hour (0-23) shown by clocks in London at this instant. */
export function londonHour(instant: Date): number {
  return londonParts(instant).hour;
}
