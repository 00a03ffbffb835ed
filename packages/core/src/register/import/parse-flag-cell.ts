import { blank, notUnderstood, understood, type CellReading, type CellValue } from './cell-value.js';
import { cleanText } from './clean-text.js';

const YES = new Set(['yes', 'y', 'true', 'x', '✓', '✔', '1']);
const NO = new Set(['no', 'n', 'false', '0', '-']);

/**
 * Reads a yes/no column (SME, VCSE, personal data): `Yes`, `Y`, `TRUE`, `x`, a tick or a
 * checkbox cell mean yes; `No`, `N`, `FALSE` mean no; blank means not recorded.
 * @example parseFlagCell('x') // { ok: true, value: true }
 */
export function parseFlagCell(value: CellValue): CellReading<boolean> {
  if (typeof value === 'boolean') return understood(value);
  if (typeof value === 'number') return value === 1 ? understood(true) : value === 0 ? understood(false) : notUnderstood;
  if (value instanceof Date) return notUnderstood;
  const text = cleanText(value)?.toLowerCase().replace(/\.$/, '');
  if (text === undefined) return blank;
  if (YES.has(text)) return understood(true);
  if (NO.has(text)) return understood(false);
  return notUnderstood;
}
