import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@contract-steward/core';
import { importRegister, problemsWorkbook, type ImportReport } from '../../packages/core/src/use-cases/import-register.js';
import { corruptedNorfolkRegister } from '../support/corrupted-norfolk-register.js';

const FILE = 'norfolk_cc_contracts_2015.csv';
let store: Store;
beforeEach(async () => {
  store = await openStore({ kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'steward-problems-')), 'steward.db') });
});
afterEach(async () => {
  await store.close();
});

/** The error codes of each rejected row, keyed by its row in the original file. */
function errorsByRow(report: ImportReport, originalRow: (row: number) => number = (row) => row): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  for (const problem of report.problems) {
    if (problem.severity !== 'error') continue;
    const row = originalRow(problem.row);
    byRow.set(row, [...(byRow.get(row) ?? []), problem.code].sort());
  }
  return byRow;
}

describe('the problems workbook of a register with rejected rows', () => {
  it('imported back unchanged creates and changes nothing, and rejects every row again for the same reasons', async () => {
    const { bytes, spoiled } = corruptedNorfolkRegister();
    const first = await importRegister(store, { name: FILE, bytes }, { dryRun: false, actor: 'test' });
    expect(first.rejected).toBe(spoiled);
    expect(first.created).toBeGreaterThan(5000);
    expect(first.problems.some((problem) => problem.code === 'lot-reference')).toBe(true);
    const before = JSON.stringify(await store.contracts.list());
    const newestAudit = await store.audit.list({ limit: 1 });

    const workbook = await problemsWorkbook(first, { councilName: 'Norfolk County Council' });
    const again = await importRegister(store, { name: `${FILE} problems.xlsx`, bytes: workbook }, { dryRun: false, actor: 'test' });

    expect({ created: again.created, updated: again.updated, unchanged: again.unchanged, rejected: again.rejected, renamed: again.renamed }).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: first.rejected,
      renamed: [],
    });
    // Row r of the workbook holds the (r - 1)th rejected row.
    const originalRow = (row: number) => first.rejectedRows[row - 2]?.row ?? -1;
    expect(errorsByRow(again, originalRow)).toEqual(errorsByRow(first));
    // The Original row and Problem columns are not reported as columns left out.
    expect(again.ignoredColumns).toEqual(first.ignoredColumns);
    expect(JSON.stringify(await store.contracts.list())).toBe(before);
    expect(await store.audit.list({ limit: 1 })).toEqual(newestAudit);
  });

  it('holds each rejected Norfolk row under its original row number, with its dates and value typed', async () => {
    const { bytes } = corruptedNorfolkRegister();
    const report = await importRegister(store, { name: FILE, bytes }, { dryRun: true, actor: 'test' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await problemsWorkbook(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Problems');
    if (!sheet) throw new Error('no Problems sheet');
    expect(sheet.rowCount).toBe(report.rejected + 1);
    expect(sheet.getColumn(1).values.slice(2)).toEqual(report.rejectedRows.map((row) => row.row));
    const header = sheet.getRow(1).values as unknown[];
    const value = header.indexOf('Contract value');
    const end = header.indexOf('End date');
    const cells = sheet.getColumn(value).values.slice(2);
    expect(cells.filter((cell) => typeof cell === 'number').length).toBeGreaterThan(0);
    expect(cells).toContain('about a million');
    expect(sheet.getColumn(end).values.slice(2).filter((cell) => cell instanceof Date).length).toBeGreaterThan(0);
    for (const problem of sheet.getColumn(2).values.slice(2)) expect(String(problem)).not.toContain(FILE);
  });
});
