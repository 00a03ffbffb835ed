import { cellText, type CellValue } from '../register/import/cell-value.js';
import { cleanText } from '../register/import/clean-text.js';
import { cellAddress } from '../register/import/import-problem.js';
import { columnLetter } from '../shared/format.js';
import { parseDateCell } from '../register/import/parse-date-cell.js';
import { parseMoneyCell } from '../register/import/parse-money-cell.js';
import type { RawResultRow } from './convert-result-rows.js';
import type { Usage } from './kpi.schema.js';

/** The columns of a usage file; Item (default "licences") and Annual cost may be left out. */
export const USAGE_COLUMNS = ['Contract reference', 'Item', 'Period start', 'Period end', 'Paid for', 'Used', 'Annual cost'] as const;
/** What is counted when a usage row does not say. */
export const DEFAULT_USAGE_ITEM = 'licences';

type Field = 'contract' | 'item' | 'periodStart' | 'periodEnd' | 'paidFor' | 'used' | 'annualCost';
const FIELD_BY_HEADER: Readonly<Record<string, Field>> = {
  contractreference: 'contract',
  contract: 'contract',
  reference: 'contract',
  item: 'item',
  periodstart: 'periodStart',
  periodend: 'periodEnd',
  paidfor: 'paidFor',
  paid: 'paidFor',
  used: 'used',
  annualcost: 'annualCost',
};
const REQUIRED: readonly Field[] = ['contract', 'periodStart', 'periodEnd', 'paidFor', 'used'];
const HEADER_WORDS: Readonly<Record<Field, string>> = {
  contract: 'Contract reference',
  item: 'Item',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  paidFor: 'Paid for',
  used: 'Used',
  annualCost: 'Annual cost',
};

export type UsageImportProblemCode =
  | 'missing-column'
  | 'missing-reference'
  | 'unknown-contract'
  | 'not-a-date'
  | 'end-before-start'
  | 'not-a-number'
  | 'missing-value'
  | 'nothing-paid-for'
  | 'negative'
  | 'duplicate-row';

/** A problem with one cell or row of a usage file, shaped like the KPI results import's. */
export interface UsageImportProblem {
  readonly code: UsageImportProblemCode;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

/**
 * Turns the rows of a usage sheet (`Contract reference, Period start, Period end, Paid for,
 * Used`, optionally `Item` and `Annual cost`; the first non-blank row is the header) into
 * usage records, checking each against the register. Pure: the caller reads the rows.
 */
export function convertUsageRows(
  rows: Iterable<RawResultRow>,
  known: { readonly contracts: ReadonlySet<string> },
): { usage: Usage[]; problems: UsageImportProblem[]; rows: number } {
  const usage: Usage[] = [];
  const problems: UsageImportProblem[] = [];
  let columns: Map<Field, number> | undefined;
  const seen = new Map<string, number>();
  let count = 0;
  for (const raw of rows) {
    if (raw.cells.every((cell) => cleanText(cell) === undefined)) continue;
    if (!columns) {
      const found = new Map<Field, number>();
      raw.cells.forEach((cell, i) => {
        const field = FIELD_BY_HEADER[cellText(cell).toLowerCase().replace(/[^a-z]/g, '')];
        if (field && !found.has(field)) found.set(field, i);
      });
      columns = found;
      const missing = REQUIRED.filter((field) => !found.has(field));
      if (missing.length > 0) {
        const message = `${cellAddress(raw.sheet, raw.row, '')}: no ${missing.map((f) => `"${HEADER_WORDS[f]}"`).join(', ')} column in the header row — the columns are ${REQUIRED.map((f) => HEADER_WORDS[f]).join(', ')} (and optionally Item, Annual cost)`;
        problems.push({ code: 'missing-column', sheet: raw.sheet, row: raw.row, column: '', value: '', message });
        return { usage, problems, rows: 0 };
      }
      continue;
    }
    count += 1;
    const header = columns;
    const at = (field: Field) => {
      const index = header.get(field);
      return { cell: index === undefined ? undefined : raw.cells[index], column: index === undefined ? '' : columnLetter(index + 1) };
    };
    const problem = (field: Field | '', code: UsageImportProblemCode, sentence: string) => {
      const where = field === '' ? { cell: undefined, column: '' } : at(field);
      problems.push({ code, sheet: raw.sheet, row: raw.row, column: where.column, value: cellText(where.cell), message: `${cellAddress(raw.sheet, raw.row, where.column)}: ${sentence}` });
    };
    const before = problems.length;
    const contract = cleanText(at('contract').cell);
    if (contract === undefined) problem('contract', 'missing-reference', 'no contract reference');
    else if (!known.contracts.has(contract)) problem('contract', 'unknown-contract', `"${contract}" is not a contract in the register — check the reference, or import the register first`);
    const item = cleanText(at('item').cell) ?? DEFAULT_USAGE_ITEM;
    const start = parseDateCell(at('periodStart').cell ?? null);
    const end = parseDateCell(at('periodEnd').cell ?? null);
    const startDay = start.ok ? start.value : undefined;
    const endDay = end.ok ? end.value : undefined;
    if (startDay === undefined) problem('periodStart', 'not-a-date', `"${cellText(at('periodStart').cell)}" is not a date — write it as 31/03/2026`);
    if (endDay === undefined) problem('periodEnd', 'not-a-date', `"${cellText(at('periodEnd').cell)}" is not a date — write it as 31/03/2026`);
    if (startDay !== undefined && endDay !== undefined && endDay < startDay) problem('periodEnd', 'end-before-start', `the period ends (${endDay}) before it starts (${startDay})`);
    const paidFor = readCount(at('paidFor').cell);
    const used = readCount(at('used').cell);
    for (const [field, value] of [['paidFor', paidFor], ['used', used]] as const) {
      if (value === 'not-a-number') problem(field, 'not-a-number', `"${cellText(at(field).cell)}" is not a number — type how many ${item}, e.g. 120`);
      else if (value === null) problem(field, 'missing-value', `no figure — type how many ${item} were ${field === 'paidFor' ? 'paid for' : 'used'} in the period`);
      else if (value < 0) problem(field, 'negative', `${value} is below zero — type how many ${item}, e.g. 120`);
      else if (field === 'paidFor' && value === 0) problem(field, 'nothing-paid-for', `nothing was paid for, so there is no utilisation to measure — leave the row out`);
    }
    const cost = at('annualCost').cell === undefined ? { ok: true as const, value: undefined } : parseMoneyCell(at('annualCost').cell);
    if (!cost.ok) problem('annualCost', 'not-a-number', `"${cellText(at('annualCost').cell)}" is not a sum of money — type it as £160,000 or leave it blank`);
    else if (cost.value !== undefined && cost.value < 0) problem('annualCost', 'negative', `${cost.value} is below zero — type what the ${item} cost a year, or leave it blank`);
    if (problems.length > before || contract === undefined || startDay === undefined || endDay === undefined || typeof paidFor !== 'number' || typeof used !== 'number') continue;
    const key = `${contract}\u0000${item.toLowerCase()}\u0000${startDay}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem('', 'duplicate-row', `repeats row ${first} (${contract}, ${item}, period starting ${startDay}) — keep one of them`);
      continue;
    }
    seen.set(key, raw.row);
    usage.push({ contract, item, periodStart: startDay, periodEnd: endDay, paidFor, used, ...(cost.ok && cost.value !== undefined ? { annualCost: cost.value } : {}) });
  }
  if (!columns) {
    problems.push({ code: 'missing-column', sheet: '', row: 0, column: '', value: '', message: `the file has no header row — the columns are ${REQUIRED.map((f) => HEADER_WORDS[f]).join(', ')}` });
  }
  return { usage, problems, rows: count };
}

/** A count ("120", "1,200", 120), or null when blank. */
function readCount(cell: CellValue): number | null | 'not-a-number' {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'not-a-number';
  if (typeof cell === 'boolean' || cell instanceof Date) return 'not-a-number';
  const text = cleanText(cell);
  if (text === undefined) return null;
  return /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text) ? Number(text.replaceAll(',', '')) : 'not-a-number';
}
