import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTenderPack, packClauses, type TenderPack } from '../tenders/build-pack.js';
import { MATRIX_HEADER_ROW, MATRIX_SHEET, SUPPLIER_FIELDS, SUPPLIER_ROW, writeTenderComplianceMatrix } from './tender-compliance-matrix.js';
import { readZipEntry } from '../../../../tests/support/read-zip-entry.js';

function pack(overrides: Record<string, unknown> = {}): TenderPack {
  const result = buildTenderPack(
    {
      title: '=HYPERLINK("http://example.com","Revenues")',
      reference: 'DN712345',
      charges: { 'data-extraction': 'no-charge', api: 'declare-charges' },
      businessFunctions: ['Council Tax billing', '+Housing Benefit'],
      ...overrides,
    },
    { date: '2026-11-26' },
  );
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

async function readBack(p: TenderPack): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeTenderComplianceMatrix(p)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(MATRIX_SHEET);
  if (!sheet) throw new Error('no compliance matrix sheet');
  return sheet;
}

/** Rows of clauses (a clause id in column A), keyed by that id. */
function clauseRows(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Row> {
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row, number) => {
    const id = row.getCell(1).value;
    if (number > MATRIX_HEADER_ROW && typeof id === 'string' && /^(DE|API)-/.test(id)) rows.set(id, row);
  });
  return rows;
}

describe('writeTenderComplianceMatrix', () => {
  it('has the header row the supplier fills in against, frozen above the clauses', async () => {
    const sheet = await readBack(pack());
    expect(sheet.getRow(MATRIX_HEADER_ROW).values).toEqual([
      undefined,
      'Clause id',
      'No.',
      'Requirement',
      'Supplier response',
      'Compliant',
      'Charges (£, or "none")',
      'Evidence / reference',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: MATRIX_HEADER_ROW });
  });

  it('has one row per clause, in pack order, with its pack number and wording', async () => {
    const p = pack({ exclude: ['API-1.2'] });
    const rows = clauseRows(await readBack(p));
    expect([...rows.keys()]).toEqual(packClauses(p).map((c) => c.id));
    expect(rows.get('API-1.3')?.getCell(2).value).toBe('2.1.2');
    expect(rows.get('DE-1.2')?.getCell(3).value).toBe(
      'The system must enable full copies of all system data to be extracted at any time. This should be in a structured, standardised (preferably open) and machine-readable format.',
    );
    expect(rows.get('API-1.1')?.getCell(3).value).toMatch(/following business functions:\n• Council Tax billing\n• \+Housing Benefit$/);
  });

  it('offers Yes, Partial and No as a drop-down in the Compliant column', async () => {
    const rows = clauseRows(await readBack(pack()));
    for (const id of ['DE-1.1', 'DE-2', 'API-1.7', 'API-2']) {
      expect(rows.get(id)?.getCell(5).dataValidation, id).toMatchObject({ type: 'list', formulae: ['"Yes,Partial,No"'], showErrorMessage: true });
    }
  });

  it('protects the sheet, locking the requirement and leaving the response cells open', async () => {
    const sheet = await readBack(pack());
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const row = clauseRows(sheet).get('DE-1.1');
    for (const column of [1, 2, 3]) expect(row?.getCell(column).protection?.locked, `column ${column}`).not.toBe(false);
    for (const column of [4, 5, 6, 7]) expect(row?.getCell(column).protection?.locked, `column ${column}`).toBe(false);
  });

  it('asks for no response to a lead-in, and locks its cells', async () => {
    const row = clauseRows(await readBack(pack())).get('API-1');
    expect(row?.getCell(4).value).toBe('Applies to the clauses below; no response needed.');
    expect(row?.getCell(4).protection?.locked).not.toBe(false);
    expect(row?.getCell(5).dataValidation).toBeUndefined();
  });

  it('writes the title block, keeping text that looks like a formula as text', async () => {
    const sheet = await readBack(pack());
    expect(sheet.getCell('A1').value).toBe('Compliance matrix: =HYPERLINK("http://example.com","Revenues")');
    expect(sheet.getCell('A2').value).toBe('Appendix M — Data access and API requirements  ·  Tender reference DN712345  ·  Appendix M, version 1.0.0 (26 November 2026)');
    for (let r = 1; r <= MATRIX_HEADER_ROW; r++) sheet.getRow(r).eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
  });

  it('names the council above the tender and in the page header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTenderComplianceMatrix(pack(), { identity: { councilName: 'Exampleton Borough Council' } })) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(MATRIX_SHEET)!;
    expect(String(sheet.getCell('A2').value)).toMatch(/^Exampleton Borough Council {2}· {2}Appendix M — Data access and API requirements/);
    expect(sheet.headerFooter.oddHeader).toContain('Exampleton Borough Council');
    expect(sheet.headerFooter.oddFooter).toContain('Page &P of &N');
  });

  it('leaves the supplier\'s name, the date and the signatory open for the supplier to fill in', async () => {
    const sheet = await readBack(pack());
    SUPPLIER_FIELDS.forEach((label, i) => {
      expect(sheet.getCell(`A${SUPPLIER_ROW + i}`).value).toBe(label);
      expect(sheet.getCell(`A${SUPPLIER_ROW + i}`).protection?.locked).not.toBe(false);
      expect(sheet.getCell(`D${SUPPLIER_ROW + i}`).protection?.locked).toBe(false);
    });
  });

  it('counts the Yes, Partial and No answers, and the clauses not yet answered, below the clauses', async () => {
    const sheet = await readBack(pack());
    const counts = new Map<string, unknown>();
    sheet.eachRow((row) => {
      const label = row.getCell(3).value;
      if (typeof label === 'string' && ['Yes', 'Partial', 'No', 'Not yet answered'].includes(label)) counts.set(label, row.getCell(4).value);
    });
    expect(counts.get('Yes')).toMatchObject({ formula: expect.stringMatching(/^COUNTIF\(\$E\$\d+:\$E\$\d+,"Yes"\)$/) as unknown });
    expect(counts.get('Partial')).toMatchObject({ formula: expect.stringContaining('"Partial"') as unknown });
    expect(counts.get('No')).toMatchObject({ formula: expect.stringContaining('"No"') as unknown });
    const answerable = [...clauseRows(sheet).values()].filter((row) => row.getCell(4).value === null).length;
    expect(counts.get('Not yet answered')).toMatchObject({ result: answerable });
  });

  it('writes each drop-down once, and lets answer rows grow with what the supplier types', async () => {
    const xml = readZipEntry(await writeTenderComplianceMatrix(pack()), 'xl/worksheets/sheet1.xml') ?? '';
    const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(ranges.length).toBeGreaterThan(0);
    const cells = ranges.flatMap((range) => (range ?? '').split(' ')).flatMap((ref) => {
      const [from, to = from] = ref.split(':');
      const a = Number(from?.slice(1));
      const b = Number(to?.slice(1));
      return Array.from({ length: b - a + 1 }, (_, i) => a + i);
    });
    expect(new Set(cells).size).toBe(cells.length);
    const sheet = await readBack(pack());
    const answerRow = clauseRows(sheet).get('DE-1.1')!.number;
    expect(xml).toMatch(new RegExp(`<row r="${answerRow}"[^>]* ht="[\\d.]+"`));
    expect(xml).not.toMatch(new RegExp(`<row r="${answerRow}"[^>]*customHeight`));
  });
});
