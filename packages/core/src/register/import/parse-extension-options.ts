import type { Duration } from '../contract.schema.js';
import { blank, notUnderstood, understood, type CellReading, type CellValue } from './cell-value.js';
import { cleanText } from './clean-text.js';
import { durationUnit } from './parse-duration-cell.js';

const TERM = /^(\d+)\s*([a-z]+)?$/i;

/**
 * Reads extension options as registers write them: `2+1+1` (years, the usual reading),
 * `2+1+1 years`, `24+12 months`, `1 year + 6 months`. With a single unit at the end it applies
 * to every term. The first term is the initial period; the rest are the options.
 * `1+1` therefore means one year then one option of a year. A leading plus gives the options
 * alone: `+1+1 years` is two options of a year.
 * @example parseExtensionOptions('24+12 months')
 *   // { ok: true, value: { initial: { amount: 24, unit: 'months' }, options: [{ amount: 12, unit: 'months' }] } }
 */
export function parseExtensionOptions(value: CellValue): CellReading<{ initial?: Duration; options: Duration[] }> {
  if (value === null || value === undefined) return blank;
  if (typeof value !== 'string') return notUnderstood;
  const text = cleanText(value)?.toLowerCase();
  if (text === undefined || ['none', 'n/a', 'na', 'no'].includes(text)) return blank;
  // A leading plus gives the options alone (`+1+1 years`): the initial term is not stated.
  const optionsOnly = text.startsWith('+');
  const parts = (optionsOnly ? text.slice(1) : text).split('+').map((p) => p.trim());
  if (parts.length < (optionsOnly ? 1 : 2)) return notUnderstood;
  const terms: { amount: number; unit: Duration['unit'] | undefined }[] = [];
  for (const part of parts) {
    const match = TERM.exec(part);
    if (!match) return notUnderstood;
    const unit = match[2] === undefined ? undefined : durationUnit(match[2]);
    if (match[2] !== undefined && unit === undefined) return notUnderstood;
    terms.push({ amount: Number(match[1]), unit });
  }
  const fallback = terms[terms.length - 1]?.unit ?? 'years';
  const durations = terms.map((t) => ({ amount: t.amount, unit: t.unit ?? fallback }));
  const [initial, ...rest] = optionsOnly ? [undefined, ...durations] : durations;
  const options = rest.filter((o): o is Duration => o !== undefined);
  if ((!optionsOnly && !initial) || options.length === 0 || options.some((o) => o.amount === 0)) return notUnderstood;
  return understood(initial ? { initial, options } : { options });
}
