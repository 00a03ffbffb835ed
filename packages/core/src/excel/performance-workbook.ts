import ExcelJS from 'exceljs';
import type { Kpi } from '../performance/kpi.schema.js';
import { DEFAULT_RATING_SETTINGS, inadequateLine, RATING_DESCRIPTIONS, RATINGS, type Rating, type RatingSettings } from '../performance/rate-result.js';
import { excelDate } from './write-register.js';
import { GBP_FORMAT, HEADER_FONT } from './savings-workbook.js';
import { columnLetter } from '../shared/format.js';
import { exactTextCriterion, xlsxSafe } from './spreadsheet-safety.js';
import { HEADER_FILL, styleSheet, type DocumentIdentity } from './workbook-style.js';

/** One rated result, as `summarisePerformance` gives it, with its KPI. */
export interface PerformanceWorkbookResult {
  readonly kpi: Kpi;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: number | null;
  readonly rating: Rating;
  readonly rule: string;
}

/** Usage of one item, with what the paid-for units cost a year when known. */
export interface PerformanceWorkbookUsage {
  readonly item: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly paidFor: number;
  readonly used: number;
  readonly annualCost?: number;
}

export interface PerformanceWorkbookContract {
  readonly reference: string;
  readonly title: string;
  readonly results: readonly PerformanceWorkbookResult[];
  readonly usage: readonly PerformanceWorkbookUsage[];
}

export interface PerformanceWorkbookInput {
  readonly contracts: readonly PerformanceWorkbookContract[];
  /** The month asked about, or null for each KPI's latest result. */
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly exportedAt: Date;
  readonly complianceGoal: number;
  readonly utilisationFloor: number;
  readonly rating?: RatingSettings;
  /** Who the workbook is from: the council in every page header. */
  readonly identity?: DocumentIdentity | undefined;
}

const DATE_FORMAT = 'dd/mm/yyyy';
const PERCENT_FORMAT = '0.0%';
// Results are typed in by people, so the formulas compare with the same slack as rateResult.
const EPSILON = '1E-9';
const HIGHER = 'higher is better';
const LOWER = 'lower is better';

/** Fill and font per rating: the word is always in the cell, the colour only helps. */
const RATING_STYLES: Readonly<Record<Rating, { fill: string; font: string }>> = {
  Good: { fill: 'FFC6EFCE', font: 'FF006100' },
  'Approaching target': { fill: 'FFFFEB9C', font: 'FF9C5700' },
  'Requires improvement': { fill: 'FFFCD5B4', font: 'FF974706' },
  Inadequate: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  Other: { fill: 'FFD9D9D9', font: 'FF404040' },
};

/** The Results sheet's columns, in order. */
const RESULT_SHEET_COLUMNS = [
  { key: 'reference', header: 'Contract reference', width: 14 },
  { key: 'title', header: 'Contract title', width: 28, wrap: true },
  { key: 'kpi', header: 'KPI', width: 26, wrap: true },
  { key: 'measure', header: 'Measure', width: 11 },
  { key: 'periodStart', header: 'Period start', width: 12, numFmt: DATE_FORMAT },
  { key: 'periodEnd', header: 'Period end', width: 12, numFmt: DATE_FORMAT },
  { key: 'target', header: 'Target', width: 9 },
  { key: 'direction', header: 'Direction', width: 15 },
  { key: 'tolerance', header: 'Tolerance', width: 10 },
  { key: 'inadequateAt', header: 'Inadequate at', width: 11 },
  { key: 'value', header: 'Value', width: 9 },
  { key: 'rating', header: 'Rating', width: 20, wrap: true },
  { key: 'rule', header: 'How it was rated (at export)', width: 60, wrap: true },
] as const;
type ResultKey = (typeof RESULT_SHEET_COLUMNS)[number]['key'];
const R = Object.fromEntries(RESULT_SHEET_COLUMNS.map((c, i) => [c.key, columnLetter(i + 1)])) as Record<ResultKey, string>;

/**
 * The rating rule of `rateResult` as a formula on row `r` of the Results sheet, so changing a
 * value, target, tolerance or the Inadequate line re-rates the row: blank → Other; yes/no →
 * Good if it equals the target, else Requires improvement; met → Good; at or beyond the
 * Inadequate line → Inadequate; short by no more than the tolerance → Approaching target;
 * otherwise Requires improvement.
 */
export function ratingFormula(r: number): string {
  const { value: v, target: t, direction: d, tolerance, inadequateAt: line, measure } = R;
  const higher = `${d}${r}="${HIGHER}"`;
  const shortfall = `IF(${higher},${t}${r}-${v}${r},${v}${r}-${t}${r})`;
  const farBelow = `IF(${higher},${v}${r}<=${line}${r}+${EPSILON},${v}${r}>=${line}${r}-${EPSILON})`;
  return (
    `IF(${v}${r}="","Other",` +
    `IF(${measure}${r}="yes-no",IF(${v}${r}=${t}${r},"Good","Requires improvement"),` +
    `IF(${shortfall}<=${EPSILON},"Good",` +
    `IF(${farBelow},"Inadequate",` +
    `IF(${shortfall}<=${tolerance}${r}+${EPSILON},"Approaching target","Requires improvement")))))`
  );
}

/**
 * The contract performance workbook, as .xlsx bytes:
 * - **Results**: one row per contract, KPI and period; the rating is a live formula that
 *   reproduces the rating rule, coloured by conditional formatting beside its word;
 * - **Compliance**: per contract, COUNTIFS over Results of the results and those rated Good,
 *   the share at Good and whether it meets the goal;
 * - **Usage**: paid for, used, utilisation and what the unused units cost, as formulas;
 * - **How to read**: the rules, the period and when it was exported.
 * Every formula carries its computed result. Text from the register stays text.
 */
export async function renderPerformanceWorkbook(input: PerformanceWorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Contract Steward';
  workbook.created = input.exportedAt;
  const settings = input.rating ?? DEFAULT_RATING_SETTINGS;
  const lastResultRow = writeResults(workbook, input, settings);
  writeCompliance(workbook, input, lastResultRow);
  writeUsage(workbook, input);
  writeHowToRead(workbook, input, settings);
  styleSheets(workbook, input.identity);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Print titles per sheet, and how many columns its header row has. */
const PRINTED: Readonly<Record<string, string>> = {
  Results: 'Contract performance: KPI results',
  Compliance: 'Contract performance: compliance',
  Usage: 'Contract performance: usage',
  'How to read': 'Contract performance: how to read',
};

/**
 * The shared print layout on every sheet (A4, the council, the title and page numbers, the
 * header on every page, fonts named), keeping the reference column frozen beside the header.
 */
function styleSheets(workbook: ExcelJS.Workbook, identity: DocumentIdentity | undefined): void {
  for (const sheet of workbook.worksheets) {
    const columns = sheet.getRow(1).cellCount;
    const list = sheet.name !== 'How to read';
    styleSheet(sheet, {
      title: PRINTED[sheet.name] ?? sheet.name,
      identity,
      list: { headerRow: 1, columns },
      repeatRows: [1, 1],
      ...(list ? { repeatColumns: ['A', 'A'] as const } : {}),
    });
    // The reference stays in view when scrolling across, as well as the header when scrolling down.
    if (list) sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2' }];
  }
}

function writeResults(workbook: ExcelJS.Workbook, input: PerformanceWorkbookInput, settings: RatingSettings): number {
  const sheet = workbook.addWorksheet('Results', {});
  sheet.columns = RESULT_SHEET_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { ...('numFmt' in c ? { numFmt: c.numFmt } : {}), alignment: { vertical: 'top', ...('wrap' in c ? { wrapText: true } : {}) } },
  }));
  writeHeader(sheet.getRow(1), RESULT_SHEET_COLUMNS.map((c) => c.header));
  let r = 1;
  for (const contract of input.contracts) {
    for (const result of contract.results) {
      r += 1;
      const { kpi } = result;
      const row = sheet.getRow(r);
      row.values = [
        xlsxSafe(contract.reference),
        xlsxSafe(contract.title),
        xlsxSafe(kpi.name),
        kpi.measure,
        excelDate(result.periodStart),
        excelDate(result.periodEnd),
        kpi.target,
        kpi.direction === 'higher-is-better' ? HIGHER : LOWER,
        kpi.tolerance,
        inadequateLine(kpi, settings).value,
        xlsxSafe(result.value),
        { formula: ratingFormula(r), result: result.rating },
        xlsxSafe(result.rule),
      ];
      row.height = rowHeight([[contract.title, 28], [kpi.name, 26], [result.rule, 60]]);
    }
  }
  const last = Math.max(r, 2);
  sheet.autoFilter = `A1:${columnLetter(RESULT_SHEET_COLUMNS.length)}${last}`;
  sheet.addConditionalFormatting({ ref: `${R.rating}2:${R.rating}${last}`, rules: ratingRules(`$${R.rating}2`) });
  return last;
}

function writeCompliance(workbook: ExcelJS.Workbook, input: PerformanceWorkbookInput, lastResultRow: number): void {
  const sheet = workbook.addWorksheet('Compliance', {});
  sheet.columns = [
    { key: 'reference', width: 14, style: { alignment: { vertical: 'top' } } },
    { key: 'title', width: 34, style: { alignment: { vertical: 'top', wrapText: true } } },
    { key: 'results', width: 10 },
    { key: 'good', width: 12 },
    { key: 'share', width: 14, style: { numFmt: PERCENT_FORMAT } },
    { key: 'goal', width: 10, style: { numFmt: '0%' } },
    { key: 'meets', width: 14 },
  ];
  writeHeader(sheet.getRow(1), ['Contract reference', 'Contract title', 'Results', 'Rated Good', 'Share at Good', 'Goal', 'Meets goal']);
  const range = (letter: string) => `Results!$${letter}$2:$${letter}$${lastResultRow}`;
  input.contracts.forEach((contract, i) => {
    const r = i + 2;
    const good = contract.results.filter((x) => x.rating === 'Good').length;
    const count = contract.results.length;
    const meets = count === 0 ? 'No results' : good >= input.complianceGoal * count - 1e-9 ? 'Yes' : 'No';
    const mine = `${range(R.reference)},${exactTextCriterion(`$A${r}`)}`;
    const row = sheet.getRow(r);
    row.values = [
      xlsxSafe(contract.reference),
      xlsxSafe(contract.title),
      { formula: `COUNTIFS(${mine})`, result: count },
      { formula: `COUNTIFS(${mine},${range(R.rating)},"Good")`, result: good },
      { formula: `IF(C${r}=0,"",D${r}/C${r})`, result: count === 0 ? '' : good / count },
      input.complianceGoal,
      // Compared in whole results, as computeCompliance does: 4 of 5 meets an 80% goal.
      { formula: `IF(C${r}=0,"No results",IF(D${r}>=F${r}*C${r}-${EPSILON},"Yes","No"))`, result: meets },
    ];
    row.height = rowHeight([[contract.title, 34]]);
  });
  const last = Math.max(input.contracts.length + 1, 2);
  sheet.autoFilter = `A1:G${last}`;
  sheet.addConditionalFormatting({
    ref: `G2:G${last}`,
    rules: [
      { type: 'expression', priority: 1, formulae: ['$G2="Yes"'], style: fillStyle(RATING_STYLES.Good) },
      { type: 'expression', priority: 2, formulae: ['$G2="No"'], style: fillStyle(RATING_STYLES.Inadequate) },
    ],
  });
}

function writeUsage(workbook: ExcelJS.Workbook, input: PerformanceWorkbookInput): void {
  const sheet = workbook.addWorksheet('Usage', {});
  sheet.columns = [
    { key: 'reference', width: 14 },
    { key: 'title', width: 28, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { key: 'item', width: 14 },
    { key: 'periodStart', width: 12, style: { numFmt: DATE_FORMAT } },
    { key: 'periodEnd', width: 12, style: { numFmt: DATE_FORMAT } },
    { key: 'paidFor', width: 10, style: { numFmt: '#,##0' } },
    { key: 'used', width: 10, style: { numFmt: '#,##0' } },
    { key: 'share', width: 12, style: { numFmt: PERCENT_FORMAT } },
    { key: 'floor', width: 9, style: { numFmt: '0%' } },
    { key: 'review', width: 22, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { key: 'annualCost', width: 16, style: { numFmt: GBP_FORMAT } },
    { key: 'unusedCost', width: 18, style: { numFmt: GBP_FORMAT } },
  ];
  writeHeader(sheet.getRow(1), ['Contract reference', 'Contract title', 'Item', 'Period start', 'Period end', 'Paid for', 'Used', 'Utilisation', 'Floor', 'Review before renewing', 'Annual cost (£)', 'Unused a year (£)']);
  let r = 1;
  for (const contract of input.contracts) {
    for (const usage of contract.usage) {
      r += 1;
      const share = usage.used / usage.paidFor;
      const review = share < input.utilisationFloor - 1e-9 ? 'Review usage before renewing' : 'No';
      const unused = usage.annualCost === undefined ? '' : Math.round(((usage.annualCost * Math.max(0, usage.paidFor - usage.used)) / usage.paidFor) * 100) / 100;
      const row = sheet.getRow(r);
      row.values = [
        xlsxSafe(contract.reference),
        xlsxSafe(contract.title),
        xlsxSafe(usage.item),
        excelDate(usage.periodStart),
        excelDate(usage.periodEnd),
        usage.paidFor,
        usage.used,
        { formula: `IF(F${r}=0,"",G${r}/F${r})`, result: share },
        input.utilisationFloor,
        { formula: `IF(H${r}="","",IF(H${r}<I${r}-${EPSILON},"Review usage before renewing","No"))`, result: review },
        xlsxSafe(usage.annualCost),
        { formula: `IF(OR(K${r}="",F${r}=0),"",ROUND(K${r}*MAX(0,F${r}-G${r})/F${r},2))`, result: unused },
      ];
      row.height = rowHeight([[contract.title, 28]]);
    }
  }
  const last = Math.max(r, 2);
  sheet.autoFilter = `A1:L${last}`;
  sheet.addConditionalFormatting({
    ref: `J2:J${last}`,
    rules: [{ type: 'expression', priority: 1, formulae: ['$J2="Review usage before renewing"'], style: fillStyle(RATING_STYLES['Requires improvement']) }],
  });
}

function writeHowToRead(workbook: ExcelJS.Workbook, input: PerformanceWorkbookInput, settings: RatingSettings): void {
  const sheet = workbook.addWorksheet('How to read', {});
  sheet.columns = [
    { key: 'item', width: 24, style: { alignment: { vertical: 'top' }, font: HEADER_FONT } },
    { key: 'value', width: 90, style: { alignment: { vertical: 'top', wrapText: true } } },
  ];
  writeHeader(sheet.getRow(1), ['Item', 'Value']);
  const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
  const rows: [string, string][] = [
    ['Exported at', `${input.exportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
    ['Period', input.period ? `Results whose period overlaps ${input.period.start} to ${input.period.end}` : 'Each KPI’s latest result'],
    [
      'Rating',
      `The Rating column is a formula on the row: a blank value is Other; a yes/no KPI is Good when the value equals the target, otherwise Requires improvement; a value that meets the target (at least it when higher is better, at most it when lower is better) is Good; one at or beyond "Inadequate at" is Inadequate; one short of the target by no more than the tolerance is Approaching target; anything else is Requires improvement. Change a value, target, tolerance or "Inadequate at" and the rating follows.`,
    ],
    ['Inadequate at', `The line the KPI sets, or else ${percent(settings.inadequateShare)} of the target short of it (over it when lower is better).`],
    ...RATINGS.map((rating): [string, string] => [rating, `${RATING_DESCRIPTIONS[rating]} (Procurement Regulations 2024, reg. 39(5)).`]),
    [
      'Compliance',
      `Per contract, the results rated Good divided by all its results on the Results sheet (COUNTIFS), against the goal of ${percent(input.complianceGoal)} compliance with KPIs and SLAs (DDaT strategy, Appendix E, mission 2.3). At exactly the goal it is met.`,
    ],
    ['Utilisation', `Used ÷ paid for. Under the ${percent(input.utilisationFloor)} floor, review usage before renewing. The unused units cost the annual cost × unused ÷ paid for.`],
    ['Colours', 'Ratings and verdicts are coloured to help the eye; the word is always in the cell, so the sheet reads the same in black and white.'],
    ['Text', 'Text from the register is stored as text and never run as a formula, even when it starts with = + - or @.'],
  ];
  rows.forEach(([item, value], i) => {
    const row = sheet.getRow(i + 2);
    row.values = [item, value];
    row.height = rowHeight([[value, 90]]);
  });
}

function ratingRules(cell: string): ExcelJS.ConditionalFormattingRule[] {
  return RATINGS.map((rating, i) => ({ type: 'expression' as const, priority: i + 1, formulae: [`${cell}="${rating}"`], style: fillStyle(RATING_STYLES[rating]) }));
}

function fillStyle(colours: { fill: string; font: string }): Partial<ExcelJS.Style> {
  return { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: colours.fill } }, font: { name: 'Arial', color: { argb: colours.font } } };
}

function writeHeader(row: ExcelJS.Row, headers: readonly string[]): void {
  row.values = [...headers];
  row.font = HEADER_FONT;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  row.height = 30;
}

/**
 * Spreadsheet programs do not grow a row for wrapped text they did not lay out themselves,
 * so we size it: about one character per unit of column width, 15 points a line.
 */
function rowHeight(cells: readonly [string, number][]): number {
  const lines = Math.max(1, ...cells.map(([text, width]) => Math.ceil(text.length / Math.max(1, width - 2))));
  return 15 * lines;
}
