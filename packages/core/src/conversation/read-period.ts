import type { IsoDate } from '../shared/iso-date.js';
import { addDays, addDuration, dayOfWeek } from '../shared/calendar.js';
import { financialYear, financialYearOf } from '../savings/financial-year.js';

/** A span of calendar days, both ends included, and how to say it. */
export interface DateWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** "1–31 March 2027", "15 December 2026 – 14 January 2027": what the answer says it covers. */
  readonly words: string;
}

/** A period read from a question, and the other readings a person might have meant. */
export interface PeriodReading {
  readonly window: DateWindow;
  /** The words that named it ("in march"), kept so an answer can quote them. */
  readonly said: string;
  /** Other periods the words could mean, each as a phrase the reader understands. */
  readonly alternatives: readonly { readonly label: string; readonly ask: string }[];
  /** True when nothing named a period and the default was taken. */
  readonly assumed?: true;
}

/** The furthest ahead a question looks: a two-year list is a register, not a warning. */
export const MAX_WINDOW_DAYS = 730;
/** The window when a question names no period ("which contracts are ending?"). */
export const DEFAULT_WINDOW_DAYS = 90;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
const MONTH_TITLES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, twenty: 20, thirty: 30, sixty: 60, ninety: 90,
};
type Unit = 'days' | 'weeks' | 'months' | 'years';
const UNITS: Readonly<Record<string, Unit>> = { day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', month: 'months', months: 'months', year: 'years', years: 'years' };
const WINDOW_WORDS = new Set(['next', 'coming', 'within', 'in', 'over', 'during', 'for']);
const UNTIL_WORDS = new Set(['by', 'before', 'until', 'till', 'til', 'up']);

/** "weeks" for "week" or "weeks"; own keys only, so "constructor" is not a unit. */
function unitOf(word: string | undefined): Unit | undefined {
  return word !== undefined && Object.hasOwn(UNITS, word) ? UNITS[word] : undefined;
}

/** The number of a month's name or abbreviation, 1 to 12. */
export function monthOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const full = (MONTHS as readonly string[]).indexOf(word);
  if (full >= 0) return full + 1;
  return Object.hasOwn(MONTH_ABBREVIATIONS, word) ? MONTH_ABBREVIATIONS[word] : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (year: number, month: number, day: number): IsoDate => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
const yearOf = (date: IsoDate) => Number(date.slice(0, 4));
const monthNumberOf = (date: IsoDate) => Number(date.slice(5, 7));
const lastOfMonth = (year: number, month: number): IsoDate => addDays(month === 12 ? dateOf(year + 1, 1, 1) : dateOf(year, month + 1, 1), -1);

/** "1 March 2027". */
function dayMonthYear(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTH_TITLES[monthNumberOf(date) - 1] ?? ''} ${yearOf(date)}`;
}

/**
 * A window as a person writes it: "1–31 March 2027", "1 December – 28 February 2027",
 * "15 December 2026 – 14 January 2027", "31 March 2027".
 */
export function describeWindow(from: IsoDate, to: IsoDate): string {
  if (from === to) return dayMonthYear(from);
  const [fy, fm, fd] = [yearOf(from), monthNumberOf(from), Number(from.slice(8, 10))];
  if (fy !== yearOf(to)) return `${dayMonthYear(from)} – ${dayMonthYear(to)}`;
  if (fm !== monthNumberOf(to)) return `${fd} ${MONTH_TITLES[fm - 1] ?? ''} – ${dayMonthYear(to)}`;
  return `${fd}–${dayMonthYear(to)}`;
}

/** The window from `start` to `end`, starting no earlier than today and looking at most MAX_WINDOW_DAYS ahead. */
function windowOf(today: IsoDate, start: IsoDate, end: IsoDate): DateWindow {
  const from = start < today ? today : start;
  const limit = addDays(today, MAX_WINDOW_DAYS);
  const to = end > limit ? limit : end;
  return { from, to, words: describeWindow(from, to < from ? from : to) };
}

/** The next `amount` units from today: "the next 6 weeks" is today to today + 6 weeks. */
export function nextWindow(today: IsoDate, amount: number, unit: Unit): DateWindow {
  const end = unit === 'days' ? addDays(today, amount) : addDuration(today, { amount, unit });
  return windowOf(today, today, end);
}

/** The month `month` that has not yet ended on `today` (this one, or next year's). */
function comingMonth(today: IsoDate, month: number, year?: number): { from: IsoDate; to: IsoDate } {
  const y = year ?? (month < monthNumberOf(today) ? yearOf(today) + 1 : yearOf(today));
  return { from: dateOf(y, month, 1), to: lastOfMonth(y, month) };
}

/** The day `day`/`month` (and `year` if given) on or after today. */
function comingDay(today: IsoDate, day: number, month: number, year?: number): IsoDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > Number(lastOfMonth(year ?? 2000, month).slice(8, 10))) return undefined;
  if (year !== undefined) return dateOf(year, month, day);
  const thisYear = dateOf(yearOf(today), month, day);
  return thisYear >= today ? thisYear : dateOf(yearOf(today) + 1, month, day);
}

/** A four-digit year, or two digits after a slash ("31/3/27"). */
function yearNumber(word: string | undefined): number | undefined {
  if (word === undefined || !/^\d{2}(?:\d{2})?$/.test(word)) return undefined;
  const n = Number(word);
  return word.length === 2 ? 2000 + n : n >= 2000 && n <= 2100 ? n : undefined;
}

function amountOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,4}$/.test(word)) return Number(word);
  return Object.hasOwn(NUMBER_WORDS, word) ? NUMBER_WORDS[word] : undefined;
}

/** A date written "31/3", "31/03/2027", "31 march", "31st march 2027" or "march 31" at `i`, and how many words it took. */
function readDate(words: readonly string[], i: number, today: IsoDate): { date: IsoDate; used: number } | undefined {
  const word = words[i] ?? '';
  const slashed = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(word);
  if (slashed) {
    const year = slashed[3] === undefined ? undefined : yearNumber(slashed[3]);
    const date = comingDay(today, Number(slashed[1]), Number(slashed[2]), year);
    return date === undefined ? undefined : { date, used: 1 };
  }
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  let at = i + 1;
  if (dayFirst && words[at] === 'of') at++;
  const month = monthOf(words[at]);
  if (dayFirst && month !== undefined) {
    const year = yearNumber(words[at + 1]);
    const date = comingDay(today, Number(dayFirst[1]), month, year);
    return date === undefined ? undefined : { date, used: at - i + (year === undefined ? 1 : 2) };
  }
  const monthFirst = monthOf(word);
  const day = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(words[i + 1] ?? '');
  if (monthFirst !== undefined && day) {
    const date = comingDay(today, Number(day[1]), monthFirst);
    return date === undefined ? undefined : { date, used: 2 };
  }
  return undefined;
}

const reading = (window: DateWindow, said: string, alternatives: PeriodReading['alternatives'] = []): PeriodReading => ({ window, said, alternatives });

/** "this year" and the like: the calendar period around today. */
function currentPeriod(today: IsoDate, unit: string, next: boolean): { from: IsoDate; to: IsoDate } | undefined {
  const y = yearOf(today);
  const m = monthNumberOf(today);
  switch (unit) {
    case 'week': {
      // Weeks run Monday to Sunday, as council diaries do.
      const monday = addDays(today, -((dayOfWeek(today) + 6) % 7) + (next ? 7 : 0));
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'month': {
      const month = next ? (m % 12) + 1 : m;
      const year = next && m === 12 ? y + 1 : y;
      return { from: dateOf(year, month, 1), to: lastOfMonth(year, month) };
    }
    case 'quarter': {
      // Quarters start in January, April, July and October: calendar and financial quarters share these bounds.
      let first = Math.floor((m - 1) / 3) * 3 + 1 + (next ? 3 : 0);
      let year = y;
      if (first > 12) { first -= 12; year++; }
      return { from: dateOf(year, first, 1), to: lastOfMonth(year, first + 2) };
    }
    case 'year':
      return { from: dateOf(y + (next ? 1 : 0), 1, 1), to: dateOf(y + (next ? 1 : 0), 12, 31) };
    default:
      return undefined;
  }
}

/**
 * The period a question names, read from its words (lower case, in order), or undefined when it
 * names none. Each word is looked at a bounded number of times, so the time is linear in the
 * number of words.
 *
 * @example readPeriod(['ending', 'in', 'march'], '2026-12-01')?.window.words // "1–31 March 2027"
 */
export function readPeriod(words: readonly string[], today: IsoDate): PeriodReading | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];

    // Financial years: "2026/27", "2026-27", "fy 2026/27", "this financial year", "next financial year".
    const fyLabel = /^(\d{4})[/-](\d{2})$/.exec(word);
    if (fyLabel && (Number(fyLabel[1]) + 1) % 100 === Number(fyLabel[2])) {
      const fy = financialYear(Number(fyLabel[1]));
      return reading(windowOf(today, fy.first, fy.last), `financial year ${fy.label}`);
    }
    if ((word === 'this' || word === 'current' || word === 'next') && (next === 'financial' || next === 'fy')) {
      const fy = financialYear(financialYearOf(today).startYear + (word === 'next' ? 1 : 0));
      return reading(windowOf(today, fy.first, fy.last), `financial year ${fy.label}`);
    }

    // "this month", "next quarter", "this year" (calendar year; the financial year offered too).
    if ((word === 'this' || word === 'current' || word === 'next') && next !== undefined) {
      const period = currentPeriod(today, next, word === 'next');
      if (period) {
        const alternatives: { label: string; ask: string }[] = [];
        if (next === 'year') {
          const fy = financialYear(financialYearOf(today).startYear + (word === 'next' ? 1 : 0));
          alternatives.push({ label: `Financial year ${fy.label}`, ask: `contracts ending in ${fy.label}` });
        }
        if (word === 'next' && next === 'month') alternatives.push({ label: 'The next 30 days', ask: 'contracts ending in the next 30 days' });
        return reading(windowOf(today, period.from, period.to), `${word} ${next}`, alternatives);
      }
    }

    // "next 6 weeks", "within two months", "in the next 90 days", "in 45 days", "the next year", "3months".
    if (WINDOW_WORDS.has(word) || word === 'the') {
      const starts = next === 'the' ? [i + 2] : [i + 1];
      if (words[starts[0] ?? 0] === 'next' || words[starts[0] ?? 0] === 'coming') starts[0] = (starts[0] ?? 0) + 1;
      const at = starts[0] ?? 0;
      const amount = amountOf(words[at]);
      const unit = unitOf(words[at + 1]);
      if (amount !== undefined && unit !== undefined && amount > 0) return reading(nextWindow(today, amount, unit), `next ${amount} ${unit}`);
      // "in the next year", "the coming month": rolling, because "the" says a stretch of time, not the calendar's.
      const bareUnit = unitOf(words[at]);
      if (bareUnit !== undefined && at > i + 1) return reading(nextWindow(today, 1, bareUnit), `next ${bareUnit.slice(0, -1)}`);
    }

    // "before Christmas", "by 31/3", "by the end of March", "until 31 March 2027", "by year end".
    if (UNTIL_WORDS.has(word)) {
      let at = i + 1;
      if (words[at] === 'to') at++;
      if (words[at] === 'the') at++;
      const inclusive = word !== 'before';
      if (words[at] === 'christmas' || words[at] === 'xmas') {
        const christmas = comingDay(today, 25, 12) ?? today;
        return reading(windowOf(today, today, addDays(christmas, -1)), `before Christmas`);
      }
      const endOf = words[at] === 'end' && words[at + 1] === 'of' ? at + 2 : undefined;
      const month = monthOf(words[endOf ?? at]);
      if (month !== undefined && readDate(words, endOf ?? at, today) === undefined) {
        const coming = comingMonth(today, month, yearNumber(words[(endOf ?? at) + 1]));
        // "by March" and "by the end of March" include March; "before March" stops at the end of February.
        const end = word === 'before' && endOf === undefined ? addDays(coming.from, -1) : coming.to;
        return reading(windowOf(today, today, end), `${word} ${endOf ? 'the end of ' : ''}${MONTH_TITLES[month - 1] ?? ''}`);
      }
      if ((words[endOf ?? -1] === 'the' ? words[(endOf ?? 0) + 1] : words[endOf ?? -1]) === 'year' || (words[at] === 'year' && words[at + 1] === 'end')) {
        return reading(windowOf(today, today, dateOf(yearOf(today), 12, 31)), 'by the end of the year', [{ label: 'By the end of the financial year', ask: 'contracts ending by the end of the financial year' }]);
      }
      if (endOf !== undefined && (words[endOf] === 'the' ? words[endOf + 1] : words[endOf]) === 'financial') {
        return reading(windowOf(today, today, financialYearOf(today).last), 'by the end of the financial year');
      }
      const date = readDate(words, at, today);
      if (date) return reading(windowOf(today, today, inclusive ? date.date : addDays(date.date, -1)), `${word} ${dayMonthYear(date.date)}`);
    }

    // "in March", "during june 2027", "ending march", "for april": the whole month.
    const month = monthOf(word);
    if (month !== undefined && word !== 'may' && readDate(words, i, today) === undefined) {
      const year = yearNumber(next);
      const coming = comingMonth(today, month, year);
      return reading(windowOf(today, coming.from, coming.to), `${MONTH_TITLES[month - 1] ?? ''}${year === undefined ? '' : ` ${year}`}`);
    }
    if (word === 'may' && (i > 0 && ['in', 'during', 'of', 'by', 'before', 'until', 'for', 'ending', 'end', 'ends', 'expiring', 'renewing'].includes(words[i - 1] ?? ''))) {
      const year = yearNumber(next);
      const coming = comingMonth(today, 5, year);
      return reading(windowOf(today, coming.from, coming.to), 'May');
    }

    // "in 2027": the calendar year, with its financial year offered.
    const year = /^(\d{4})$/.test(word) && (words[i - 1] === 'in' || words[i - 1] === 'during') ? yearNumber(word) : undefined;
    if (year !== undefined) {
      return reading(windowOf(today, dateOf(year, 1, 1), dateOf(year, 12, 31)), `${year}`, [{ label: `Financial year ${financialYear(year).label}`, ask: `contracts ending in ${financialYear(year).label}` }]);
    }

    if (word === 'today') return reading(windowOf(today, today, today), 'today');
    if (word === 'tomorrow') return reading(windowOf(today, addDays(today, 1), addDays(today, 1)), 'tomorrow');
    if (word === 'soon' || word === 'upcoming') {
      return reading(nextWindow(today, DEFAULT_WINDOW_DAYS, 'days'), `next ${DEFAULT_WINDOW_DAYS} days`, [{ label: 'The next 30 days', ask: 'contracts ending in the next 30 days' }]);
    }

    // A bare "45 days" or "3 months" reads as the next 45 days.
    const amount = /^\d{1,4}$/.test(word) ? Number(word) : undefined;
    const unit = unitOf(next);
    if (amount !== undefined && amount > 0 && unit !== undefined) return reading(nextWindow(today, amount, unit), `next ${amount} ${unit}`);
  }
  return undefined;
}

/** The window when no period was named: the next DEFAULT_WINDOW_DAYS days, with the usual others offered. */
export function defaultPeriod(today: IsoDate): PeriodReading {
  const fy = financialYearOf(today);
  return {
    window: nextWindow(today, DEFAULT_WINDOW_DAYS, 'days'),
    said: `next ${DEFAULT_WINDOW_DAYS} days`,
    alternatives: [
      { label: 'The next 30 days', ask: 'contracts ending in the next 30 days' },
      { label: `Financial year ${fy.label}`, ask: `contracts ending in ${fy.label}` },
    ],
    assumed: true,
  };
}
