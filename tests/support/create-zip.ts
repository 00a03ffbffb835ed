import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  /** 8 deflates (the default); 0 stores the bytes as they are. */
  readonly method?: 0 | 8;
}

// 1 Jan 2026, 00:00: a fixed time so the same input packs to the same bytes.
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

/**
 * A zip archive written byte by byte, for tests that craft files no library would write: a
 * document of the wrong kind, a zip bomb, a directory that lies about sizes (patched at the
 * offsets below). The local header and the central directory record carry the same fields, at
 * offsets that differ by `shift`. The app package is packed with JSZip instead.
 */
export function createZip(files: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const method = file.method ?? 8;
    const body = method === 8 ? deflateRawSync(file.data) : file.data;
    const writeShared = (header: Buffer, shift: number) => {
      header.writeUInt16LE(UTF8_NAMES, 6 + shift);
      header.writeUInt16LE(method, 8 + shift);
      header.writeUInt16LE(DOS_TIME, 10 + shift);
      header.writeUInt16LE(DOS_DATE, 12 + shift);
      header.writeUInt32LE(crc32(file.data), 14 + shift);
      header.writeUInt32LE(body.length, 18 + shift);
      header.writeUInt32LE(file.data.length, 22 + shift);
      header.writeUInt16LE(name.length, 26 + shift);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeShared(local, 0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed to extract
    writeShared(central, 2);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
