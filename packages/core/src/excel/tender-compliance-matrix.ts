import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { PackClause, TenderPack } from '../tenders/build-pack.js';
import { APPENDIX_M_LABEL, appendixVersionLabel } from '../tenders/clause-library.js';
import { formatLongDate } from '../shared/calendar.js';
import { xlsxSafe } from './spreadsheet-safety.js';
import { headerFooter, namedFont, validateRange, type DocumentIdentity } from './workbook-style.js';

/** The answers a supplier can give in the Compliant column. */
export const COMPLIANCE_ANSWERS = ['Yes', 'Partial', 'No'] as const;

export const MATRIX_SHEET = 'Compliance matrix';
/** The supplier's details, one a row from SUPPLIER_ROW: a label in A–C, the answer (unlocked) in D. */
export const SUPPLIER_FIELDS = ["Supplier's legal name", 'Date', 'Signed for the supplier by (name and role)'] as const;
export const SUPPLIER_ROW = 5;
/**
 * The header row; above it the title block (rows 1–3) and the supplier's details (rows 5–7),
 * and it stays in view when scrolling.
 */
export const MATRIX_HEADER_ROW = 9;
export const MATRIX_COLUMNS = [
  { header: 'Clause id', width: 10 },
  { header: 'No.', width: 7 },
  { header: 'Requirement', width: 62 },
  { header: 'Supplier response', width: 50 },
  { header: 'Compliant', width: 12 },
  { header: 'Charges (£, or "none")', width: 20 },
  { header: 'Evidence / reference', width: 28 },
] as const;
/** Columns D to G (1-based 4 to 7) are the supplier's. */
const RESPONSE_COLUMNS = [4, 5, 6, 7] as const;
const COMPLIANT_COLUMN = 5;

const NAVY = 'FF1F3864';
/** Every cell names its font: a cell without one falls back to a serif face in LibreOffice. */
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => namedFont(extra);
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The pack as an Excel compliance matrix that suppliers fill in: one row per clause with
 * the requirement (locked, so it cannot be reworded by accident) and unlocked cells for the
 * response, a Yes/Partial/No drop-down, charges and evidence. The sheet is protected without
 * a password: the aim is to stop accidental edits, not to stop a determined supplier, and the
 * council checks returned wording against the pack it issued.
 */
export async function writeTenderComplianceMatrix(pack: TenderPack, options: { readonly identity?: DocumentIdentity | undefined } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Contract Steward';
  workbook.title = `${pack.title}: compliance matrix`;
  workbook.subject = `Tender ${pack.reference}`;
  workbook.description = `Appendix M data access and API requirements, clause library ${pack.libraryVersion}`;
  const sheet = workbook.addWorksheet(MATRIX_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: MATRIX_HEADER_ROW, topLeftCell: `A${MATRIX_HEADER_ROW + 1}`, activeCell: `D${MATRIX_HEADER_ROW + 2}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${MATRIX_HEADER_ROW}:${MATRIX_HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.headerFooter = headerFooter(`${pack.reference}: Appendix M compliance matrix`, options.identity);
  sheet.columns = MATRIX_COLUMNS.map((c) => ({ width: c.width }));

  titleBlock(sheet, pack, options.identity);
  supplierDetails(sheet);
  const header = sheet.getRow(MATRIX_HEADER_ROW);
  header.values = MATRIX_COLUMNS.map((c) => c.header);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = font({ bold: true, color: { argb: 'FFFFFFFF' } });
    cell.fill = fill(NAVY);
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });

  let rowNumber = MATRIX_HEADER_ROW;
  const answerRows: number[] = [];
  for (const section of pack.sections) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = `${section.number}. ${section.title}`;
    sheet.mergeCells(rowNumber, 1, rowNumber, MATRIX_COLUMNS.length);
    row.getCell(1).font = font({ bold: true, color: { argb: NAVY } });
    row.getCell(1).fill = fill('FFD9E1F2');
    row.height = 20;
    for (const clause of section.clauses) {
      rowNumber += 1;
      clauseRow(sheet.getRow(rowNumber), clause);
      if (clause.needsResponse) answerRows.push(rowNumber);
    }
  }
  const last = rowNumber;
  // One validation per run of answer rows, each written once (per-cell validations come out duplicated).
  for (const run of runsOf(answerRows)) validateRange(sheet, `E${run.from}:E${run.to}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${COMPLIANCE_ANSWERS.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Compliant',
    error: 'Choose Yes, Partial or No.',
    showInputMessage: true,
    promptTitle: 'Compliant',
    prompt: 'Yes, Partial or No',
  });
  countAnswers(sheet, last + 2, { from: MATRIX_HEADER_ROW + 1, to: last }, answerRows.length);

  // Nothing outside the response cells can change; suppliers may still resize rows to read.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  return autoHeightRows(Buffer.from(await workbook.xlsx.writeBuffer()), answerRows);
}

/**
 * Lets the rows suppliers answer in grow with their answers. exceljs marks every row it gives
 * a height as a custom height, which Excel and LibreOffice then keep however much is typed;
 * without the mark the height we set is only where the row starts, and both programs fit it
 * to the wrapped text (LibreOffice on opening, Excel as each answer is typed).
 */
async function autoHeightRows(xlsx: Buffer, rows: readonly number[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)?.async('string');
  if (xml === undefined) throw new Error(`the compliance matrix has no ${path}`);
  const auto = new Set(rows.map(String));
  const fitted = xml.replace(/<row r="(\d+)"([^>]*?) customHeight="1"/g, (whole, r: string, rest: string) => (auto.has(r) ? `<row r="${r}"${rest}` : whole));
  zip.file(path, fitted);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Consecutive row numbers as runs: [7, 8, 9, 11] → 7–9 and 11–11. */
function runsOf(rows: readonly number[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  for (const r of rows) {
    const run = runs.at(-1);
    if (run && run.to === r - 1) run.to = r;
    else runs.push({ from: r, to: r });
  }
  return runs;
}

/** The supplier's name, the date and who signs for them: labelled, unlocked cells above the clauses. */
function supplierDetails(sheet: ExcelJS.Worksheet): void {
  SUPPLIER_FIELDS.forEach((label, i) => {
    const row = sheet.getRow(SUPPLIER_ROW + i);
    sheet.mergeCells(row.number, 1, row.number, 3);
    const name = row.getCell(1);
    name.value = label;
    name.font = font({ bold: true });
    name.alignment = { vertical: 'middle', horizontal: 'right' };
    const answer = row.getCell(4);
    answer.protection = { locked: false };
    answer.fill = fill('FFFFFDE7');
    answer.border = BORDER;
    answer.font = font();
    answer.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    if (label === 'Date') answer.numFmt = 'dd/mm/yyyy';
    row.height = 20;
  });
}

/** How many clauses are answered Yes, Partial and No, and how many are still blank, below the clauses. */
function countAnswers(sheet: ExcelJS.Worksheet, at: number, rows: { readonly from: number; readonly to: number }, clauses: number): void {
  const range = (column: string) => `$${column}$${rows.from}:$${column}$${rows.to}`;
  const title = sheet.getRow(at);
  title.getCell(3).value = 'Answers';
  title.getCell(3).font = font({ bold: true, color: { argb: NAVY } });
  const lines: [string, string][] = [
    ...COMPLIANCE_ANSWERS.map((answer): [string, string] => [answer, `COUNTIF(${range('E')},"${answer}")`]),
    // Clause rows have a number in B (section rows do not); lead-ins say they need no response.
    ['Not yet answered', `SUMPRODUCT((${range('B')}<>"")*(LEFT(${range('D')},10)<>"Applies to")*(${range('E')}=""))`],
  ];
  lines.forEach(([label, formula], i) => {
    const row = sheet.getRow(at + 1 + i);
    row.getCell(3).value = label;
    row.getCell(3).alignment = { horizontal: 'right' };
    row.getCell(4).value = { formula, result: label === 'Not yet answered' ? clauses : 0 } as ExcelJS.CellFormulaValue;
    row.getCell(4).alignment = { horizontal: 'left' };
    for (const column of [3, 4]) {
      row.getCell(column).font = font(column === 3 ? { bold: true } : {});
      row.getCell(column).border = BORDER;
    }
  });
}

function titleBlock(sheet: ExcelJS.Worksheet, pack: TenderPack, identity: DocumentIdentity | undefined): void {
  const last = MATRIX_COLUMNS.length;
  const council = identity?.councilName ? `${identity.councilName}  ·  ` : '';
  const lines: [string, Partial<ExcelJS.Font>, number][] = [
    [`Compliance matrix: ${pack.title}`, { bold: true, size: 14, color: { argb: NAVY } }, 24],
    [`${council}${APPENDIX_M_LABEL}  ·  Tender reference ${pack.reference}  ·  ${appendixVersionLabel(pack.libraryVersion, formatLongDate(pack.date))}`, { color: { argb: 'FF595959' } }, 18],
    [
      `${pack.preamble} For each clause, write your response, choose Yes, Partial or No under Compliant, state any charges, and give evidence (a document and section, or a link).`,
      {},
      36,
    ],
  ];
  lines.forEach(([text, style, height], index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = xlsxSafe(text);
    row.getCell(1).font = font(style);
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    row.height = height;
    sheet.mergeCells(index + 1, 1, index + 1, last);
  });
}

function clauseRow(row: ExcelJS.Row, clause: PackClause): void {
  const requirement = [clause.text, ...clause.items.map((item) => `• ${item}`)].join('\n');
  row.getCell(1).value = clause.id;
  row.getCell(2).value = clause.number;
  row.getCell(3).value = xlsxSafe(requirement);
  for (let column = 1; column <= MATRIX_COLUMNS.length; column += 1) {
    const cell = row.getCell(column);
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.border = BORDER;
    cell.font = font();
  }
  row.getCell(2).alignment = { vertical: 'top', horizontal: 'left' };
  // Excel and LibreOffice do not grow a row for wrapped text written by a library, so size it here.
  row.height = Math.max(30, estimateLines(requirement, MATRIX_COLUMNS[2].width) * 13.5 + 6);
  if (!clause.needsResponse) {
    // A lead-in only introduces the clauses under it: nothing to answer.
    row.getCell(3).font = font({ italic: true });
    for (const column of RESPONSE_COLUMNS) row.getCell(column).fill = fill('FFF2F2F2');
    row.getCell(4).value = 'Applies to the clauses below; no response needed.';
    row.getCell(4).font = font({ italic: true, color: { argb: 'FF7F7F7F' } });
    return;
  }
  for (const column of RESPONSE_COLUMNS) {
    const cell = row.getCell(column);
    cell.protection = { locked: false };
    cell.fill = fill('FFFFFDE7');
  }
  row.getCell(COMPLIANT_COLUMN).alignment = { vertical: 'top', horizontal: 'center' };
}

/** Roughly how many lines wrapped text takes in a column `width` characters wide. */
function estimateLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.25));
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}


