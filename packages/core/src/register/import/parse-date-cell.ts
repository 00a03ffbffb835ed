import { isIsoDate } from '../../shared/iso-date.js';
import { blank, notUnderstood, understood, type CellReading, type CellValue } from './cell-value.js';
import { cleanText } from './clean-text.js';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** Excel's day 0 is 30 December 1899 (it counts 1900 as a leap year; serials after Feb 1900 line up). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** 31 December 9999, the last day Excel can show. */
const MAX_SERIAL = 2_958_465;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const WORDS = /^(?:[a-z]+,? )?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i;
/** Serials typed as text: five digits (1927 to 2173), so a bare year such as "2025" is not read as 1905. */
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/**
 * Reads a date the way a UK council writes it, always day first: a real Excel date, an Excel
 * serial number (the streaming reader gives those when it has not seen the cell's style),
 * `31/03/2025`, `1/4/25`, `31-Mar-2025`, `31 March 2025`, `2025-03-31`,
 * `2025-03-31T00:00:00Z` or `2025-03-31 00:00:00`.
 * @example parseDateCell('1/4/25') // { ok: true, value: '2025-04-01' }
 */
export function parseDateCell(value: CellValue): CellReading<string> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return notUnderstood;
    // exceljs gives a date cell as midnight UTC; a time part from rounding is dropped.
    return understood(new Date(value.getTime() + 1000).toISOString().slice(0, 10));
  }
  if (typeof value === 'number') return fromSerial(value);
  if (typeof value === 'boolean') return notUnderstood;
  const text = cleanText(value);
  if (text === undefined) return blank;
  const iso = ISO.exec(text);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC.exec(text);
  if (numeric) return fromParts(fullYear(numeric[3] ?? ''), Number(numeric[2]), Number(numeric[1]));
  const words = WORDS.exec(text);
  if (words) {
    const month = monthNumber(words[2] ?? '');
    return month === undefined ? notUnderstood : fromParts(fullYear(words[3] ?? ''), month, Number(words[1]));
  }
  if (SERIAL.test(text)) return fromSerial(Number(text));
  return notUnderstood;
}

function fromSerial(serial: number): CellReading<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return notUnderstood;
  const days = Math.floor(serial + 1e-6);
  return understood(new Date(EXCEL_EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10));
}

function fromParts(year: number, month: number, day: number): CellReading<string> {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? understood(iso) : notUnderstood;
}

/** Two-digit years: 00–69 are this century, 70–99 the last (as Excel reads them). */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  const fullNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const full = fullNames.indexOf(lower);
  if (full >= 0) return full + 1;
  return MONTHS[lower];
}
