import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysBetween, describeDate, toLocalDate } from './calendar-date.js';

describe('calendar dates', () => {
  it('counts days across a leap day and a year end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-09-30', '2026-07-02')).toBe(-90);
  });

  it('adds and subtracts days over month, year and century boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2100-03-01', -1)).toBe('2100-02-28');
    expect(addDays('2026-09-30', -270)).toBe('2026-01-03');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-02-28')).toBe(6);
    expect(dayOfWeek('2026-11-26')).toBe(4);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('describes a date as date-fns would, for every day of four years', () => {
    let date = '2025-01-01';
    for (let i = 0; i < 4 * 366; i += 1) {
      expect(describeDate(date)).toBe(format(toLocalDate(date), 'EEEE d MMMM yyyy'));
      date = addDays(date, 1);
    }
    expect(describeDate('2026-09-30')).toBe('Wednesday 30 September 2026');
  });
});
