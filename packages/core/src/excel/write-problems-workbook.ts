import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from '../register/import/cell-value.js';
import type { SourceRow } from '../register/import/convert-row.js';
import { describeProblemCode } from '../register/import/describe-problem-code.js';
import type { ImportField } from '../register/import/import-field.js';
import { cellAddress, type ImportProblem, type ImportProblemCode } from '../register/import/import-problem.js';
import { PROBLEMS_WORKBOOK_HEADERS, type MappedColumn } from '../register/import/map-headers.js';
import { parseDateCell } from '../register/import/parse-date-cell.js';
import { parseMoneyCell } from '../register/import/parse-money-cell.js';
import { xlsxSafe } from './spreadsheet-safety.js';
import { fitRowHeight, namedFont, styleHeaderRow, styleSheet, type DocumentIdentity } from './workbook-style.js';

export interface ProblemsWorkbookInput {
  /** The uploaded file's name, which the rows' numbers refer to. */
  readonly fileName: string;
  /** The register's header row, as read. */
  readonly headers: readonly string[];
  /** The columns the importer read, so cells it can read go back as dates and money. */
  readonly columns: readonly MappedColumn[];
  /** The rejected rows, in file order. */
  readonly rows: readonly SourceRow[];
  readonly problems: readonly ImportProblem[];
  readonly identity?: DocumentIdentity | undefined;
}

const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['startDate', 'endDate', 'reviewDate', 'maximumEndDate', 'procurementStarted', 'enteredInto', 'frameworkExpiry']);
const MONEY_FIELDS: ReadonlySet<ImportField> = new Set(['totalValue', 'annualValue', 'irrecoverableVat']);
const DATE_FORMAT = 'dd/mm/yyyy';
const MONEY_FORMAT = '£#,##0.00';
/** Excel shows dates from 1 March 1900 (before it, its leap-year bug shifts them) to 9999. */
const FIRST_DATE = '1900-03-01';
const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9D9' } };
const WARNING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const TOP_WRAPPED: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/**
 * Gives the rejected rows back as a working .xlsx: each row's number in the uploaded file and
 * what is wrong with it first, then its cells under the register's headers (dates as dates,
 * money as money where the importer could read them; the cell at fault shaded), with a filter,
 * and a Summary sheet counting the problems and saying how to use the workbook. Imported as it
 * is, it changes nothing: the importer ignores the first two columns and every row is rejected
 * again for the same reasons. Streamed row by row, so only the compressed workbook is held.
 */
export async function writeProblemsWorkbook(input: ProblemsWorkbookInput): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const byRow = problemsByRow(input.problems);
  writeProblemsSheet(workbook, input, byRow);
  writeSummarySheet(workbook, input, byRow);
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

type Kind = 'date' | 'money' | 'text';

function writeProblemsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: ProblemsWorkbookInput, byRow: ReadonlyMap<string, ImportProblem[]>): void {
  // A streamed sheet writes its views and fit-to-page when it is added, so they are given here.
  const sheet = workbook.addWorksheet('Problems', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2' }], pageSetup: { fitToPage: true } });
  let width = input.headers.length;
  for (const row of input.rows) width = Math.max(width, row.cells.length);
  const kinds: Kind[] = Array.from({ length: width }, () => 'text');
  for (const column of input.columns) kinds[column.index] = DATE_FIELDS.has(column.field) ? 'date' : MONEY_FIELDS.has(column.field) ? 'money' : 'text';
  const rows = input.rows.map((source) => ({ source, cells: Array.from({ length: width }, (_, i) => typed(source.cells[i], kinds[i] ?? 'text')) }));
  sheet.columns = [
    { width: 10, style: { font: namedFont(), alignment: { vertical: 'top', horizontal: 'center' } } },
    { width: 70, style: { font: namedFont(), alignment: TOP_WRAPPED } },
    ...kinds.map((kind, i) => ({
      width: columnWidth(input.headers[i] ?? '', kind, rows.map((row) => row.cells[i] ?? null)),
      style: { font: namedFont(), alignment: TOP_WRAPPED, numFmt: kind === 'date' ? DATE_FORMAT : kind === 'money' ? MONEY_FORMAT : '@' },
    })),
  ];
  const header = sheet.addRow([...PROBLEMS_WORKBOOK_HEADERS, ...Array.from({ length: width }, (_, i) => input.headers[i] ?? '')]);
  styleSheet(sheet, { title: `Problems with ${input.fileName}`, identity: input.identity, list: { headerRow: 1, columns: width + 2 }, repeatRows: [1, 1], repeatColumns: ['A', 'A'] });
  header.commit();
  for (const { source, cells } of rows) {
    const problems = byRow.get(rowKey(source)) ?? [];
    const row = sheet.addRow([source.row, problems.map((problem) => problemText(problem, input.headers)).join('\n'), ...cells]);
    const rejected = problems.some((problem) => problem.severity === 'error');
    row.getCell(2).fill = rejected ? PROBLEM_FILL : WARNING_FILL;
    for (const problem of problems) {
      const index = columnIndex(problem.column);
      if (index !== undefined) row.getCell(index + 3).fill = problem.severity === 'error' ? PROBLEM_FILL : WARNING_FILL;
    }
    fitRowHeight(row);
    row.commit();
  }
  sheet.commit();
}

function writeSummarySheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: ProblemsWorkbookInput, byRow: ReadonlyMap<string, ImportProblem[]>): void {
  const sheet = workbook.addWorksheet('Summary', { pageSetup: { fitToPage: true } });
  sheet.columns = [
    { width: 28, style: { font: namedFont(), alignment: TOP_WRAPPED } },
    { width: 80, style: { font: namedFont(), alignment: TOP_WRAPPED } },
    { width: 10, style: { font: namedFont(), alignment: { vertical: 'top' } } },
  ];
  const counts = new Map<ImportProblemCode, number>();
  for (const source of input.rows) {
    const codes = new Set((byRow.get(rowKey(source)) ?? []).map((problem) => problem.code));
    for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const rowsWord = (n: number) => `${n.toLocaleString('en-GB')} row${n === 1 ? '' : 's'}`;
  const lines: (readonly [string, string])[] = [
    [`Problems with ${input.fileName}`, ''],
    ['', `${rowsWord(input.rows.length)} of ${input.fileName} were not imported. They are on the Problems sheet, each with its row number in ${input.fileName} and what is wrong with it.`],
    ['', ''],
    ['How to use this workbook', ''],
    ['1. Correct', 'On the Problems sheet, correct the cells each Problem names (the cell at fault is shaded). Use the filter on the Problem column to work through one kind at a time.'],
    ['2. Import', 'When you have corrected them, import this workbook as it is: steward import FILE on the command line, or upload it to the bot in Teams. The importer ignores the Original row and Problem columns, so delete them or leave them.'],
    ['3. What changes', 'Only the rows you corrected are imported. A row still wrong is rejected again for the same reason, so importing this workbook unchanged changes nothing. A row whose reference another imported contract holds was given a lot reference (REF/2), so it is added and never replaces that contract.'],
    ['', ''],
  ];
  const rows = lines.map(([label, text]) => {
    const row = sheet.addRow([label, text]);
    row.getCell(1).font = namedFont({ bold: label !== '' });
    return row;
  });
  const header = sheet.addRow(['Problem', 'What it means', 'Rows']);
  for (const [code, count] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) rows.push(sheet.addRow([code, describeProblemCode(code), count]));
  // Small enough to hold whole: styled before any row is committed, as a streamed sheet needs.
  const title = rows[0];
  if (title) {
    title.getCell(1).font = namedFont({ bold: true, size: 14 });
    title.getCell(1).alignment = { vertical: 'top' }; // runs on across the empty cell beside it
  }
  styleSheet(sheet, { title: `Problems with ${input.fileName}`, identity: input.identity });
  styleHeaderRow(header, 3);
  for (const row of rows) fitRowHeight(row);
  sheet.commit();
}

function problemsByRow(problems: readonly ImportProblem[]): Map<string, ImportProblem[]> {
  const byRow = new Map<string, ImportProblem[]>();
  for (const problem of problems) {
    const key = rowKey(problem);
    byRow.set(key, [...(byRow.get(key) ?? []), problem]);
  }
  // Errors (why the row was rejected) before warnings.
  for (const list of byRow.values()) list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return byRow;
}

function rowKey(where: { readonly sheet: string; readonly row: number }): string {
  return `${where.sheet}\u0000${where.row}`;
}

/**
 * A problem as the workbook shows it: its column's header instead of the file and cell address
 * (the row is in the Original row column), and any row it names said to be of the original file.
 */
export function problemText(problem: ImportProblem, headers: readonly string[]): string {
  const prefix = `${cellAddress(problem.sheet, problem.row, problem.column)}: `;
  const sentence = (problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message).replace(
    /\brow (\d+)\b(?! of the original file)/g,
    'row $1 of the original file',
  );
  const index = columnIndex(problem.column);
  const header = index === undefined ? undefined : headers[index]?.trim();
  const text = header ? `${header}: ${sentence}` : sentence;
  return problem.severity === 'warning' ? `Warning — ${text}` : text;
}

/** The 0-based index of a column letter (`A` is 0), or undefined for none. */
function columnIndex(letters: string): number | undefined {
  if (!/^[A-Z]+$/.test(letters)) return undefined;
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** A cell as the importer reads it, where it can: dates as dates, money as numbers; the rest as it was. */
function typed(value: CellValue, kind: Kind): string | number | boolean | Date | null {
  if (kind === 'date') {
    const reading = parseDateCell(value);
    if (reading.ok && reading.value !== undefined && reading.value >= FIRST_DATE) return new Date(`${reading.value}T00:00:00Z`);
  } else if (kind === 'money') {
    const reading = parseMoneyCell(value);
    if (reading.ok && reading.value !== undefined) return reading.value;
  }
  return xlsxSafe(value);
}

/** Wide enough for the longest cell, up to 32 characters (longer text wraps); dates and money need less. */
function columnWidth(header: string, kind: Kind, cells: readonly (string | number | boolean | Date | null)[]): number {
  if (kind === 'date') return 12;
  const longestWord = Math.max(0, ...header.split(/\s+/).map((word) => word.length));
  // A loop, not Math.max(...cells): a spread of 100,000 arguments overflows the stack.
  let longestCell = 0;
  for (const cell of cells) {
    const length = cell === null ? 0 : kind === 'money' && typeof cell === 'number' ? cell.toFixed(2).length + 4 : String(cell).length;
    if (length > longestCell) longestCell = length;
  }
  return Math.min(32, Math.max(10, longestWord + 2, longestCell + 2));
}
