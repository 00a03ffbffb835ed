import { csvUnescape } from './spreadsheet-safety.js';
import { basename } from 'node:path';
import type { Contract } from '../register/contract.schema.js';
import type { CellValue } from '../register/import/cell-value.js';
import { convertRow, type SourceRow } from '../register/import/convert-row.js';
import type { ImportProblem } from '../register/import/import-problem.js';
import { mapHeaders, type HeaderMapping, type MappedColumn, type UserMapping } from '../register/import/map-headers.js';
import { OCDS_COLUMNS, buyersOf, isBuyersRow, ocdsToRows, type OcdsBuyer } from '../register/import/ocds.js';
import { inspectXlsxZip } from './inspect-xlsx-zip.js';
import { parseCsv } from './parse-csv.js';
import { RegisterFileError } from './register-file-error.js';
import { xlsxRowsAside, type RawRow } from './xlsx-rows.js';

/**
 * An accepted row kept by `readRegister` when no sink is given, as the contract's JSON: the
 * text is several times smaller than the object.
 */
export interface CandidateRow {
  readonly sheet: string;
  readonly row: number;
  readonly reference: string;
  /** `JSON.stringify` of the validated Contract. */
  readonly json: string;
}

/** A file as uploaded or read from disk: the name it was given (to report, and to sniff its type by) and its bytes. */
export interface SpreadsheetFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export interface ReadRegisterOptions {
  /** Read this sheet; otherwise the first sheet that looks like a register. */
  readonly sheet?: string;
  readonly mapping?: UserMapping;
  /** Default 50 MB. */
  readonly maxBytes?: number;
  /** Default 1 GB: the most an .xlsx may unpack to. */
  readonly maxDecompressedBytes?: number;
  /** OCDS files: read only this buyer's awards (its name or its OCDS id). */
  readonly buyer?: string;
}

export interface RegisterReading {
  readonly fileName: string;
  readonly kind: 'xlsx' | 'csv' | 'json';
  readonly sheet: string;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly columns: readonly MappedColumn[];
  readonly unmapped: HeaderMapping['unmapped'];
  /** Data rows read (blank rows are not counted). */
  readonly rows: number;
  /** Accepted rows, when no `onAccepted` sink was given (otherwise empty). */
  readonly accepted: readonly CandidateRow[];
  /** How many rows were accepted. */
  readonly acceptedCount: number;
  /** Rows with errors, kept whole for the problems workbook. */
  readonly rejected: readonly SourceRow[];
  readonly problems: readonly ImportProblem[];
}

/** Receives each accepted row as it is read. */
export type AcceptedSink = (row: {
  readonly sheet: string;
  readonly row: number;
  readonly contract: Contract;
  /** The row's cells as read, for handing a rejected duplicate back to the user. */
  readonly cells: readonly CellValue[];
}) => void | Promise<void>;

export const DEFAULT_MAX_BYTES = 50 * 1_048_576;
/** The most rows an Excel sheet holds: a sheet this full was probably cut short. */
export const EXCEL_MAX_ROWS = 1_048_576;
/** The most characters Excel allows in a cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;
const HEADER_SEARCH_ROWS = 30;
const MIN_HEADER_FIELDS = 3;

/**
 * Reads a register from .xlsx (streamed), .csv or OCDS .json, finds the sheet and header row,
 * and converts every row, collecting problems. Refuses bad files with a RegisterFileError
 * before anything is converted. Does no database work.
 *
 * With `onAccepted`, each accepted row goes to the sink as it is read (awaited, in file order)
 * instead of being kept: a 100,000-row import never holds every contract at once.
 */
export async function readRegister(file: SpreadsheetFile, options: ReadRegisterOptions = {}, onAccepted?: AcceptedSink): Promise<RegisterReading> {
  const fileName = basename(file.name);
  checkFileSize(file.bytes.length, fileName, options.maxBytes);
  const kind = sniffKind(file.bytes, fileName);
  if (kind === 'json') return readOcds(file.bytes, fileName, onAccepted, options.buyer);
  if (options.buyer !== undefined) {
    throw new RegisterFileError('buyer-needs-ocds', `--buyer chooses one council's awards in an OCDS .json file, and ${fileName} is a spreadsheet — leave --buyer out`);
  }
  const collector = new RowCollector(fileName, kind, options, onAccepted);
  if (kind === 'csv') await collector.consume(csvRows(file.bytes, fileName));
  else {
    const inspection = await inspectXlsxZip(file.bytes, options.maxDecompressedBytes ?? 1024 * 1_048_576);
    collector.merges = inspection.merges;
    await collector.consume(xlsxRowsAside(inspection.bytes));
  }
  return collector.finish();
}

/**
 * The raw rows of a .xlsx or .csv file, after the same checks `readRegister` makes (empty, too
 * large, old or password-protected workbook, what the zip unpacks to): for imports other than
 * the register that are laid out one record a row (KPI results).
 */
export async function readSpreadsheetRows(
  file: SpreadsheetFile,
  options: Pick<ReadRegisterOptions, 'maxBytes' | 'maxDecompressedBytes'> = {},
): Promise<{ readonly kind: 'xlsx' | 'csv'; readonly rows: AsyncIterable<RawRow> | Iterable<RawRow> }> {
  const fileName = basename(file.name);
  checkFileSize(file.bytes.length, fileName, options.maxBytes);
  const kind = sniffKind(file.bytes, fileName);
  if (kind === 'json') throw new RegisterFileError('not-a-spreadsheet', `${fileName} is JSON — give a .xlsx or .csv file`);
  if (kind === 'csv') return { kind, rows: csvRows(file.bytes, fileName) };
  const inspection = await inspectXlsxZip(file.bytes, options.maxDecompressedBytes ?? 1024 * 1_048_576);
  return { kind, rows: xlsxRowsAside(inspection.bytes) };
}

/**
 * Refuses an empty file or one over the limit (default 50 MB). `readRegister` checks the bytes
 * it is given; a caller reading from disk checks the size first, so that it never loads a file
 * the importer would refuse.
 */
export function checkFileSize(size: number, fileName: string, maxBytes = DEFAULT_MAX_BYTES): void {
  if (size === 0) throw new RegisterFileError('empty-file', `${fileName} is empty — export the register again`);
  if (size > maxBytes) {
    throw new RegisterFileError(
      'too-large',
      `${fileName} is ${(size / 1_048_576).toFixed(1)} MB, over the ${Math.round(maxBytes / 1_048_576)} MB limit — split it, or raise the limit with --max-size`,
    );
  }
}

class RowCollector {
  merges: ReadonlyMap<string, readonly string[]> = new Map();
  private sheet: string | undefined;
  private chosen: { sheet: string; headerRow: number; headers: string[]; mapping: HeaderMapping } | undefined;
  private pending: RawRow[] = [];
  private rows = 0;
  private acceptedCount = 0;
  private readonly accepted: CandidateRow[] = [];
  private readonly rejected: SourceRow[] = [];
  private readonly problems: ImportProblem[] = [];

  constructor(
    private readonly fileName: string,
    private readonly kind: 'xlsx' | 'csv',
    private readonly options: ReadRegisterOptions,
    private readonly onAccepted: AcceptedSink | undefined,
  ) {}

  async consume(rows: AsyncIterable<RawRow> | Iterable<RawRow>): Promise<void> {
    for await (const raw of rows) {
      if (raw.row >= EXCEL_MAX_ROWS) {
        throw new RegisterFileError('too-many-rows', `${raw.sheet} reaches row ${EXCEL_MAX_ROWS.toLocaleString('en-GB')}, the last row Excel has — it was probably cut short; split the register and import each part`);
      }
      if (this.chosen) {
        if (raw.sheet !== this.chosen.sheet) break;
        await this.addData(raw);
        continue;
      }
      if (this.options.sheet !== undefined && raw.sheet !== this.options.sheet) continue;
      if (raw.sheet !== this.sheet) {
        this.sheet = raw.sheet;
        this.pending = [];
      }
      this.pending.push(raw);
      const headers = raw.cells.map((cell) => (cell === undefined || cell === null ? '' : String(cell)));
      const mapping = mapHeaders(headers, this.options.mapping);
      if (mapping.columns.length >= MIN_HEADER_FIELDS) {
        this.chosen = { sheet: raw.sheet, headerRow: raw.row, headers, mapping };
        this.checkMerges(raw);
        this.pending = [];
      } else if (this.pending.length >= HEADER_SEARCH_ROWS) {
        this.pending = [];
      }
    }
  }

  finish(): RegisterReading {
    if (!this.chosen) {
      if (this.options.sheet !== undefined && this.sheet === undefined) {
        throw new RegisterFileError('sheet-not-found', `${this.fileName} has no sheet named "${this.options.sheet}" — check the name on the sheet's tab`);
      }
      throw new RegisterFileError(
        'no-register-sheet',
        `no header row found in ${this.fileName}: the importer looks for columns such as Reference, Title, Supplier, Start date and End date in the first ${HEADER_SEARCH_ROWS} rows — rename the headers, or map them with --map "Your header=endDate"`,
      );
    }
    const { sheet, headerRow, headers, mapping } = this.chosen;
    if (!mapping.columns.some((column) => column.field === 'supplierName')) throw noSupplierColumn(this.fileName, this.rows, headers);
    return {
      fileName: this.fileName,
      kind: this.kind,
      sheet,
      headerRow,
      headers,
      columns: mapping.columns,
      unmapped: mapping.unmapped,
      rows: this.rows,
      accepted: this.accepted,
      acceptedCount: this.acceptedCount,
      rejected: this.rejected,
      problems: this.problems,
    };
  }

  private checkMerges(header: RawRow): void {
    const ranges = header.part === undefined ? [] : (this.merges.get(header.part) ?? []);
    const inData = ranges.filter((range) => Number(/\d+$/.exec(range)?.[0] ?? 0) >= header.row);
    if (inData.length > 0) {
      throw new RegisterFileError(
        'merged-cells',
        `${header.sheet} has merged cells in the register (${inData.slice(0, 3).join(', ')}${inData.length > 3 ? ', ...' : ''}) — unmerge them and fill in each row, then import again`,
      );
    }
  }

  private async addData(raw: RawRow): Promise<void> {
    let empty = true;
    for (let i = 0; i < raw.cells.length; i += 1) {
      const cell = raw.cells[i];
      if (typeof cell === 'string') {
        if (cell.length > EXCEL_MAX_CELL_CHARS) {
          throw new RegisterFileError(
            'cell-too-long',
            `${raw.sheet} row ${raw.row} has a cell of ${cell.length.toLocaleString('en-GB')} characters, more than the ${EXCEL_MAX_CELL_CHARS.toLocaleString('en-GB')} Excel allows — shorten it`,
          );
        }
        if (empty && cell.trim() !== '') empty = false;
      } else if (cell !== undefined && cell !== null) empty = false;
    }
    if (empty) return;
    this.rows += 1;
    // Without a supplier column no row can be a contract: the file is refused once, at the end.
    if (!this.chosen?.mapping.columns.some((column) => column.field === 'supplierName')) return;
    const source: SourceRow = { sheet: raw.sheet, row: raw.row, cells: raw.cells };
    const converted = convertRow(source, this.chosen?.mapping.columns ?? []);
    for (const problem of converted.problems) this.problems.push(problem);
    if (!converted.contract) {
      this.rejected.push(source);
      return;
    }
    this.acceptedCount += 1;
    if (this.onAccepted) {
      // Most rows only join a batch: wait only when the sink has something to wait for.
      const pending = this.onAccepted({ sheet: raw.sheet, row: raw.row, contract: converted.contract, cells: raw.cells });
      if (pending) await pending;
    } else this.accepted.push(candidate(raw.sheet, raw.row, converted.contract));
  }
}

/** Headers a list of tenders or opportunities has, and a register of let contracts does not. */
const TENDER_HEADER = /tender|classification|cpv|buyer|notice|opportunit|procedure|deadline|expires|time[\s_-]*remaining/i;

/**
 * One message for a file with no supplier column, rather than the same error on every row:
 * what the file seems to be, and what is missing.
 */
function noSupplierColumn(fileName: string, rows: number, headers: readonly string[]): RegisterFileError {
  const named = headers.map((header) => header.trim()).filter(Boolean);
  const tenderish = named.filter((header) => TENDER_HEADER.test(header));
  const shown = (list: readonly string[]) => `${list.slice(0, 6).join(', ')}${list.length > 6 ? ', ...' : ''}`;
  const what =
    tenderish.length >= 2
      ? `its columns (${shown(tenderish)}) are those of a list of tenders, not a register of contracts let to suppliers`
      : `its columns are ${shown(named)}`;
  return new RegisterFileError(
    'no-supplier-column',
    `${fileName} has ${rows.toLocaleString('en-GB')} row${rows === 1 ? '' : 's'} but no supplier column, so none of them can be imported as a contract: ${what} — import the contracts register, which names each contract's supplier, or map the column that does with --map "Header=supplierName"`,
  );
}

/** "City of Doncaster Council (GB-CFS-257613): 6, North Yorkshire Council (…): 4, …" */
function listBuyers(buyers: readonly OcdsBuyer[]): string {
  return buyers.map((b) => `${b.name}${b.id === undefined ? '' : ` (${b.id})`}: ${b.rows}`).join('; ');
}

function candidate(sheet: string, row: number, contract: Contract): CandidateRow {
  return { sheet, row, reference: contract.reference, json: JSON.stringify(contract) };
}

function sniffKind(bytes: Buffer, fileName: string): 'xlsx' | 'csv' | 'json' {
  const start = bytes.subarray(0, 8192);
  if (start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (start.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // An encrypted .xlsx is an OLE container holding an "EncryptedPackage" stream.
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')) || /\.xlsx$/i.test(fileName)) {
      throw new RegisterFileError('password-protected', `${fileName} is password-protected — open it in Excel, remove the password (File › Info › Protect Workbook) and save it again`);
    }
    throw new RegisterFileError('legacy-xls', `${fileName} is an old Excel 97–2003 .xls workbook — open it in Excel and save it as .xlsx (or .csv), then import that`);
  }
  if (start.includes(0)) {
    throw new RegisterFileError('not-a-spreadsheet', `${fileName} is not a spreadsheet — import a .xlsx, .csv or OCDS .json file`);
  }
  const text = start.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text === '') throw new RegisterFileError('empty-file', `${fileName} is empty — export the register again`);
  if (/\.json$/i.test(fileName) || text.startsWith('{') || text.startsWith('[')) return 'json';
  if (/\.xlsx?$/i.test(fileName)) {
    throw new RegisterFileError('not-a-spreadsheet', `${fileName} is named .xlsx but is not an Excel workbook — save it from Excel as .xlsx or .csv`);
  }
  return 'csv';
}

function* csvRows(bytes: Buffer, fileName: string): Generator<RawRow> {
  const text = decodeText(bytes);
  let row = 0;
  for (const fields of parseCsv(text)) {
    row += 1;
    yield { sheet: fileName, row, cells: fields.map(csvUnescape) };
  }
}

/** UTF-8 when it is valid; otherwise Windows-1252, which is what Excel writes for "CSV" on a UK PC. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function readOcds(bytes: Buffer, fileName: string, onAccepted: AcceptedSink | undefined, buyer: string | undefined): Promise<RegisterReading> {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new RegisterFileError('not-a-spreadsheet', `${fileName} is not valid JSON — import a .xlsx, .csv or an OCDS release package`);
  }
  const all = ocdsToRows(json, fileName);
  if (all.length === 0) {
    throw new RegisterFileError('no-register-sheet', `${fileName} holds no OCDS awards — import an OCDS release package with awards, or a .xlsx or .csv register`);
  }
  const buyers = buyersOf(all);
  const rows = buyer === undefined ? all : all.filter((row) => isBuyersRow(row, buyer));
  if (rows.length === 0) {
    throw new RegisterFileError('buyer-not-found', `${fileName} has no awards by "${buyer}": its buyers are ${listBuyers(buyers)} — give one of these names or ids with --buyer`);
  }
  const accepted: CandidateRow[] = [];
  const rejected: SourceRow[] = [];
  const problems: ImportProblem[] = [];
  if (buyer === undefined && buyers.length > 1) {
    problems.push({
      code: 'several-buyers',
      severity: 'warning',
      sheet: fileName,
      row: 0,
      column: '',
      value: '',
      message: `${fileName} holds the awards of ${buyers.length} buyers, and all were read, each contract keeping its buyer: ${listBuyers(buyers)} — to import only your council's, import it again with --buyer "NAME" or --buyer ID`,
    });
  }
  for (const source of rows) {
    const converted = convertRow(source, OCDS_COLUMNS);
    problems.push(...converted.problems);
    if (!converted.contract) rejected.push(source);
    else if (onAccepted) await onAccepted({ sheet: source.sheet, row: source.row, contract: converted.contract, cells: source.cells });
    else accepted.push(candidate(source.sheet, source.row, converted.contract));
  }
  return {
    fileName,
    kind: 'json',
    sheet: fileName,
    headerRow: 0,
    headers: OCDS_COLUMNS.map((c) => c.header),
    columns: OCDS_COLUMNS,
    unmapped: [],
    rows: rows.length,
    accepted,
    acceptedCount: rows.length - rejected.length,
    rejected,
    problems,
  };
}
