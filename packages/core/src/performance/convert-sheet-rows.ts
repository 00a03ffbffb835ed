import { cellText, type CellValue } from '../register/import/cell-value.js';
import { cleanText } from '../register/import/clean-text.js';
import { cellAddress } from '../register/import/import-problem.js';
import { parseDateCell } from '../register/import/parse-date-cell.js';
import { columnLetter } from '../shared/format.js';

export interface RawResultRow {
  readonly sheet: string;
  readonly row: number;
  readonly cells: readonly CellValue[];
}

/** A problem with one cell or row of a performance file, shaped like the register import's. */
export interface SheetRowProblem<C extends string> {
  readonly code: C;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

/** The fields every performance sheet has: whose, and for which period. */
type CommonField = 'contract' | 'periodStart' | 'periodEnd';

/** The problems every performance sheet can have, whatever its records. */
export type SheetProblemCode = 'missing-column' | 'missing-reference' | 'unknown-contract' | 'not-a-date' | 'end-before-start' | 'duplicate-row';

export interface SheetLayout<F extends string> {
  /** Header text, lower case with everything but letters taken out, to the field it names. */
  readonly fieldByHeader: Readonly<Record<string, F | CommonField>>;
  readonly required: readonly (F | CommonField)[];
  readonly headerWords: Readonly<Record<F | CommonField, string>>;
  /** Ends "the columns are …" when the header is missing or short. */
  readonly columns: string;
}

/** One data row of a sheet, with the fields its header named. */
export interface SheetRow<F extends string, C extends string> {
  at(field: F | CommonField): { readonly cell: CellValue; readonly column: string };
  problem(field: F | CommonField | '', code: C | SheetProblemCode, sentence: string): void;
  /** Whether a problem was found in this row. */
  hasProblems(): boolean;
  /** The row's contract reference when it is one in the register; a problem otherwise. */
  contract(contracts: ReadonlySet<string>): string | undefined;
  /** The row's period start and end days, each undefined (with a problem) when not a date. */
  period(): { readonly start: string | undefined; readonly end: string | undefined };
  /** False, with a problem, when an earlier row had the same key (`what` names it). */
  first(key: string, what: string): boolean;
}

/**
 * Reads the rows of a performance sheet (the first non-blank row is the header, in any column
 * order) and hands each data row to `convert`, which reads its fields and says what is wrong
 * with each cell. Pure: the caller reads the rows.
 */
export function convertSheetRows<F extends string, C extends string, R>(
  rows: Iterable<RawResultRow>,
  layout: SheetLayout<F>,
  convert: (row: SheetRow<F, C>) => R | undefined,
): { records: R[]; problems: SheetRowProblem<C | SheetProblemCode>[]; rows: number } {
  const records: R[] = [];
  const problems: SheetRowProblem<C | SheetProblemCode>[] = [];
  let columns: Map<F | CommonField, number> | undefined;
  const seen = new Map<string, number>();
  let count = 0;
  for (const raw of rows) {
    if (raw.cells.every((cell) => cleanText(cell) === undefined)) continue;
    if (!columns) {
      const found = new Map<F | CommonField, number>();
      raw.cells.forEach((cell, i) => {
        const field = layout.fieldByHeader[cellText(cell).toLowerCase().replace(/[^a-z]/g, '')];
        if (field && !found.has(field)) found.set(field, i);
      });
      columns = found;
      const missing = layout.required.filter((field) => !found.has(field));
      if (missing.length > 0) {
        const message = `${cellAddress(raw.sheet, raw.row, '')}: no ${missing.map((f) => `"${layout.headerWords[f]}"`).join(', ')} column in the header row — the columns are ${layout.columns}`;
        problems.push({ code: 'missing-column', sheet: raw.sheet, row: raw.row, column: '', value: '', message });
        return { records, problems, rows: 0 };
      }
      continue;
    }
    count += 1;
    const header = columns;
    const before = problems.length;
    const at = (field: F | CommonField) => {
      const index = header.get(field);
      return { cell: index === undefined ? undefined : raw.cells[index], column: index === undefined ? '' : columnLetter(index + 1) };
    };
    const problem = (field: F | CommonField | '', code: C | SheetProblemCode, sentence: string) => {
      const where = field === '' ? { cell: undefined, column: '' } : at(field);
      problems.push({ code, sheet: raw.sheet, row: raw.row, column: where.column, value: cellText(where.cell), message: `${cellAddress(raw.sheet, raw.row, where.column)}: ${sentence}` });
    };
    const record = convert({
      at,
      problem,
      hasProblems: () => problems.length > before,
      contract(contracts) {
        const contract = cleanText(at('contract').cell);
        if (contract === undefined) problem('contract', 'missing-reference', 'no contract reference');
        else if (!contracts.has(contract)) problem('contract', 'unknown-contract', `"${contract}" is not a contract in the register — check the reference, or import the register first`);
        return contract !== undefined && contracts.has(contract) ? contract : undefined;
      },
      period() {
        const startReading = parseDateCell(at('periodStart').cell ?? null);
        const endReading = parseDateCell(at('periodEnd').cell ?? null);
        const start = startReading.ok ? startReading.value : undefined;
        const end = endReading.ok ? endReading.value : undefined;
        if (start === undefined) problem('periodStart', 'not-a-date', `"${cellText(at('periodStart').cell)}" is not a date — write it as 31/03/2026`);
        if (end === undefined) problem('periodEnd', 'not-a-date', `"${cellText(at('periodEnd').cell)}" is not a date — write it as 31/03/2026`);
        if (start !== undefined && end !== undefined && end < start) problem('periodEnd', 'end-before-start', `the period ends (${end}) before it starts (${start})`);
        return { start, end };
      },
      first(key, what) {
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          problem('', 'duplicate-row', `repeats row ${earlier} (${what}) — keep one of them`);
          return false;
        }
        seen.set(key, raw.row);
        return true;
      },
    });
    if (record !== undefined) records.push(record);
  }
  if (!columns) {
    problems.push({ code: 'missing-column', sheet: '', row: 0, column: '', value: '', message: `the file has no header row — the columns are ${layout.columns}` });
  }
  return { records, problems, rows: count };
}
