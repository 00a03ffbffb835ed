import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { computeSaving, splitSaving, type SavingFigures } from '../savings/compute-savings.js';
import { financialYear, financialYearOf, type FinancialYear } from '../savings/financial-year.js';
import { addMonths } from '../shared/calendar.js';
import { columnLetter } from '../shared/format.js';
import type { Saving, SavingState } from '../savings/saving.schema.js';
import type { Contract } from '../register/contract.schema.js';
import { xlsxSafe } from './spreadsheet-safety.js';
import { writerTarget } from './write-register.js';
import { fitRowHeight, namedFont, styleSheet, type DocumentIdentity } from './workbook-style.js';

/** Pounds and pence, negatives (price rises) in red with a minus sign. */
export const GBP_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';
/** The same for financial-year columns, with a dash where the term does not touch the year. */
const YEAR_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00;"–"';
export const HEADER_FONT: Partial<ExcelJS.Font> = namedFont({ bold: true });
const FONT = namedFont();
const DATE_FORMAT = 'dd/mm/yyyy';
/**
 * The header row frozen. A streamed sheet writes its views when its columns are set, before
 * styleSheet can freeze them, so each sheet is added with them.
 */
const FROZEN: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];

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
  /** Who the workbook is from: the council in every page header. */
  readonly identity?: DocumentIdentity | undefined;
  /**
   * The register's title and supplier of each contract, by reference, shown beside it so a
   * reader need not look the reference up. A reference not here shows blank.
   */
  readonly contracts?: ReadonlyMap<string, SavingContract>;
}

/** What the savings workbook shows of a saving's contract, from the register. */
export interface SavingContract {
  readonly title: string;
  readonly supplier: string;
}

/**
 * The title and supplier of each contract, keyed by reference, for `contracts`.
 *
 * @example savingContractsFrom(await store.contracts.getMany([...new Set(savings.map((s) => s.contract))]))
 */
export function savingContractsFrom(contracts: Iterable<Contract>): ReadonlyMap<string, SavingContract> {
  return new Map([...contracts].map((c) => [c.reference, { title: c.title, supplier: c.supplier.name }]));
}

/** The Savings sheet's columns, in order. Headers read back through the savings importer. */
const COLUMNS = [
  { key: 'contract', header: 'Contract', width: 13 },
  { key: 'contractTitle', header: 'Contract title', width: 28, wrap: true },
  { key: 'supplier', header: 'Supplier', width: 22, wrap: true },
  { key: 'description', header: 'Description', width: 34, wrap: true },
  { key: 'serviceArea', header: 'Service area', width: 18, wrap: true },
  { key: 'kind', header: 'Kind', width: 15 },
  { key: 'state', header: 'State', width: 11 },
  { key: 'signedOffBy', header: 'Signed off by', width: 22, wrap: true },
  { key: 'stateBy', header: 'State by', width: 22, wrap: true },
  { key: 'stateAt', header: 'State at', width: 20 },
  { key: 'cashable', header: 'Cashable', width: 10 },
  { key: 'currentAnnual', header: 'Current annual (£)', width: 18, numFmt: GBP_FORMAT },
  { key: 'baselineAnnual', header: 'Baseline annual (£)', width: 18, numFmt: GBP_FORMAT },
  { key: 'baselineSource', header: 'Baseline source', width: 28 },
  { key: 'newAnnual', header: 'New annual (£)', width: 16, numFmt: GBP_FORMAT },
  { key: 'start', header: 'Start', width: 12, numFmt: DATE_FORMAT },
  { key: 'termMonths', header: 'Term (months)', width: 14 },
  { key: 'lastDay', header: 'Last day', width: 12, numFmt: DATE_FORMAT },
  { key: 'oneOffCosts', header: 'One-off costs (£)', width: 17, numFmt: GBP_FORMAT },
  { key: 'annualSaving', header: 'Full-year effect (£)', width: 17, numFmt: GBP_FORMAT },
  { key: 'cashableAnnual', header: 'Cashable a year (£)', width: 17, numFmt: GBP_FORMAT },
  { key: 'avoidanceAnnual', header: 'Cost avoidance a year (£)', width: 20, numFmt: GBP_FORMAT },
  { key: 'totalSaving', header: 'Whole-term saving (£)', width: 21, numFmt: GBP_FORMAT },
  { key: 'id', header: 'ID', width: 30, wrap: true },
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
    ...writerTarget(output),
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Contract Steward';
  workbook.created = options.exportedAt;
  const years = yearsCovered(savings);
  const live = !options.valuesOnly;

  const totals = await writeSavingsSheet(workbook, savings, years, options);
  await writeYearSummary(workbook, totals, years, live, options.identity);
  await writeServiceAreaSummary(workbook, totals, years, live, options.identity);
  await writeAssumptions(workbook, savings.length, options);
  await workbook.commit();
}

/** Pence by group, gathered while the rows are written, for the summaries' cached results. */
interface Totals {
  /** Per financial year start year, then: all, signed off, cashable, cashable and signed off. */
  readonly byYear: Map<number, [number, number, number, number]>;
  readonly whole: [number, number, number, number];
  readonly byArea: Map<string, { count: number; annual: number; total: number; years: Map<number, number> }>;
}

function addUp(totals: Totals, saving: Saving, f: SavingFigures): void {
  const groups = [true, saving.state === 'signed-off', saving.cashable, saving.cashable && saving.state === 'signed-off'];
  const add = (into: number[], pence: number) => groups.forEach((inGroup, g) => inGroup && (into[g] = (into[g] ?? 0) + pence));
  add(totals.whole, f.totalPence);
  const areaKey = saving.serviceArea ?? '';
  let area = totals.byArea.get(areaKey);
  if (!area) totals.byArea.set(areaKey, (area = { count: 0, annual: 0, total: 0, years: new Map() }));
  area.count += 1;
  area.annual += f.annualSaving;
  area.total += f.totalSaving;
  for (const y of f.years) {
    let year = totals.byYear.get(y.year.startYear);
    if (!year) totals.byYear.set(y.year.startYear, (year = [0, 0, 0, 0]));
    add(year, y.pence);
    area.years.set(y.year.startYear, (area.years.get(y.year.startYear) ?? 0) + y.pence);
  }
}

async function writeSavingsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  savings: readonly Saving[],
  years: readonly FinancialYear[],
  options: SavingsWorkbookOptions,
): Promise<Totals> {
  const live = !options.valuesOnly;
  const totals: Totals = { byYear: new Map(), whole: [0, 0, 0, 0], byArea: new Map() };
  // A streamed sheet writes its page setup when it is added: fit-to-page must be there already.
  const sheet = workbook.addWorksheet('Savings', { pageSetup: { fitToPage: true }, views: FROZEN });
  const yearColumns = years.map((year, i) => ({ year, letter: columnLetter(COLUMNS.length + 1 + i) }));
  sheet.columns = [
    ...COLUMNS.map((c) => ({
      key: c.key,
      width: c.width,
      style: { font: FONT, alignment: { vertical: 'top' as const, ...('wrap' in c ? { wrapText: true } : {}) }, ...('numFmt' in c ? { numFmt: c.numFmt } : {}) },
    })),
    ...yearColumns.map(({ year }) => ({ key: year.label, width: 13, style: { font: FONT, alignment: { vertical: 'top' as const }, numFmt: YEAR_FORMAT } })),
  ];
  sheet.getRow(1).values = [...COLUMNS.map((c) => c.header), ...years.map((y) => y.label)];
  // The contract reference is repeated at the left of every page across, the header on every page down.
  styleSheet(sheet, { title: 'Savings', identity: options.identity, list: { headerRow: 1, columns: COLUMNS.length + years.length }, repeatRows: [1, 1], repeatColumns: ['A', 'A'] });
  sheet.getRow(1).commit();

  const { start, termMonths, oneOffCosts, annualSaving, currentAnnual, baselineAnnual, newAnnual } = COL;
  const formula = (text: string, result: number | Date) => (live ? { formula: text, result } : result);
  for (let index = 0; index < savings.length; index++) {
    if (index % 200 === 199) await relieve(sheet);
    const saving = savings[index] as Saving;
    const f = computeSaving(saving);
    const split = splitSaving(saving);
    addUp(totals, saving, f);
    const r = index + 2;
    const row = sheet.getRow(r);
    const contract = options.contracts?.get(saving.contract);
    row.values = [
      xlsxSafe(saving.contract),
      xlsxSafe(contract?.title),
      xlsxSafe(contract?.supplier),
      xlsxSafe(saving.description),
      xlsxSafe(saving.serviceArea),
      saving.kind,
      saving.state,
      // Stored before the signer had a field of its own: whoever moved it to signed-off.
      xlsxSafe(saving.signedOffBy ?? (saving.state === 'signed-off' ? saving.stateBy : undefined)),
      xlsxSafe(saving.stateBy),
      xlsxSafe(saving.stateAt),
      saving.cashable ? 'Yes' : 'No',
      saving.currentAnnual,
      saving.baselineAnnual,
      xlsxSafe(saving.baselineSource),
      saving.newAnnual,
      excelDate(saving.start),
      saving.termMonths,
      formula(`EDATE(${start}${r},${termMonths}${r})-1`, excelDate(f.last)),
      saving.oneOffCosts,
      formula(`${baselineAnnual}${r}-${newAnnual}${r}`, f.annualSaving),
      formula(`MAX(0,${currentAnnual}${r}-${newAnnual}${r})`, split.cashableAnnual),
      formula(`${baselineAnnual}${r}-MAX(${currentAnnual}${r},${newAnnual}${r})`, split.avoidanceAnnual),
      formula(`${annualSaving}${r}*${termMonths}${r}/12-${oneOffCosts}${r}`, f.totalSaving),
      xlsxSafe(saving.id),
      ...yearColumns.map(({ year }, i) => {
        const pence = f.years.find((y) => y.year.startYear === year.startYear)?.pence ?? 0;
        const earlier = i === 0 ? undefined : `${yearColumns[0]?.letter}${r}:${yearColumns[i - 1]?.letter}${r}`;
        return formula(yearFormula(r, year, earlier), pence / 100);
      }),
    ];
    fitRowHeight(row);
    row.commit();
  }
  sheet.commit();
  return totals;
}

/**
 * exceljs's streaming writer holds on to what it has written in two ways: it keeps every
 * formula cell (to resolve shared formulas, which we never write), and it ignores the zip's
 * back-pressure, so rows pile up while deflate catches up. Every few hundred rows we drop
 * the formulas it kept and wait for the zip to take what it has. Both reach into exceljs
 * internals, guarded, so that another exceljs version only loses the memory saving.
 */
async function relieve(sheet: ExcelJS.Worksheet): Promise<void> {
  type Pending = { writableLength?: number; _writableState?: { length?: number } };
  const internals = sheet as unknown as { _formulae?: Record<string, unknown>; stream?: { pipes?: Pending[] } };
  if (internals._formulae) internals._formulae = {};
  const pending = () => (internals.stream?.pipes ?? []).reduce((sum, p) => sum + (p.writableLength ?? p._writableState?.length ?? 0), 0);
  for (let waits = 0; waits < 10_000 && pending() > 4_000_000; waits++) await new Promise((resolve) => setTimeout(resolve, 2));
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * The saving in one financial year, as a formula on the row's cells. Every year but the last
 * of the term is annual saving ÷ 12 × the months of the term in the year (a part month by its
 * share of that month's days), less the one-off costs if the term starts in it, rounded to the
 * penny; the last year of the term is the rounded whole-term saving less the years before it,
 * so a row's years add up to its whole term.
 */
function yearFormula(r: number, year: FinancialYear, earlierYears: string | undefined): string {
  const { start, lastDay, oneOffCosts, annualSaving, totalSaving } = COL;
  const from = `DATE(${year.startYear},4,1)`;
  const until = `DATE(${year.startYear + 1},4,1)`;
  const end = `(${lastDay}${r}+1)`;
  const a = `MAX(${start}${r},${from})`;
  const b = `MIN(${end},${until})`;
  // Months from a fixed origin to the start of a day, a part month by its days (monthPosition).
  const position = (day: string) => `(YEAR(${day})*12+MONTH(${day})+(DAY(${day})-1)/DAY(EOMONTH(${day},0)))`;
  const share = `IF(${b}>${a},${annualSaving}${r}*(${position(b)}-${position(a)})/12,0)`;
  const startsHere = `AND(${start}${r}>=${from},${start}${r}<${until})`;
  const endsHere = `AND(${lastDay}${r}>=${from},${lastDay}${r}<${until})`;
  const remainder = earlierYears ? `ROUND(${totalSaving}${r},2)-SUM(${earlierYears})` : `ROUND(${totalSaving}${r},2)`;
  return `IF(${endsHere},${remainder},ROUND(${share}-IF(${startsHere},${oneOffCosts}${r},0),2))`;
}

/**
 * A whole column of the Savings sheet, `Savings!$T:$T`: rows finance adds below the export
 * are counted too. Every criterion below also asks for a start date, so neither the header
 * nor the empty rows beneath count.
 */
function savingsColumn(letter: string): string {
  return `Savings!$${letter}:$${letter}`;
}
/** The criterion that keeps to rows with a saving in them: a start date (the header has none). */
const HAS_SAVING = `${savingsColumn(COL.start)},">0"`;

async function writeYearSummary(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  totals: Totals,
  years: readonly FinancialYear[],
  live: boolean,
  identity: DocumentIdentity | undefined,
): Promise<void> {
  const sheet = workbook.addWorksheet('By financial year', { pageSetup: { fitToPage: true }, views: FROZEN });
  const money = { font: FONT, numFmt: GBP_FORMAT };
  sheet.columns = [
    { key: 'year', width: 16, style: { font: FONT } },
    { key: 'all', width: 20, style: money },
    { key: 'signedOff', width: 20, style: money },
    { key: 'cashable', width: 20, style: money },
    { key: 'cashableSignedOff', width: 26, style: money },
  ];
  sheet.getRow(1).values = ['Financial year', 'All savings (£)', 'Signed off (£)', 'Cashable (£)', 'Cashable, signed off (£)'];
  styleSheet(sheet, { title: 'Savings by financial year', identity, list: { headerRow: 1, columns: 5 }, repeatRows: [1, 1] });
  sheet.getRow(1).commit();
  const state = savingsColumn(COL.state);
  const cashable = savingsColumn(COL.cashable);
  const formula = (text: string, pence: number | undefined) => (live ? { formula: text, result: (pence ?? 0) / 100 } : (pence ?? 0) / 100);
  years.forEach((year, i) => {
    const amounts = savingsColumn(columnLetter(COLUMNS.length + 1 + i));
    const sums = totals.byYear.get(year.startYear) ?? [0, 0, 0, 0];
    const row = sheet.getRow(i + 2);
    row.values = [
      year.label,
      formula(`SUMIFS(${amounts},${HAS_SAVING})`, sums[0]),
      formula(`SUMIFS(${amounts},${HAS_SAVING},${state},"signed-off")`, sums[1]),
      formula(`SUMIFS(${amounts},${HAS_SAVING},${cashable},"Yes")`, sums[2]),
      formula(`SUMIFS(${amounts},${HAS_SAVING},${cashable},"Yes",${state},"signed-off")`, sums[3]),
    ];
    row.commit();
  });
  writeTotalRow(sheet, years.length + 2, 5, live, [totals.whole[0], totals.whole[1], totals.whole[2], totals.whole[3]].map((p) => p / 100));
  sheet.commit();
}

/**
 * A Total row under a summary's rows 2 to `at` − 1: SUM of each column from the second on,
 * bold, with a rule above. With no rows to add up it holds plain zeros (a SUM over B2:B1
 * would reach the header).
 */
function writeTotalRow(sheet: ExcelJS.Worksheet, at: number, columns: number, live: boolean, results: readonly number[]): void {
  const row = sheet.getRow(at);
  row.values = [
    'Total',
    ...results.map((result, i) => {
      const letter = columnLetter(i + 2);
      return live && at > 2 ? { formula: `SUM(${letter}2:${letter}${at - 1})`, result } : at > 2 ? result : 0;
    }),
  ];
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = HEADER_FONT;
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  }
  row.commit();
}

async function writeServiceAreaSummary(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  totals: Totals,
  years: readonly FinancialYear[],
  live: boolean,
  identity: DocumentIdentity | undefined,
): Promise<void> {
  const sheet = workbook.addWorksheet('By service area', { pageSetup: { fitToPage: true }, views: FROZEN });
  sheet.columns = [
    { key: 'area', width: 28, style: { font: FONT, alignment: { wrapText: true, vertical: 'top' } } },
    { key: 'count', width: 10, style: { font: FONT } },
    { key: 'annual', width: 20, style: { font: FONT, numFmt: GBP_FORMAT } },
    { key: 'total', width: 22, style: { font: FONT, numFmt: GBP_FORMAT } },
    ...years.map((y) => ({ key: y.label, width: 13, style: { font: FONT, numFmt: YEAR_FORMAT } })),
  ];
  sheet.getRow(1).values = ['Service area', 'Savings', 'Full-year effect (£)', 'Whole-term saving (£)', ...years.map((y) => y.label)];
  styleSheet(sheet, { title: 'Savings by service area', identity, list: { headerRow: 1, columns: 4 + years.length }, repeatRows: [1, 1], repeatColumns: ['A', 'A'] });
  sheet.getRow(1).commit();
  const areas = [...totals.byArea.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en-GB')));
  const formula = (text: string, result: number) => (live ? { formula: text, result } : result);
  const area$ = savingsColumn(COL.serviceArea);
  areas.forEach((area, i) => {
    const r = i + 2;
    // Blank service areas match the empty criterion. Named ones match "=" & the cell with its
    // wildcards escaped, so "Parks*" or "<Housing>" is compared as text, never as a pattern
    // or a condition.
    const criterion = area === '' ? '""' : `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A${r},"~","~~"),"*","~*"),"?","~?")`;
    const sums = totals.byArea.get(area) ?? { count: 0, annual: 0, total: 0, years: new Map<number, number>() };
    const row = sheet.getRow(r);
    row.values = [
      area === '' ? '(no service area)' : xlsxSafe(area),
      formula(`COUNTIFS(${area$},${criterion},${HAS_SAVING})`, sums.count),
      formula(`SUMIFS(${savingsColumn(COL.annualSaving)},${area$},${criterion},${HAS_SAVING})`, sums.annual),
      formula(`SUMIFS(${savingsColumn(COL.totalSaving)},${area$},${criterion},${HAS_SAVING})`, sums.total),
      ...years.map((year, y) =>
        formula(`SUMIFS(${savingsColumn(columnLetter(COLUMNS.length + 1 + y))},${area$},${criterion},${HAS_SAVING})`, (sums.years.get(year.startYear) ?? 0) / 100),
      ),
    ];
    row.commit();
  });
  const all = [...totals.byArea.values()];
  const add = (pick: (a: (typeof all)[number]) => number) => all.reduce((sum, a) => sum + Math.round(pick(a) * 100), 0) / 100;
  writeTotalRow(sheet, areas.length + 2, 4 + years.length, live, [
    all.reduce((n, a) => n + a.count, 0),
    add((a) => a.annual),
    add((a) => a.total),
    ...years.map((year) => add((a) => (a.years.get(year.startYear) ?? 0) / 100)),
  ]);
  sheet.commit();
}

async function writeAssumptions(workbook: ExcelJS.stream.xlsx.WorkbookWriter, count: number, options: SavingsWorkbookOptions): Promise<void> {
  const sheet = workbook.addWorksheet('Assumptions', { pageSetup: { fitToPage: true }, views: FROZEN });
  sheet.columns = [
    { key: 'item', width: 22, style: { font: HEADER_FONT, alignment: { vertical: 'top' } } },
    { key: 'value', width: 84, style: { font: FONT, alignment: { wrapText: true, vertical: 'top', horizontal: 'left' } } },
  ];
  sheet.getRow(1).values = ['Item', 'Value'];
  styleSheet(sheet, { title: 'Savings: assumptions', identity: options.identity, list: { headerRow: 1, columns: 2 }, repeatRows: [1, 1] });
  sheet.getRow(1).commit();
  const filters = options.filters ?? {};
  const rows: [string, string | number][] = [
    ['Exported at', `${options.exportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
    ['Savings exported', count],
    ['Term from', filters.from ?? '(any)'],
    ['Term to', filters.to ?? '(any)'],
    ['State', filters.state ?? '(any)'],
    ['Financial year', 'UK financial year: 1 April to 31 March, labelled like 2024/25.'],
    ['Prices', 'Current annual: what the council pays now. Baseline annual: what it would otherwise pay (a supplier\'s proposed renewal price, say). New annual: what it has agreed.'],
    ['Full-year effect', 'The annual saving: baseline annual − new annual. A negative saving is a price rise (shown in red).'],
    ['Cashable', 'Cashable a year: current − new, when positive; it comes off a budget. Cost avoidance a year: baseline − the larger of current and new; a rise not paid, not a cut. The two add up to the full-year effect. A saving imported without a current price is wholly of the type its Cashable flag says.'],
    ['Whole-term saving', 'Full-year effect × term in months ÷ 12 − one-off costs (implementation and exit).'],
    ['Term', 'From the start date for the term in months; the last day is EDATE(start, months) − 1 (31 January + 1 month ends on the last day of February).'],
    ['By financial year', 'Profiled by calendar month: the full-year effect ÷ 12 for each whole month of the term, a part month by its share of that month\'s days. A financial year the term covers whole takes the full-year effect exactly (29 February changes nothing); the years the term starts and ends in take the part-year effect.'],
    ['One-off costs', 'Charged in full to the financial year in which the term starts.'],
    ['Rounding', 'Each financial year but the last of a term is rounded to the penny; the last year takes the rounded whole-term saving less the earlier years, so the years add up to the whole term exactly.'],
    ['Formulas', 'The last day, annual and whole-term savings, the financial-year columns and both summaries are live formulas: change a price, start date or term on the Savings sheet and they recalculate.'],
    ['Summaries', 'By financial year and By service area add up whole columns of the Savings sheet with SUMIFS, so a row added below the export counts too (copy the formulas of the row above into it); each ends with a Total row. "Cashable" counts savings marked Yes (those with a cashable part).'],
    ['Signed off', 'A saving is signed off only with a signer named in Signed off by; an import refuses a signed-off saving without one.'],
    ['Contract title and supplier', 'From the contracts register when the workbook was exported; a reference not in the register shows them blank.'],
    ['Text', 'Text from imported data is stored as text and never run as a formula, even when it starts with = + - or @.'],
  ];
  rows.forEach(([item, value], i) => {
    const row = sheet.getRow(i + 2);
    row.values = [item, value];
    // Spreadsheet programs do not grow a row for wrapped text they did not lay out themselves.
    fitRowHeight(row);
    row.commit();
  });
  sheet.commit();
}

function yearsCovered(savings: readonly Saving[]): FinancialYear[] {
  if (savings.length === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const s of savings) {
    first = Math.min(first, financialYearOf(s.start).startYear);
    // The term's last day is the day before start + term months.
    const end = addMonths(s.start, s.termMonths);
    last = Math.max(last, financialYearOf(end).startYear - (end.slice(5) === '04-01' ? 1 : 0));
  }
  const years: FinancialYear[] = [];
  for (let y = first; y <= last; y++) years.push(financialYear(y));
  return years;
}

/** A YYYY-MM-DD day as the Date exceljs writes as that day's serial number. */
function excelDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

