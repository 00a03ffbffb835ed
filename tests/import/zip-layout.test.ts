import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, readEvaluationWorkbook, writeEvaluationTemplateWorkbook } from '@contract-steward/core';
import { inspectXlsxZip } from '../../packages/core/src/excel/inspect-xlsx-zip.js';
import { loadXlsxWorkbook } from '../../packages/core/src/excel/load-xlsx-workbook.js';
import { readRegister } from '../../packages/core/src/excel/read-register.js';
import { createZip } from '../support/create-zip.js';
import { makeContract } from '../support/contracts.js';
import { COUNCIL_HEADERS, councilRow, writeCouncilRegisterXlsx } from '../support/generate-register.js';
import { steward } from '../support/run-steward.js';
import { directoryOffset, localEntry, localOffset, spliceUnlisted } from '../support/splice-zip.js';
import { spreadsheetFile } from '../support/spreadsheet-file.js';

let folder: string;
let db: string;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-zip-'));
  db = join(folder, 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  await store.contracts.upsert(makeContract(), { actor: 'test', source: 'test' });
  await store.close();
});

/** A worksheet part with inline strings, so it needs no shared strings part of its own. */
function sheetXml(rows: readonly (readonly (string | number)[])[]): Buffer {
  const cell = (value: string | number, ref: string) => (typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`);
  const body = rows.map((cells, i) => `<row r="${i + 1}">${cells.map((value, column) => cell(value, `${String.fromCharCode(65 + column)}${i + 1}`)).join('')}</row>`).join('');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`);
}

const HIDDEN_ROWS = 2_000;
const hiddenRegister = sheetXml([COUNCIL_HEADERS, ...Array.from({ length: HIDDEN_ROWS }, (_, i) => councilRow(50_000 + i).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)))]);

/**
 * The reported attack: a register Excel shows with three rows, and a second, unlisted local
 * entry for the same sheet part placed before the listed one. The directory (and so Excel and
 * the unpack limit) never sees it; a reader that walks the local headers reads it first.
 */
async function registerWithHiddenSheet(): Promise<string> {
  const visible = join(folder, 'visible.xlsx');
  await writeCouncilRegisterXlsx(visible, 3);
  const zip = readFileSync(visible);
  const file = join(folder, 'register.xlsx');
  writeFileSync(file, spliceUnlisted(zip, localOffset(zip, 'xl/worksheets/sheet1.xml'), localEntry('xl/worksheets/sheet1.xml', hiddenRegister)));
  return file;
}

async function savingsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Savings');
  sheet.addRow(['contract', 'description', 'kind', 'baselineAnnual', 'newAnnual', 'start', 'termMonths', 'cashable']);
  sheet.addRow(['CON-0042', 'Renegotiated', 'renegotiation', 160000, 100000, '2024-04-01', 36, 'yes']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A well-formed savings workbook with an unlisted local entry after its last listed part. */
async function savingsWithHiddenSheet(): Promise<Buffer> {
  const zip = await savingsWorkbook();
  const hidden = sheetXml([
    ['contract', 'description', 'kind', 'baselineAnnual', 'newAnnual', 'start', 'termMonths', 'cashable'],
    ['CON-0042', 'Hidden', 'renegotiation', 9_000_000, 1, '2024-04-01', 36, 'yes'],
  ]);
  return spliceUnlisted(zip, directoryOffset(zip), localEntry('xl/worksheets/sheet1.xml', hidden));
}

async function savingsCount(): Promise<number> {
  const store = await openStore({ kind: 'sqlite', path: db });
  try {
    return (await store.savings.list()).length;
  } finally {
    await store.close();
  }
}

describe('every .xlsx reader refuses a zip whose local entries differ from its directory', () => {
  it('steward import refuses a register with an unlisted sheet before the listed one, and writes nothing', async () => {
    const result = await steward(['import', await registerWithHiddenSheet(), '--db', db, '--json']);
    console.log('PREFIX', result.code, result.stdout.slice(0, 400), result.stderr.slice(0, 300));
    expect(result.stderr.trim()).toBe(
      `steward: cannot import: the file is not a workbook Excel wrote: it holds ${localEntry('xl/worksheets/sheet1.xml', hiddenRegister).length} bytes before the part xl/worksheets/sheet1.xml that its directory does not list — open it in Excel and save it again as .xlsx. Nothing was written.`,
    );
    expect(result.code).toBe(1);
    const store = await openStore({ kind: 'sqlite', path: db });
    expect((await store.contracts.list()).map((c) => c.reference)).toEqual(['CON-0042']);
    expect(await store.audit.list()).toHaveLength(1);
    await store.close();
  });

  it('the register reader refuses it too, whatever the unpack limit', async () => {
    await expect(readRegister(spreadsheetFile(await registerWithHiddenSheet()))).rejects.toMatchObject({ code: 'inconsistent-zip' });
  });

  it('steward savings import refuses a workbook with an unlisted sheet after the listed parts, and writes nothing', async () => {
    const file = join(folder, 'savings.xlsx');
    writeFileSync(file, await savingsWithHiddenSheet());
    const result = await steward(['savings', 'import', file, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the file is not a workbook Excel wrote: it holds');
    expect(result.stderr).toContain('bytes after its last part that its directory does not list — open it in Excel and save it again as .xlsx');
    expect(result.stderr).toContain('nothing was imported');
    expect(await savingsCount()).toBe(0);
  });

  it('steward savings import stops a zip bomb before exceljs unpacks it', async () => {
    const file = join(folder, 'bomb.xlsx');
    writeFileSync(
      file,
      createZip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(65 * 1_048_576, 0x20) },
      ]),
    );
    const result = await steward(['savings', 'import', file, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the workbook unpacks to more than 64 MB');
    expect(await savingsCount()).toBe(0);
  });

  it('the evaluation reader (the CLI and the bot upload) refuses an evaluation workbook with an unlisted sheet', async () => {
    const zip = await writeEvaluationTemplateWorkbook();
    const crafted = spliceUnlisted(zip, directoryOffset(zip), localEntry('xl/worksheets/sheet3.xml', sheetXml([['Option', 'Criterion', 'Evaluator', 'Score', 'Reason']])));
    const result = await readEvaluationWorkbook(crafted);
    expect(result).toMatchObject({ success: false, problems: [{ code: 'inconsistent-zip', message: expect.stringContaining('bytes after its last part that its directory does not list') as string }] });
  });
});

describe('the zip check refuses each way a local entry can hide from the directory', () => {
  const parts = [
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml([['Reference', 'Title', 'Supplier']]) },
  ];
  const sound = () => createZip(parts);
  const refusal = async (zip: Buffer) => inspectXlsxZip(zip, 1_048_576).then(() => 'accepted', (error: Error & { code?: string }) => `${error.code}: ${error.message}`);

  it('accepts the sound zip the cases below are made from', async () => {
    expect(await refusal(sound())).toBe('accepted');
  });

  it('a directory that lists the same part twice', async () => {
    const zip = createZip([...parts, { name: 'XL/Worksheets/Sheet1.xml', data: sheetXml([['Hidden']]) }]);
    expect(await refusal(zip)).toContain('inconsistent-zip: the file is not a workbook Excel wrote: it holds two parts named XL/Worksheets/Sheet1.xml');
  });

  it('a part named so that exceljs would read it as a worksheet and Excel would not', async () => {
    const zip = createZip([...parts, { name: 'xl/worksheets/sheet1.xml.old', data: sheetXml([['Hidden']]) }]);
    expect(await refusal(zip)).toContain('it holds a part named xl/worksheets/sheet1.xml.old, which a reader could take for a worksheet');
  });

  it('a local header whose name differs from the directory record', async () => {
    const zip = sound();
    const at = localOffset(zip, 'xl/worksheets/sheet1.xml');
    zip.write('xl/worksheets/sheet2.xml', at + 30, 'utf8');
    expect(await refusal(zip)).toContain('its directory lists xl/worksheets/sheet1.xml where the part is named xl/worksheets/sheet2.xml');
  });

  it('a local header whose sizes differ from the directory record', async () => {
    const zip = sound();
    const at = localOffset(zip, 'xl/worksheets/sheet1.xml');
    zip.writeUInt32LE(zip.readUInt32LE(at + 22) + 1, at + 22);
    expect(await refusal(zip)).toContain('the sizes of the part xl/worksheets/sheet1.xml differ from its directory');
  });

  it('bytes between two listed parts', async () => {
    const zip = sound();
    expect(await refusal(spliceUnlisted(zip, localOffset(zip, 'xl/worksheets/sheet1.xml'), Buffer.alloc(100)))).toContain('it holds 100 bytes before the part xl/worksheets/sheet1.xml');
  });

  it('bytes before the first part', async () => {
    expect(await refusal(spliceUnlisted(sound(), 0, localEntry('xl/worksheets/sheet1.xml', sheetXml([['Hidden']]))))).toContain('bytes before the part xl/workbook.xml');
  });

  it('two listed parts that overlap', async () => {
    const zip = sound();
    const at = zip.indexOf(Buffer.from('xl/worksheets/sheet1.xml'), directoryOffset(zip)) - 46;
    zip.writeUInt32LE(0, at + 42);
    expect(await refusal(zip)).toMatch(/two parts named|overlaps|not where its directory says|directory lists/);
  });

  it('bytes after the directory', async () => {
    expect(await refusal(Buffer.concat([sound(), Buffer.from('PK\x03\x04 hidden')]))).toMatch(/zip directory is missing|bytes after the end of its zip directory/);
  });

  it('a data descriptor signature inside a part, where a streaming reader would end it early', async () => {
    // A stored part with bit 3 set: the streaming reader ends it at the first descriptor signature.
    const data = Buffer.concat([Buffer.from('<worksheet>'), Buffer.from([0x50, 0x4b, 0x07, 0x08]), Buffer.alloc(12), Buffer.from('</worksheet>')]);
    expect(await refusal(withDataDescriptors(createZip([parts[0]!, { name: 'xl/worksheets/sheet1.xml', data, method: 0 }])))).toContain(
      'the part xl/worksheets/sheet1.xml does not end where its directory says',
    );
  });

  it('a part that unpacks to more than its directory says, stopped as soon as it does', async () => {
    const zip = sound();
    for (const at of [localOffset(zip, 'xl/worksheets/sheet1.xml') + 22, zip.indexOf(Buffer.from('xl/worksheets/sheet1.xml'), directoryOffset(zip)) - 46 + 24]) zip.writeUInt32LE(5, at);
    expect(await refusal(zip)).toContain('zip-bomb: the part xl/worksheets/sheet1.xml unpacks to more than the 5 bytes its zip directory says');
  });

  it('a part that unpacks to less than its directory says', async () => {
    const zip = sound();
    for (const at of [localOffset(zip, 'xl/worksheets/sheet1.xml') + 22, zip.indexOf(Buffer.from('xl/worksheets/sheet1.xml'), directoryOffset(zip)) - 46 + 24]) zip.writeUInt32LE(10_000, at);
    expect(await refusal(zip)).toMatch(/inconsistent-zip: .*its part xl\/worksheets\/sheet1.xml unpacks to \d+ bytes, not the 10000 its directory says/);
  });
});

/**
 * Rewrites a zip as a streaming writer (LibreOffice, exceljs's WorkbookWriter) lays it out:
 * general purpose bit 3 set, zeros in each local header, and a signed data descriptor after
 * each part's data.
 */
function withDataDescriptors(zip: Buffer): Buffer {
  const directory = directoryOffset(zip);
  const records: Buffer[] = [];
  const locals: Buffer[] = [];
  let written = 0;
  for (let at = directory; zip.readUInt32LE(at) === 0x02014b50; ) {
    const nameLength = zip.readUInt16LE(at + 28);
    const recordLength = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const record = Buffer.from(zip.subarray(at, at + recordLength));
    const local = record.readUInt32LE(42);
    const headerLength = 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const header = Buffer.from(zip.subarray(local, local + headerLength));
    const data = zip.subarray(local + headerLength, local + headerLength + record.readUInt32LE(20));
    header.writeUInt16LE(header.readUInt16LE(6) | 0x08, 6);
    header.fill(0, 14, 26);
    record.writeUInt16LE(record.readUInt16LE(8) | 0x08, 8);
    record.writeUInt32LE(written, 42);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    record.copy(descriptor, 4, 16, 28);
    locals.push(header, data, descriptor);
    records.push(record);
    written += header.length + data.length + descriptor.length;
    at += recordLength;
  }
  const end = Buffer.from(zip.subarray(zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))));
  end.writeUInt32LE(written, 16);
  return Buffer.concat([...locals, ...records, end]);
}

describe('the zip check passes the workbooks real programs write', () => {
  it.each(['excel.xlsx', 'libreoffice-calc.xlsx', 'google-sheets.xlsx'])('%s opens', async (name) => {
    const bytes = readFileSync(join(import.meta.dirname, '../support/xlsx', name));
    const workbook = await loadXlsxWorkbook(bytes, 64 * 1_048_576);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
  });

  it('the LibreOffice and Google Sheets files do use data descriptors', () => {
    for (const name of ['libreoffice-calc.xlsx', 'google-sheets.xlsx']) {
      const bytes = readFileSync(join(import.meta.dirname, '../support/xlsx', name));
      expect(bytes.readUInt16LE(6) & 0x08).toBe(0x08);
      expect(bytes.readUInt32LE(18)).toBe(0);
    }
  });

  it('imports a register exceljs wrote, with and without data descriptors', async () => {
    const file = join(folder, 'register.xlsx');
    await writeCouncilRegisterXlsx(file, 5);
    expect((await readRegister(spreadsheetFile(file))).acceptedCount).toBe(5);
    const described = join(folder, 'described.xlsx');
    writeFileSync(described, withDataDescriptors(readFileSync(file)));
    expect(readFileSync(described).readUInt16LE(6) & 0x08).toBe(0x08);
    expect((await readRegister(spreadsheetFile(described))).acceptedCount).toBe(5);
  });

  it('imports a savings workbook exceljs wrote, with data descriptors', async () => {
    const file = join(folder, 'savings.xlsx');
    writeFileSync(file, withDataDescriptors(await savingsWorkbook()));
    const result = await steward(['savings', 'import', file, '--db', db]);
    expect(result.stderr).toBe('');
    expect(await savingsCount()).toBe(1);
  });
});
