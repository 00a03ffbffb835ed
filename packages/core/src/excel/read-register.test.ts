import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRegister, readSpreadsheetRows } from './read-register.js';

const CSV = 'Reference,Title,Supplier,Start date,End date\r\nCON-1,Library books,Books Ltd,01/04/2025,31/03/2028\r\n';

async function xlsxBytes(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Register');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readRegister', () => {
  it('reads a register from bytes alone, reporting the name it was given without any folder', async () => {
    const reading = await readRegister({ name: 'uploads/Register 2025.csv', bytes: Buffer.from(CSV, 'utf8') });
    expect(reading).toMatchObject({ fileName: 'Register 2025.csv', kind: 'csv', acceptedCount: 1 });
    expect(reading.accepted.map((row) => row.reference)).toEqual(['CON-1']);
  });

  it('tells a workbook from its bytes, whatever it is called', async () => {
    const bytes = await xlsxBytes(CSV.trim().split('\r\n').map((line) => line.split(',')));
    expect(await readRegister({ name: 'register.upload', bytes })).toMatchObject({ kind: 'xlsx', sheet: 'Register', acceptedCount: 1 });
  });

  it('refuses empty bytes and bytes over the limit, by their count', async () => {
    await expect(readRegister({ name: 'r.csv', bytes: Buffer.alloc(0) })).rejects.toMatchObject({ code: 'empty-file' });
    await expect(readRegister({ name: 'r.csv', bytes: Buffer.from(CSV, 'utf8') }, { maxBytes: 10 })).rejects.toMatchObject({ code: 'too-large' });
  });
});

describe('readSpreadsheetRows', () => {
  it('gives the raw rows of a .csv from its bytes and refuses JSON', async () => {
    const { kind, rows } = await readSpreadsheetRows({ name: 'results.csv', bytes: Buffer.from('A,B\r\n1,2\r\n', 'utf8') });
    const all = [];
    for await (const row of rows) all.push(row.cells);
    expect({ kind, all }).toEqual({ kind: 'csv', all: [['A', 'B'], ['1', '2']] });
    await expect(readSpreadsheetRows({ name: 'results.json', bytes: Buffer.from('{}') })).rejects.toMatchObject({ code: 'not-a-spreadsheet' });
  });
});
