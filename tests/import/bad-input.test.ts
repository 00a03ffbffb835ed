import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Contract } from '@contract-steward/core';
import { readRegister } from '../../packages/core/src/excel/read-register.js';
import { makeContract } from '../support/contracts.js';
import { COUNCIL_HEADERS, councilRow, writeCouncilRegisterXlsx } from '../support/generate-register.js';
import { steward } from '../support/run-steward.js';
import { createZip } from '../support/create-zip.js';
import { spreadsheetFile } from '../support/spreadsheet-file.js';

let folder: string;
let db: string;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-bad-'));
  db = join(folder, 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  await store.contracts.upsert(makeContract(), { actor: 'test', source: 'test' });
  await store.close();
});

/** Runs an import that must fail: one line on stderr, exit 1, and the register as it was. */
async function refused(file: string, ...extra: string[]): Promise<string> {
  const result = await steward(['import', file, '--db', db, ...extra], {}, folder);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain('Nothing was written');
  const store = await openStore({ kind: 'sqlite', path: db });
  expect((await store.contracts.list()).map((c) => c.reference)).toEqual(['CON-0042']);
  expect(await store.audit.list()).toHaveLength(1);
  await store.close();
  return result.stderr;
}

const zip = createZip;

const contractsOf = (reading: { accepted: readonly { json: string }[] }) => reading.accepted.map((r) => JSON.parse(r.json) as Contract);

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('steward import refuses bad input clearly and writes nothing', () => {
  it('an empty file', async () => {
    writeFileSync(join(folder, 'empty.csv'), '');
    expect(await refused('empty.csv')).toContain('empty.csv is empty');
  });

  it('a file of blank lines', async () => {
    writeFileSync(join(folder, 'blank.csv'), '\uFEFF\r\n\r\n  \r\n');
    expect(await refused('blank.csv')).toContain('is empty');
  });

  it('a picture renamed .xlsx', async () => {
    writeFileSync(join(folder, 'photo.xlsx'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(200)]));
    expect(await refused('photo.xlsx')).toContain('is not a spreadsheet');
  });

  it('a text file with no register in it', async () => {
    writeFileSync(join(folder, 'notes.csv'), 'Dear colleague,\nplease find the register attached.\n');
    expect(await refused('notes.csv')).toContain('no header row found');
  });

  it('a Word document (a zip, but not a workbook)', async () => {
    writeFileSync(join(folder, 'letter.xlsx'), zip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]));
    expect(await refused('letter.xlsx')).toContain('not an Excel workbook');
  });

  it('a legacy Excel 97-2003 .xls workbook', async () => {
    writeFileSync(join(folder, 'register.xls'), Buffer.concat([OLE_MAGIC, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le')]));
    expect(await refused('register.xls')).toContain('old Excel 97–2003 .xls workbook — open it in Excel and save it as .xlsx');
  });

  it('a password-protected workbook (an encrypted package inside an OLE container)', async () => {
    writeFileSync(join(folder, 'register.xlsx'), Buffer.concat([OLE_MAGIC, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')]));
    expect(await refused('register.xlsx')).toContain('is password-protected — open it in Excel, remove the password');
  });

  it('a file over the size limit, which --max-size can raise', async () => {
    const file = join(folder, 'register.csv');
    writeFileSync(file, `Reference,Title,Supplier\r\n${'A,B,C\r\n'.repeat(200_000)}`);
    expect(await refused('register.csv', '--max-size', '1')).toContain('over the 1 MB limit — split it, or raise the limit with --max-size');
  });

  it('a zip bomb that unpacks far beyond any register', async () => {
    const file = join(folder, 'bomb.xlsx');
    writeFileSync(
      file,
      zip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1_048_576, 0x20) },
      ]),
    );
    await expect(readRegister(spreadsheetFile(file), { maxDecompressedBytes: 16 * 1_048_576 })).rejects.toMatchObject({ code: 'zip-bomb' });
  });

  it('a zip bomb whose directory lies about the unpacked size', async () => {
    const data = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(32 * 1_048_576, 0x20) },
    ]);
    // Rewrite the uncompressed sizes to 1 byte, in the local headers and the central directory alike.
    for (const [signature, field] of [[0x04034b50, 22], [0x02014b50, 24]] as const) {
      const marker = Buffer.alloc(4);
      marker.writeUInt32LE(signature);
      for (let at = data.indexOf(marker); at >= 0; at = data.indexOf(marker, at + 4)) data.writeUInt32LE(1, at + field);
    }
    const file = join(folder, 'liar.xlsx');
    writeFileSync(file, data);
    await expect(readRegister(spreadsheetFile(file), { maxDecompressedBytes: 8 * 1_048_576 })).rejects.toMatchObject({ code: 'zip-bomb' });
  });

  it('a sheet that reaches row 1,048,576, the last Excel has', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow([...COUNCIL_HEADERS]);
    sheet.addRow(councilRow(1));
    sheet.getCell('A1048576').value = 'CON-LAST';
    await workbook.xlsx.writeFile(join(folder, 'full.xlsx'));
    expect(await refused('full.xlsx')).toContain('reaches row 1,048,576');
  });

  it('a cell of 1 MB of text', async () => {
    writeFileSync(join(folder, 'huge-cell.csv'), `Reference,Title,Supplier\r\nA-1,"${'x'.repeat(1_048_576)}",Acme\r\n`);
    expect(await refused('huge-cell.csv')).toContain('a cell of 1,048,576 characters, more than the 32,767 Excel allows');
  });

  it('merged cells in the register rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow([...COUNCIL_HEADERS]);
    sheet.addRow(councilRow(1));
    sheet.addRow(councilRow(2));
    sheet.mergeCells('E2:E3');
    await workbook.xlsx.writeFile(join(folder, 'merged.xlsx'));
    expect(await refused('merged.xlsx')).toContain('has merged cells in the register (E2:E3) — unmerge them');
  });

  it('a sheet named with --sheet that the workbook does not have', async () => {
    await writeCouncilRegisterXlsx(join(folder, 'register.xlsx'), 3);
    expect(await refused('register.xlsx', '--sheet', 'Contracts')).toContain('has no sheet named "Contracts"');
  });

  it('JSON that is not OCDS', async () => {
    writeFileSync(join(folder, 'data.json'), '{"hello": "world"}');
    expect(await refused('data.json')).toContain('holds no OCDS awards');
  });
});

describe('steward import reads awkward but valid workbooks', () => {
  it('uses the cached result of formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(['Reference', 'Title', 'Supplier', 'Annual value', 'Total value']);
    sheet.addRow(['F-1', 'Formula contract', 'Acme Ltd', 1000, { formula: 'D2*3', result: 3000 }]);
    const file = join(folder, 'formulas.xlsx');
    await workbook.xlsx.writeFile(file);
    const reading = await readRegister(spreadsheetFile(file));
    expect(contractsOf(reading)[0]?.value).toEqual({ annual: 1000, total: 3000 });
  });

  it('reads the sheet named with --sheet when several look like registers', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ['2025', '2026']) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(['Reference', 'Title', 'Supplier']);
      sheet.addRow([`R-${name}`, 'Cleaning', 'Acme Ltd']);
    }
    const file = join(folder, 'two.xlsx');
    await workbook.xlsx.writeFile(file);
    expect((await readRegister(spreadsheetFile(file))).accepted.map((r) => r.reference)).toEqual(['R-2025']);
    expect((await readRegister(spreadsheetFile(file), { sheet: '2026' })).accepted.map((r) => r.reference)).toEqual(['R-2026']);
  });

  it('reads a Windows-1252 CSV as Excel saves it on a UK PC', async () => {
    const file = join(folder, 'ansi.csv');
    writeFileSync(file, Buffer.from('Reference,Title,Supplier,Contract value\r\nW-1,Caf\xe9 supplies,Acme Ltd,"\xa31,200"\r\n', 'latin1'));
    const reading = await readRegister(spreadsheetFile(file));
    expect(contractsOf(reading)[0]).toMatchObject({ title: 'Café supplies', value: { total: 1200 } });
  });
});
