import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { computeSaving, roundToPence, type SavingFigures } from '../savings/compute-savings.js';
import { financialYear, type FinancialYear } from '../savings/financial-year.js';
import type { Saving, SavingState } from '../savings/saving.schema.js';
import { xlsxSafe } from './spreadsheet-safety.js';

/** Pounds and pence, negatives (price rises) in red with a minus sign. */
export const GBP_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';
const DATE_FORMAT = 'dd/mm/yyyy';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

export interface SavingsExportFilters {
  readonly from?: string;
  readonly to?: string;
  readonly state?: SavingState;
}

export interface SavingsWorkbookOptions {
  /** When the export was made; shown on the Assumptions sheet. */
  readonly exportedAt: Date;
  /** The filters the savings were chosen by, shown on the Assumptions sheet. */
  readonly filters?: SavingsExportFilters;
  /**
   * Write every figure as a plain number instead of a live formula. Only for measuring what
   * the formulas cost (the benchmark's baseline); finance always gets formulas.
   */
  readonly valuesOnly?: boolean;
}

/** The Savings sheet's columns, in order. Headers read back through the savings importer. */
const COLUMNS = [
  { key: 'id', header: 'ID', width: 34 },
  { key: 'contract', header: 'Contract', width: 13 },
  { key: 'description', header: 'Description', width: 48 },
  { key: 'serviceArea', header: 'Service area', width: 22 },
  { key: 'kind', header: 'Kind', width: 16 },
  { key: 'state', header: 'State', width: 12 },
  { key: 'stateBy', header: 'State by', width: 24 },
  { key: 'stateAt', header: 'State at', width: 22 },
  { key: 'cashable', header: 'Cashable', width: 10 },
  { key: 'baselineAnnual', header: 'Baseline annual (£)', width: 18, numFmt: GBP_FORMAT },
  { key: 'baselineSource', header: 'Baseline source', width: 28 },
  { key: 'newAnnual', header: 'New annual (£)', width: 16, numFmt: GBP_FORMAT },
  { key: 'start', header: 'Start', width: 12, numFmt: DATE_FORMAT },
  { key: 'termMonths', header: 'Term (months)', width: 14 },
  { key: 'lastDay', header: 'Last day', width: 12, numFmt: DATE_FORMAT },
  { key: 'oneOffCosts', header: 'One-off costs (£)', width: 17, numFmt: GBP_FORMAT },
  { key: 'annualSaving', header: 'Annual saving (£)', width: 17, numFmt: GBP_FORMAT },
  { key: 'totalSaving', header: 'Whole-term saving (£)', width: 21, numFmt: GBP_FORMAT },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

/** The column letter of a Savings sheet field. */
const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, columnLetter(i + 1)])) as Record<ColumnKey, string>;

/**
 * Writes the savings workbook finance audits, with exceljs's streaming writer so that
 * 100,000 savings fit in little memory:
 * - **Savings**: one row per saving; the last day, annual saving, whole-term saving and the
 *   amount in each financial year are live formulas on the row's own cells;
 * - **By financial year** and **By service area**: SUM/SUMIFS over the Savings sheet;
 * - **Assumptions**: the rules behind the figures, the export date and the filters.
 * Every formula carries its computed result, so a viewer that does not recalculate shows
 * the right figures. Text from users stays text (never a formula), whatever it starts with.
 */
export async function writeSavingsWorkbook(
  savings: readonly Saving[],
  output: string | Writable,
  options: SavingsWorkbookOptions,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof output === 'string' ? { filename: output } : { stream: output }),
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Contract Steward';
  workbook.created = options.exportedAt;
  const figures = savings.map((s) => computeSaving(s));
  const years = yearsCovered(figures);
  const lastRow = Math.max(savings.length, 1) + 1;
  const live = !options.valuesOnly;

  await writeSavingsSheet(workbook, savings, figures, years, live);
  await writeYearSummary(workbook, savings, figures, years, lastRow, live);
  await writeServiceAreaSummary(workbook, savings, figures, years, lastRow, live);
  await writeAssumptions(workbook, savings.length, options);
  await workbook.commit();
}

async function writeSavingsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  savings: readonly Saving[],
  figures: readonly SavingFigures[],
  years: readonly FinancialYear[],
  live: boolean,
): Promise<void> {
  const sheet = workbook.addWorksheet('Savings', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const yearColumns = years.map((year, i) => ({ year, letter: columnLetter(COLUMNS.length + 1 + i) }));
  sheet.columns = [
    ...COLUMNS.map((c) => ({ key: c.key, width: c.width, ...('numFmt' in c ? { style: { numFmt: c.numFmt } } : {}) })),
    ...yearColumns.map(({ year }) => ({ key: year.label, width: 14, style: { numFmt: GBP_FORMAT } })),
  ];
  const lastColumn = columnLetter(COLUMNS.length + years.length);
  sheet.autoFilter = `A1:${lastColumn}${savings.length + 1}`;
  writeHeader(sheet.getRow(1), [...COLUMNS.map((c) => c.header), ...years.map((y) => y.label)]);

  const { start, termMonths, oneOffCosts, annualSaving, baselineAnnual, newAnnual } = COL;
  for (let index = 0; index < savings.length; index++) {
    // Let the zip stream drain now and then: committed rows only leave memory when it runs.
    if (index % 500 === 499) await drained();
    const saving = savings[index] as Saving;
    const r = index + 2;
    const f = figures[index] as SavingFigures;
    const formula = (text: string, result: number | Date) => (live ? { formula: text, result } : result);
    const row = sheet.getRow(r);
    row.values = [
      xlsxSafe(saving.id),
      xlsxSafe(saving.contract),
      xlsxSafe(saving.description),
      xlsxSafe(saving.serviceArea),
      saving.kind,
      saving.state,
      xlsxSafe(saving.stateBy),
      xlsxSafe(saving.stateAt),
      saving.cashable ? 'Yes' : 'No',
      saving.baselineAnnual,
      xlsxSafe(saving.baselineSource),
      saving.newAnnual,
      excelDate(saving.start),
      saving.termMonths,
      formula(`EDATE(${start}${r},${termMonths}${r})-1`, excelDate(f.last)),
      saving.oneOffCosts,
      formula(`${baselineAnnual}${r}-${newAnnual}${r}`, f.annualSaving),
      formula(`${annualSaving}${r}*${termMonths}${r}/12-${oneOffCosts}${r}`, f.totalSaving),
      ...yearColumns.map(({ year, letter }, i) => {
        const allocation = f.years.find((y) => y.year.startYear === year.startYear);
        const result = (allocation?.pence ?? 0) / 100;
        return formula(yearFormula(r, year, i === 0 ? undefined : `${yearColumns[0]?.letter}${r}:${yearColumns[i - 1]?.letter}${r}`), result);
      }),
    ];
    row.commit();
  }
  await sheet.commit();
}

/** Resolves after pending I/O callbacks have run, so the writer's streams can flush. */
function drained(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The saving in one financial year, as a formula on the row's cells. Every year but the last
 * of the term is the days' share of (annual saving × months / 12), less the one-off costs
 * if the term starts in it, rounded to the penny; the last year of the term is the rounded
 * whole-term saving less the years before it, so a row's years add up to its whole term.
 */
function yearFormula(r: number, year: FinancialYear, earlierYears: string | undefined): string {
  const { start, termMonths, lastDay, oneOffCosts, annualSaving, totalSaving } = COL;
  const from = `DATE(${year.startYear},4,1)`;
  const until = `DATE(${year.startYear + 1},4,1)`;
  const end = `(${lastDay}${r}+1)`;
  const days = `MAX(0,MIN(${end},${until})-MAX(${start}${r},${from}))`;
  const share = `${annualSaving}${r}*${termMonths}${r}/12*${days}/(${end}-${start}${r})`;
  const startsHere = `AND(${start}${r}>=${from},${start}${r}<${until})`;
  const endsHere = `AND(${lastDay}${r}>=${from},${lastDay}${r}<${until})`;
  const remainder = earlierYears ? `ROUND(${totalSaving}${r},2)-SUM(${earlierYears})` : `ROUND(${totalSaving}${r},2)`;
  return `IF(${endsHere},${remainder},ROUND(${share}-IF(${startsHere},${oneOffCosts}${r},0),2))`;
}

async function writeYearSummary(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  savings: readonly Saving[],
  figures: readonly SavingFigures[],
  years: readonly FinancialYear[],
  lastRow: number,
  live: boolean,
): Promise<void> {
  const sheet = workbook.addWorksheet('By financial year', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { key: 'year', width: 16 },
    { key: 'all', width: 20, style: { numFmt: GBP_FORMAT } },
    { key: 'signedOff', width: 20, style: { numFmt: GBP_FORMAT } },
    { key: 'cashable', width: 20, style: { numFmt: GBP_FORMAT } },
    { key: 'cashableSignedOff', width: 26, style: { numFmt: GBP_FORMAT } },
  ];
  sheet.autoFilter = `A1:E${years.length + 1}`;
  writeHeader(sheet.getRow(1), ['Financial year', 'All savings (£)', 'Signed off (£)', 'Cashable (£)', 'Cashable, signed off (£)']);
  const range = (letter: string) => `Savings!$${letter}$2:$${letter}$${lastRow}`;
  const state = range(COL.state);
  const cashable = range(COL.cashable);
  const sums = (year: FinancialYear, keep: (s: Saving) => boolean) =>
    savings.reduce((sum, s, i) => (keep(s) ? sum + (figures[i]?.years.find((y) => y.year.startYear === year.startYear)?.pence ?? 0) : sum), 0) / 100;
  const formula = (text: string, result: number) => (live ? { formula: text, result } : result);
  years.forEach((year, i) => {
    const amounts = range(columnLetter(COLUMNS.length + 1 + i));
    const row = sheet.getRow(i + 2);
    row.values = [
      year.label,
      formula(`SUM(${amounts})`, sums(year, () => true)),
      formula(`SUMIFS(${amounts},${state},"signed-off")`, sums(year, (s) => s.state === 'signed-off')),
      formula(`SUMIFS(${amounts},${cashable},"Yes")`, sums(year, (s) => s.cashable)),
      formula(`SUMIFS(${amounts},${cashable},"Yes",${state},"signed-off")`, sums(year, (s) => s.cashable && s.state === 'signed-off')),
    ];
    row.commit();
  });
  const totalRow = sheet.getRow(years.length + 2);
  const n = years.length + 1;
  const total = (keep: (s: Saving) => boolean) => savings.reduce((sum, s, i) => (keep(s) ? sum + (figures[i]?.totalPence ?? 0) : sum), 0) / 100;
  totalRow.values = [
    'Total',
    formula(`SUM(B2:B${n})`, total(() => true)),
    formula(`SUM(C2:C${n})`, total((s) => s.state === 'signed-off')),
    formula(`SUM(D2:D${n})`, total((s) => s.cashable)),
    formula(`SUM(E2:E${n})`, total((s) => s.cashable && s.state === 'signed-off')),
  ];
  totalRow.font = { bold: true };
  totalRow.commit();
  await sheet.commit();
}

async function writeServiceAreaSummary(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  savings: readonly Saving[],
  figures: readonly SavingFigures[],
  years: readonly FinancialYear[],
  lastRow: number,
  live: boolean,
): Promise<void> {
  const sheet = workbook.addWorksheet('By service area', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = [
    { key: 'area', width: 28 },
    { key: 'count', width: 10 },
    { key: 'annual', width: 20, style: { numFmt: GBP_FORMAT } },
    { key: 'total', width: 22, style: { numFmt: GBP_FORMAT } },
    ...years.map((y) => ({ key: y.label, width: 14, style: { numFmt: GBP_FORMAT } })),
  ];
  writeHeader(sheet.getRow(1), ['Service area', 'Savings', 'Annual saving (£)', 'Whole-term saving (£)', ...years.map((y) => y.label)]);
  const areas = [...new Set(savings.map((s) => s.serviceArea ?? ''))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en-GB')));
  sheet.autoFilter = `A1:${columnLetter(4 + years.length)}${areas.length + 1}`;
  const range = (letter: string) => `Savings!$${letter}$2:$${letter}$${lastRow}`;
  const formula = (text: string, result: number) => (live ? { formula: text, result } : result);
  areas.forEach((area, i) => {
    const r = i + 2;
    // Blank service areas match the empty criterion; named ones match "=" & the cell, so a name
    // that starts with < or > is compared as text, not as a condition.
    const criterion = area === '' ? '""' : `"="&$A${r}`;
    const inArea = (s: Saving) => (s.serviceArea ?? '') === area;
    const sum = (pick: (f: SavingFigures) => number) => savings.reduce((acc, s, k) => (inArea(s) ? acc + pick(figures[k] as SavingFigures) : acc), 0);
    const row = sheet.getRow(r);
    row.values = [
      area === '' ? '(no service area)' : xlsxSafe(area),
      formula(`COUNTIFS(${range(COL.serviceArea)},${criterion})`, savings.filter(inArea).length),
      formula(`SUMIFS(${range(COL.annualSaving)},${range(COL.serviceArea)},${criterion})`, roundToPence(sum((f) => f.annualSaving)) / 100),
      formula(`SUMIFS(${range(COL.totalSaving)},${range(COL.serviceArea)},${criterion})`, sum((f) => f.totalSaving)),
      ...years.map((year, y) =>
        formula(
          `SUMIFS(${range(columnLetter(COLUMNS.length + 1 + y))},${range(COL.serviceArea)},${criterion})`,
          sum((f) => f.years.find((a) => a.year.startYear === year.startYear)?.pence ?? 0) / 100,
        ),
      ),
    ];
    row.commit();
  });
  await sheet.commit();
}

async function writeAssumptions(workbook: ExcelJS.stream.xlsx.WorkbookWriter, count: number, options: SavingsWorkbookOptions): Promise<void> {
  const sheet = workbook.addWorksheet('Assumptions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { key: 'item', width: 26 },
    { key: 'value', width: 110, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  writeHeader(sheet.getRow(1), ['Item', 'Value']);
  const filters = options.filters ?? {};
  const rows: [string, string | number][] = [
    ['Exported at', `${options.exportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
    ['Savings exported', count],
    ['Term from', filters.from ?? '(any)'],
    ['Term to', filters.to ?? '(any)'],
    ['State', filters.state ?? '(any)'],
    ['Financial year', 'UK financial year: 1 April to 31 March, labelled like 2024/25.'],
    ['Annual saving', 'Baseline annual cost − new annual cost. A negative saving is a price rise (shown in red).'],
    ['Whole-term saving', 'Annual saving × term in months ÷ 12 − one-off costs (implementation and exit).'],
    ['Term', 'From the start date for the term in months; the last day is EDATE(start, months) − 1 (31 January + 1 month ends on the last day of February).'],
    ['By financial year', 'Annual saving × months ÷ 12 is spread equally over the days of the term; each financial year takes its days\' share. 29 February counts as a day like any other.'],
    ['One-off costs', 'Charged in full to the financial year in which the term starts.'],
    ['Rounding', 'Each financial year but the last of a term is rounded to the penny; the last year takes the rounded whole-term saving less the earlier years, so the years add up to the whole term exactly.'],
    ['Formulas', 'The last day, annual and whole-term savings, the financial-year columns and both summaries are live formulas: change a price, start date or term on the Savings sheet and they recalculate.'],
    ['Summaries', 'By financial year and By service area add up the Savings sheet with SUM and SUMIFS; "Cashable" counts savings marked Yes.'],
    ['Text', 'Text from imported data is stored as text and never run as a formula, even when it starts with = + - or @.'],
  ];
  rows.forEach(([item, value], i) => {
    const row = sheet.getRow(i + 2);
    row.values = [item, value];
    row.getCell(1).font = { bold: true };
    row.commit();
  });
  await sheet.commit();
}

function writeHeader(row: ExcelJS.Row, headers: readonly string[]): void {
  row.values = [...headers];
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  row.commit();
}

function yearsCovered(figures: readonly SavingFigures[]): FinancialYear[] {
  if (figures.length === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const f of figures) {
    first = Math.min(first, f.years[0]?.year.startYear ?? first);
    last = Math.max(last, f.years[f.years.length - 1]?.year.startYear ?? last);
  }
  const years: FinancialYear[] = [];
  for (let y = first; y <= last; y++) years.push(financialYear(y));
  return years;
}

/** A YYYY-MM-DD day as the Date exceljs writes as that day's serial number. */
function excelDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}
