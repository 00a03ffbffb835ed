/**
 * Text from users or imported registers can start with characters that spreadsheet programs
 * read as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`): "formula injection". In
 * .xlsx we always write such text as a string-typed cell, which Excel shows and never runs;
 * in CSV, where there are no cell types, we prefix an apostrophe as OWASP recommends.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a spreadsheet program could take this text for a formula. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0] ?? '');
}

/** The text to write in a CSV field so that Excel and LibreOffice show it and never run it. */
export function csvSafe(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** Reads back what csvSafe wrote: the apostrophe before formula-like text is not part of the value. */
export function csvUnescape(text: string): string {
  return text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
}

/**
 * A value for an exceljs cell that came from user data: strings stay strings (exceljs only
 * writes a formula for a `{ formula }` object), and objects that look like formulas or
 * hyperlinks are flattened to their text so nothing executable reaches the workbook.
 */
export function xlsxSafe(value: string | number | boolean | Date | null | undefined): string | number | boolean | Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/**
 * A COUNTIFS/SUMIFS criterion that matches the text in `cell` exactly. A bare criterion is
 * read as a pattern or a condition ("Parks*", "<>Housing"), so we compare with "=" and escape
 * the wildcards ~ * ? first.
 *
 * @example exactTextCriterion('$A2') // "="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A2,"~","~~"),"*","~*"),"?","~?")
 */
export function exactTextCriterion(cell: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;
}
