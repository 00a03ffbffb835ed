import ExcelJS from 'exceljs';
import type { ImportProblem } from '../register/import/import-problem.js';
import type { SourceRow } from '../register/import/convert-row.js';
import { xlsxSafe } from './spreadsheet-safety.js';

/**
 * Gives the rejected rows back as .xlsx: the original headers and cells, plus a Problems
 * column saying what to fix. The user fixes them in Excel and imports this file again.
 */
export async function writeProblemsWorkbook(
  path: string,
  headers: readonly string[],
  rejected: readonly SourceRow[],
  problems: readonly ImportProblem[],
): Promise<number> {
  const byRow = new Map<string, string[]>();
  for (const problem of problems) {
    const key = `${problem.sheet}\u0000${problem.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), problem.message]);
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Problems', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(['Problems', ...headers]);
  header.font = { bold: true };
  header.commit();
  for (const row of rejected) {
    const messages = byRow.get(`${row.sheet}\u0000${row.row}`) ?? [];
    sheet.addRow([messages.join('\n'), ...row.cells.map((cell) => xlsxSafe(cell))]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return rejected.length;
}
