import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Contract } from '../register/contract.schema.js';
import { contractToCells, EXPORT_FIELDS, type ExportCell } from '../register/import/contract-to-cells.js';
import { IMPORT_FIELDS, type ImportField } from '../register/import/import-field.js';
import { inTransparencyQuarter, TRANSPARENCY_THRESHOLD, type Quarter } from '../publish/transparency-quarter.js';
import { csvSafe, xlsxSafe } from './spreadsheet-safety.js';
import { DATE_FIELDS, excelDate, MONEY_FIELDS, writerTarget } from './write-register.js';
import { fitRowHeight, namedFont, styleSheet, type DocumentIdentity } from './workbook-style.js';
import { formatPounds } from '../shared/format.js';

export { TRANSPARENCY_THRESHOLD };

/**
 * The columns of the Local Government Transparency Code 2015 (part 2, procurement information)
 * for contracts over £5,000, in the Code's order, each with the register field it holds:
 * reference, title, department, description, supplier name and details (address, company,
 * charity and VCSE registration numbers), SME and VCSE status, start, end and review dates,
 * the sum to be paid or estimated annual spend (and whether it is fixed or estimated),
 * irrecoverable VAT and whether it came from an invitation to quote or to tender.
 */
export const TRANSPARENCY_COLUMNS: readonly { readonly header: string; readonly field: ImportField }[] = [
  { header: 'Reference Number', field: 'reference' },
  { header: 'Title of Agreement', field: 'title' },
  { header: 'Department Responsible', field: 'department' },
  { header: 'Description of Goods and Services', field: 'description' },
  { header: 'Supplier Name', field: 'supplierName' },
  { header: 'Supplier Address', field: 'supplierAddress' },
  { header: 'Supplier Postcode', field: 'supplierPostcode' },
  { header: 'Supplier Registered Company Number', field: 'companyNumber' },
  { header: 'Supplier Registered Charity Number', field: 'charityNumber' },
  { header: 'VCSE Registration Number', field: 'vcseNumber' },
  { header: 'SME', field: 'sme' },
  { header: 'VCSE', field: 'vcse' },
  { header: 'Start Date', field: 'startDate' },
  { header: 'End Date', field: 'endDate' },
  { header: 'Review Date', field: 'reviewDate' },
  { header: 'Contract Value', field: 'totalValue' },
  { header: 'Estimated Annual Value', field: 'annualValue' },
  { header: 'Value Basis', field: 'valueBasis' },
  { header: 'Irrecoverable VAT', field: 'irrecoverableVat' },
  { header: 'Invitation to Quote or Tender', field: 'invitation' },
];

/** Says why a contract with no value is listed; the importer ignores it. */
export const VALUE_NOTE_HEADER = 'Value Note';

/** The register's other columns follow the Code's, so the file imports back without loss. */
const OTHER_FIELDS: readonly ImportField[] = EXPORT_FIELDS.filter((f) => !TRANSPARENCY_COLUMNS.some((c) => c.field === f));

export const TRANSPARENCY_HEADERS: readonly string[] = [...TRANSPARENCY_COLUMNS.map((c) => c.header), VALUE_NOTE_HEADER, ...OTHER_FIELDS.map((f) => IMPORT_FIELDS[f])];

const NO_VALUE = `No value recorded: check whether it is over ${formatPounds(TRANSPARENCY_THRESHOLD)}`;

/** One row of the publication, cell by cell, dates left as YYYY-MM-DD. */
export function transparencyCells(c: Contract): ExportCell[] {
  const cells = contractToCells(c);
  const note = c.value.total === undefined && c.value.annual === undefined ? NO_VALUE : undefined;
  return [...TRANSPARENCY_COLUMNS.map((col) => cells[col.field]), note, ...OTHER_FIELDS.map((f) => cells[f])];
}

const DATE_COLUMNS = new Set(TRANSPARENCY_HEADERS.flatMap((h, i) => (DATE_FIELDS.has(fieldAt(i)) ? [i] : [])));

function fieldAt(index: number): ImportField {
  const code = TRANSPARENCY_COLUMNS[index];
  if (code) return code.field;
  return OTHER_FIELDS[index - TRANSPARENCY_COLUMNS.length - 1] ?? 'reference';
}

/** Quotes a CSV field when it must be (RFC 4180) after making it safe from formula injection. */
export function csvField(text: string): string {
  const safe = csvSafe(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A file path (its extension says .csv or .xlsx), or a stream and the format to write to it. */
export type TransparencyOutput = string | { readonly stream: Writable; readonly format: 'csv' | 'xlsx' };

/**
 * Writes the quarter's publication as UTF-8 CSV with a byte-order mark (so Excel shows £ and
 * accents), or as .xlsx when the path ends so (or the stream is given as xlsx). Returns how
 * many contracts it lists and how many of those have no recorded value.
 */
export async function writeTransparencyFile(
  output: TransparencyOutput,
  contracts: Iterable<Contract>,
  quarter: Quarter,
  options: { readonly identity?: DocumentIdentity | undefined } = {},
): Promise<{ count: number; noValue: number }> {
  const listed = [...contracts].filter((c) => inTransparencyQuarter(c, quarter));
  const noValue = listed.filter((c) => c.value.total === undefined && c.value.annual === undefined).length;
  const xlsx = typeof output === 'string' ? /\.xlsx$/i.test(output) : output.format === 'xlsx';
  const target = typeof output === 'string' ? output : output.stream;
  if (xlsx) await writeXlsx(target, listed, `Contracts over ${formatPounds(TRANSPARENCY_THRESHOLD)}, ${quarter.label} (Local Government Transparency Code 2015)`, options.identity);
  else await writeCsv(target, listed);
  return { count: listed.length, noValue };
}

async function writeCsv(output: string | Writable, contracts: readonly Contract[]): Promise<void> {
  const out = typeof output === 'string' ? createWriteStream(output, { encoding: 'utf8' }) : output;
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\uFEFF${TRANSPARENCY_HEADERS.map(csvField).join(',')}\r\n`);
  for (const contract of contracts) {
    const cells = transparencyCells(contract).map((cell, i) => csvField(text(cell, DATE_COLUMNS.has(i))));
    await write(`${cells.join(',')}\r\n`);
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Columns whose cells are identifiers, not amounts: text cells in the Text format, so a
 * company number keeps its leading zero (04841343) even when someone types over it.
 */
const TEXT_COLUMNS = new Set(TRANSPARENCY_HEADERS.flatMap((h, i) => (['companyNumber', 'charityNumber', 'vcseNumber', 'reference', 'postcode'].includes(fieldAt(i)) && i < TRANSPARENCY_COLUMNS.length ? [i] : [])));

async function writeXlsx(output: string | Writable, contracts: readonly Contract[], title: string, identity: DocumentIdentity | undefined): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...writerTarget(output), useStyles: true, useSharedStrings: false });
  // A streamed sheet writes its views and page setup when its columns are set.
  const sheet = workbook.addWorksheet('Contracts', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2' }], pageSetup: { fitToPage: true } });
  sheet.columns = TRANSPARENCY_HEADERS.map((header, i) => {
    const field = fieldAt(i);
    const wide = field === 'title' || field === 'description';
    const numFmt = DATE_COLUMNS.has(i) ? 'dd/mm/yyyy' : TEXT_COLUMNS.has(i) ? '@' : MONEY_FIELDS.has(field) && i < TRANSPARENCY_COLUMNS.length ? '£#,##0.00' : undefined;
    return { header, width: wide ? 36 : 16, style: { font: namedFont(), alignment: { vertical: 'top' as const, ...(wide ? { wrapText: true } : {}) }, ...(numFmt ? { numFmt } : {}) } };
  });
  styleSheet(sheet, { title, identity, list: { headerRow: 1, columns: TRANSPARENCY_HEADERS.length }, repeatRows: [1, 1], repeatColumns: ['A', 'A'] });
  for (const contract of contracts) {
    const row = sheet.addRow(transparencyCells(contract).map((cell, i) => (DATE_COLUMNS.has(i) && typeof cell === 'string' ? excelDate(cell) : TEXT_COLUMNS.has(i) && cell !== undefined ? String(xlsxSafe(cell)) : xlsxSafe(cell))));
    fitRowHeight(row);
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

function text(cell: ExportCell, date: boolean): string {
  if (cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'Yes' : 'No';
  if (date && typeof cell === 'string') {
    const [y, m, d] = cell.split('-');
    return `${d}/${m}/${y}`;
  }
  return String(cell);
}
