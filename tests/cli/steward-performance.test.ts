import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { steward } from '../support/run-steward.js';

let db: string;
const now = () => new Date('2026-11-26T09:00:00Z');

beforeEach(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'steward-performance-'));
  db = join(folder, 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  await store.contracts.upsert(makeContract(), { actor: 'test', source: 'test' });
  await store.close();
});

const availability = ['kpis', 'add', 'CON-0042', '--name', 'Availability', '--measure', 'percentage', '--target', '99', '--tolerance', '0.5', '--frequency', 'quarterly', '--from', '2026-04-01', '--published'];

describe('steward kpis', () => {
  it('adds a KPI and lists it, as a table and as JSON', async () => {
    expect((await steward([...availability, '--db', db])).stdout).toBe('CON-0042: KPI "Availability" added\n');
    expect((await steward([...availability, '--db', db])).stdout).toBe('CON-0042: KPI "Availability" unchanged\n');
    const table = await steward(['kpis', 'list', 'CON-0042', '--db', db]);
    expect(table.stdout).toContain('at least 99%');
    expect(table.stdout).toContain('1 KPI, 1 published under Procurement Act 2023 s.52');
    const listed = JSON.parse((await steward(['kpis', 'list', 'CON-0042', '--json', '--db', db])).stdout) as unknown[];
    expect(listed).toMatchObject([{ contract: 'CON-0042', name: 'Availability', target: 99, direction: 'higher-is-better', published: true }]);
  });

  it('refuses a KPI for an unknown contract, or one that is not valid, saying what to do', async () => {
    const unknown = await steward([...availability.slice(0, 2), 'CON-9999', ...availability.slice(3), '--db', db]);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain('No contract with reference "CON-9999". List them with: steward contracts list');
    const bad = await steward([...availability, '--target', 'ninety', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--target "ninety" is not a number');
    const wrongSide = await steward([...availability, '--inadequate-at', '100', '--db', db]);
    expect(wrongSide.stderr).toContain('inadequateAt: must be below the target 99');
  });
});

describe('steward performance', () => {
  it('prints each contract’s ratings, compliance and utilisation as JSON', async () => {
    await steward([...availability, '--db', db]);
    const store = await openStore({ kind: 'sqlite', path: db });
    const entered = { enteredBy: 'a.khan@council.gov.uk', enteredAt: '2026-10-02T09:00:00.000Z' };
    await store.performance.recordResults(
      [
        { contract: 'CON-0042', kpi: 'Availability', periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 99.4, ...entered },
        { contract: 'CON-0042', kpi: 'Availability', periodStart: '2026-07-01', periodEnd: '2026-09-30', value: 98.6, ...entered },
      ],
      { actor: 'test', source: 'test' },
    );
    await store.performance.upsertUsage({ contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 60 }, { actor: 'test', source: 'test' });
    await store.close();

    const run = await steward(['performance', 'CON-0042', '--period', '2026-05', '--json', '--db', db]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject([
      {
        reference: 'CON-0042',
        period: { start: '2026-05-01', end: '2026-05-31' },
        compliance: 1,
        ratings: [{ kpi: 'Availability', value: 99.4, target: 'at least 99%', rating: 'Good' }],
        utilisation: [{ share: 0.6, reviewBeforeRenewing: true, unusedAnnualCost: 40000 }],
      },
    ]);
    const latest = await steward(['performance', '--db', db]);
    expect(latest.stdout).toContain('Approaching target');
    expect(latest.stdout).toContain('0 of 1 result rated Good is 0%, below the 80% goal');
    expect(latest.stdout).toContain('Review usage before renewing: 60 of 100 licences paid for were used (60%)');
  });

  it('refuses a period that is not a month', async () => {
    const run = await steward(['performance', '--period', '2026-13', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--period "2026-13" is not a month: write it as YYYY-MM');
  });
});

describe('steward performance export and template', () => {
  it('writes the performance workbook with the ratings of steward performance', async () => {
    await steward([...availability, '--db', db]);
    const store = await openStore({ kind: 'sqlite', path: db });
    const entered = { enteredBy: 'a.khan@council.gov.uk', enteredAt: '2026-10-02T09:00:00.000Z' };
    await store.performance.recordResults([{ contract: 'CON-0042', kpi: 'Availability', periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 98.6, ...entered }], { actor: 'test', source: 'test' });
    await store.close();
    const out = join(db, '..', 'performance.xlsx');
    const run = await steward(['performance', 'export', out, '--db', db]);
    expect(run.stdout).toBe(`Performance workbook written to ${out}: 1 contract, 1 result.\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Results', 'Compliance', 'Usage', 'How to read']);
    expect(workbook.getWorksheet('Results')?.getCell('L2').value).toMatchObject({ result: 'Approaching target' });
    expect((await steward(['performance', 'export', 'performance.csv', '--db', db])).stderr).toContain('does not end in .xlsx');
  });

  it('writes a template that, filled in, records through steward kpis record', async () => {
    await steward([...availability, '--db', db]);
    const out = join(db, '..', 'results.xlsx');
    expect((await steward(['performance', 'template', out, '--db', db])).stdout).toContain('then: steward kpis record');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    workbook.getWorksheet('Results')?.addRow(['CON-0042', 'Availability', new Date(Date.UTC(2026, 3, 1)), new Date(Date.UTC(2026, 5, 30)), 99.5]);
    await workbook.xlsx.writeFile(out);
    const recorded = await steward(['kpis', 'record', out, '--db', db]);
    expect(recorded.stderr).toBe('');
    expect(recorded.stdout).toBe('results.xlsx: recorded 1 result (1 new, 0 updated, 0 unchanged)\n');
  });
});

describe('steward performance uk9', () => {
  async function bigContract(): Promise<void> {
    const store = await openStore({ kind: 'sqlite', path: db });
    const audit = { actor: 'test', source: 'test' };
    await store.contracts.upsert(makeContract({ reference: 'CON-0100', title: 'Waste collection', startDate: '2025-04-01', endDate: '2032-03-31', value: { total: 6_000_000 }, law: { procurementStarted: '2025-03-03', vatIncluded: true } }), audit);
    await store.close();
    await steward([...availability.slice(0, 2), 'CON-0100', ...availability.slice(3), '--db', db]);
    await steward(['kpis', 'add', 'CON-0100', '--name', 'Missed bins', '--measure', 'count', '--target', '50', '--lower-is-better', '--frequency', 'quarterly', '--from', '2026-04-01', '--published', '--db', db]);
    const results = join(db, '..', 'results.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(results, 'Contract reference,KPI,Period start,Period end,Value,Note\r\nCON-0100,Availability,01/04/2026,30/06/2026,99.6,\r\nCON-0100,Missed bins,01/04/2026,30/06/2026,55,\r\n');
    expect((await steward(['kpis', 'record', results, '--db', db])).code).toBe(0);
  }

  it('drafts the notice for a contract over £5m under the Procurement Act, as JSON, Markdown printed and Markdown to a file', async () => {
    await bigContract();
    const period = ['--period-start', '2026-04-01', '--period-end', '2026-06-30'];
    const json = await steward(['performance', 'uk9', 'CON-0100', ...period, '--json', '--db', db]);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({
      notice: 'UK9',
      contract: { reference: 'CON-0100', title: 'Waste collection' },
      period: { start: '2026-04-01', end: '2026-06-30' },
      kpis: [
        { kpi: 'Availability', value: 99.6, rating: 'Good' },
        { kpi: 'Missed bins', value: 55, rating: 'Requires improvement' },
      ],
      overall: { rating: 'Requires improvement' },
    });
    const printed = await steward(['performance', 'uk9', 'CON-0100', ...period, '--db', db]);
    expect(printed.stdout).toContain('# Contract performance notice (UK9) — draft');
    expect(printed.stdout).toContain('| Missed bins | at most 50 | 55 | Requires improvement |');
    const out = join(db, '..', 'uk9.md');
    const written = await steward(['performance', 'uk9', 'CON-0100', ...period, '--markdown', out, '--db', db]);
    expect(written.stdout).toBe(`UK9 draft for CON-0100 (2026-04-01 to 2026-06-30) written to ${out}. Overall: Requires improvement. Review it before publishing.\n`);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
  });

  it('says why no notice is due for a contract under £5m, and refuses a bad period', async () => {
    await steward([...availability, '--db', db]);
    const small = await steward(['performance', 'uk9', 'CON-0042', '--period-start', '2026-04-01', '--period-end', '2026-06-30', '--db', db]);
    expect(small.code).toBe(1);
    expect(small.stderr).toContain('no contract performance notice under s.71(2) is due');
    expect(small.stderr).toContain('CON-0042: Public Contracts Regulations 2015 contract: the Procurement Act 2023 notices (UK7, UK9, UK10, UK11) and the £5m publication duties do not apply');
    const backwards = await steward(['performance', 'uk9', 'CON-0042', '--period-start', '2026-06-30', '--period-end', '2026-04-01', '--db', db]);
    expect(backwards.stderr).toContain('the period ends (2026-04-01) before it starts (2026-06-30)');
    const notADate = await steward(['performance', 'uk9', 'CON-0042', '--period-start', '31/03/2026', '--period-end', '2026-04-01', '--db', db]);
    expect(notADate.stderr).toContain('--period-start "31/03/2026" is not a date: write it as YYYY-MM-DD');
  });
});

describe('steward reviews', () => {
  it('records a review with actions, shows the next one and overdue actions, and marks them done', async () => {
    const added = await steward(
      ['reviews', 'add', 'CON-0042', '--date', '2026-10-15', '--held', '--attendee', 'Asha Khan', '--attendee', 'IEG4 account manager', '--action', 'Send usage report|IEG4 account manager|2026-11-01', '--db', db],
    );
    expect(added.stdout).toBe('CON-0042/2026-10-15: review recorded (created)\n');
    const listed = await runWithClock(['reviews', 'list', 'CON-0042', '--json', '--db', db]);
    expect(JSON.parse(listed)).toMatchObject({
      meetings: [{ id: 'CON-0042/2026-10-15', attendees: ['Asha Khan', 'IEG4 account manager'] }],
      next: { kind: 'review', date: '2027-04-15' },
      overdueActions: [{ description: 'Send usage report', deadline: { date: '2026-11-01' } }],
    });
    expect((await steward(['reviews', 'done', 'CON-0042/2026-10-15', '--action', '1', '--db', db])).stdout).toBe('CON-0042/2026-10-15: action 1 done\n');
    expect(JSON.parse(await runWithClock(['reviews', 'list', 'CON-0042', '--json', '--db', db]))).toMatchObject({ overdueActions: [] });
  });

  it('says how to find a meeting that does not exist', async () => {
    const run = await steward(['reviews', 'done', 'R-404', '--db', db]);
    expect(run.stderr).toContain('No review meeting "R-404". List them with: steward reviews list REF');
  });
});

async function runWithClock(args: string[]): Promise<string> {
  const { runCli } = await import('@contract-steward/core');
  let stdout = '';
  await runCli(args, { env: {}, cwd: process.cwd(), now, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => undefined } });
  return stdout;
}
