import { RegisterFileError } from './register-file-error.js';

/** One part of the zip, as its central directory record and its local header both give it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** Where the part's compressed bytes start. */
  readonly dataOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const DATA_DESCRIPTOR = 0x08074b50;
const DESCRIPTOR_SIGNATURE = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
const ENCRYPTED = 0x0001;
const HAS_DATA_DESCRIPTOR = 0x0008;
/** exceljs takes any name containing this for a worksheet, wherever it sits in the zip. */
const LOOKS_LIKE_WORKSHEET = /xl\/worksheets\/(_rels\/)?sheet\d+\.xml/i;
const WORKSHEET = /^xl\/worksheets\/(sheet[1-9]\d*\.xml|_rels\/sheet[1-9]\d*\.xml\.rels)$/;

/**
 * Reads the zip's central directory and proves that the local entries, read one after another
 * from the first byte, are exactly the parts it lists: the same names, methods and sizes, no
 * byte between or after them that the directory does not account for, and no two parts with
 * the same name. Excel, exceljs's `load` and the register import go by the directory; other
 * readers (exceljs's own streaming unzip among them) walk the local headers in file order.
 * Where the two could differ, a
 * file could show one set of rows in Excel and import another, and a size check made on the
 * directory would not cover what is imported — so such a file is refused, not read.
 *
 * A part with a data descriptor (general purpose bit 3, which LibreOffice and exceljs write)
 * has zero sizes in its local header; a streaming unzip finds its end by the first
 * descriptor signature after its data starts, so that signature must come exactly where the
 * directory's compressed size ends the data.
 */
export function checkZipLayout(bytes: Buffer): ZipEntry[] {
  const end = bytes.lastIndexOf(END_OF_DIRECTORY, Math.max(0, bytes.length - 22));
  if (end < 0 || end + 22 > bytes.length) {
    throw new RegisterFileError('not-a-spreadsheet', 'the file is not a readable .xlsx workbook (its zip directory is missing) — open it in Excel and save it again');
  }
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw new RegisterFileError('zip-bomb', 'the workbook is a zip64 archive, made for parts larger than 4 GB — save the register sheet alone as .xlsx or .csv');
  }
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0 || bytes.readUInt16LE(end + 8) !== count) {
    throw mismatch('it is one part of a zip split over several files');
  }
  if (end + 22 + bytes.readUInt16LE(end + 20) !== bytes.length) throw mismatch('there are bytes after the end of its zip directory');
  if (directoryOffset + directorySize !== end) throw mismatch('its zip directory does not end where the archive says');

  const listed: { entry: Omit<ZipEntry, 'dataOffset'>; flags: number; crc: number; rawName: Buffer }[] = [];
  const names = new Set<string>();
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_HEADER) {
      throw new RegisterFileError('not-a-spreadsheet', 'the .xlsx workbook is damaged (its zip directory is broken) — open it in Excel and save it again');
    }
    const flags = bytes.readUInt16LE(at + 8);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = rawName.toString('utf8');
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      throw new RegisterFileError('zip-bomb', 'the workbook has a part larger than 4 GB — save the register sheet alone as .xlsx or .csv');
    }
    if ((flags & ENCRYPTED) !== 0) throw mismatch(`its part ${name} is encrypted`);
    // Part names compare without case (ECMA-376 Part 2, 9.1.1.1.2); a leading slash is how exceljs also reads them.
    const key = name.replace(/^\//, '').toLowerCase();
    if (names.has(key)) throw mismatch(`it holds two parts named ${name}`);
    names.add(key);
    if (LOOKS_LIKE_WORKSHEET.test(name) && !WORKSHEET.test(name)) throw mismatch(`it holds a part named ${name}, which a reader could take for a worksheet`);
    const entry = { name, method: bytes.readUInt16LE(at + 10), compressedSize, uncompressedSize, localHeaderOffset: bytes.readUInt32LE(at + 42) };
    listed.push({ entry, flags, crc: bytes.readUInt32LE(at + 16), rawName });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (at !== end) throw mismatch('its zip directory has records the archive does not count');

  // Walk the local entries as a streaming reader does: each must start where the last ended.
  const entries: ZipEntry[] = [];
  let position = 0;
  for (const { entry, flags, crc, rawName } of [...listed].sort((a, b) => a.entry.localHeaderOffset - b.entry.localHeaderOffset)) {
    if (entry.localHeaderOffset > position) throw mismatch(`it holds ${entry.localHeaderOffset - position} bytes before the part ${entry.name} that its directory does not list`);
    if (entry.localHeaderOffset < position) throw mismatch(`its part ${entry.name} overlaps the part before it`);
    if (position + 30 > directoryOffset || bytes.readUInt32LE(position) !== LOCAL_HEADER) throw mismatch(`the part ${entry.name} is not where its directory says`);
    const localFlags = bytes.readUInt16LE(position + 6);
    const nameLength = bytes.readUInt16LE(position + 26);
    const localName = bytes.subarray(position + 30, position + 30 + nameLength);
    if (!localName.equals(rawName)) throw mismatch(`its directory lists ${entry.name} where the part is named ${localName.toString('utf8')}`);
    const described = (flags & HAS_DATA_DESCRIPTOR) !== 0;
    if (described !== ((localFlags & HAS_DATA_DESCRIPTOR) !== 0) || bytes.readUInt16LE(position + 8) !== entry.method) {
      throw mismatch(`the part ${entry.name} is stored differently from what its directory says`);
    }
    const local = { crc: bytes.readUInt32LE(position + 14), compressed: bytes.readUInt32LE(position + 18), uncompressed: bytes.readUInt32LE(position + 22) };
    const agrees = local.crc === crc && local.compressed === entry.compressedSize && local.uncompressed === entry.uncompressedSize;
    const deferred = described && local.crc === 0 && local.compressed === 0 && local.uncompressed === 0;
    if (!agrees && !deferred) throw mismatch(`the sizes of the part ${entry.name} differ from its directory`);
    const dataOffset = position + 30 + nameLength + bytes.readUInt16LE(position + 28);
    position = dataOffset + entry.compressedSize;
    if (position > directoryOffset) throw mismatch(`the part ${entry.name} runs into its zip directory`);
    if (described) {
      // A streaming reader takes the first descriptor signature as the end of the data.
      const firstSignature = bytes.indexOf(DESCRIPTOR_SIGNATURE, dataOffset);
      if (firstSignature !== position || position + 16 > directoryOffset) throw mismatch(`the part ${entry.name} does not end where its directory says`);
      if (bytes.readUInt32LE(position) !== DATA_DESCRIPTOR || bytes.readUInt32LE(position + 4) !== crc || bytes.readUInt32LE(position + 8) !== entry.compressedSize || bytes.readUInt32LE(position + 12) !== entry.uncompressedSize) {
        throw mismatch(`the sizes of the part ${entry.name} differ from its directory`);
      }
      position += 16;
    }
    entries.push({ ...entry, dataOffset });
  }
  if (position !== directoryOffset) throw mismatch(`it holds ${directoryOffset - position} bytes after its last part that its directory does not list`);
  return entries;
}

function mismatch(what: string): RegisterFileError {
  return new RegisterFileError('inconsistent-zip', `the file is not a workbook Excel wrote: ${what} — open it in Excel and save it again as .xlsx`);
}
