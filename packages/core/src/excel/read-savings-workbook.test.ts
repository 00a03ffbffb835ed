import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SavingSchema } from '../savings/saving.schema.js';
import { validateSavingRows } from '../savings/validate-savings.js';
import { readSavingsWorkbook } from './read-savings-workbook.js';
import { writeSavingsWorkbook } from './savings-workbook.js';

async function workbookBytes(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Savings');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const header = ['contract', 'description', 'serviceArea', 'kind', 'baselineAnnual', 'newAnnual', 'start', 'termMonths', 'oneOffCosts', 'cashable', 'state', 'signedOffBy'];

describe('reading savings from a workbook', () => {
  it('reads the same columns as the JSON import, with Excel dates, pounds as text and yes/no', async () => {
    const bytes = await workbookBytes([
      header,
      ['CON-0042', 'IEG4 renewal renegotiated', 'Customer Services', 'Renegotiation', '£160,000', 100000, new Date('2024-04-01T00:00:00Z'), 36, 0, 'Yes', 'Signed off', 'F. Ahmed'],
      ['CON-0007', 'Housing system', 'Housing', 'move-to-cloud', 50000, '38,000.00', '01/10/2025', 24, 1000, 'no', 'proposed'],
    ]);
    const rows = await readSavingsWorkbook(bytes);
    expect(rows.success).toBe(true);
    if (!rows.success) return;
    const savings = validateSavingRows(rows.value);
    expect(savings.success).toBe(true);
    if (!savings.success) return;
    expect(savings.value[0]).toMatchObject({ baselineAnnual: 160000, start: '2024-04-01', cashable: true, state: 'signed-off', signedOffBy: 'F. Ahmed', kind: 'renegotiation' });
    expect(savings.value[1]).toMatchObject({ newAnnual: 38000, start: '2025-10-01', cashable: false, oneOffCosts: 1000 });
  });

  it('points at the cell it cannot use and quotes what is in it', async () => {
    const bytes = await workbookBytes([header, ['CON-0042', 'x', 'y', 'renegotiation', 'TBC', 1, '2024-04-01', 12, 0, 'yes', 'proposed']]);
    const rows = await readSavingsWorkbook(bytes);
    const result = rows.success ? validateSavingRows(rows.value) : rows;
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems[0]?.message).toMatch(/^Savings!E2 "TBC": baselineAnnual: /);
  });

  it('says which column is missing', async () => {
    const rows = await readSavingsWorkbook(await workbookBytes([['contract', 'description']]));
    expect(!rows.success && rows.problems[0]?.message).toBe('Savings: no "kind" column in the first row');
  });

  it('reads back its own export, so finance can correct a sheet and import it again', async () => {
    const original = SavingSchema.parse({
      id: 'S-1',
      contract: 'CON-0042',
      description: '=HYPERLINK("http://x","click")',
      serviceArea: 'Customer Services',
      kind: 'renegotiation',
      baselineAnnual: 160000,
      newAnnual: 100000,
      start: '2024-04-01',
      termMonths: 36,
      oneOffCosts: 2500,
      cashable: true,
      state: 'validated',
      stateBy: 'f.ahmed@council.gov.uk',
      stateAt: '2026-11-26T09:00:00.000Z',
    });
    const path = join(mkdtempSync(join(tmpdir(), 'savings-rt-')), 'out.xlsx');
    await writeSavingsWorkbook([original], path, { exportedAt: new Date() });
    const rows = await readSavingsWorkbook(readFileSync(path));
    const result = rows.success ? validateSavingRows(rows.value) : rows;
    expect(result.success && result.value).toEqual([original]);
  });

  it('refuses a file that is not a workbook', async () => {
    const rows = await readSavingsWorkbook(Buffer.from('contract,description\n'));
    expect(!rows.success && rows.problems[0]).toMatchObject({ code: 'not-a-spreadsheet', message: expect.stringContaining('not a readable .xlsx workbook') as string });
  });
});
