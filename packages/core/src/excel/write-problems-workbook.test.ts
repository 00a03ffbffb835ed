import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importProblem } from '../register/import/import-problem.js';
import { writeProblemsWorkbook } from './write-problems-workbook.js';

const HEADERS = ['Reference', 'Supplier', 'Start date', 'End date', 'Contract value', 'Notes'];
const COLUMNS = [
  { index: 0, header: 'Reference', field: 'reference' },
  { index: 1, header: 'Supplier', field: 'supplierName' },
  { index: 2, header: 'Start date', field: 'startDate' },
  { index: 3, header: 'End date', field: 'endDate' },
  { index: 4, header: 'Contract value', field: 'totalValue' },
] as const;
const FILE = 'norfolk_cc_contracts_2015.csv';

async function workbookOf(): Promise<ExcelJS.Workbook> {
  const bytes = await writeProblemsWorkbook({
    fileName: FILE,
    headers: HEADERS,
    columns: COLUMNS,
    rows: [
      { sheet: FILE, row: 3, cells: ['CON-1', 'Acme Ltd', '01/04/2015', 'soon', '£1,234.50', '0123'] },
      { sheet: FILE, row: 773, cells: ['CON-2', '=HYPERLINK("http://evil")', '28/03/2015', '31/03/2014', 'lots', ''] },
    ],
    problems: [
      importProblem({ sheet: FILE, row: 3, column: 'D', value: 'soon' }, 'not-a-date', '"soon" is not a date — write it as 31/03/2026 or leave it blank'),
      importProblem({ sheet: FILE, row: 773, column: 'D', value: '31/03/2014' }, 'end-before-start', 'the contract ends (2014-03-31) before it starts (2015-03-28) — correct one of the dates'),
      importProblem({ sheet: FILE, row: 773, column: 'E', value: 'lots' }, 'not-money', '"lots" is not a sum of money'),
      importProblem({ sheet: FILE, row: 773, column: 'A', value: 'CON-2' }, 'duplicate-reference', 'reference "CON-2" is already used on row 12 — give each contract its own reference', 'warning'),
    ],
    identity: { councilName: 'Norfolk County Council' },
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('writeProblemsWorkbook', () => {
  it('puts the original row and the problem first, without the file name, and says a row it names is of the original file', async () => {
    const sheet = (await workbookOf()).getWorksheet('Problems');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Original row', 'Problem', ...HEADERS]);
    expect(sheet?.getCell('A2').value).toBe(3);
    expect(sheet?.getCell('B2').value).toBe('End date: "soon" is not a date — write it as 31/03/2026 or leave it blank');
    expect(sheet?.getCell('A3').value).toBe(773);
    expect(String(sheet?.getCell('B3').value).split('\n')).toEqual([
      'End date: the contract ends (2014-03-31) before it starts (2015-03-28) — correct one of the dates',
      'Contract value: "lots" is not a sum of money',
      'Warning — Reference: reference "CON-2" is already used on row 12 of the original file — give each contract its own reference',
    ]);
  });

  it('gives back dates as dates and money as money where the importer can read them, and the rest as the text it was', async () => {
    const sheet = (await workbookOf()).getWorksheet('Problems');
    expect(sheet?.getCell('E2').value).toEqual(new Date(Date.UTC(2015, 3, 1)));
    expect(sheet?.getCell('E2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet?.getCell('F2').value).toBe('soon');
    expect(sheet?.getCell('G2').value).toBe(1234.5);
    expect(sheet?.getCell('G2').numFmt).toBe('£#,##0.00');
    expect(sheet?.getCell('H2').value).toBe('0123');
    expect(sheet?.getCell('H2').numFmt).toBe('@');
    expect(sheet?.getCell('G3').value).toBe('lots');
    // A formula in the data stays text, never a formula.
    expect(sheet?.getCell('D3').value).toBe('=HYPERLINK("http://evil")');
  });

  it('is a list to work through: filter, frozen header, readable widths, wrapped problems, the faulty cell shaded, A4', async () => {
    const sheet = (await workbookOf()).getWorksheet('Problems');
    expect(sheet?.autoFilter).toBe('A1:H1');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet?.getColumn(3).width).toBeGreaterThanOrEqual('Reference'.length);
    expect(sheet?.getCell('B3').alignment?.wrapText).toBe(true);
    expect(sheet?.getRow(3).height).toBeGreaterThan(15);
    expect(sheet?.getCell('F2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet?.getCell('E2').fill).not.toMatchObject({ pattern: 'solid' });
    expect(sheet?.pageSetup.paperSize).toBe(9);
    expect(sheet?.headerFooter.oddHeader).toContain('Norfolk County Council');
  });

  it('counts the rows with each problem on a Summary sheet, in plain English, and says how to import the workbook back', async () => {
    const sheet = (await workbookOf()).getWorksheet('Summary');
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const table = rows.slice(rows.findIndex((row) => row[0] === 'Problem') + 1);
    expect(table.map((row) => [row[0], row[2]])).toEqual([
      ['duplicate-reference', 1],
      ['end-before-start', 1],
      ['not-a-date', 1],
      ['not-money', 1],
    ]);
    expect(table[0]?.[1]).toMatch(/same reference/);
    const text = rows.map((row) => row.join(' ')).join('\n');
    expect(text).toContain('2 rows of norfolk_cc_contracts_2015.csv were not imported');
    expect(text).toMatch(/ignores the Original row and Problem columns/);
    expect(text).toMatch(/unchanged changes nothing/);
  });
});
