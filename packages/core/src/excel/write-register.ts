import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Contract } from '../register/contract.schema.js';
import { contractToCells, EXPORT_FIELDS } from '../register/import/contract-to-cells.js';
import { IMPORT_FIELDS, type ImportField } from '../register/import/import-field.js';
import { xlsxSafe } from './spreadsheet-safety.js';
import { fitRowHeight, namedFont, styleSheet, type DocumentIdentity } from './workbook-style.js';

export const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['startDate', 'endDate', 'reviewDate', 'maximumEndDate', 'frameworkExpiry', 'procurementStarted', 'enteredInto']);
export const MONEY_FIELDS: ReadonlySet<ImportField> = new Set(['totalValue', 'annualValue', 'irrecoverableVat']);
export const FLAG_FIELDS: ReadonlySet<ImportField> = new Set(['sme', 'vcse', 'personalData']);

/**
 * Column layout shared by the export and the template: importer headers, dates as dd/mm/yyyy,
 * each column as wide as its header (12 to 30 characters; the header wraps past that).
 */
export function registerColumns(): Partial<ExcelJS.Column>[] {
  return EXPORT_FIELDS.map((field) => ({
    header: IMPORT_FIELDS[field],
    key: field,
    width: field === 'description' || field === 'title' ? 40 : Math.min(30, Math.max(12, IMPORT_FIELDS[field].length + 2)),
    style: {
      font: namedFont(),
      ...(DATE_FIELDS.has(field) ? { numFmt: 'dd/mm/yyyy' } : MONEY_FIELDS.has(field) ? { numFmt: '£#,##0.00' } : {}),
      ...(field === 'description' || field === 'title' ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } }),
    },
  }));
}

/**
 * The register's print layout: a list with AutoFilter and a frozen header, the header and
 * the reference column repeated on every printed page.
 */
export function styleRegisterSheet(sheet: ExcelJS.Worksheet, title: string, identity: DocumentIdentity | undefined): void {
  styleSheet(sheet, { title, identity, list: { headerRow: 1, columns: EXPORT_FIELDS.length }, repeatRows: [1, 1], repeatColumns: ['A', 'A'] });
}

export interface RegisterWorkbookOptions {
  readonly identity?: DocumentIdentity | undefined;
}

/** Where exceljs's streaming writer writes: a file it creates, or a stream it ends when done. */
export function writerTarget(output: string | Writable): { filename: string } | { stream: Writable } {
  return typeof output === 'string' ? { filename: output } : { stream: output };
}

/** A YYYY-MM-DD date as the midnight-UTC Date that Excel shows as that day. */
export function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * Writes the register as .xlsx, one row per contract under the headers the importer reads, so
 * exporting and importing again changes nothing. Streams, to a file path or to any writable
 * stream (the bot collects the bytes to send): 100,000 contracts never sit in a workbook in
 * memory.
 */
export async function writeRegisterWorkbook(output: string | Writable, contracts: Iterable<Contract> | AsyncIterable<Contract>, options: RegisterWorkbookOptions = {}): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...writerTarget(output), useStyles: true, useSharedStrings: false });
  // A streamed sheet writes its properties, fit-to-page among them, when it is added.
  const sheet = workbook.addWorksheet('Register', { pageSetup: { fitToPage: true } });
  sheet.columns = registerColumns();
  styleRegisterSheet(sheet, 'Contracts register', options.identity);
  let count = 0;
  for await (const contract of contracts) {
    const cells = contractToCells(contract);
    const values: Record<string, ReturnType<typeof xlsxSafe>> = {};
    for (const field of EXPORT_FIELDS) {
      const value = cells[field];
      values[field] = DATE_FIELDS.has(field) && typeof value === 'string' ? excelDate(value) : xlsxSafe(value);
    }
    const row = sheet.addRow(values);
    // Long titles and descriptions wrap: the row must be tall enough, or they print over the next.
    fitRowHeight(row);
    row.commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
