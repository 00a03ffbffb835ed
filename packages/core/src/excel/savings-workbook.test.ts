import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SavingSchema, type SavingInput } from '../savings/saving.schema.js';
import { GBP_FORMAT, writeSavingsWorkbook, type SavingsWorkbookOptions } from './savings-workbook.js';
import { columnLetter } from '../shared/format.js';
import { IEG4_SAVING } from '../savings/ieg4-example.js';

function saving(overrides: Partial<SavingInput> = {}) {
  return SavingSchema.parse({ ...IEG4_SAVING, ...overrides });
}

async function exportAndRead(savings: ReturnType<typeof saving>[], more: Partial<SavingsWorkbookOptions> = {}) {
  const path = join(mkdtempSync(join(tmpdir(), 'savings-wb-')), 'savings.xlsx');
  await writeSavingsWorkbook(savings, path, { exportedAt: new Date('2026-11-26T10:00:00Z'), filters: { from: '2024-04-01' }, ...more });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('the savings workbook', () => {
  it('has the savings, both summaries and the assumptions, in that order', async () => {
    const workbook = await exportAndRead([saving()]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Savings', 'By financial year', 'By service area', 'Assumptions']);
  });

  it('writes the annual, whole-term and financial-year figures as live formulas on the row, with their results', async () => {
    const sheet = (await exportAndRead([saving()])).getWorksheet('Savings');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => columnLetter(header.indexOf(name) + 1);
    expect(sheet?.getCell(`${col('Full-year effect (£)')}2`).value).toEqual({ formula: 'M2-O2', result: 60000 });
    expect(sheet?.getCell(`${col('Whole-term saving (£)')}2`).value).toEqual({ formula: 'T2*Q2/12-S2', result: 180000 });
    expect(header.slice(-3)).toEqual(['2024/25', '2025/26', '2026/27']);
    const firstYear = sheet?.getCell(`${col('2024/25')}2`).value as { formula: string; result: number };
    expect(firstYear.result).toBe(60000);
    expect(firstYear.formula).toContain('DATE(2024,4,1)');
    expect(sheet?.getCell(`${col('Whole-term saving (£)')}2`).numFmt).toBe(GBP_FORMAT);
    expect(sheet?.getCell(`${col('2024/25')}2`).numFmt).toMatch(/^"£"#,##0.00;\[Red\]-"£"#,##0.00;/);
  });

  it('shows IEG4\'s held rise as cost avoidance and a price cut as cashable, with live formulas', async () => {
    // IEG4: current 100,000, baseline 160,000, new 100,000 → cashable 0, avoidance 60,000.
    // A cut: current 100,000, baseline 160,000, new 90,000 → cashable 10,000, avoidance 60,000.
    const sheet = (await exportAndRead([saving(), saving({ id: 'CUT', newAnnual: 90000 })])).getWorksheet('Savings');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => columnLetter(header.indexOf(name) + 1);
    expect(sheet?.getCell(`${col('Current annual (£)')}2`).value).toBe(100000);
    const noCash = sheet?.getCell(`${col('Cashable a year (£)')}2`).value as { formula: string; result?: number };
    // exceljs reads a cached result of 0 back as no result.
    expect([noCash.formula, noCash.result ?? 0]).toEqual(['MAX(0,L2-O2)', 0]);
    expect(sheet?.getCell(`${col('Cost avoidance a year (£)')}2`).value).toEqual({ formula: 'M2-MAX(L2,O2)', result: 60000 });
    expect(sheet?.getCell(`${col('Cashable a year (£)')}3`).value).toMatchObject({ result: 10000 });
    expect(sheet?.getCell(`${col('Cost avoidance a year (£)')}3`).value).toMatchObject({ result: 60000 });
    expect(sheet?.getCell(`${col('Cashable')}2`).value).toBe('No');
  });

  it('gives each whole financial year of a term over a leap day the full-year effect', async () => {
    const sheet = (await exportAndRead([saving({ start: '2027-04-01' })])).getWorksheet('Savings');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const results = ['2027/28', '2028/29', '2029/30'].map((y) => (sheet?.getCell(`${columnLetter(header.indexOf(y) + 1)}2`).value as { result: number }).result);
    expect(results).toEqual([60000, 60000, 60000]);
  });

  it('sums the Savings sheet by financial year and by service area with SUMIFS', async () => {
    const workbook = await exportAndRead([saving(), saving({ id: 'B', serviceArea: 'Housing', state: 'proposed' })]);
    const years = workbook.getWorksheet('By financial year');
    expect(years?.getCell('A2').value).toBe('2024/25');
    expect(years?.getCell('B2').value).toMatchObject({ result: 120000 });
    expect(years?.getCell('C2').value).toMatchObject({ formula: expect.stringContaining('SUMIFS(') as unknown, result: 60000 });
    expect(years?.getCell('A5').value).toBe('Total');
    expect(years?.getCell('B5').value).toMatchObject({ result: 360000 });
    const areas = workbook.getWorksheet('By service area');
    expect(areas?.getCell('A3').value).toBe('Housing');
    expect(areas?.getCell('D3').value).toMatchObject({ formula: expect.stringContaining('SUMIFS(Savings!') as unknown, result: 180000 });
  });

  it('keeps a hostile description as plain text, never a formula', async () => {
    const sheet = (await exportAndRead([saving({ description: '=HYPERLINK("http://x","click")', serviceArea: '+cmd|calc' })])).getWorksheet('Savings');
    expect(sheet?.getCell('D2').value).toBe('=HYPERLINK("http://x","click")');
    expect(sheet?.getCell('D2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell('E2').value).toBe('+cmd|calc');
  });

  it('freezes the header row and puts a filter on it', async () => {
    const workbook = await exportAndRead([saving()]);
    for (const sheet of workbook.worksheets) expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.getWorksheet('Savings')?.autoFilter).toBeTruthy();
  });

  it('records the export date and filters on the Assumptions sheet', async () => {
    const sheet = (await exportAndRead([saving()])).getWorksheet('Assumptions');
    const rows = sheet?.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 3));
    expect(rows).toContainEqual(['Exported at', '2026-11-26 10:00 UTC']);
    expect(rows).toContainEqual(['Term from', '2024-04-01']);
  });

  it('writes headers, an empty total and the assumptions when no saving matches the filters', async () => {
    const workbook = await exportAndRead([]);
    expect(workbook.getWorksheet('Savings')?.getRow(1).getCell(1).value).toBe('Contract');
    expect(workbook.getWorksheet('Savings')?.rowCount).toBe(1);
    expect(workbook.getWorksheet('By financial year')?.getCell('A2').value).toBe('Total');
    expect(workbook.getWorksheet('By financial year')?.getCell('B2').value).toBe(0);
  });

  it('runs the financial-year columns to the last year of the longest term, and the years add up to the whole term', async () => {
    // Ten years from 1 October 2025 beside a one-year saving: the export's years reach 2035/36.
    const long = saving({ id: 'LONG', start: '2025-10-01', termMonths: 120, currentAnnual: 40000, baselineAnnual: 40000, newAnnual: 20000 });
    const workbook = await exportAndRead([saving({ termMonths: 12 }), long]);
    const header = (workbook.getWorksheet('Savings')?.getRow(1).values as unknown[]).slice(1);
    expect(header.at(-1)).toBe('2035/36');
    const years = workbook.getWorksheet('By financial year');
    const total = years?.getRow(years.rowCount);
    expect(total?.getCell(1).value).toBe('Total');
    expect(total?.getCell(2).value).toMatchObject({ result: 60000 + 200000 });
  });

  it('adds up whole columns, so rows added below the export count too, and totals every summary', async () => {
    const workbook = await exportAndRead([saving(), saving({ id: 'B', serviceArea: 'Housing', state: 'proposed' })]);
    const first = workbook.getWorksheet('By financial year')?.getCell('B2').value as { formula: string };
    expect(first.formula).toBe('SUMIFS(Savings!$Y:$Y,Savings!$P:$P,">0")');
    const areas = workbook.getWorksheet('By service area');
    expect(areas?.getCell('B2').value).toMatchObject({ formula: expect.stringMatching(/^COUNTIFS\(Savings!\$E:\$E,.*,Savings!\$P:\$P,">0"\)$/) as unknown });
    expect(areas?.getCell('A4').value).toBe('Total');
    expect(areas?.getCell('B4').value).toEqual({ formula: 'SUM(B2:B3)', result: 2 });
    expect(areas?.getCell('D4').value).toEqual({ formula: 'SUM(D2:D3)', result: 360000 });
  });

  it('names each contract\'s title and supplier beside its reference, and who signed a saving off', async () => {
    const contracts = new Map([['CON-0042', { title: 'Revenues and benefits e-forms', supplier: 'IEG4 Ltd' }]]);
    const sheet = (await exportAndRead([saving()], { contracts })).getWorksheet('Savings');
    expect((sheet?.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Contract', 'Contract title', 'Supplier']);
    expect((sheet?.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['CON-0042', 'Revenues and benefits e-forms', 'IEG4 Ltd']);
    expect(sheet?.getCell('H1').value).toBe('Signed off by');
    expect(sheet?.getCell('H2').value).toBe('f.ahmed@council.gov.uk');
  });

  it('prints every sheet on A4 with the council in the header, page numbers, and Arial throughout', async () => {
    const workbook = await exportAndRead([saving()], { identity: { councilName: 'Exampleton Borough Council' } });
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup.paperSize, sheet.name).toBe(9);
      expect(sheet.headerFooter.oddHeader, sheet.name).toContain('Exampleton Borough Council');
      expect(sheet.headerFooter.oddFooter, sheet.name).toContain('Page &P of &N');
      expect(sheet.getCell('A1').font?.name, sheet.name).toBe('Arial');
      expect(sheet.getCell('B2').font?.name, sheet.name).toBe('Arial');
    }
  });
});
