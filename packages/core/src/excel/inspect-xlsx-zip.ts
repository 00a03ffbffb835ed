import { createInflateRaw } from 'node:zlib';
import { RegisterFileError } from './register-file-error.js';

const MERGE_CELL = Buffer.from('mergeCell ');
const MERGE_REF = /^mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface XlsxInspection {
  /** Merged ranges (`A1:F1`) per worksheet part (`xl/worksheets/sheet1.xml`). */
  readonly merges: ReadonlyMap<string, readonly string[]>;
}

/**
 * Reads the zip's central directory and inflates each part with a running count, before
 * exceljs sees the file: a zip bomb (a few KB that inflate to gigabytes, or sizes that lie)
 * stops at `maxDecompressedBytes`. The same pass collects merged ranges, which the streaming
 * reader drops without a word.
 */
export async function inspectXlsxZip(bytes: Buffer, maxDecompressedBytes: number): Promise<XlsxInspection> {
  const entries = readCentralDirectory(bytes);
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
    await inflateEntry(bytes, entry, (chunk) => {
      inflated += chunk.length;
      if (inflated > maxDecompressedBytes) throw zipBomb(maxDecompressedBytes);
      if (!isSheet) return;
      // Search the bytes natively; a little overlap catches a tag split between chunks.
      const window = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      for (let at = window.indexOf(MERGE_CELL); at >= 0; at = window.indexOf(MERGE_CELL, at + 1)) {
        const ref = MERGE_REF.exec(window.toString('latin1', at, at + 64));
        if (ref?.[1]) found.push(ref[1]);
      }
      tail = Buffer.from(window.subarray(Math.max(0, window.length - 64)));
    });
    if (isSheet && found.length > 0) merges.set(entry.name, [...new Set(found)]);
  }
  return { merges };
}

function zipBomb(limit: number): RegisterFileError {
  return new RegisterFileError(
    'zip-bomb',
    `the workbook unpacks to more than ${Math.round(limit / 1_048_576)} MB, far more than a register needs — it may be damaged or hostile; save the register sheet alone as .xlsx or .csv`,
  );
}

/** The entries listed in the end-of-central-directory record (zip64 is refused: no register needs it). */
export function readCentralDirectory(bytes: Buffer): ZipEntry[] {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), Math.max(0, bytes.length - 22));
  if (eocd < 0 || eocd + 22 > bytes.length) {
    throw new RegisterFileError('not-a-spreadsheet', 'the file is not a readable .xlsx workbook (its zip directory is missing) — open it in Excel and save it again');
  }
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) {
      throw new RegisterFileError('not-a-spreadsheet', 'the .xlsx workbook is damaged (its zip directory is broken) — open it in Excel and save it again');
    }
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const uncompressedSize = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localHeaderOffset = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      throw new RegisterFileError('zip-bomb', 'the workbook has a part larger than 4 GB — save the register sheet alone as .xlsx or .csv');
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function inflateEntry(bytes: Buffer, entry: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== 0x04034b50) {
    throw new RegisterFileError('not-a-spreadsheet', 'the .xlsx workbook is damaged — open it in Excel and save it again');
  }
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
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
