import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KpiSchema, openStore, type KpiInput } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { convertToPdf, recalculatedSheets } from '../support/libreoffice.js';
import { readPdf, screenshotFirstPage } from '../support/pdf.js';
import { steward } from '../support/run-steward.js';

const HOSTILE = '=HYPERLINK("http://x","click")';

interface Listed {
  reference: string;
  compliance: number | null;
  meetsComplianceGoal: boolean;
  ratings: { kpi: string; periodStart: string; value: number | null; rating: string }[];
  utilisation: { item: string; share: number; unusedAnnualCost?: number }[];
}

const kpi = (input: Omit<KpiInput, 'frequency' | 'from'>) => KpiSchema.parse({ frequency: 'monthly', from: '2026-01-01', ...input });
const KPIS = [
  kpi({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, tolerance: 0.5 }),
  kpi({ contract: 'CON-0042', name: 'Fix time', measure: 'time', unit: 'hours', target: 4, direction: 'lower-is-better', tolerance: 1 }),
  kpi({ contract: 'CON-0042', name: 'Backups tested', measure: 'yes-no', target: 1 }),
  kpi({ contract: 'CON-0042', name: 'Calls answered', measure: 'count', target: 500, inadequateAt: 450, tolerance: 10 }),
  kpi({ contract: 'CON-0007', name: '+Repairs on time', measure: 'percentage', target: 90 }),
];
// Each month, one value per KPI, chosen to sit on the rule's edges: exactly at the target, at the
// tolerance, exactly on the Inadequate line, just either side of it, and not measured.
const VALUES: Record<string, (number | null)[]> = {
  Availability: [99, 98.5, 79.2, 79.21, 98.49, null],
  'Fix time': [4, 5, 4.8, 4.79, 5.01, 3],
  'Backups tested': [1, 0, 1, 1, 0, 1],
  'Calls answered': [500, 490, 450, 450.01, 489.99, 600],
  '+Repairs on time': [90, 72, 72.01, 95, 89.999999, 10],
};

const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
let listed: Listed[];
let firstExport: string;
let template: string;
let folder: string;
const sheets = new Map<string, string[][]>();

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'performance-office-'));
  const db = join(folder, 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  const audit = { actor: 'test', source: 'test' };
  await store.contracts.upsert(makeContract({ title: HOSTILE }), audit);
  await store.contracts.upsert(makeContract({ reference: 'CON-0007', title: 'Housing repairs' }), audit);
  for (const k of KPIS) await store.performance.upsertKpi(k, audit);
  const entered = { enteredBy: 'a.khan@council.gov.uk', enteredAt: '2026-10-02T09:00:00.000Z' };
  const results = KPIS.flatMap((k) =>
    (VALUES[k.name] ?? []).map((value, m) => {
      const month = String(m + 1).padStart(2, '0');
      return { contract: k.contract, kpi: k.name, periodStart: `2026-${month}-01`, periodEnd: `2026-${month}-28`, value, ...(value === null ? { note: 'monitoring down' } : {}), ...entered };
    }),
  );
  await store.performance.recordResults(results, audit);
  await store.performance.upsertUsage({ contract: 'CON-0042', item: 'licences', periodStart: '2026-01-01', periodEnd: '2026-12-31', paidFor: 120, used: 83, annualCost: 160000 }, audit);
  await store.close();
  // A year's period: every month's results are rated, so each edge value has its own row.
  listed = [];
  for (const month of months) {
    const out = join(folder, `performance-${month}.xlsx`);
    expect((await steward(['performance', 'export', out, '--period', month, '--db', db, '--council', 'Exampleton Borough Council'])).code).toBe(0);
    firstExport ??= out;
    const json = JSON.parse((await steward(['performance', '--period', month, '--json', '--db', db])).stdout) as Listed[];
    const recalculated = await recalculatedSheets(out);
    listed.push(...json);
    for (const [name, rows] of recalculated) sheets.set(`${month} ${name}`, rows);
  }
  template = join(folder, 'results-template.xlsx');
  expect((await steward(['performance', 'template', template, '--db', db, '--council', 'Exampleton Borough Council'])).code).toBe(0);
}, 600_000);

/** A cell LibreOffice wrote as a percentage, "69.1666666666667%", as a share. */
const share = (text: string | undefined) => (text?.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number.NaN);

function table(name: string): Record<string, string>[] {
  const [header = [], ...rows] = sheets.get(name) ?? [];
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

describe('the performance workbook, recalculated by LibreOffice', () => {
  it('rates every result by formula exactly as steward performance --json rates it, on each edge of the rule', () => {
    let compared = 0;
    months.forEach((month, m) => {
      const rows = table(`${month} Results`);
      for (const contract of listed.slice(m * 2, m * 2 + 2)) {
        for (const rated of contract.ratings) {
          const row = rows.find((r) => r['Contract reference'] === contract.reference && r.KPI === rated.kpi);
          expect({ kpi: rated.kpi, value: rated.value, rating: row?.Rating }).toEqual({ kpi: rated.kpi, value: rated.value, rating: rated.rating });
          compared += 1;
        }
      }
    });
    expect(compared).toBe(30);
    expect(new Set(listed.flatMap((c) => c.ratings.map((r) => r.rating)))).toEqual(new Set(['Good', 'Approaching target', 'Requires improvement', 'Inadequate', 'Other']));
  });

  it('gives each contract the compliance share and verdict of steward performance --json', () => {
    months.forEach((month, m) => {
      const rows = table(`${month} Compliance`);
      for (const contract of listed.slice(m * 2, m * 2 + 2)) {
        const row = rows.find((r) => r['Contract reference'] === contract.reference);
        expect(share(row?.['Share at Good'])).toBeCloseTo(contract.compliance ?? Number.NaN, 9);
        expect(row?.['Meets goal']).toBe(contract.meetsComplianceGoal ? 'Yes' : 'No');
      }
    });
  });

  it('works out utilisation and the cost of unused licences as the list does', () => {
    const row = table('2026-01 Usage')[0];
    const usage = listed.find((c) => c.reference === 'CON-0042')?.utilisation[0];
    expect(share(row?.Utilisation)).toBeCloseTo(usage?.share ?? 0, 9);
    expect(Number(row?.['Unused a year (£)'])).toBe(usage?.unusedAnnualCost);
    expect(row?.['Review before renewing']).toBe('Review usage before renewing');
  });

  it('keeps a contract title such as =HYPERLINK("http://x","click") as the text typed', () => {
    expect(table('2026-01 Results').find((r) => r['Contract reference'] === 'CON-0042')?.['Contract title']).toBe(HOSTILE);
    expect(table('2026-01 Results').find((r) => r['Contract reference'] === 'CON-0007')?.KPI).toBe('+Repairs on time');
  });

  it('prints on A4 with the council, page numbers, the ratings and no formula errors', async () => {
    const pdf = await convertToPdf(firstExport, join(folder, 'pdf'));
    const { pages, pageSizes, text } = await readPdf(pdf);
    expect(pageSizes.every((p) => p.name === 'A4')).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(10);
    expect(text).not.toMatch(/Err:\d|#VALUE|#REF|#NAME|#DIV|#N\/A/);
    expect(text).toContain('Exampleton Borough Council');
    expect(text).toContain('Contract performance: KPI results');
    expect(text).toContain(`Page 1 of `);
    expect(text).toContain('Requires improvement');
    await screenshotFirstPage(pdf, 'performance-workbook-page-1');
  });

  it('prints the results template on A4 with the council and no errors', async () => {
    const pdf = await convertToPdf(template, join(folder, 'pdf'));
    const { pages, pageSizes, text } = await readPdf(pdf);
    expect(pageSizes.every((p) => p.name === 'A4')).toBe(true);
    expect(pages).toBeLessThanOrEqual(6);
    expect(text).not.toMatch(/Err:\d|#VALUE|#REF|#NAME|#DIV|#N\/A/);
    expect(text).toContain('Exampleton Borough Council');
    expect(text).toContain('Contract reference');
  });
});
