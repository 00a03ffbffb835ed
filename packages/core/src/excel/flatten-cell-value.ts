import type { CellValue } from '../register/import/cell-value.js';

/**
 * exceljs gives formatted text as `{ richText: [...] }`, formulas as `{ formula, result }`
 * (we use the cached result; nothing is recalculated), hyperlinks as `{ text, hyperlink }`
 * and errors as `{ error: '#N/A' }`. The domain sees plain values only.
 */
export function flattenCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText)) {
    return (object.richText as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  if ('formula' in object || 'sharedFormula' in object) return flattenCellValue(object.result);
  if ('hyperlink' in object || 'text' in object) return flattenCellValue(object.text);
  if (typeof object.error === 'string') return object.error;
  return undefined;
}
