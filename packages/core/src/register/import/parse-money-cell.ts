import { blank, notUnderstood, understood, type CellReading, type CellValue } from './cell-value.js';
import { cleanText } from './clean-text.js';

const MONEY = /^(-)?\(?£?\s*(-)?([\d,]*\.?\d+)\s*(k|m|bn|million|thousand)?\)?$/i;
const MULTIPLIERS: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9 };

/**
 * Reads a sum in pounds: `£1,234.50`, `1234.5`, `155000.0`, `£1.2m`, `£250k`, a number cell;
 * blank is no value. Pence are kept to two places so 1.2m does not come out as 1199999.9999.
 * @example parseMoneyCell('£1.2m') // { ok: true, value: 1200000 }
 */
export function parseMoneyCell(value: CellValue): CellReading<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? understood(value) : notUnderstood;
  if (typeof value === 'boolean' || value instanceof Date) return notUnderstood;
  const text = cleanText(value)?.replace(/\s*(GBP|gbp)$/, '').replace(/^GBP\s*/i, '');
  if (text === undefined || text === '') return blank;
  const match = MONEY.exec(text);
  if (!match) return notUnderstood;
  const digits = match[3] ?? '';
  // Thousands separators only where they belong: 1,234,567 but not 1,23.
  if (digits.includes(',') && !/^\d{1,3}(,\d{3})*(\.\d+)?$/.test(digits)) return notUnderstood;
  const negative = Boolean(match[1] ?? match[2]) || (text.startsWith('(') && text.endsWith(')'));
  const multiplier = match[4] ? (MULTIPLIERS[match[4].toLowerCase()] ?? 1) : 1;
  const amount = Math.round(Number(digits.replaceAll(',', '')) * multiplier * 100) / 100;
  return understood(negative ? -amount : amount);
}
