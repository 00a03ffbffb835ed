import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createZip } from '../../../../tests/support/create-zip.js';
import { checkZipLayout } from './check-zip-layout.js';
import { inspectXlsxZip, type CheckedXlsx } from './inspect-xlsx-zip.js';
import { xlsxRows, type RawRow } from './xlsx-rows.js';

async function twoSheetWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const register = workbook.addWorksheet('Register');
  register.addRow(['Reference', 'Title', 'End date']);
  register.addRow(['CON-0001', 'Waste collection', new Date(Date.UTC(2027, 2, 31))]);
  const notes = workbook.addWorksheet('Notes');
  notes.addRow(['Column', 'Meaning']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same workbook's parts, stored again in the order given (unlisted parts keep theirs). */
function reorder(bytes: Buffer, first: readonly string[]): Buffer {
  const parts = checkZipLayout(bytes).map((entry) => {
    const stored = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    return { name: entry.name, data: entry.method === 8 ? inflateRawSync(stored) : Buffer.from(stored) };
  });
  const rank = (name: string) => (first.includes(name) ? first.indexOf(name) : first.length);
  return createZip([...parts].sort((a, b) => rank(a.name) - rank(b.name)));
}

async function read(bytes: Buffer): Promise<RawRow[]> {
  const { bytes: checked } = await inspectXlsxZip(bytes, 10_000_000);
  const rows: RawRow[] = [];
  for await (const row of xlsxRows(checked as CheckedXlsx)) rows.push(row);
  return rows;
}

const EXPECTED = [
  { sheet: 'Register', part: 'xl/worksheets/sheet1.xml', row: 1, cells: ['Reference', 'Title', 'End date'] },
  { sheet: 'Register', part: 'xl/worksheets/sheet1.xml', row: 2, cells: ['CON-0001', 'Waste collection', new Date(Date.UTC(2027, 2, 31))] },
  { sheet: 'Notes', part: 'xl/worksheets/sheet2.xml', row: 1, cells: ['Column', 'Meaning'] },
];

describe('xlsxRows', () => {
  it('reads a workbook as exceljs stores it: sheets before the shared strings and the workbook part', async () => {
    const bytes = await twoSheetWorkbook();
    const names = checkZipLayout(bytes).map((entry) => entry.name);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/workbook.xml'));
    expect(await read(bytes)).toEqual(EXPECTED);
  });

  it('reads the same rows, sheet names and dates whatever order the parts are stored in', async () => {
    const bytes = await twoSheetWorkbook();
    const sheetsFirst = reorder(bytes, ['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
    const excelOrder = reorder(bytes, ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml']);
    // The workbook part, which names the sheets, after sheets that need no temporary copy.
    const workbookLast = reorder(bytes, ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    // Sheets come in the order they are stored, each under the name the workbook part gives it.
    expect(await read(sheetsFirst)).toEqual([EXPECTED[2], EXPECTED[0], EXPECTED[1]]);
    expect(await read(excelOrder)).toEqual(EXPECTED);
    expect(await read(workbookLast)).toEqual(EXPECTED);
  });

  it('reads many workbooks at once, each with its sheet names', async () => {
    const bytes = await twoSheetWorkbook();
    const reads = await Promise.all(Array.from({ length: 40 }, () => read(bytes)));
    for (const rows of reads) expect(rows).toEqual(EXPECTED);
  });
});
