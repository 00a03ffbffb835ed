import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { KpiSchema } from '../performance/kpi.schema.js';
import { rateResult } from '../performance/rate-result.js';
import { GBP_FORMAT } from './savings-workbook.js';
import { ratingFormula, renderPerformanceWorkbook, type PerformanceWorkbookResult } from './performance-workbook.js';
import { renderPerformanceTemplate } from './performance-template.js';
import { readZipEntry } from '../../../../tests/support/read-zip-entry.js';

const HOSTILE = '=HYPERLINK("http://x","click")';
const availability = KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, tolerance: 0.5, frequency: 'quarterly', from: '2026-04-01' });
const hostileKpi = KpiSchema.parse({ contract: 'CON-0042', name: '+Calls answered', measure: 'count', target: 4, direction: 'lower-is-better', frequency: 'monthly', from: '2026-04-01' });

function result(kpi = availability, value: number | null = 99.4, periodStart = '2026-04-01'): PerformanceWorkbookResult {
  return { kpi, periodStart, periodEnd: '2026-06-30', value, ...rateResult(kpi, value) };
}

async function exported(identity?: { councilName: string }) {
  const bytes = await renderPerformanceWorkbook({
    ...(identity ? { identity } : {}),
    contracts: [
      {
        reference: 'CON-0042',
        title: HOSTILE,
        results: [result(), result(availability, 98.6, '2026-07-01'), result(hostileKpi, 4.5), result(availability, null, '2026-10-01')],
        usage: [{ item: '@licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 60, annualCost: 160000 }],
      },
      { reference: 'CON-0007', title: 'Housing repairs', results: [], usage: [] },
    ],
    period: null,
    exportedAt: new Date('2026-11-26T09:00:00Z'),
    complianceGoal: 0.8,
    utilisationFloor: 0.7,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('the contract performance workbook', () => {
  it('rates each result with a live formula that carries the rating the rule gives', async () => {
    const sheet = (await exported()).getWorksheet('Results');
    expect(sheet?.getRow(1).values).toContain('Rating');
    const ratings = [2, 3, 4, 5].map((r) => sheet?.getCell(`L${r}`).value as { formula: string; result: string });
    expect(ratings.map((c) => c.result)).toEqual(['Good', 'Approaching target', 'Requires improvement', 'Other']);
    expect(ratings[0]?.formula).toBe(ratingFormula(2));
    expect(ratings[0]?.formula).toContain('IF(K2="","Other"');
    expect(sheet?.getCell('J2').value).toBe(79.2);
    expect(sheet?.getCell('K5').value).toBeNull();
    expect(sheet?.getCell('E2').numFmt).toBe('dd/mm/yyyy');
  });

  it('counts results and those rated Good per contract with COUNTIFS against the 80% goal', async () => {
    const sheet = (await exported()).getWorksheet('Compliance');
    const results = sheet?.getCell('C2').value as { formula: string; result: number };
    const good = sheet?.getCell('D2').value as { formula: string; result: number };
    expect(results.formula).toBe('COUNTIFS(Results!$A$2:$A$5,"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A2,"~","~~"),"*","~*"),"?","~?"))');
    expect(good.formula).toContain(',Results!$L$2:$L$5,"Good")');
    expect([results.result, good.result]).toEqual([4, 1]);
    expect(sheet?.getCell('E2').numFmt).toBe('0.0%');
    expect(sheet?.getCell('F2').value).toBe(0.8);
    expect((sheet?.getCell('G2').value as { result: string }).result).toBe('No');
    expect((sheet?.getCell('G3').value as { result: string }).result).toBe('No results');
  });

  it('shows utilisation and the cost of unused units as formulas in GBP and percent', async () => {
    const sheet = (await exported()).getWorksheet('Usage');
    expect(sheet?.getCell('H2').value).toMatchObject({ formula: 'IF(F2=0,"",G2/F2)', result: 0.6 });
    expect(sheet?.getCell('J2').value).toMatchObject({ result: 'Review usage before renewing' });
    expect(sheet?.getCell('L2').value).toMatchObject({ result: 64000 });
    expect(sheet?.getCell('H2').numFmt).toBe('0.0%');
    expect(sheet?.getCell('K2').numFmt).toBe(GBP_FORMAT);
  });

  it('colours ratings by conditional formatting on the word, freezes and filters the headers, and prints one page wide', async () => {
    const workbook = await exported();
    const sheet = workbook.getWorksheet('Results');
    // exceljs reads conditional formatting back but does not declare it on Worksheet.
    const formattings = (sheet as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    const rules = formattings.flatMap((f) => f.rules);
    expect(rules.map((r) => r.formulae?.[0])).toEqual(['$L2="Good"', '$L2="Approaching target"', '$L2="Requires improvement"', '$L2="Inadequate"', '$L2="Other"']);
    for (const name of ['Results', 'Compliance', 'Usage']) {
      const s = workbook.getWorksheet(name);
      expect(s?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(s?.autoFilter).toBeTruthy();
      expect(s?.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    }
    expect(sheet?.getColumn('M').alignment).toMatchObject({ wrapText: true });
  });

  it('keeps register text that looks like a formula as text', async () => {
    const workbook = await exported();
    const results = workbook.getWorksheet('Results');
    expect(results?.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(results?.getCell('B2').value).toBe(HOSTILE);
    expect(results?.getCell('C4').value).toBe('+Calls answered');
    expect(workbook.getWorksheet('Compliance')?.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(workbook.getWorksheet('Usage')?.getCell('C2').value).toBe('@licences');
  });
});

describe('the KPI results template', () => {
  it('has the import columns on its first sheet, date checks, how to fill it in, and the KPIs to report', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderPerformanceTemplate({ kpis: [availability, hostileKpi] })) as unknown as ArrayBuffer);
    const [first] = workbook.worksheets;
    expect(first?.name).toBe('Results');
    expect(first?.getRow(1).values).toEqual([undefined, 'Contract reference', 'KPI', 'Period start', 'Period end', 'Value', 'Note']);
    expect(first?.getCell('C2').dataValidation).toMatchObject({ type: 'date' });
    const notes = workbook.getWorksheet('How to fill in');
    expect(notes?.getColumn(1).values).toContain('Approaching target');
    expect(notes?.getColumn(2).values.join(' ')).toContain('steward kpis record FILE.xlsx --dry-run');
    expect(workbook.getWorksheet('KPIs')?.getCell('B3').value).toBe('+Calls answered');
  });

  it('prints every sheet on A4 with the council, the title and page numbers, in Arial, the header on every page', async () => {
    const workbook = await exported({ councilName: 'Exampleton Borough Council' });
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup.paperSize, sheet.name).toBe(9);
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('1:1');
      expect(sheet.headerFooter.oddHeader, sheet.name).toContain('Exampleton Borough Council');
      expect(sheet.headerFooter.oddFooter, sheet.name).toContain('Page &P of &N');
      expect(sheet.getCell('A1').font?.name, sheet.name).toBe('Arial');
      expect(sheet.getCell('A2').font?.name, sheet.name).toBe('Arial');
    }
    expect(workbook.getWorksheet('Results')?.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('writes the results template\'s date checks once per range, on A4 with the council', async () => {
    const bytes = await renderPerformanceTemplate({ kpis: [availability], rows: 50, identity: { councilName: 'Exampleton Borough Council' } });
    const xml = readZipEntry(bytes, 'xl/worksheets/sheet1.xml') ?? '';
    expect([...xml.matchAll(/<dataValidation /g)]).toHaveLength(1);
    expect(xml).toMatch(/<dataValidation [^>]*sqref="C2:D51"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup.paperSize, sheet.name).toBe(9);
      expect(sheet.headerFooter.oddHeader, sheet.name).toContain('Exampleton Borough Council');
    }
  });
});
