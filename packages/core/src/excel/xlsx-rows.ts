import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { CellValue } from '../register/import/cell-value.js';
import { flattenCellValue } from './flatten-cell-value.js';
import { checkZipLayout, type ZipEntry } from './check-zip-layout.js';
import type { CheckedXlsx } from './inspect-xlsx-zip.js';

/** One row of a sheet as read, before any conversion. */
export interface RawRow {
  readonly sheet: string;
  /** The worksheet part (`xl/worksheets/sheet1.xml`), for merged ranges. */
  readonly part?: string;
  readonly row: number;
  readonly cells: CellValue[];
}

/**
 * Streams every row of every sheet of an .xlsx with exceljs, in this thread. It takes the bytes
 * `inspectXlsxZip` checked, not a path, so that what is read is what was checked.
 *
 * The parts are handed to exceljs's streaming reader one by one, in the order the worksheets
 * need them (relationships, workbook, shared strings, styles, then each sheet), straight from
 * the checked bytes. Its own unzip walks the file in stored order, and Excel-style writers
 * (exceljs among them) store the sheets before the shared strings and the workbook part: it
 * then parks each sheet in a temporary file, and under load it now and then read a sheet
 * before the workbook part had been parsed and failed with "reading 'sheets'". Feeding the
 * parts in order avoids both the race and the temporary copies of an uploaded register.
 */
export async function* xlsxRows(bytes: CheckedXlsx): AsyncGenerator<RawRow> {
  const parts = checkZipLayout(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    entries: 'ignore',
    sharedStrings: 'cache',
    // Cached styles let exceljs recognise date cells; without them dates arrive as serial numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions) as unknown as StreamingReaderParts;
  const part = (name: string) => parts.find((entry) => entry.name === name);
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(partStream(bytes, rels));
  const workbook = part('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(partStream(bytes, workbook));
  const sharedStrings = part('xl/sharedStrings.xml');
  // With strings cached this generator yields nothing; it fills the reader's table.
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(partStream(bytes, sharedStrings)));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(partStream(bytes, styles));
  for (const entry of parts) {
    const sheetNo = WORKSHEET_PART.exec(entry.name)?.[1];
    if (sheetNo === undefined) continue;
    for (const { value: worksheet } of reader._parseWorksheet(partStream(bytes, entry), sheetNo)) {
      const sheet = worksheet.name;
      const partName = `xl/worksheets/sheet${worksheet.id}.xml`;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: CellValue[] = new Array<CellValue>(Math.max(0, values.length - 1));
        for (let i = 1; i < values.length; i += 1) cells[i - 1] = flattenCellValue(values[i]);
        yield { sheet, part: partName, row: row.number, cells };
      }
    }
  }
}

const WORKSHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The steps of exceljs 4's streaming `WorkbookReader.parse`, which it runs itself as it meets
 * each part in the zip. They are not in its typings; exceljs is pinned in package.json, and the
 * register import tests fail if they change.
 */
interface StreamingReaderParts {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Generator<{ value: StreamedWorksheet }>;
}

interface StreamedWorksheet extends AsyncIterable<ExcelJS.Row> {
  readonly name: string;
  readonly id: number | string;
}

/** One part's bytes, inflated as they are read. */
function partStream(bytes: Buffer, entry: ZipEntry): Readable {
  const stored = Readable.from(chunks(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)));
  return entry.method === 0 ? stored : stored.pipe(createInflateRaw());
}

/** The bytes in slices, as a file would be read, so that exceljs parses while it unzips. */
function* chunks(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
}

/** What the reading thread sends: a batch of rows, the end, or why it stopped. */
export type XlsxRowsMessage =
  | { readonly rows: RawRow[] }
  | { readonly done: true }
  | { readonly error: { readonly name: string; readonly message: string } };

/** Rows per message from the reading thread, and how many batches it may read ahead. */
export const ROWS_PER_MESSAGE = 500;
export const BATCHES_AHEAD = 4;

const WORKER = fileURLToPath(new URL('./xlsx-rows-worker.js', import.meta.url));

/**
 * The same rows as `xlsxRows`, parsed by exceljs in a worker thread so that the caller's
 * conversion and database writes run while the next rows are parsed: on a machine with a
 * second core, an import then takes little longer than reading the file. The worker reads
 * at most a few batches ahead, so memory stays flat. Runs in this thread instead when the
 * worker script is not there (the TypeScript sources, under test).
 */
export async function* xlsxRowsAside(bytes: CheckedXlsx): AsyncGenerator<RawRow> {
  if (!existsSync(WORKER)) {
    yield* xlsxRows(bytes);
    return;
  }
  const worker = new Worker(WORKER, { workerData: { bytes } });
  const inbox: (XlsxRowsMessage | { readonly stopped: Error })[] = [];
  let wake: (() => void) | undefined;
  const deliver = (message: XlsxRowsMessage | { readonly stopped: Error }) => {
    inbox.push(message);
    wake?.();
  };
  worker.on('message', deliver);
  worker.on('error', (error: Error) => deliver({ stopped: error }));
  worker.on('exit', (code) => deliver({ stopped: new Error(`the spreadsheet reader stopped unexpectedly (exit code ${code})`) }));
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const message = inbox.shift() as XlsxRowsMessage | { readonly stopped: Error };
      if ('rows' in message) {
        worker.postMessage('next');
        yield* message.rows;
      } else if ('done' in message) return;
      else if ('stopped' in message) throw message.stopped;
      else throw Object.assign(new Error(message.error.message), { name: message.error.name });
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
