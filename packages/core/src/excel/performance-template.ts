import ExcelJS from 'exceljs';
import { RESULT_COLUMNS } from '../performance/convert-result-rows.js';
import type { Kpi } from '../performance/kpi.schema.js';
import { describeTarget, RATING_DESCRIPTIONS, RATINGS } from '../performance/rate-result.js';
import { HEADER_FONT } from './savings-workbook.js';
import { fitRowHeights, HEADER_FILL, styleSheet, validateRange, type DocumentIdentity } from './workbook-style.js';
import { xlsxSafe } from './spreadsheet-safety.js';

const NOTES: Readonly<Record<(typeof RESULT_COLUMNS)[number], string>> = {
  'Contract reference': 'Required. The contract’s reference in the register, e.g. CON-0042.',
  KPI: 'Required. The KPI’s name exactly as added with steward kpis add (case does not matter). The KPIs sheet lists them.',
  'Period start': 'Required. The first day of the reporting period, e.g. 01/04/2026 (day first).',
  'Period end': 'Required. The last day of the period, e.g. 30/06/2026. Not before the start.',
  Value: 'The figure measured: 97.5 or 97.5% for a percentage, a count, a time in the KPI’s unit, Yes or No for a yes/no KPI.',
  Note: 'Optional. Required when the value is blank: say why it could not be measured (it is then rated Other).',
};

/**
 * A blank KPI results workbook to fill in and import with `steward kpis record`: the Results
 * sheet first (the import reads the first sheet) with the import's columns and date checks,
 * a "How to fill in" sheet, and, when given, a KPIs sheet listing what can be reported.
 */
export async function renderPerformanceTemplate(options: { readonly kpis?: readonly Kpi[]; readonly rows?: number; readonly identity?: DocumentIdentity | undefined } = {}): Promise<Buffer> {
  const rows = options.rows ?? 500;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Contract Steward';
  const sheet = workbook.addWorksheet('Results', {});
  sheet.columns = [
    { key: 'contract', width: 18 },
    { key: 'kpi', width: 30 },
    { key: 'periodStart', width: 13, style: { numFmt: 'dd/mm/yyyy' } },
    { key: 'periodEnd', width: 13, style: { numFmt: 'dd/mm/yyyy' } },
    { key: 'value', width: 10 },
    { key: 'note', width: 50, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  header(sheet.getRow(1), RESULT_COLUMNS);
  sheet.autoFilter = 'A1:F1';
  const date: ExcelJS.DataValidation = {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
    showErrorMessage: true,
    errorTitle: 'A date',
    error: 'Write a date such as 31/03/2026.',
  };
  // One validation per range, written once: per-cell validations come out duplicated.
  validateRange(sheet, `C2:D${rows + 1}`, date);

  const notes = workbook.addWorksheet('How to fill in', {});
  notes.columns = [
    { key: 'column', width: 22, style: { font: HEADER_FONT, alignment: { vertical: 'top' } } },
    { key: 'note', width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  header(notes.getRow(1), ['Column', 'What to write']);
  const lines: [string, string][] = [
    ...RESULT_COLUMNS.map((column): [string, string] => [column, NOTES[column]]),
    ['One row', 'One row per contract, KPI and period. A period already recorded is replaced by the new figure.'],
    ['Ratings', 'Each value is rated against its KPI when it is recorded:'],
    ...RATINGS.map((rating): [string, string] => [rating, `${RATING_DESCRIPTIONS[rating]} (Procurement Regulations 2024, reg. 39(5)).`]),
    ['Importing', 'Check first with: steward kpis record FILE.xlsx --dry-run — nothing is written until you run it without --dry-run, and a file with any problem is refused whole.'],
  ];
  lines.forEach(([column, note], i) => {
    const row = notes.getRow(i + 2);
    row.values = [column, note];
  });
  fitRowHeights(notes);

  if (options.kpis && options.kpis.length > 0) {
    const list = workbook.addWorksheet('KPIs', {});
    list.columns = [
      { key: 'contract', width: 18 },
      { key: 'kpi', width: 30 },
      { key: 'measure', width: 12 },
      { key: 'target', width: 18 },
      { key: 'frequency', width: 13 },
      { key: 'from', width: 12 },
    ];
    header(list.getRow(1), ['Contract reference', 'KPI', 'Measure', 'Target', 'Frequency', 'First period from']);
    options.kpis.forEach((kpi, i) => {
      list.getRow(i + 2).values = [xlsxSafe(kpi.contract), xlsxSafe(kpi.name), kpi.measure, describeTarget(kpi), kpi.frequency, kpi.from];
    });
  }
  const titles: Readonly<Record<string, string>> = { Results: 'KPI results to record', 'How to fill in': 'KPI results: how to fill in', KPIs: 'KPIs to report' };
  for (const each of workbook.worksheets) {
    styleSheet(each, { title: titles[each.name] ?? each.name, identity: options.identity, list: { headerRow: 1, columns: each.getRow(1).cellCount }, repeatRows: [1, 1] });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function header(row: ExcelJS.Row, headers: readonly string[]): void {
  row.values = [...headers];
  row.font = HEADER_FONT;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}
