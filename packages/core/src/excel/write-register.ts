import ExcelJS from 'exceljs';
import type { Contract } from '../register/contract.schema.js';
import { contractToCells, EXPORT_FIELDS } from '../register/import/contract-to-cells.js';
import { IMPORT_FIELDS, type ImportField } from '../register/import/import-field.js';
import { xlsxSafe } from './spreadsheet-safety.js';

export const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['startDate', 'endDate', 'reviewDate', 'maximumEndDate', 'frameworkExpiry']);
export const MONEY_FIELDS: ReadonlySet<ImportField> = new Set(['totalValue', 'annualValue', 'irrecoverableVat']);
export const FLAG_FIELDS: ReadonlySet<ImportField> = new Set(['sme', 'vcse', 'personalData']);

/** Column layout shared by the export and the template: importer headers, dates as dd/mm/yyyy. */
export function registerColumns(): Partial<ExcelJS.Column>[] {
  return EXPORT_FIELDS.map((field) => ({
    header: IMPORT_FIELDS[field],
    key: field,
    width: field === 'description' || field === 'title' ? 40 : 16,
    ...(DATE_FIELDS.has(field) ? { style: { numFmt: 'dd/mm/yyyy' } } : MONEY_FIELDS.has(field) ? { style: { numFmt: '£#,##0.00' } } : {}),
  }));
}

/** A YYYY-MM-DD date as the midnight-UTC Date that Excel shows as that day. */
export function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * Writes the register as .xlsx, one row per contract under the headers the importer reads, so
 * exporting and importing again changes nothing. Streams: 100,000 contracts never sit in a
 * workbook in memory.
 */
export async function writeRegisterWorkbook(path: string, contracts: Iterable<Contract> | AsyncIterable<Contract>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = registerColumns();
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  for await (const contract of contracts) {
    const cells = contractToCells(contract);
    const values: Record<string, ReturnType<typeof xlsxSafe>> = {};
    for (const field of EXPORT_FIELDS) {
      const value = cells[field];
      values[field] = DATE_FIELDS.has(field) && typeof value === 'string' ? excelDate(value) : xlsxSafe(value);
    }
    sheet.addRow(values).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
