/**
 * Something wrong with one cell or row of an imported register, as a value. `error`s reject
 * the row (the rest of the file still imports); `warning`s keep it and say what was done.
 */
export interface ImportProblem {
  readonly code: ImportProblemCode;
  readonly severity: 'error' | 'warning';
  /** Sheet name, or the file name for CSV and JSON. */
  readonly sheet: string;
  /** 1-based row number as the spreadsheet shows it. */
  readonly row: number;
  /** Column letter (`F`), or empty when the problem is the whole row. */
  readonly column: string;
  /** The cell text as the user typed it. */
  readonly value: string;
  readonly message: string;
}

export type ImportProblemCode =
  | 'not-a-date'
  | 'not-money'
  | 'not-a-flag'
  | 'not-a-duration'
  | 'not-extension-options'
  | 'not-a-number'
  | 'not-an-email'
  | 'not-a-company-number'
  | 'not-a-choice'
  | 'not-a-clause'
  | 'placeholder-date'
  | 'end-from-term'
  | 'missing-reference'
  | 'missing-title'
  | 'missing-supplier'
  | 'end-before-start'
  | 'renewal-type-contradicts-terms'
  | 'duplicate-reference'
  | 'provisional-reference'
  | 'lot-reference'
  | 'duplicate-row'
  | 'renamed-reference'
  | 'several-buyers'
  | 'invalid-contract';

/** `Register!F12`, or `Register!12` for a whole row, as Excel users write a cell address. */
export function cellAddress(sheet: string, row: number, column: string): string {
  const name = /^[A-Za-z0-9_.]+$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  return `${name}!${column}${row}`;
}

/** Builds a problem whose message starts with the cell address. */
export function importProblem(
  where: { sheet: string; row: number; column?: string; value?: string },
  code: ImportProblemCode,
  sentence: string,
  severity: ImportProblem['severity'] = 'error',
): ImportProblem {
  const column = where.column ?? '';
  return {
    code,
    severity,
    sheet: where.sheet,
    row: where.row,
    column,
    value: where.value ?? '',
    message: `${cellAddress(where.sheet, where.row, column)}: ${sentence}`,
  };
}
