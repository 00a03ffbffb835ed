import type { IsoDate } from '../shared/iso-date.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD day; differences count calendar days exactly. */
export function epochDay(day: IsoDate): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** The YYYY-MM-DD day `n` days after 1970-01-01. */
export function dayFromEpoch(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * `day` plus whole months, clamped to the end of a shorter month (31 January + 1 month is
 * 28 or 29 February), exactly as Excel's EDATE does, so the workbook's live formulas and
 * our figures agree on when a term ends.
 */
export function addMonthsClamped(day: IsoDate, months: number): IsoDate {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const date = Math.min(Number(day.slice(8, 10)), lastDay);
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}
