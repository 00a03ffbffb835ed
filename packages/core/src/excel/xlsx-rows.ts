import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import type { CellValue } from '../register/import/cell-value.js';
import { flattenCellValue } from './flatten-cell-value.js';
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
 */
export async function* xlsxRows(bytes: CheckedXlsx): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks(bytes)), {
    entries: 'emit',
    sharedStrings: 'cache',
    // Cached styles let exceljs recognise date cells; without them dates arrive as serial numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  for await (const worksheet of reader) {
    const sheet = (worksheet as unknown as { name: string }).name;
    const part = `xl/worksheets/sheet${(worksheet as unknown as { id: number | string }).id}.xml`;
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const cells: CellValue[] = new Array<CellValue>(Math.max(0, values.length - 1));
      for (let i = 1; i < values.length; i += 1) cells[i - 1] = flattenCellValue(values[i]);
      yield { sheet, part, row: row.number, cells };
    }
  }
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
