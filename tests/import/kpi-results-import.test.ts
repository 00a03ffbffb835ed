import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { KpiSchema, openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { steward } from '../support/run-steward.js';

let folder: string;
let db: string;
const HEADER = 'Contract reference,KPI,Period start,Period end,Value,Note';

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-kpi-results-'));
  db = join(folder, 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  const audit = { actor: 'test', source: 'test' };
  await store.contracts.upsert(makeContract(), audit);
  await store.performance.upsertKpi(KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, frequency: 'quarterly', from: '2026-04-01' }), audit);
  await store.performance.upsertKpi(KpiSchema.parse({ contract: 'CON-0042', name: 'Backups tested', measure: 'yes-no', target: 1, frequency: 'quarterly', from: '2026-04-01' }), audit);
  await store.close();
});

function csv(name: string, lines: string[]): string {
  const path = join(folder, name);
  writeFileSync(path, [HEADER, ...lines].join('\r\n'));
  return path;
}

async function resultCount(): Promise<number> {
  const store = await openStore({ kind: 'sqlite', path: db });
  try {
    return (await store.performance.listResults()).length;
  } finally {
    await store.close();
  }
}

describe('steward kpis record', () => {
  it('records results from CSV, says what a dry run would do, and changes nothing the second time', async () => {
    const file = csv('results.csv', ['CON-0042,Availability,01/04/2026,30/06/2026,99.2%,', 'CON-0042,backups tested,2026-04-01,2026-06-30,Yes,', 'CON-0042,Availability,01/07/2026,30/09/2026,,monitoring was down']);
    expect((await steward(['kpis', 'record', file, '--dry-run', '--db', db])).stdout).toBe('results.csv: would record 3 results (3 new, 0 updated, 0 unchanged)\n');
    expect(await resultCount()).toBe(0);
    const recorded = await steward(['kpis', 'record', file, '--db', db], { USER: 'a.khan' });
    expect(recorded.stderr).toBe('');
    expect(recorded.stdout).toBe('results.csv: recorded 3 results (3 new, 0 updated, 0 unchanged)\n');
    expect((await steward(['kpis', 'record', file, '--db', db])).stdout).toContain('(0 new, 0 updated, 3 unchanged)');
    const store = await openStore({ kind: 'sqlite', path: db });
    const results = await store.performance.listResults();
    const audit = await store.audit.list({ entity: 'kpi-result' });
    await store.close();
    expect(results.map((r) => [r.kpi, r.periodStart, r.value, r.enteredBy])).toEqual([
      ['Availability', '2026-04-01', 99.2, 'a.khan'],
      ['Availability', '2026-07-01', null, 'a.khan'],
      ['Backups tested', '2026-04-01', 1, 'a.khan'],
    ]);
    expect(audit[0]?.source).toBe('import:results.csv');
  });

  it('records results from an Excel workbook with date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Results');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['CON-0042', 'Availability', new Date(Date.UTC(2026, 3, 1)), new Date(Date.UTC(2026, 5, 30)), 98.9, 'one outage']);
    const path = join(folder, 'results.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await steward(['kpis', 'record', path, '--db', db])).stdout).toBe('results.xlsx: recorded 1 result (1 new, 0 updated, 0 unchanged)\n');
  });

  it('refuses the whole file, naming each bad cell: wrong contract, unknown KPI, period end before start, text in a value, duplicate row', async () => {
    const file = csv('bad.csv', [
      'CON-0042,Availability,01/04/2026,30/06/2026,99.2,',
      'CON-9999,Availability,01/04/2026,30/06/2026,99,',
      'CON-0042,Uptime,01/04/2026,30/06/2026,99,',
      'CON-0042,Availability,01/07/2026,30/06/2026,99,',
      'CON-0042,Availability,01/10/2026,31/12/2026,ninety,',
      'CON-0042,Availability,01/04/2026,30/06/2026,99.2,',
      'CON-0042,Availability,TBC,30/06/2027,99,',
      'CON-0042,Availability,01/01/2027,31/03/2027,,',
    ]);
    const run = await steward(['kpis', 'record', file, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      '  bad.csv!A3: "CON-9999" is not a contract in the register — check the reference, or import the register first',
      '  bad.csv!B4: "Uptime" is not a KPI of CON-0042 (its KPIs are Availability, Backups tested) — add it with steward kpis add CON-0042',
      '  bad.csv!D5: the period ends (2026-06-30) before it starts (2026-07-01)',
      '  bad.csv!E6: "ninety" is not a number — type the figure, e.g. 97.5',
      '  bad.csv!7: repeats row 2 (CON-0042, Availability, period starting 2026-04-01) — keep one of them',
      '  bad.csv!C8: "TBC" is not a date — write it as 31/03/2026',
      '  bad.csv!E9: no value — type the figure, or leave it blank and say in the Note why it could not be measured (rated Other)',
      'steward: 7 problems in bad.csv; no results were recorded. Fix the file and run it again.',
    ]);
    expect(await resultCount()).toBe(0);
  });

  it('refuses a file without the expected columns, an empty file and a workbook that is not one', async () => {
    const noColumns = join(folder, 'wrong.csv');
    writeFileSync(noColumns, 'Reference,Score\r\nCON-0042,99\r\n');
    expect((await steward(['kpis', 'record', noColumns, '--db', db])).stderr).toContain('no "KPI", "Period start", "Period end", "Value" column in the header row');
    const empty = join(folder, 'empty.csv');
    writeFileSync(empty, '');
    expect((await steward(['kpis', 'record', empty, '--db', db])).stderr).toContain('cannot import: empty.csv is empty');
    const fake = join(folder, 'fake.xlsx');
    writeFileSync(fake, 'not a workbook');
    expect((await steward(['kpis', 'record', fake, '--db', db])).stderr).toContain('is named .xlsx but is not an Excel workbook');
    expect(await resultCount()).toBe(0);
  });
});
