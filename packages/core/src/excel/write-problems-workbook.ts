import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportProblem } from '../register/import/import-problem.js';
import type { SourceRow } from '../register/import/convert-row.js';
import { xlsxSafe } from './spreadsheet-safety.js';

/**
 * Gives the rejected rows back as .xlsx: the original headers and cells, plus a Problems
 * column saying what to fix. The user fixes them in Excel and imports this file again. Streamed
 * row by row, so only the compressed workbook is held, not every row's cells as well.
 */
export async function writeProblemsWorkbook(
  headers: readonly string[],
  rejected: readonly SourceRow[],
  problems: readonly ImportProblem[],
): Promise<Buffer> {
  const byRow = new Map<string, string[]>();
  for (const problem of problems) {
    const key = `${problem.sheet}\u0000${problem.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), problem.message]);
  }
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
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
  await ended;
  return Buffer.concat(chunks);
}
