/**
 * A cell as the importer sees it, whatever the file: CSV gives text, a workbook gives text,
 * numbers, booleans or dates. The excel adapters flatten exceljs's rich-text, formula and
 * hyperlink objects to one of these before the domain sees them.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** The outcome of reading one cell: a value, nothing (blank), or not understood. */
export type CellReading<T> = { readonly ok: true; readonly value: T | undefined } | { readonly ok: false };

export const blank = { ok: true, value: undefined } as const;
export const notUnderstood = { ok: false } as const;
export const understood = <T>(value: T): CellReading<T> => ({ ok: true, value });

/** The text a person sees in the cell, for problem messages. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}
