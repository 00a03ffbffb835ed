import { describe, expect, it } from 'vitest';
import { londonHour, londonToday, nextLondonHour } from './london-time.js';

describe('London time', () => {
  it('takes the London calendar date, not the UTC one, just after midnight in summer', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('runs at 08:00 London: 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(nextLondonHour(new Date('2026-11-26T09:00:00Z'), 8).toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(nextLondonHour(new Date('2026-07-01T05:00:00Z'), 8).toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('finds the right hour on the day the clocks go forward', () => {
    expect(nextLondonHour(new Date('2026-03-28T12:00:00Z'), 8).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('reads the hour on London clocks, an hour ahead of UTC in summer', () => {
    expect(londonHour(new Date('2026-07-01T07:30:00Z'))).toBe(8);
    expect(londonHour(new Date('2026-12-01T07:30:00Z'))).toBe(7);
  });
});
