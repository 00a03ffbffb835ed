import type { IsoDate } from '../shared/iso-date.js';
import { addDays, dayOfWeek } from '../shared/calendar.js';

export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

/*
 * England and Wales bank holidays as published on gov.uk/bank-holidays, 2018 to 2027 (gov.uk
 * publishes them about two years ahead). 2028 onwards are projected by the usual rules
 * (usualBankHolidays), not published: a proclamation can still change them.
 * Substitute days are listed where a holiday falls at a weekend (e.g. Boxing Day 2020 was a
 * Saturday, so Monday 28 December). One-off changes by royal proclamation are included: the
 * early May holiday moved to Friday 8 May 2020 for VE Day; in 2022 the spring holiday moved to
 * 2 June and 3 June was added for the Platinum Jubilee, and 19 September for the State Funeral
 * of Queen Elizabeth II; 8 May 2023 for the Coronation of King Charles III.
 * Future years can change by proclamation: add them with createBankHolidayCalendar(extra).
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [
  { date: '2018-01-01', name: "New Year's Day" },
  { date: '2018-03-30', name: 'Good Friday' },
  { date: '2018-04-02', name: 'Easter Monday' },
  { date: '2018-05-07', name: 'Early May bank holiday' },
  { date: '2018-05-28', name: 'Spring bank holiday' },
  { date: '2018-08-27', name: 'Summer bank holiday' },
  { date: '2018-12-25', name: 'Christmas Day' },
  { date: '2018-12-26', name: 'Boxing Day' },

  { date: '2019-01-01', name: "New Year's Day" },
  { date: '2019-04-19', name: 'Good Friday' },
  { date: '2019-04-22', name: 'Easter Monday' },
  { date: '2019-05-06', name: 'Early May bank holiday' },
  { date: '2019-05-27', name: 'Spring bank holiday' },
  { date: '2019-08-26', name: 'Summer bank holiday' },
  { date: '2019-12-25', name: 'Christmas Day' },
  { date: '2019-12-26', name: 'Boxing Day' },

  { date: '2020-01-01', name: "New Year's Day" },
  { date: '2020-04-10', name: 'Good Friday' },
  { date: '2020-04-13', name: 'Easter Monday' },
  { date: '2020-05-08', name: 'Early May bank holiday (VE day)' },
  { date: '2020-05-25', name: 'Spring bank holiday' },
  { date: '2020-08-31', name: 'Summer bank holiday' },
  { date: '2020-12-25', name: 'Christmas Day' },
  { date: '2020-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2021-01-01', name: "New Year's Day" },
  { date: '2021-04-02', name: 'Good Friday' },
  { date: '2021-04-05', name: 'Easter Monday' },
  { date: '2021-05-03', name: 'Early May bank holiday' },
  { date: '2021-05-31', name: 'Spring bank holiday' },
  { date: '2021-08-30', name: 'Summer bank holiday' },
  { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2021-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2022-01-03', name: "New Year's Day (substitute day)" },
  { date: '2022-04-15', name: 'Good Friday' },
  { date: '2022-04-18', name: 'Easter Monday' },
  { date: '2022-05-02', name: 'Early May bank holiday' },
  { date: '2022-06-02', name: 'Spring bank holiday' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-08-29', name: 'Summer bank holiday' },
  { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2022-12-26', name: 'Boxing Day' },
  { date: '2022-12-27', name: 'Christmas Day (substitute day)' },

  { date: '2023-01-02', name: "New Year's Day (substitute day)" },
  { date: '2023-04-07', name: 'Good Friday' },
  { date: '2023-04-10', name: 'Easter Monday' },
  { date: '2023-05-01', name: 'Early May bank holiday' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
  { date: '2023-05-29', name: 'Spring bank holiday' },
  { date: '2023-08-28', name: 'Summer bank holiday' },
  { date: '2023-12-25', name: 'Christmas Day' },
  { date: '2023-12-26', name: 'Boxing Day' },

  { date: '2024-01-01', name: "New Year's Day" },
  { date: '2024-03-29', name: 'Good Friday' },
  { date: '2024-04-01', name: 'Easter Monday' },
  { date: '2024-05-06', name: 'Early May bank holiday' },
  { date: '2024-05-27', name: 'Spring bank holiday' },
  { date: '2024-08-26', name: 'Summer bank holiday' },
  { date: '2024-12-25', name: 'Christmas Day' },
  { date: '2024-12-26', name: 'Boxing Day' },

  { date: '2025-01-01', name: "New Year's Day" },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-21', name: 'Easter Monday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-08-25', name: 'Summer bank holiday' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },

  { date: '2026-01-01', name: "New Year's Day" },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-08-31', name: 'Summer bank holiday' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2027-01-01', name: "New Year's Day" },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-08-30', name: 'Summer bank holiday' },
  { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
];

/** Answers "is this day a bank holiday?" for deadline arithmetic. */
export interface BankHolidayCalendar {
  /** The holiday's name, or undefined on an ordinary day. */
  holidayOn(date: IsoDate): string | undefined;
}

/** The last year gov.uk has published; later years are projected by the usual rules. */
export const PUBLISHED_THROUGH_YEAR = 2027;

/**
 * A calendar of England and Wales bank holidays: the published list (2018 to
 * PUBLISHED_THROUGH_YEAR), the usual rules for any other year (Easter, first and last Mondays
 * of May, last Monday of August, Christmas and Boxing Day with substitutes), so a deadline in
 * 2035 still skips Good Friday, and `extra` days added to either (a one-off holiday by
 * proclamation). An extra day adds to its year's holidays; it never replaces them.
 */
export function createBankHolidayCalendar(extra: readonly BankHoliday[] = []): BankHolidayCalendar {
  const published = new Map<string, string>();
  const publishedYears = new Set<string>();
  for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS) {
    published.set(holiday.date, holiday.name);
    publishedYears.add(holiday.date.slice(0, 4));
  }
  const added = new Map(extra.map((holiday) => [holiday.date, holiday.name]));
  const ruleYears = new Map<string, Map<string, string>>();
  return {
    holidayOn(date) {
      const extraName = added.get(date);
      if (extraName !== undefined) return extraName;
      const year = date.slice(0, 4);
      if (publishedYears.has(year)) return published.get(date);
      let rules = ruleYears.get(year);
      if (!rules) {
        rules = new Map(usualBankHolidays(Number(year)).map((h) => [h.date, h.name]));
        ruleYears.set(year, rules);
      }
      return rules.get(date);
    },
  };
}

/** The calendar with the published holidays and nothing added. */
export const ENGLAND_AND_WALES = createBankHolidayCalendar();

/**
 * The holidays a year has by the usual rules of the Banking and Financial Dealings Act 1971
 * and royal proclamation, with no one-off changes.
 */
export function usualBankHolidays(year: number): BankHoliday[] {
  const iso = (month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const easter = easterSunday(year);
  const mondayOnOrAfter = (date: IsoDate) => addDays(date, (8 - dayOfWeek(date)) % 7);
  const lastMondayOf = (month: number, lastDay: number) => {
    const last = iso(month, lastDay);
    return addDays(last, -((dayOfWeek(last) + 6) % 7));
  };
  const holidays: BankHoliday[] = [];
  const newYear = iso(1, 1);
  holidays.push(isWeekend(newYear) ? { date: mondayOnOrAfter(newYear), name: "New Year's Day (substitute day)" } : { date: newYear, name: "New Year's Day" });
  holidays.push({ date: addDays(easter, -2), name: 'Good Friday' });
  holidays.push({ date: addDays(easter, 1), name: 'Easter Monday' });
  holidays.push({ date: mondayOnOrAfter(iso(5, 1)), name: 'Early May bank holiday' });
  holidays.push({ date: lastMondayOf(5, 31), name: 'Spring bank holiday' });
  holidays.push({ date: lastMondayOf(8, 31), name: 'Summer bank holiday' });
  // Christmas and Boxing Day at a weekend move to the next free weekdays, in that order.
  const christmas = iso(12, 25);
  const boxing = iso(12, 26);
  const taken = new Set<string>();
  for (const [date, name] of [[christmas, 'Christmas Day'], [boxing, 'Boxing Day']] as const) {
    if (!isWeekend(date)) {
      holidays.push({ date, name });
      taken.add(date);
    }
  }
  for (const [date, name] of [[christmas, 'Christmas Day'], [boxing, 'Boxing Day']] as const) {
    if (isWeekend(date)) {
      let substitute = mondayOnOrAfter(date);
      while (taken.has(substitute)) substitute = addDays(substitute, 1);
      holidays.push({ date: substitute, name: `${name} (substitute day)` });
      taken.add(substitute);
    }
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
