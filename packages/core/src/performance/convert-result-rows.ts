import { cellText, type CellValue } from '../register/import/cell-value.js';
import { cleanText } from '../register/import/clean-text.js';
import { cellAddress } from '../register/import/import-problem.js';
import { columnLetter } from '../shared/format.js';
import { parseDateCell } from '../register/import/parse-date-cell.js';
import { parseFlagCell } from '../register/import/parse-flag-cell.js';
import type { Kpi, KpiResult } from './kpi.schema.js';

export const RESULT_COLUMNS = ['Contract reference', 'KPI', 'Period start', 'Period end', 'Value', 'Note'] as const;
type Field = 'contract' | 'kpi' | 'periodStart' | 'periodEnd' | 'value' | 'note';
const FIELD_BY_HEADER: Readonly<Record<string, Field>> = {
  contractreference: 'contract',
  contract: 'contract',
  reference: 'contract',
  kpi: 'kpi',
  kpiname: 'kpi',
  periodstart: 'periodStart',
  periodend: 'periodEnd',
  value: 'value',
  result: 'value',
  note: 'note',
  notes: 'note',
};
const REQUIRED: readonly Field[] = ['contract', 'kpi', 'periodStart', 'periodEnd', 'value'];
const HEADER_WORDS: Readonly<Record<Field, string>> = { contract: 'Contract reference', kpi: 'KPI', periodStart: 'Period start', periodEnd: 'Period end', value: 'Value', note: 'Note' };

export type ResultImportProblemCode =
  | 'missing-column'
  | 'missing-reference'
  | 'unknown-contract'
  | 'unknown-kpi'
  | 'not-a-date'
  | 'end-before-start'
  | 'not-a-number'
  | 'missing-value'
  | 'duplicate-row';

/** A problem with one cell or row of a results file, shaped like the register import's. */
export interface ResultImportProblem {
  readonly code: ResultImportProblemCode;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

export interface RawResultRow {
  readonly sheet: string;
  readonly row: number;
  readonly cells: readonly CellValue[];
}

/**
 * Turns the rows of a results sheet (`Contract reference, KPI, Period start, Period end,
 * Value, Note`; the first non-blank row is the header) into results, checking each against
 * the register and the contracts' KPIs. A blank value is "not measured" (rated Other) only
 * when the note says why. Pure: the caller reads the rows and loads the KPIs.
 */
export function convertResultRows(
  rows: Iterable<RawResultRow>,
  known: { readonly contracts: ReadonlySet<string>; readonly kpis: readonly Kpi[] },
  entered: { readonly by: string; readonly at: string },
): { results: KpiResult[]; problems: ResultImportProblem[]; rows: number } {
  const results: KpiResult[] = [];
  const problems: ResultImportProblem[] = [];
  let columns: Map<Field, number> | undefined;
  const seen = new Map<string, number>();
  let count = 0;
  for (const raw of rows) {
    if (raw.cells.every((cell) => cleanText(cell) === undefined)) continue;
    if (!columns) {
      columns = new Map();
      raw.cells.forEach((cell, i) => {
        const field = FIELD_BY_HEADER[cellText(cell).toLowerCase().replace(/[^a-z]/g, '')];
        if (field && !columns?.has(field)) columns?.set(field, i);
      });
      const missing = REQUIRED.filter((field) => !columns?.has(field));
      if (missing.length > 0) {
        problems.push({
          code: 'missing-column',
          sheet: raw.sheet,
          row: raw.row,
          column: '',
          value: '',
          message: `${cellAddress(raw.sheet, raw.row, '')}: no ${missing.map((f) => `"${HEADER_WORDS[f]}"`).join(', ')} column in the header row — the columns are ${RESULT_COLUMNS.join(', ')}`,
        });
        return { results, problems, rows: 0 };
      }
      continue;
    }
    count += 1;
    const at = (field: Field) => {
      const index = columns?.get(field);
      return { cell: index === undefined ? undefined : raw.cells[index], column: index === undefined ? '' : columnLetter(index + 1) };
    };
    const problem = (field: Field | '', code: ResultImportProblemCode, sentence: string) => {
      const where = field === '' ? { cell: undefined, column: '' } : at(field);
      const value = where.cell === undefined || where.cell === null ? '' : cellText(where.cell);
      problems.push({ code, sheet: raw.sheet, row: raw.row, column: where.column, value, message: `${cellAddress(raw.sheet, raw.row, where.column)}: ${sentence}` });
    };
    const before = problems.length;
    const contract = cleanText(at('contract').cell);
    if (contract === undefined) problem('contract', 'missing-reference', 'no contract reference');
    else if (!known.contracts.has(contract)) problem('contract', 'unknown-contract', `"${contract}" is not a contract in the register — check the reference, or import the register first`);
    const kpiName = cleanText(at('kpi').cell);
    const theirs = known.kpis.filter((k) => k.contract === contract);
    const kpi = kpiName === undefined ? undefined : theirs.find((k) => k.name.trim().toLowerCase() === kpiName.toLowerCase());
    if (contract !== undefined && known.contracts.has(contract) && !kpi) {
      const list = theirs.length === 0 ? 'it has none yet' : `its KPIs are ${theirs.map((k) => k.name).join(', ')}`;
      problem('kpi', 'unknown-kpi', `"${kpiName ?? ''}" is not a KPI of ${contract} (${list}) — add it with steward kpis add ${contract}`);
    }
    const startReading = parseDateCell(at('periodStart').cell ?? null);
    const endReading = parseDateCell(at('periodEnd').cell ?? null);
    const start = { value: startReading.ok ? startReading.value : undefined };
    const end = { value: endReading.ok ? endReading.value : undefined };
    if (start.value === undefined) problem('periodStart', 'not-a-date', `"${cellText(at('periodStart').cell ?? '')}" is not a date — write it as 31/03/2026`);
    if (end.value === undefined) problem('periodEnd', 'not-a-date', `"${cellText(at('periodEnd').cell ?? '')}" is not a date — write it as 31/03/2026`);
    if (start.value !== undefined && end.value !== undefined && end.value < start.value) {
      problem('periodEnd', 'end-before-start', `the period ends (${end.value}) before it starts (${start.value})`);
    }
    const note = cleanText(at('note').cell);
    const value = readValue(at('value').cell, kpi);
    if (value === 'not-a-number') {
      problem('value', 'not-a-number', `"${cellText(at('value').cell ?? '')}" is not a number${kpi?.measure === 'yes-no' ? ' or yes/no' : ''} — type the figure, e.g. 97.5`);
    } else if (value === null && note === undefined) {
      problem('value', 'missing-value', 'no value — type the figure, or leave it blank and say in the Note why it could not be measured (rated Other)');
    }
    if (problems.length > before || !contract || !kpi || typeof start.value !== 'string' || typeof end.value !== 'string' || value === 'not-a-number') continue;
    const key = `${contract}\u0000${kpi.name.toLowerCase()}\u0000${start.value}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem('', 'duplicate-row', `repeats row ${first} (${contract}, ${kpi.name}, period starting ${start.value}) — keep one of them`);
      continue;
    }
    seen.set(key, raw.row);
    results.push({
      contract,
      kpi: kpi.name,
      periodStart: start.value,
      periodEnd: end.value,
      value,
      ...(note === undefined ? {} : { note }),
      enteredBy: entered.by,
      enteredAt: entered.at,
    });
  }
  if (!columns) {
    problems.push({ code: 'missing-column', sheet: '', row: 0, column: '', value: '', message: `the file has no header row — the columns are ${RESULT_COLUMNS.join(', ')}` });
  }
  return { results, problems, rows: count };
}

/** A number ("97.5", "97.5%", "1,200"), yes/no (or 1/0) for a yes/no KPI, or null when blank. */
function readValue(cell: CellValue, kpi: Kpi | undefined): number | null | 'not-a-number' {
  const value = readNumber(cell, kpi);
  // A yes/no KPI is met or not: 97 is a slip, not a result.
  return kpi?.measure === 'yes-no' && typeof value === 'number' && value !== 0 && value !== 1 ? 'not-a-number' : value;
}

function readNumber(cell: CellValue, kpi: Kpi | undefined): number | null | 'not-a-number' {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'not-a-number';
  if (cell instanceof Date) return 'not-a-number';
  if (typeof cell === 'boolean') return kpi?.measure === 'yes-no' ? (cell ? 1 : 0) : 'not-a-number';
  const text = cleanText(cell);
  if (text === undefined) return null;
  if (kpi?.measure === 'yes-no') {
    const flag = parseFlagCell(text);
    if (flag.ok && flag.value !== undefined) return flag.value ? 1 : 0;
  }
  const number = /^-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\s*%?$/.test(text) && /\d/.test(text) ? Number(text.replace(/[,%\s]/g, '')) : Number.NaN;
  return Number.isFinite(number) ? number : 'not-a-number';
}
