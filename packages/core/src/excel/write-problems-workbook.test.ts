import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeProblemsWorkbook } from './write-problems-workbook.js';

describe('writeProblemsWorkbook', () => {
  it('returns the rejected rows as the bytes of a workbook, each with what to fix, and a formula kept as text', async () => {
    const bytes = await writeProblemsWorkbook(
      ['Reference', 'Supplier', 'End date'],
      [
        { sheet: 'Register', row: 3, cells: ['CON-1', 'Acme Ltd', 'soon'] },
        { sheet: 'Register', row: 7, cells: ['CON-2', '=HYPERLINK("http://evil")', '31/03/2027'] },
      ],
      [
        { code: 'not-a-date', severity: 'error', sheet: 'Register', row: 3, column: 'C', value: 'soon', message: 'row 3: "soon" is not a date' },
        { code: 'not-a-date', severity: 'error', sheet: 'Register', row: 7, column: 'D', value: '', message: 'row 7: the start date is missing' },
      ],
    );
    expect(Buffer.isBuffer(bytes)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Problems');
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Problems', 'Reference', 'Supplier', 'End date'],
      ['row 3: "soon" is not a date', 'CON-1', 'Acme Ltd', 'soon'],
      ['row 7: the start date is missing', 'CON-2', '=HYPERLINK("http://evil")', '31/03/2027'],
    ]);
  });
});
