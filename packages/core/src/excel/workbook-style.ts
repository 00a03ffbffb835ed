import type ExcelJS from 'exceljs';

/**
 * Who a document is from, passed in by the CLI or the bot (adapters never read the
 * environment). Without a council name a document carries no council line at all, rather
 * than a made-up one.
 */
export interface DocumentIdentity {
  /** The council's name, for page headers and title areas, e.g. "Borough of Exampleton". */
  readonly councilName?: string;
  /** The council's logo as PNG bytes, placed in the title area of documents that have one. */
  readonly logo?: Uint8Array;
}

/**
 * Arial, which LibreOffice renders as Liberation Sans (the same metrics). A font written
 * without a name — exceljs's `{ bold: true }` — falls back to a serif in LibreOffice.
 */
export const FONT_NAME = 'Arial';
export const FONT_SIZE = 10;
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
/** Points per line of 10-point text, for rows sized to their wrapped text. */
const LINE_HEIGHT = 13;
/** Characters of 10-point text a landscape A4 page holds across at 100% (portrait: about 70%). */
const LANDSCAPE_CHARACTERS = 150;
/** Fit to at most this many characters a page across: narrower than 60% of full size is hard to read. */
const MOST_CHARACTERS_PER_PAGE = 250;

/** A font with our name and size, whatever else it sets. */
export function namedFont(font: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { ...font, name: font.name ?? FONT_NAME, size: font.size ?? FONT_SIZE };
}

export interface SheetLayout {
  /** The document's title, printed at the top right of every page. */
  readonly title: string;
  readonly identity?: DocumentIdentity | undefined;
  /** Rows printed again at the top of every page, e.g. [1, 1] for a list's header. */
  readonly repeatRows?: readonly [number, number];
  /** Columns printed again at the left of every page, e.g. ['A', 'A'] for a reference. */
  readonly repeatColumns?: readonly [string, string];
  /** A list of rows under one header row: frozen below it, AutoFilter on it, header styled. */
  readonly list?: { readonly headerRow: number; readonly columns: number };
}

/**
 * The print and screen layout every workbook shares, in one call per sheet: A4, landscape
 * when the columns are wider than a portrait page, fitted to a readable number of pages
 * across, the council, title and "Page N of M" in the header and footer, repeated header
 * rows, and every font named. Call it once the sheet's columns and cells are written (a
 * streamed sheet: before its first row is committed; its rows take fonts from `columns`).
 *
 * @example styleSheet(sheet, { title: 'Contracts register', identity, list: { headerRow: 1, columns: 48 }, repeatRows: [1, 1] });
 */
export function styleSheet(sheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  const width = totalWidth(sheet);
  const landscape = width > LANDSCAPE_CHARACTERS * 0.7;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: Math.max(1, Math.ceil(width / MOST_CHARACTERS_PER_PAGE)),
    fitToHeight: 0, // as many pages down as it takes
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(layout.repeatRows ? { printTitlesRow: `${layout.repeatRows[0]}:${layout.repeatRows[1]}` } : {}),
    ...(layout.repeatColumns ? { printTitlesColumn: `${layout.repeatColumns[0]}:${layout.repeatColumns[1]}` } : {}),
  };
  sheet.headerFooter = headerFooter(layout.title, layout.identity);
  if (layout.list) {
    const { headerRow, columns } = layout.list;
    // In place: a streamed sheet's views has a getter and no setter.
    sheet.views.splice(0, sheet.views.length, { state: 'frozen', ySplit: headerRow, xSplit: 0, topLeftCell: `A${headerRow + 1}` });
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns } };
    styleHeaderRow(sheet.getRow(headerRow), columns);
  }
  nameFonts(sheet);
}

/** The header (council left, title right) and footer (sheet left, "Page N of M" right) of every printed page. */
export function headerFooter(title: string, identity?: DocumentIdentity): Partial<ExcelJS.HeaderFooter> {
  const text = (s: string, most: number) => (s.length > most ? `${s.slice(0, most - 1)}…` : s).replaceAll('&', '&&');
  // Excel keeps at most 255 characters in each of header and footer, codes included.
  const council = identity?.councilName ? `&L&"${FONT_NAME},Bold"&10${text(identity.councilName, 90)}` : '';
  const header = `${council}&R&"${FONT_NAME},Regular"&9${text(title, 120)}`;
  const footer = `&L&"${FONT_NAME},Regular"&9&A&R&"${FONT_NAME},Regular"&9Page &P of &N`;
  return { oddHeader: header, oddFooter: footer, evenHeader: header, evenFooter: footer, differentOddEven: false };
}

/** A header row people can read in print: bold, shaded, wrapped, top-aligned, tall enough for its labels. */
export function styleHeaderRow(row: ExcelJS.Row, columns: number): void {
  let lines = 1;
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = namedFont({ ...cell.font, bold: true });
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9C8' } } };
    lines = Math.max(lines, linesOf(textOf(cell.value), cellWidth(row.worksheet, c)));
  }
  row.height = Math.max(row.height ?? 0, LINE_HEIGHT * lines + 4);
}

/** Gives every written cell a named font (keeping bold, size and colour), so no text falls back to a serif. */
export function nameFonts(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.font?.name !== FONT_NAME) cell.font = namedFont(cell.font ?? {});
    });
  });
}

/**
 * Sets each row's height from the wrapped text in it: neither Excel nor LibreOffice grows a
 * row to fit when it opens a file, so without this long guidance prints over the row below.
 * Merged cells count the width of every column they span.
 */
export function fitRowHeights(sheet: ExcelJS.Worksheet, rows?: { readonly from: number; readonly to: number }): void {
  const from = rows?.from ?? 1;
  const to = rows?.to ?? sheet.rowCount;
  for (let r = from; r <= to; r++) fitRowHeight(sheet.getRow(r));
}

/** Sets one row's height from the wrapped text in it (see fitRowHeights). */
export function fitRowHeight(row: ExcelJS.Row): void {
  let lines = 1;
  let size = FONT_SIZE;
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (cell.isMerged && cell.master !== cell) return;
    if (!cell.alignment?.wrapText) return;
    size = Math.max(size, cell.font?.size ?? FONT_SIZE);
    lines = Math.max(lines, linesOf(textOf(cell.value), mergedWidth(row.worksheet, cell, column)));
  });
  if (lines > 1 || size > FONT_SIZE) row.height = Math.ceil(((LINE_HEIGHT * size) / FONT_SIZE) * lines + 3);
}

/**
 * Column widths from the longest line in each column, kept between `min` and `max`
 * characters (long text wraps within `max`).
 */
export function fitColumnWidths(sheet: ExcelJS.Worksheet, bounds: { readonly min?: number; readonly max?: number } = {}): void {
  const min = bounds.min ?? 8;
  const max = bounds.max ?? 60;
  const longest = new Map<number, number>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged) return;
      const length = Math.max(0, ...textOf(cell.value).split('\n').map((line) => line.length));
      longest.set(column, Math.max(longest.get(column) ?? 0, length * (cell.font?.bold ? 1.1 : 1)));
    });
  });
  for (const [column, length] of longest) sheet.getColumn(column).width = Math.min(max, Math.max(min, Math.ceil(length + 2)));
}

/**
 * One data validation for a whole range (`B2:B501`), written once. Setting it cell by cell
 * holds an object per cell, and exceljs then writes overlapping duplicates (it sorts B10 before B9).
 */
export function validateRange(sheet: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(range, validation);
}

/**
 * Places the council's logo at the right of a sheet's title area, `height` points tall
 * (its width kept in proportion), starting at column `column` (1-based) of row 1. Does
 * nothing without a logo.
 */
export function addLogo(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, identity: DocumentIdentity | undefined, column: number, height = 40): void {
  const logo = identity?.logo;
  if (!logo) return;
  const size = pngSize(logo);
  if (!size) throw new Error('The council logo is not a PNG image');
  const pixels = (height * 96) / 72;
  const image = workbook.addImage({ buffer: Buffer.from(logo) as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(image, { tl: { col: column - 1, row: 0 }, ext: { width: (pixels * size.width) / size.height, height: pixels }, editAs: 'oneCell' });
  sheet.getRow(1).height = Math.max(sheet.getRow(1).height ?? 0, height + 4);
}

/** A PNG's size in pixels from its header, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const width = view.readUInt32BE(16);
  const height = view.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function totalWidth(sheet: ExcelJS.Worksheet): number {
  // `columns`, not columnCount: a streamed sheet has only the former.
  return (sheet.columns ?? []).reduce((width, column) => width + (column.hidden ? 0 : (column.width ?? 9)), 0);
}

function cellWidth(sheet: ExcelJS.Worksheet, column: number): number {
  return sheet.getColumn(column).width ?? 9;
}

function mergedWidth(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, column: number): number {
  if (!cell.isMerged) return cellWidth(sheet, column);
  // The master of a merge: add the widths of the columns to its right that it covers.
  let width = cellWidth(sheet, column);
  for (let c = column + 1; c <= (sheet.columns ?? []).length; c++) {
    const next = sheet.getCell(Number(cell.row), c);
    if (!next.isMerged || next.master.address !== cell.address) break;
    width += cellWidth(sheet, c);
  }
  return width;
}

/** Lines a text takes in a column `width` characters wide, each paragraph wrapped on its own. */
function linesOf(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.15) - 1);
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return '00/00/0000';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result);
    if ('text' in value) return String(value.text);
    return '';
  }
  return typeof value === 'number' ? value.toLocaleString('en-GB') : String(value);
}
