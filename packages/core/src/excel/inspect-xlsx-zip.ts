import { createInflateRaw } from 'node:zlib';
import { checkZipLayout, type ZipEntry } from './check-zip-layout.js';
import { RegisterFileError } from './register-file-error.js';

const MERGE_CELL = Buffer.from('mergeCell ');
const MERGE_REF = /^mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/;

declare const CHECKED: unique symbol;

/** The bytes of an .xlsx that `inspectXlsxZip` has checked: the only bytes exceljs is given. */
export type CheckedXlsx = Buffer & { readonly [CHECKED]: true };

export interface XlsxInspection {
  readonly bytes: CheckedXlsx;
  /** Merged ranges (`A1:F1`) per worksheet part (`xl/worksheets/sheet1.xml`). */
  readonly merges: ReadonlyMap<string, readonly string[]>;
}

/**
 * The gate every .xlsx passes before exceljs sees it. Checks that the zip's local entries are
 * exactly the parts its central directory lists (`checkZipLayout`), so that every reader —
 * Excel, exceljs's `load`, its streaming reader — sees the same parts, then inflates each part
 * with a running count: a zip bomb (a few KB that inflate to gigabytes, or sizes that lie)
 * stops at `maxDecompressedBytes`. The same pass collects merged ranges, which the streaming
 * reader drops without a word.
 */
export async function inspectXlsxZip(bytes: Buffer, maxDecompressedBytes: number): Promise<XlsxInspection> {
  const entries = checkZipLayout(bytes);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new RegisterFileError('not-a-spreadsheet', 'the file is a zip archive but not an Excel workbook — save it from Excel as .xlsx or .csv');
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > maxDecompressedBytes) throw zipBomb(maxDecompressedBytes);
  let inflated = 0;
  const merges = new Map<string, string[]>();
  for (const entry of entries) {
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    const found: string[] = [];
    let tail = Buffer.alloc(0);
    let size = 0;
    await inflateEntry(bytes, entry, (chunk) => {
      inflated += chunk.length;
      size += chunk.length;
      if (inflated > maxDecompressedBytes) throw zipBomb(maxDecompressedBytes);
      // The total was checked against the declared sizes: a part may not outgrow its own.
      if (size > entry.uncompressedSize) {
        throw new RegisterFileError('zip-bomb', `the part ${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes its zip directory says — it may be damaged or hostile; open it in Excel and save it again as .xlsx`);
      }
      if (!isSheet) return;
      // Search the bytes natively; a little overlap catches a tag split between chunks.
      const window = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      for (let at = window.indexOf(MERGE_CELL); at >= 0; at = window.indexOf(MERGE_CELL, at + 1)) {
        const ref = MERGE_REF.exec(window.toString('latin1', at, at + 64));
        if (ref?.[1]) found.push(ref[1]);
      }
      tail = Buffer.from(window.subarray(Math.max(0, window.length - 64)));
    });
    if (size < entry.uncompressedSize) {
      throw new RegisterFileError('inconsistent-zip', `the file is not a workbook Excel wrote: its part ${entry.name} unpacks to ${size} bytes, not the ${entry.uncompressedSize} its directory says — open it in Excel and save it again as .xlsx`);
    }
    if (isSheet && found.length > 0) merges.set(entry.name, [...new Set(found)]);
  }
  return { bytes: bytes as CheckedXlsx, merges };
}

function zipBomb(limit: number): RegisterFileError {
  return new RegisterFileError(
    'zip-bomb',
    `the workbook unpacks to more than ${Math.round(limit / 1_048_576)} MB, far more than its data needs — it may be damaged or hostile; copy the sheet you need into a new workbook and save that as .xlsx`,
  );
}

async function inflateEntry(bytes: Buffer, entry: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    onChunk(data);
    return;
  }
  if (entry.method !== 8) throw new RegisterFileError('not-a-spreadsheet', `the workbook uses a zip compression Excel does not write (method ${entry.method}) — save it again from Excel`);
  await new Promise<void>((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    inflater.on('data', (chunk: Buffer) => {
      try {
        onChunk(chunk);
      } catch (error) {
        inflater.destroy();
        reject(error as Error);
      }
    });
    inflater.on('end', () => resolve());
    inflater.on('error', () => reject(new RegisterFileError('not-a-spreadsheet', 'the .xlsx workbook is damaged (a part does not unpack) — open it in Excel and save it again')));
    inflater.end(data);
  });
}
