import { cellText, type CellValue } from '../register/import/cell-value.js';
import { cleanText } from '../register/import/clean-text.js';
import { parseFlagCell } from '../register/import/parse-flag-cell.js';
import { convertSheetRows, type RawResultRow, type SheetRowProblem } from './convert-sheet-rows.js';
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
export type ResultImportProblem = SheetRowProblem<ResultImportProblemCode>;

export type { RawResultRow } from './convert-sheet-rows.js';

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
  const layout = { fieldByHeader: FIELD_BY_HEADER, required: REQUIRED, headerWords: HEADER_WORDS, columns: RESULT_COLUMNS.join(', ') };
  const read = convertSheetRows<Field, ResultImportProblemCode, KpiResult>(rows, layout, (row) => {
    const contract = row.contract(known.contracts);
    const kpiName = cleanText(row.at('kpi').cell);
    const theirs = known.kpis.filter((k) => k.contract === contract);
    const kpi = kpiName === undefined ? undefined : theirs.find((k) => k.name.trim().toLowerCase() === kpiName.toLowerCase());
    if (contract !== undefined && !kpi) {
      const list = theirs.length === 0 ? 'it has none yet' : `its KPIs are ${theirs.map((k) => k.name).join(', ')}`;
      row.problem('kpi', 'unknown-kpi', `"${kpiName ?? ''}" is not a KPI of ${contract} (${list}) — add it with steward kpis add ${contract}`);
    }
    const { start, end } = row.period();
    const note = cleanText(row.at('note').cell);
    const value = readValue(row.at('value').cell, kpi);
    if (value === 'not-a-number') {
      row.problem('value', 'not-a-number', `"${cellText(row.at('value').cell)}" is not a number${kpi?.measure === 'yes-no' ? ' or yes/no' : ''} — type the figure, e.g. 97.5`);
    } else if (value === null && note === undefined) {
      row.problem('value', 'missing-value', 'no value — type the figure, or leave it blank and say in the Note why it could not be measured (rated Other)');
    }
    if (row.hasProblems() || !contract || !kpi || start === undefined || end === undefined || value === 'not-a-number') return undefined;
    if (!row.first(`${contract}\u0000${kpi.name.toLowerCase()}\u0000${start}`, `${contract}, ${kpi.name}, period starting ${start}`)) return undefined;
    return { contract, kpi: kpi.name, periodStart: start, periodEnd: end, value, ...(note === undefined ? {} : { note }), enteredBy: entered.by, enteredAt: entered.at };
  });
  return { results: read.records, problems: read.problems, rows: read.rows };
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
