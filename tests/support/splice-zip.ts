import { createZip } from './create-zip.js';

const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** Where a zip's central directory starts. */
export function directoryOffset(zip: Buffer): number {
  return zip.readUInt32LE(zip.lastIndexOf(END_OF_DIRECTORY) + 16);
}

/** Where the local entry of `name` starts, as the central directory says. */
export function localOffset(zip: Buffer, name: string): number {
  for (let at = zip.indexOf(CENTRAL_HEADER, directoryOffset(zip)); at >= 0; at = zip.indexOf(CENTRAL_HEADER, at + 4)) {
    const length = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + length) === name) return zip.readUInt32LE(at + 42);
  }
  throw new Error(`${name} is not in the zip`);
}

/**
 * Puts `bytes` into a zip at byte `at` without listing them in the central directory: every
 * offset past `at` moves on, so the directory still reads as sound. With a local entry as the
 * bytes, this is the attack a central-directory-only check misses.
 */
export function spliceUnlisted(zip: Buffer, at: number, bytes: Buffer): Buffer {
  const out = Buffer.concat([zip.subarray(0, at), bytes, zip.subarray(at)]);
  const end = out.lastIndexOf(END_OF_DIRECTORY);
  const directory = out.readUInt32LE(end + 16) + (out.readUInt32LE(end + 16) >= at ? bytes.length : 0);
  out.writeUInt32LE(directory, end + 16);
  for (let record = out.indexOf(CENTRAL_HEADER, directory); record >= 0 && record < end; record = out.indexOf(CENTRAL_HEADER, record + 4)) {
    const offset = out.readUInt32LE(record + 42);
    if (offset >= at) out.writeUInt32LE(offset + bytes.length, record + 42);
  }
  return out;
}

/** One local entry (header, name and deflated data) as it would sit inside a zip. */
export function localEntry(name: string, data: Buffer, method: 0 | 8 = 8): Buffer {
  const zip = createZip([{ name, data, method }]);
  return zip.subarray(0, directoryOffset(zip));
}
