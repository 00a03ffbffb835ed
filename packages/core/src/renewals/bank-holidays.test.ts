import { describe, expect, it } from 'vitest';
import { createBankHolidayCalendar, ENGLAND_AND_WALES, ENGLAND_AND_WALES_BANK_HOLIDAYS, PUBLISHED_THROUGH_YEAR, usualBankHolidays } from './bank-holidays.js';

describe('England and Wales bank holidays', () => {
  it('lists every published year, 2018 to 2027', () => {
    const years = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date.slice(0, 4)));
    expect([...years]).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027']);
  });

  it('knows the substitute days when Christmas and Boxing Day fall at a weekend', () => {
    expect(ENGLAND_AND_WALES.holidayOn('2020-12-28')).toBe('Boxing Day (substitute day)');
    expect(ENGLAND_AND_WALES.holidayOn('2021-12-27')).toBe('Christmas Day (substitute day)');
    expect(ENGLAND_AND_WALES.holidayOn('2021-12-28')).toBe('Boxing Day (substitute day)');
    expect(ENGLAND_AND_WALES.holidayOn('2022-01-03')).toBe("New Year's Day (substitute day)");
    expect(ENGLAND_AND_WALES.holidayOn('2027-12-25')).toBeUndefined();
  });

  it('moved the early May holiday to Friday 8 May 2020 for VE day', () => {
    expect(ENGLAND_AND_WALES.holidayOn('2020-05-08')).toContain('VE day');
    expect(ENGLAND_AND_WALES.holidayOn('2020-05-04')).toBeUndefined();
  });

  it('has the Platinum Jubilee, the State Funeral and the Coronation as one-off days', () => {
    expect(ENGLAND_AND_WALES.holidayOn('2022-06-02')).toBe('Spring bank holiday');
    expect(ENGLAND_AND_WALES.holidayOn('2022-06-03')).toBe('Platinum Jubilee bank holiday');
    expect(ENGLAND_AND_WALES.holidayOn('2022-05-30')).toBeUndefined();
    expect(ENGLAND_AND_WALES.holidayOn('2022-09-19')).toContain('State Funeral');
    expect(ENGLAND_AND_WALES.holidayOn('2023-05-08')).toContain('coronation');
  });

  it('agrees with the usual rules in every year without a one-off change', () => {
    for (const year of [2018, 2019, 2021, 2024, 2025, 2026, 2027]) {
      const listed = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);
      expect(usualBankHolidays(year).map((h) => h.date), String(year)).toEqual(listed);
    }
  });

  it('falls back to the usual rules for a year that is not listed', () => {
    expect(ENGLAND_AND_WALES.holidayOn('2031-04-11')).toBe('Good Friday');
    expect(ENGLAND_AND_WALES.holidayOn('2031-04-14')).toBe('Easter Monday');
    expect(ENGLAND_AND_WALES.holidayOn('2032-12-27')).toBe('Christmas Day (substitute day)');
    expect(ENGLAND_AND_WALES.holidayOn('2032-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('takes extra days, such as a new one-off holiday', () => {
    const calendar = createBankHolidayCalendar([{ date: '2029-06-15', name: 'A royal occasion' }]);
    expect(calendar.holidayOn('2029-06-15')).toBe('A royal occasion');
    expect(calendar.holidayOn('2029-12-25')).toBe('Christmas Day');
    expect(ENGLAND_AND_WALES.holidayOn('2029-06-15')).toBeUndefined();
  });

  it('adds an extra day in 2031 to the usual holidays: Christmas Day, Thursday 25 December 2031, is still one', () => {
    const calendar = createBankHolidayCalendar([{ date: '2031-06-06', name: 'Royal wedding' }]);
    expect(calendar.holidayOn('2031-06-06')).toBe('Royal wedding');
    expect(calendar.holidayOn('2031-12-25')).toBe('Christmas Day');
    expect(calendar.holidayOn('2031-04-11')).toBe('Good Friday');
  });

  it('projects 2028 to 2030 by the usual rules: 3 January 2028 substitute, Good Friday 30 March 2029, Boxing Day 26 December 2030', () => {
    expect(PUBLISHED_THROUGH_YEAR).toBe(2027);
    expect(ENGLAND_AND_WALES.holidayOn('2028-01-03')).toBe("New Year's Day (substitute day)");
    expect(ENGLAND_AND_WALES.holidayOn('2029-03-30')).toBe('Good Friday');
    expect(ENGLAND_AND_WALES.holidayOn('2030-12-26')).toBe('Boxing Day');
    expect(usualBankHolidays(2028).map((h) => h.date)).toEqual(['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']);
  });
});
