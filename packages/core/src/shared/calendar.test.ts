import { describe, expect, it } from 'vitest';
import {
  addDays,
  addDuration,
  addMonths,
  addYears,
  dateOfDayNumber,
  dayAfter,
  dayBefore,
  dayNumber,
  dayOfWeek,
  daysBetween,
  describeDate,
  formatLongDate,
  formatShortDate,
  londonToday,
  subtractDuration,
} from './calendar.js';

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

  it('gives the day after 28 February 2028 as the leap day, and the day before 1 January as 31 December', () => {
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2027-02-28')).toBe('2027-03-01');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });

  it('turns a day number back into the same date', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dateOfDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(dateOfDayNumber(0)).toBe('1970-01-01');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-02-28')).toBe(6);
    expect(dayOfWeek('2026-11-26')).toBe(4);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });
});

describe('addMonths', () => {
  it('clamps 31 August minus six months to the last day of February', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2028-08-31', -6)).toBe('2028-02-29');
  });

  it('clamps 31 January plus one month like Excel EDATE', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('crosses year ends both ways', () => {
    expect(addMonths('2024-04-01', 36)).toBe('2027-04-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
  });

  it('clamps 29 February 2028 minus one year to 28 February 2027', () => {
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });
});

describe('describing a date', () => {
  it('writes the weekday, day, month and year, as Intl does in en-GB, for every day of four years', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    let date = '2025-01-01';
    for (let i = 0; i < 4 * 366; i += 1) {
      expect(describeDate(date)).toBe(intl.format(new Date(`${date}T00:00:00Z`)).replace(',', ''));
      date = addDays(date, 1);
    }
    expect(describeDate('2026-09-30')).toBe('Wednesday 30 September 2026');
  });

  it('writes 26 November 2026 for a council paper and 31 Dec 2026 for a card', () => {
    expect(formatLongDate('2026-11-26')).toBe('26 November 2026');
    expect(formatLongDate('2027-03-01')).toBe('1 March 2027');
    expect(formatShortDate('2026-12-31')).toBe('31 Dec 2026');
    expect(formatShortDate('2027-09-05')).toBe('5 Sep 2027');
  });
});

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

describe('subtractDuration', () => {
  it('clamps 31 August minus six months to 28 February in an ordinary year', () => {
    expect(subtractDuration('2026-08-31', { amount: 6, unit: 'months' })).toBe('2026-02-28');
  });

  it('clamps 31 August minus six months to 29 February in a leap year', () => {
    expect(subtractDuration('2028-08-31', { amount: 6, unit: 'months' })).toBe('2028-02-29');
  });

  it('clamps 29 February 2028 minus one year to 28 February 2027', () => {
    expect(subtractDuration('2028-02-29', { amount: 1, unit: 'years' })).toBe('2027-02-28');
  });

  it('takes days and weeks across a month and a year boundary', () => {
    expect(subtractDuration('2027-01-10', { amount: 90, unit: 'days' })).toBe('2026-10-12');
    expect(subtractDuration('2027-01-05', { amount: 2, unit: 'weeks' })).toBe('2026-12-22');
  });

  it('adds a year to 31 March', () => {
    expect(addDuration('2026-03-31', { amount: 1, unit: 'years' })).toBe('2027-03-31');
  });
});
