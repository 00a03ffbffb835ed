import ExcelJS from 'exceljs';
import { inspectXlsxZip } from './inspect-xlsx-zip.js';

/**
 * Opens a whole .xlsx with exceljs after `inspectXlsxZip` has checked it: the one way the
 * product loads a workbook it did not write. Throws a RegisterFileError for a zip it refuses
 * (a zip bomb, or local entries that differ from the directory), and exceljs's own error for a
 * workbook it cannot parse.
 */
export async function loadXlsxWorkbook(bytes: Buffer, maxUnpackedBytes: number): Promise<ExcelJS.Workbook> {
  const { bytes: checked } = await inspectXlsxZip(bytes, maxUnpackedBytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(checked as unknown as ArrayBuffer);
  return workbook;
}
