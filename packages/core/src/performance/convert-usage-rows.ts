import { cellText, type CellValue } from '../register/import/cell-value.js';
import { cleanText } from '../register/import/clean-text.js';
import { parseMoneyCell } from '../register/import/parse-money-cell.js';
import { convertSheetRows, type RawResultRow, type SheetRowProblem } from './convert-sheet-rows.js';
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
export type UsageImportProblem = SheetRowProblem<UsageImportProblemCode>;

/**
 * Turns the rows of a usage sheet (`Contract reference, Period start, Period end, Paid for,
 * Used`, optionally `Item` and `Annual cost`; the first non-blank row is the header) into
 * usage records, checking each against the register. Pure: the caller reads the rows.
 */
export function convertUsageRows(
  rows: Iterable<RawResultRow>,
  known: { readonly contracts: ReadonlySet<string> },
): { usage: Usage[]; problems: UsageImportProblem[]; rows: number } {
  const layout = { fieldByHeader: FIELD_BY_HEADER, required: REQUIRED, headerWords: HEADER_WORDS, columns: `${REQUIRED.map((f) => HEADER_WORDS[f]).join(', ')} (and optionally Item, Annual cost)` };
  const read = convertSheetRows<Field, UsageImportProblemCode, Usage>(rows, layout, (row) => {
    const contract = row.contract(known.contracts);
    const item = cleanText(row.at('item').cell) ?? DEFAULT_USAGE_ITEM;
    const { start, end } = row.period();
    const paidFor = readCount(row.at('paidFor').cell);
    const used = readCount(row.at('used').cell);
    for (const [field, value] of [['paidFor', paidFor], ['used', used]] as const) {
      if (value === 'not-a-number') row.problem(field, 'not-a-number', `"${cellText(row.at(field).cell)}" is not a number — type how many ${item}, e.g. 120`);
      else if (value === null) row.problem(field, 'missing-value', `no figure — type how many ${item} were ${field === 'paidFor' ? 'paid for' : 'used'} in the period`);
      else if (value < 0) row.problem(field, 'negative', `${value} is below zero — type how many ${item}, e.g. 120`);
      else if (field === 'paidFor' && value === 0) row.problem(field, 'nothing-paid-for', `nothing was paid for, so there is no utilisation to measure — leave the row out`);
    }
    const costCell = row.at('annualCost').cell;
    const cost = costCell === undefined ? { ok: true as const, value: undefined } : parseMoneyCell(costCell);
    if (!cost.ok) row.problem('annualCost', 'not-a-number', `"${cellText(costCell)}" is not a sum of money — type it as £160,000 or leave it blank`);
    else if (cost.value !== undefined && cost.value < 0) row.problem('annualCost', 'negative', `${cost.value} is below zero — type what the ${item} cost a year, or leave it blank`);
    if (row.hasProblems() || contract === undefined || start === undefined || end === undefined || typeof paidFor !== 'number' || typeof used !== 'number') return undefined;
    if (!row.first(`${contract}\u0000${item.toLowerCase()}\u0000${start}`, `${contract}, ${item}, period starting ${start}`)) return undefined;
    return { contract, item, periodStart: start, periodEnd: end, paidFor, used, ...(cost.ok && cost.value !== undefined ? { annualCost: cost.value } : {}) };
  });
  return { usage: read.records, problems: read.problems, rows: read.rows };
}

/** A count ("120", "1,200", 120), or null when blank. */
function readCount(cell: CellValue): number | null | 'not-a-number' {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'not-a-number';
  if (typeof cell === 'boolean' || cell instanceof Date) return 'not-a-number';
  const text = cleanText(cell);
  if (text === undefined) return null;
  return /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text) ? Number(text.replaceAll(',', '')) : 'not-a-number';
}
