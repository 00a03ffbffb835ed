import ExcelJS from 'exceljs';
import type { PackClause, TenderPack } from '../tenders/build-pack.js';
import { formatLongDate } from '../shared/calendar.js';
import { xlsxSafe } from './spreadsheet-safety.js';

/** The answers a supplier can give in the Compliant column. */
export const COMPLIANCE_ANSWERS = ['Yes', 'Partial', 'No'] as const;

export const MATRIX_SHEET = 'Compliance matrix';
/** The header row; everything above it is the title block, and it stays in view when scrolling. */
export const MATRIX_HEADER_ROW = 5;
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
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: 'Arial', size: 10, ...extra });
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
export async function writeTenderComplianceMatrix(pack: TenderPack): Promise<Buffer> {
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
    headerFooter: { oddFooter: `&L${escapeHeaderFooter(pack.reference)}: data access and API requirements&RPage &P of &N` },
  });
  sheet.columns = MATRIX_COLUMNS.map((c) => ({ width: c.width }));

  titleBlock(sheet, pack);
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
    }
  }

  // Nothing outside the response cells can change; suppliers may still resize rows to read.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function titleBlock(sheet: ExcelJS.Worksheet, pack: TenderPack): void {
  const last = MATRIX_COLUMNS.length;
  const lines: [string, Partial<ExcelJS.Font>, number][] = [
    [`Compliance matrix: ${pack.title}`, { bold: true, size: 14, color: { argb: NAVY } }, 24],
    [`Tender reference ${pack.reference}  ·  ${formatLongDate(pack.date)}  ·  Clause library ${pack.libraryVersion}`, { color: { argb: 'FF595959' } }, 18],
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
  row.getCell(COMPLIANT_COLUMN).dataValidation = {
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
  };
  row.getCell(COMPLIANT_COLUMN).alignment = { vertical: 'top', horizontal: 'center' };
}

/** Roughly how many lines wrapped text takes in a column `width` characters wide. */
function estimateLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.25));
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

/** `&` starts a code in Excel headers and footers; a literal one is written `&&`. */
function escapeHeaderFooter(text: string): string {
  return text.replaceAll('&', '&&');
}
