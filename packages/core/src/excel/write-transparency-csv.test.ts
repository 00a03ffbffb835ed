import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { parseQuarter } from '../publish/transparency-quarter.js';
import { readZipEntry } from '../../../../tests/support/read-zip-entry.js';
import { writeTransparencyFile } from './write-transparency-csv.js';

const contract = ContractSchema.parse({
  reference: 'CON-0042',
  title: 'Revenues and benefits e-forms',
  supplier: { name: 'IEG4 Ltd', companyNumber: '04841343' },
  startDate: '2024-04-01',
  endDate: '2027-03-31',
  value: { total: 300000 },
});

function quarter() {
  const q = parseQuarter('2026Q2');
  if (!q.success) throw new Error('bad quarter');
  return q.value;
}

describe('the Transparency Code file as .xlsx', () => {
  it('keeps a company number\'s leading zero: a text cell in the Text format', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'transparency-')), 'q2.xlsx');
    await writeTransparencyFile(path, [contract], quarter(), { identity: { councilName: 'Exampleton Borough Council' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Contracts')!;
    const column = (sheet.getRow(1).values as unknown[]).indexOf('Supplier Registered Company Number');
    const cell = sheet.getRow(2).getCell(column);
    expect(cell.value).toBe('04841343');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe('@');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.headerFooter.oddHeader).toContain('Exampleton Borough Council');
    expect(sheet.headerFooter.oddHeader).toContain('2026Q2');
    expect(readZipEntry(readFileSync(path), 'xl/worksheets/sheet1.xml')).toMatch(/<pane [^>]*ySplit="1"/);
  });
});
