import { describe, expect, it } from 'vitest';
import { londonToday } from './london-today.js';

describe('londonToday', () => {
  it('is already the next day at 23:30 UTC in British Summer Time', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('is the same day as UTC in winter', () => {
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('changes day at midnight London time on the night the clocks go forward', () => {
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    expect(londonToday(new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28');
    expect(londonToday(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29');
  });
});
