import type { Duration } from '../contract.schema.js';
import { blank, notUnderstood, understood, type CellReading, type CellValue } from './cell-value.js';
import { cleanText } from './clean-text.js';

const DURATION = /^(\d+)\s*(d|days?|w|wks?|weeks?|m|mths?|months?|y|yrs?|years?)$/i;

/** Reads a unit word as councils abbreviate it: `mths`, `yrs`, `wk`, `d`. */
export function durationUnit(word: string): Duration['unit'] | undefined {
  const first = word.toLowerCase()[0];
  switch (first) {
    case 'd':
      return 'days';
    case 'w':
      return 'weeks';
    case 'm':
      return 'months';
    case 'y':
      return 'years';
    default:
      return undefined;
  }
}

/**
 * Reads a length of time: `3 months`, `90 days`, `12 weeks`, `1 year`, `6 mths`.
 * A bare number is not accepted: "3" could be days, weeks or months.
 * @example parseDurationCell('12 weeks') // { ok: true, value: { amount: 12, unit: 'weeks' } }
 */
export function parseDurationCell(value: CellValue): CellReading<Duration> {
  if (value === null || value === undefined) return blank;
  if (typeof value !== 'string') return notUnderstood;
  const text = cleanText(value);
  if (text === undefined) return blank;
  const match = DURATION.exec(text);
  const unit = match ? durationUnit(match[2] ?? '') : undefined;
  if (!match || unit === undefined) return notUnderstood;
  return understood({ amount: Number(match[1]), unit });
}
