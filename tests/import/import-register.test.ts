import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, type AuditContext, type Contract, type Store } from '@contract-steward/core';
import { importRegister } from '../../packages/core/src/use-cases/import-register.js';
import { makeContract } from '../support/contracts.js';
import { COUNCIL_HEADERS, councilRow, writeCouncilRegisterXlsx } from '../support/generate-register.js';
import { steward } from '../support/run-steward.js';
import { spreadsheetFile } from '../support/spreadsheet-file.js';

let folder: string;
let db: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steward-import-'));
  db = join(folder, 'steward.db');
});

const run = (...args: string[]) => steward([...args, '--db', db], {}, folder);
const json = async (...args: string[]) => {
  const result = await run(...args, '--json');
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { dryRun: boolean; rows: number; created: number; updated: number; unchanged: number; rejected: number; problems: Record<string, unknown>[] };
};
async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ kind: 'sqlite', path: db });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A small register with the cell shapes exceljs hands back: rich text, formulas, hyperlinks, dates. */
async function writeMessyWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').addRow(['Read me first: this workbook holds the contracts register.']);
  const sheet = workbook.addWorksheet('Contracts 2026');
  sheet.addRow(['Anytown Borough Council']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(['Contracts register, published quarterly']);
  sheet.addRow([...COUNCIL_HEADERS]);
  sheet.addRow(councilRow(1));
  const rich = councilRow(2);
  sheet.addRow(rich);
  sheet.getCell('E5').value = { richText: [{ text: 'Veolia ' }, { font: { bold: true }, text: 'ES (UK) Ltd' }] };
  sheet.getCell('J5').value = { formula: '1000*12', result: 12000 };
  sheet.getCell('N5').value = { text: 'b.jones@council.gov.uk', hyperlink: 'mailto:b.jones@council.gov.uk' };
  sheet.getCell('I5').value = new Date(Date.UTC(2027, 2, 31));
  sheet.addRow(councilRow(3));
  sheet.getCell('I6').value = 'TBC';
  sheet.addRow(councilRow(4));
  sheet.getCell('A7').value = 'CON-000001';
  sheet.addRow([]);
  sheet.addRow(councilRow(5));
  sheet.getCell('H9').value = '01/01/1900';
  await workbook.xlsx.writeFile(path);
}

describe('steward import', () => {
  it('finds the register sheet and its header row below the titles, and reads every kind of cell', async () => {
    const file = join(folder, 'register.xlsx');
    await writeMessyWorkbook(file);
    const result = await json('import', file, '--dry-run');
    // Row 7 repeats row 4's reference for another supplier and value: a lot, CON-000001/2.
    expect(result).toMatchObject({ dryRun: true, rows: 5, created: 4, updated: 0, unchanged: 0, rejected: 1, lots: 1 });
    expect(result.problems).toEqual([
      { sheet: 'Contracts 2026', row: 6, column: 'I', value: 'TBC', code: 'not-a-date', message: `'Contracts 2026'!I6: "TBC" is not a date — write it as 31/03/2026 or leave it blank` },
      { sheet: 'Contracts 2026', row: 7, column: '', value: 'CON-000001', code: 'lot-reference', message: expect.stringContaining('already used on row 4 for another supplier, value or dates, so this contract was imported as lot CON-000001/2') as string },
      { sheet: 'Contracts 2026', row: 9, column: 'H', value: '01/01/1900', code: 'placeholder-date', message: expect.stringContaining('placeholder') as string },
    ]);
    await run('import', file);
    const second = await withStore((store) => store.contracts.get('CON-000002'));
    expect(second).toMatchObject({
      supplier: { name: 'Veolia ES (UK) Ltd' },
      value: { total: 12000 },
      owner: { email: 'b.jones@council.gov.uk' },
      endDate: '2027-03-31',
      startDate: '2024-03-01',
    });
  });

  it('writes nothing on a dry run', async () => {
    const file = join(folder, 'register.xlsx');
    await writeCouncilRegisterXlsx(file, 20);
    const result = await json('import', file, '--dry-run');
    expect(result.created).toBe(20);
    expect(await withStore((store) => store.contracts.count())).toBe(0);
    expect(await withStore((store) => store.audit.list())).toEqual([]);
  });

  it('commits every accepted row, records the import in the audit trail, and changes nothing on re-import', async () => {
    const file = join(folder, 'register.xlsx');
    await writeCouncilRegisterXlsx(file, 25);
    expect(await json('import', file)).toMatchObject({ dryRun: false, rows: 25, created: 25, rejected: 0 });
    expect(await withStore((store) => store.contracts.count())).toBe(25);
    const entries = await withStore((store) => store.audit.list({ entity: 'register' }));
    expect(entries).toMatchObject([{ action: 'import', source: 'import:register.xlsx', entityKey: 'register.xlsx' }]);
    const auditBefore = (await withStore((store) => store.audit.list())).length;
    expect(await json('import', file)).toMatchObject({ created: 0, updated: 0, unchanged: 25 });
    expect((await withStore((store) => store.audit.list())).length).toBe(auditBefore);
  });

  it('updates a contract whose row changed and leaves the rest alone', async () => {
    const file = join(folder, 'register.xlsx');
    await writeCouncilRegisterXlsx(file, 5);
    await run('import', file);
    await writeCouncilRegisterXlsx(file, 5, (i) => {
      const row = councilRow(i);
      if (i === 3) row[1] = 'Home care (re-let)';
      return row;
    });
    expect(await json('import', file)).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect((await withStore((store) => store.contracts.get('CON-000003')))?.title).toBe('Home care (re-let)');
  });

  it('rejects the whole file under --strict and writes nothing', async () => {
    const file = join(folder, 'register.xlsx');
    await writeMessyWorkbook(file);
    const result = await run('import', file, '--strict');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('--strict: the file was rejected');
    expect(await withStore((store) => store.contracts.count())).toBe(0);
  });

  it('reads a column the tables do not know when the user maps it', async () => {
    const file = join(folder, 'register.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'Ref,Name of service,Provider,Renewal due\r\nA-1,Libraries,Axiell Ltd,31/03/2027\r\n');
    const unmapped = await json('import', file, '--dry-run', '--map', 'Name of service=title');
    expect(unmapped.created).toBe(1);
    await run('import', file, '--map', 'Name of service=title', '--map', 'Renewal due=End date');
    expect((await withStore((store) => store.contracts.get('A-1')))?.endDate).toBe('2027-03-31');
  });

  it('gives the rejected rows back as a workbook with the original row and the problem first, that imports once fixed', async () => {
    const file = join(folder, 'register.xlsx');
    await writeMessyWorkbook(file);
    const problemsFile = join(folder, 'problems.xlsx');
    await run('import', file, '--problems', problemsFile);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(problemsFile);
    const sheet = workbook.getWorksheet('Problems');
    if (!sheet) throw new Error('no Problems sheet');
    expect([sheet.getRow(1).getCell(1).value, sheet.getRow(1).getCell(2).value]).toEqual(['Original row', 'Problem']);
    // Only the unreadable row: the repeated reference was imported as a lot, not rejected.
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(2).value)).toContain('"TBC" is not a date');
    // Corrected, with the Original row and Problem columns left in: the importer ignores them.
    sheet.getRow(2).getCell(11).value = '31/03/2028';
    await workbook.xlsx.writeFile(problemsFile);
    expect(await json('import', problemsFile)).toMatchObject({ created: 1, rejected: 0 });
  });

  it('hands a rejected row that shares an imported row\'s reference back as a lot, so importing it corrected cannot overwrite that contract', async () => {
    const file = join(folder, 'register.xlsx');
    // Row 3 (i = 1) is CON-000001; row 5 (i = 3) reuses CON-000001 for another contract and has an unreadable expiry.
    await writeCouncilRegisterXlsx(file, 4, (i) => {
      const cells = councilRow(i);
      if (i === 3) {
        cells[0] = 'CON-000001';
        cells[8] = 'TBC';
      }
      return cells;
    });
    const problemsFile = join(folder, 'problems.xlsx');
    expect(await json('import', file, '--problems', problemsFile)).toMatchObject({ created: 3, rejected: 1 });
    const before = await withStore((store) => store.contracts.get('CON-000001'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(problemsFile);
    const sheet = workbook.getWorksheet('Problems');
    if (!sheet) throw new Error('no Problems sheet');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe('CON-000001/2');
    expect(sheet.getRow(2).getCell(1).value).toBe(5);
    // The warning names the reference column by its header.
    expect(String(sheet.getRow(2).getCell(2).value)).toMatch(/^Warning — Contract Ref: .*gives this row CON-000001\/2/m);
    sheet.getRow(2).getCell(11).value = '31/03/2028';
    await workbook.xlsx.writeFile(problemsFile);
    expect(await json('import', problemsFile)).toMatchObject({ created: 1, updated: 0, rejected: 0 });
    expect(await withStore((store) => store.contracts.get('CON-000001'))).toEqual(before);
    expect((await withStore((store) => store.contracts.get('CON-000001/2')))?.endDate).toBe('2028-03-31');
  });

  it('rolls the whole import back when a write fails part way', async () => {
    const file = join(folder, 'register.xlsx');
    await writeCouncilRegisterXlsx(file, 10);
    await withStore((store) => store.contracts.upsert(makeContract(), { actor: 'test', source: 'test' }));
    const store = await openStore({ kind: 'sqlite', path: db });
    // The sixth contract handed to the writer fails, as a full disk or a dropped connection would.
    const failing: Store = Object.assign(Object.create(store) as Store, {
      transaction: <T>(work: (tx: Store) => Promise<T>) =>
        store.transaction((tx) =>
          work(
            Object.assign(Object.create(tx) as Store, {
              contracts: Object.assign(Object.create(tx.contracts) as Store['contracts'], {
                upsertMany: (contracts: Iterable<Contract>, audit: AuditContext) =>
                  tx.contracts.upsertMany(
                    (function* () {
                      let n = 0;
                      for (const contract of contracts) {
                        n += 1;
                        if (n === 6) throw new Error('disk full');
                        yield contract;
                      }
                    })(),
                    audit,
                  ),
              }),
            }),
          ),
        ),
    });
    await expect(importRegister(failing, spreadsheetFile(file), { dryRun: false, actor: 'test' })).rejects.toThrow('disk full');
    expect(await store.contracts.count()).toBe(1);
    expect((await store.audit.list()).map((e) => e.source)).toEqual(['test']);
    await store.close();
  });
});

describe('steward export', () => {
  it('exports a register that imports back as a no-op', async () => {
    await withStore(async (store) => {
      const audit = { actor: 'test', source: 'test' };
      await store.contracts.upsert(makeContract(), audit);
      await store.contracts.upsert(
        makeContract({
          reference: 'CON-0007',
          title: '=HYPERLINK("http://evil")',
          description: 'Roads & bridges, "gritting"',
          supplier: { name: 'Ringway Jacobs', companyNumber: 'SC257136', vcse: false, charityNumber: '1234567' },
          renewal: { type: 'extension-options', options: [{ amount: 12, unit: 'months' }, { amount: 6, unit: 'months' }], taken: 1, maximumEndDate: '2029-03-31' },
          value: { total: 1234.5, annual: 411.5, basis: 'estimated', irrecoverableVat: 20 },
          procurement: { route: 'framework', framework: 'ESPO 509_23', frameworkExpiry: '2027-06-30', invitation: 'tender' },
          renewalType: 'options',
          extensionNoticePeriod: { amount: 6, unit: 'months' },
          itSystem: { systemName: 'Confirm', hosting: 'cloud', personalData: true },
          escalationContact: { name: 'Head of Highways', email: 'hoh@council.gov.uk' },
          reviewDate: '2026-09-30',
          appendixMClauses: ['DE-1', 'DE-1.1', 'API-2'],
          warningThresholds: [120, 30],
          leadTimeDays: 200,
        }),
        audit,
      );
      await store.contracts.upsert(makeContract({ reference: 'CON-0009', renewalType: 'fixed', procurement: { route: 'dynamic-market' } }), audit);
      await store.contracts.upsert(makeContract({ reference: 'CON-0008', renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } }, noticePeriod: { amount: 90, unit: 'days' } }), audit);
    });
    const out = join(folder, 'register-out.xlsx');
    expect((await run('export', 'register', out)).code).toBe(0);
    expect(await json('import', out, '--dry-run')).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 4, rejected: 0, problems: [] });
  });

  it('writes the Transparency Code layout for a quarter, with formula-like text made safe and unvalued contracts marked', async () => {
    await withStore(async (store) => {
      await store.contracts.upsert(makeContract({ title: '=cmd|calc', department: 'Resources', value: { total: 300000, basis: 'fixed' }, supplier: { name: 'Home Group Limited', vcseNumber: 'IP22981R', vcse: true, address: '2 Gosforth Park Way', postcode: 'NE12 8ET' } }), { actor: 'test', source: 'test' });
      await store.contracts.upsert(makeContract({ reference: 'SMALL', value: { total: 4000 } }), { actor: 'test', source: 'test' });
      await store.contracts.upsert(makeContract({ reference: 'ENDED', endDate: '2024-12-31', value: { total: 9000 } }), { actor: 'test', source: 'test' });
      await store.contracts.upsert(makeContract({ reference: 'UNVALUED', value: {} }), { actor: 'test', source: 'test' });
    });
    const out = join(folder, 'transparency.csv');
    const result = await run('export', 'transparency', out, '--quarter', '2025Q1');
    expect(result.stdout).toContain('2 contracts in force in 2025Q1 (2025-01-01 to 2025-03-31)');
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(
      /^Reference Number,Title of Agreement,Department Responsible,Description of Goods and Services,Supplier Name,Supplier Address,Supplier Postcode,Supplier Registered Company Number,Supplier Registered Charity Number,VCSE Registration Number,SME,VCSE,Start Date,End Date,Review Date,Contract Value,Estimated Annual Value,Value Basis,Irrecoverable VAT,Invitation to Quote or Tender,Value Note,/,
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^CON-0042,'=cmd\|calc,Resources,,Home Group Limited,2 Gosforth Park Way,NE12 8ET,,,IP22981R,,Yes,01\/04\/2024,31\/03\/2027,,300000,,Fixed,,,,/);
    expect(lines[2]).toMatch(/^UNVALUED,.*,"No value recorded: check whether it is over £5,000",/);
  });

  it('refuses a quarter that does not exist and an empty register, saying what to do', async () => {
    const out = join(folder, 'transparency.csv');
    const bad = await run('export', 'transparency', out, '--quarter', '2026Q5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"2026Q5" is not a quarter: write the year and Q1 to Q4, e.g. 2026Q3');
    const empty = await run('export', 'transparency', out, '--quarter', '2026Q1');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('The register is empty');
    const ocds = await run('export', 'ocds', join(folder, 'x.json'), '--ocid-prefix', 'ocds-12345', '--publisher', 'Anytown');
    expect(ocds.code).toBe(2);
    expect(ocds.stderr).toContain('"ocds-12345" is not an ocid prefix');
  });

  it('writes a template with validation and notes that imports as an empty register', async () => {
    const out = join(folder, 'template.xlsx');
    await run('template', out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Register');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Reference');
    expect(sheet?.getCell('L2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No"'] });
    expect(sheet?.getCell('R2').dataValidation).toMatchObject({ type: 'date' });
    expect(workbook.getWorksheet('Notes')?.getRow(2).getCell(2).value).toContain('Required');
    expect(await json('import', out, '--dry-run')).toMatchObject({ rows: 0, created: 0 });
  });
});
