import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { steward } from '../support/run-steward.js';

let folder: string;
let db: string;
const HEADER = 'Contract reference,Period start,Period end,Paid for,Used';

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-usage-'));
  db = join(folder, 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  await store.contracts.upsert(makeContract(), { actor: 'test', source: 'test' });
  await store.close();
});

function csv(name: string, lines: string[], header = HEADER): string {
  const path = join(folder, name);
  writeFileSync(path, [header, ...lines].join('\r\n'));
  return path;
}

async function storedUsage() {
  const store = await openStore({ kind: 'sqlite', path: db });
  try {
    return await store.performance.listUsage();
  } finally {
    await store.close();
  }
}

describe('steward usage add and list', () => {
  it('records usage for a period, says what it means, and lists it as a table and as JSON', async () => {
    const args = ['usage', 'add', 'CON-0042', '--period-start', '2026-04-01', '--period-end', '2027-03-31', '--paid', '100', '--used', '60', '--annual-cost', '£160,000', '--db', db];
    const added = await steward(args);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe(
      'CON-0042: usage of licences from 2026-04-01 added\n  60 of 100 licences paid for were used (60%), under the 70% floor, so review usage before renewing; the 40 unused cost £64,000 a year of £160,000.\n',
    );
    expect((await steward(args)).stdout).toContain('usage of licences from 2026-04-01 unchanged');
    expect((await steward(['usage', 'list', 'CON-0042', '--db', db])).stdout).toMatch(/licences\s+2026-04-01 to 2027-03-31\s+100\s+60\s+60%\s+review before renewing/);
    expect(JSON.parse((await steward(['usage', 'list', 'CON-0042', '--json', '--db', db])).stdout)).toEqual([
      { contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 60, annualCost: 160000 },
    ]);
    const performance = await steward(['performance', 'CON-0042', '--json', '--db', db]);
    expect(JSON.parse(performance.stdout)).toMatchObject([{ utilisation: [{ item: 'licences', share: 0.6, reviewBeforeRenewing: true, unusedAnnualCost: 64000 }] }]);
  });

  it('refuses an unknown contract, a period that ends before it starts and a count that is not a number', async () => {
    const base = ['--period-start', '2026-04-01', '--period-end', '2027-03-31', '--paid', '100', '--used', '60', '--db', db];
    const unknown = await steward(['usage', 'add', 'CON-9999', ...base]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No contract with reference "CON-9999". List them with: steward contracts list');
    const backwards = await steward(['usage', 'add', 'CON-0042', ...base, '--period-end', '2026-03-31']);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('the period ends before it starts');
    const words = await steward(['usage', 'add', 'CON-0042', ...base, '--used', 'sixty']);
    expect(words.code).toBe(2);
    expect(words.stderr).toContain('--used "sixty" is not a number, e.g. --used 120');
    const missing = await steward(['usage', 'add', 'CON-0042', '--paid', '100', '--db', db]);
    expect(missing.stderr).toContain('give --period-start. Run steward usage add --help for the options.');
    expect(await storedUsage()).toEqual([]);
  });
});

describe('steward usage record', () => {
  it('records usage from CSV, says what a dry run would do, and changes nothing the second time', async () => {
    const file = csv('usage.csv', ['CON-0042,01/04/2026,30/06/2026,100,60', 'CON-0042,01/07/2026,30/09/2026,"1,200",900']);
    expect((await steward(['usage', 'record', file, '--dry-run', '--db', db])).stdout).toBe('usage.csv: would record 2 usage rows (2 new, 0 updated, 0 unchanged)\n');
    expect(await storedUsage()).toEqual([]);
    const recorded = await steward(['usage', 'record', file, '--db', db], { USER: 'a.khan' });
    expect(recorded.stderr).toBe('');
    expect(recorded.stdout).toBe('usage.csv: recorded 2 usage rows (2 new, 0 updated, 0 unchanged)\n');
    expect((await steward(['usage', 'record', file, '--db', db])).stdout).toContain('(0 new, 0 updated, 2 unchanged)');
    expect((await storedUsage()).map((u) => [u.item, u.periodStart, u.paidFor, u.used])).toEqual([
      ['licences', '2026-04-01', 100, 60],
      ['licences', '2026-07-01', 1200, 900],
    ]);
    const store = await openStore({ kind: 'sqlite', path: db });
    const audit = await store.audit.list({ entity: 'usage' });
    await store.close();
    expect(audit.map((a) => [a.actor, a.source])).toContainEqual(['a.khan', 'import:usage.csv']);
  });

  it('reads an Excel workbook with date cells, an item and an annual cost', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Usage');
    sheet.addRow(['Contract reference', 'Item', 'Period start', 'Period end', 'Paid for', 'Used', 'Annual cost']);
    sheet.addRow(['CON-0042', 'forms', new Date(Date.UTC(2026, 3, 1)), new Date(Date.UTC(2027, 2, 31)), 50, 45, '£20,000']);
    const path = join(folder, 'usage.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await steward(['usage', 'record', path, '--db', db])).stdout).toBe('usage.xlsx: recorded 1 usage row (1 new, 0 updated, 0 unchanged)\n');
    expect(await storedUsage()).toEqual([{ contract: 'CON-0042', item: 'forms', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 50, used: 45, annualCost: 20000 }]);
  });

  it('refuses the whole file, naming each bad cell: wrong contract, end before start, used not a number, duplicate row', async () => {
    const file = csv('bad.csv', [
      'CON-0042,01/04/2026,30/06/2026,100,60',
      'CON-9999,01/04/2026,30/06/2026,100,60',
      'CON-0042,01/07/2026,30/06/2026,100,60',
      'CON-0042,01/10/2026,31/12/2026,100,sixty',
      'CON-0042,01/04/2026,30/06/2026,100,70',
      'CON-0042,01/01/2027,31/03/2027,0,',
    ]);
    const run = await steward(['usage', 'record', file, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      '  bad.csv!A3: "CON-9999" is not a contract in the register — check the reference, or import the register first',
      '  bad.csv!C4: the period ends (2026-06-30) before it starts (2026-07-01)',
      '  bad.csv!E5: "sixty" is not a number — type how many licences, e.g. 120',
      '  bad.csv!6: repeats row 2 (CON-0042, licences, period starting 2026-04-01) — keep one of them',
      '  bad.csv!D7: nothing was paid for, so there is no utilisation to measure — leave the row out',
      '  bad.csv!E7: no figure — type how many licences were used in the period',
      'steward: 6 problems in bad.csv; no usage was recorded. Fix the file and run it again.',
    ]);
    expect(await storedUsage()).toEqual([]);
  });

  it('refuses a file without the usage columns and says which are missing', async () => {
    const file = csv('wrong.csv', ['CON-0042,99'], 'Reference,Score');
    const run = await steward(['usage', 'record', file, '--db', db]);
    expect(run.stderr).toContain('no "Period start", "Period end", "Paid for", "Used" column in the header row');
    expect(await storedUsage()).toEqual([]);
  });
});
