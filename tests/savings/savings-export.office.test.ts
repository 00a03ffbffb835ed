import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { convertToPdf, recalculatedSheets } from '../support/libreoffice.js';
import { readPdf, screenshotFirstPage } from '../support/pdf.js';
import { steward } from '../support/run-steward.js';

const HOSTILE = '=HYPERLINK("http://x","click")';

interface Listed {
  id: string;
  contract: string;
  serviceArea: string | null;
  state: string;
  cashable: boolean;
  annualSaving: number;
  cashableAnnual: number;
  avoidanceAnnual: number;
  totalSaving: number;
  byFinancialYear: Record<string, number>;
}

const base = { serviceArea: 'Customer Services', kind: 'renegotiation', cashable: true, state: 'signed-off', signedOffBy: 'f.ahmed@council.gov.uk' };
const savings = [
  // IEG4: paying £100k, £160k proposed, £100k agreed, three years from 1 April 2024: cost avoidance.
  // Part cashable: paying £120k, £160k proposed, £100k agreed, from 16 April 2027 over 29 February 2028.
  { ...base, id: 'SPLIT', contract: 'CON-0042', description: 'Part cashable', currentAnnual: 120000, baselineAnnual: 160000, newAnnual: 100000, start: '2027-04-16', termMonths: 36 },
  { ...base, id: 'IEG4', contract: 'CON-0042', description: 'IEG4 renewal renegotiated', cashable: false, currentAnnual: 100000, baselineAnnual: 160000, newAnnual: 100000, start: '2024-04-01', termMonths: 36 },
  // Starts mid-year and crosses three financial years, with one-off costs.
  { ...base, id: 'HOUSING', contract: 'CON-0007', serviceArea: 'Housing', kind: 'move-to-cloud', description: HOSTILE, baselineAnnual: 50000, newAnnual: 38000, start: '2025-10-01', termMonths: 24, implementationCost: 1500, exitCost: 250.5, state: 'validated' },
  // Spans 29 February 2024.
  { ...base, id: 'LEAP', contract: 'CON-0042', description: '+leap year licence', baselineAnnual: 12345.67, newAnnual: 1000.01, start: '2023-07-15', termMonths: 13, cashable: false },
  // Service areas whose names look like a SUMIFS pattern or condition.
  { ...base, id: 'PARKS-STAR', contract: 'CON-0042', serviceArea: 'Parks*', description: 'Grounds maintenance', baselineAnnual: 20000, newAnnual: 15000, start: '2024-04-01', termMonths: 12 },
  { ...base, id: 'PARKS', contract: 'CON-0042', serviceArea: 'Parks and Open Spaces', description: 'Tree survey', baselineAnnual: 9000, newAnnual: 8000, start: '2024-04-01', termMonths: 12 },
  { ...base, id: 'ODD', contract: 'CON-0042', serviceArea: '<>Housing', description: 'Odd name', baselineAnnual: 1000, newAnnual: 500, start: '2024-04-01', termMonths: 12 },
  // A price rise, with no service area.
  { id: 'RISE', contract: 'CON-0007', description: '-price rise on support', kind: 're-procurement', baselineAnnual: 100000, newAnnual: 136600, start: '2026-01-31', termMonths: 25, cashable: true, state: 'proposed' },
];

let listed: Listed[];
let sheets: Map<string, string[][]>;
let folder: string;
let exported: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'savings-office-'));
  const db = join(folder, 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  await store.contracts.upsert(makeContract(), { actor: 'test', source: 'test' });
  await store.contracts.upsert(makeContract({ reference: 'CON-0007', serviceArea: 'Housing' }), { actor: 'test', source: 'test' });
  await store.close();
  writeFileSync(join(folder, 'savings.json'), JSON.stringify({ savings }));
  expect((await steward(['savings', 'import', join(folder, 'savings.json'), '--db', db])).code).toBe(0);
  listed = JSON.parse((await steward(['savings', 'list', '--json', '--db', db])).stdout) as Listed[];
  exported = join(folder, 'savings.xlsx');
  expect((await steward(['savings', 'export', exported, '--db', db, '--council', 'Exampleton Borough Council'])).code).toBe(0);
  sheets = await recalculatedSheets(exported);
}, 180_000);

const pounds = (text: string | undefined) => Math.round(Number(text) * 100) / 100;
const penceSum = (values: number[]) => values.reduce((sum, v) => sum + Math.round(v * 100), 0) / 100;

function table(name: string): Record<string, string>[] {
  const [header = [], ...rows] = sheets.get(name) ?? [];
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

describe('the savings workbook, recalculated by LibreOffice', () => {
  it('recalculates formulas rather than trusting the results we cached', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lo-check-'));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Check').getCell('A1').value = { formula: '1+1', result: 5 };
    await workbook.xlsx.writeFile(join(folder, 'check.xlsx'));
    expect((await recalculatedSheets(join(folder, 'check.xlsx'))).get('Check')).toEqual([['2']]);
  });

  it('shows, row by row, the annual, whole-term and financial-year figures of steward savings list --json', () => {
    const rows = table('Savings');
    expect(rows).toHaveLength(listed.length);
    for (const saving of listed) {
      const row = rows.find((r) => r.ID === saving.id);
      expect(pounds(row?.['Full-year effect (£)'])).toBe(saving.annualSaving);
      expect(pounds(row?.['Cashable a year (£)'])).toBe(saving.cashableAnnual);
      expect(pounds(row?.['Cost avoidance a year (£)'])).toBe(saving.avoidanceAnnual);
      expect(pounds(row?.['Whole-term saving (£)'])).toBe(saving.totalSaving);
      for (const [year, amount] of Object.entries(saving.byFinancialYear)) expect(pounds(row?.[year])).toBe(amount);
    }
    expect(listed.find((s) => s.id === 'IEG4')).toMatchObject({ totalSaving: 180000, cashableAnnual: 0, avoidanceAnnual: 60000, byFinancialYear: { '2024/25': 60000, '2025/26': 60000, '2026/27': 60000 } });
    // 16–30 April 2027 is half of April: 11.5 months of £5,000 in 2027/28, whole years after, half a month in 2030/31.
    expect(listed.find((s) => s.id === 'SPLIT')).toMatchObject({ cashableAnnual: 20000, avoidanceAnnual: 40000, byFinancialYear: { '2027/28': 57500, '2028/29': 60000, '2029/30': 60000, '2030/31': 2500 } });
  });

  it('adds up each financial year, and the signed-off and cashable savings in it, as the list does', () => {
    const years = table('By financial year');
    const labels = [...new Set(listed.flatMap((s) => Object.keys(s.byFinancialYear)))].sort();
    expect(years.map((r) => r['Financial year'])).toEqual([...labels, 'Total']);
    for (const year of labels) {
      const row = years.find((r) => r['Financial year'] === year);
      const amounts = (keep: (s: Listed) => boolean) => penceSum(listed.filter(keep).map((s) => s.byFinancialYear[year] ?? 0));
      expect(pounds(row?.['All savings (£)'])).toBe(amounts(() => true));
      expect(pounds(row?.['Signed off (£)'])).toBe(amounts((s) => s.state === 'signed-off'));
      expect(pounds(row?.['Cashable (£)'])).toBe(amounts((s) => s.cashable));
    }
    const total = years.find((r) => r['Financial year'] === 'Total');
    expect(pounds(total?.['All savings (£)'])).toBe(penceSum(listed.map((s) => s.totalSaving)));
  });

  it('adds up each service area as the list does, even one named like a pattern or a condition', () => {
    const areas = table('By service area').filter((r) => r['Service area'] !== 'Total');
    for (const row of areas) {
      const area = row['Service area'] === '(no service area)' ? null : row['Service area'];
      const mine = listed.filter((s) => s.serviceArea === area);
      expect(Number(row.Savings)).toBe(mine.length);
      expect(pounds(row['Whole-term saving (£)'])).toBe(penceSum(mine.map((s) => s.totalSaving)));
    }
    expect(areas.map((r) => r['Service area'])).toEqual(['<>Housing', 'Customer Services', 'Housing', 'Parks and Open Spaces', 'Parks*', '(no service area)']);
    const total = table('By service area').at(-1);
    expect(total?.['Service area']).toBe('Total');
    expect(Number(total?.Savings)).toBe(listed.length);
    expect(pounds(total?.['Whole-term saving (£)'])).toBe(penceSum(listed.map((s) => s.totalSaving)));
  });

  it('counts a row finance adds below the export in both summaries', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported);
    const savingsSheet = workbook.getWorksheet('Savings')!;
    const header = (savingsSheet.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    const added = savingsSheet.getRow(savingsSheet.rowCount + 1);
    added.getCell(at('Contract')).value = 'CON-0099';
    added.getCell(at('Service area')).value = 'Housing';
    added.getCell(at('Start')).value = new Date('2024-04-01T00:00:00Z');
    added.getCell(at('Full-year effect (£)')).value = 1200;
    added.getCell(at('Whole-term saving (£)')).value = 1200;
    added.getCell(at('2024/25')).value = 1200;
    const edited = join(folder, 'edited.xlsx');
    await workbook.xlsx.writeFile(edited);
    const recalculated = await recalculatedSheets(edited);
    const rows = (name: string) => {
      const [head = [], ...rest] = recalculated.get(name) ?? [];
      return rest.map((row) => Object.fromEntries(head.map((h, i) => [h, row[i] ?? ''])));
    };
    const year = rows('By financial year').find((r) => r['Financial year'] === '2024/25');
    const before = table('By financial year').find((r) => r['Financial year'] === '2024/25');
    expect(pounds(year?.['All savings (£)'])).toBe(pounds(before?.['All savings (£)']) + 1200);
    const housing = rows('By service area').find((r) => r['Service area'] === 'Housing');
    expect(Number(housing?.Savings)).toBe(listed.filter((s) => s.serviceArea === 'Housing').length + 1);
  });

  it('prints on A4 with the council, page numbers, the contract beside each saving and no formula errors', async () => {
    const pdf = await convertToPdf(exported, join(folder, 'pdf'));
    const { pages, pageSizes, text } = await readPdf(pdf);
    expect(pageSizes.every((p) => p.name === 'A4')).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(14);
    expect(text).not.toMatch(/Err:\d|#VALUE|#REF|#NAME|#DIV|#N\/A/);
    expect(text).toContain('Exampleton Borough Council');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain('Signed off by');
    expect(text).toContain('f.ahmed@council.gov.uk');
    expect(text).toContain('IEG4 Ltd');
    await screenshotFirstPage(pdf, 'savings-page-1');
  });

  it('keeps a description such as =HYPERLINK("http://x","click") as the text typed, not a link', () => {
    const rows = table('Savings');
    expect(rows.find((r) => r.ID === 'HOUSING')?.Description).toBe(HOSTILE);
    expect(rows.find((r) => r.ID === 'LEAP')?.Description).toBe('+leap year licence');
    expect(rows.find((r) => r.ID === 'RISE')?.Description).toBe('-price rise on support');
  });
});
