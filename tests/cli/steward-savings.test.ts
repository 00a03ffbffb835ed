import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { steward } from '../support/run-steward.js';
import { IEG4_SAVING } from '@contract-steward/core';

let folder: string;
let db: string;

const ieg4 = { ...IEG4_SAVING, description: 'IEG4 renewal renegotiated after benchmarking' };

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-savings-'));
  db = join(folder, 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  await store.contracts.upsert(makeContract(), { actor: 'test', source: 'test' });
  await store.contracts.upsert(makeContract({ reference: 'CON-0007', serviceArea: 'Housing' }), { actor: 'test', source: 'test' });
  await store.close();
});

function writeJson(name: string, savings: unknown[]): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify({ savings }));
  return path;
}

describe('steward savings', () => {
  it('imports the public JSON format and lists the IEG4 saving by financial year', async () => {
    const imported = await steward(['savings', 'import', writeJson('savings.json', [ieg4]), '--db', db]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('imported 1 saving (1 new, 0 updated, 0 unchanged)');
    const table = await steward(['savings', 'list', '--db', db]);
    expect(table.stdout).toContain('1 saving, £180,000 over its term');
    expect(table.stdout).toContain('By financial year: 2024/25 £60,000, 2025/26 £60,000, 2026/27 £60,000');
    const listed = await steward(['savings', 'list', '--json', '--db', db]);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { contract: 'CON-0042', annualSaving: 60000, totalSaving: 180000, byFinancialYear: { '2024/25': 60000, '2025/26': 60000, '2026/27': 60000 } },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = writeJson('savings.json', [ieg4]);
    await steward(['savings', 'import', file, '--db', db]);
    expect((await steward(['savings', 'import', file, '--db', db])).stdout).toContain('(0 new, 0 updated, 1 unchanged)');
  });

  it('imports nothing when one row is wrong, and says which', async () => {
    const file = writeJson('savings.json', [ieg4, { ...ieg4, id: 'two', contract: 'CON-9999' }, { ...ieg4, id: 'three', termMonths: 'three years' }]);
    const run = await steward(['savings', 'import', file, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('savings[1]: contract "CON-9999" is not in the register');
    expect(run.stderr).toContain('savings[2]: termMonths');
    expect(run.stderr).toContain('2 problems in savings.json; nothing was imported');
    expect(JSON.parse((await steward(['savings', 'list', '--json', '--db', db])).stdout)).toEqual([]);
  });

  it('checks a file with --dry-run and writes nothing', async () => {
    const run = await steward(['savings', 'import', writeJson('savings.json', [ieg4]), '--dry-run', '--db', db]);
    expect(run.stdout).toContain('would import 1 saving (1 new');
    expect(JSON.parse((await steward(['savings', 'list', '--json', '--db', db])).stdout)).toEqual([]);
  });

  it('filters the list by state and by the period the term overlaps', async () => {
    await steward(['savings', 'import', writeJson('s.json', [ieg4, { ...ieg4, contract: 'CON-0007', start: '2027-04-01', state: 'proposed' }]), '--db', db]);
    const signedOff = JSON.parse((await steward(['savings', 'list', '--json', '--state', 'signed-off', '--db', db])).stdout) as { contract: string }[];
    expect(signedOff.map((s) => s.contract)).toEqual(['CON-0042']);
    const later = JSON.parse((await steward(['savings', 'list', '--json', '--from', '2027-04-01', '--db', db])).stdout) as { contract: string }[];
    expect(later.map((s) => s.contract)).toEqual(['CON-0007']);
    expect((await steward(['savings', 'list', '--state', 'approved', '--db', db])).code).toBe(2);
  });

  it('moves a saving to validated, recording who did it', async () => {
    await steward(['savings', 'import', writeJson('s.json', [{ ...ieg4, id: 'S-1', state: 'proposed' }]), '--db', db]);
    const run = await steward(['savings', 'state', 'S-1', 'validated', '--by', 'f.ahmed@council.gov.uk', '--db', db]);
    expect(run.stdout).toBe('S-1 is now validated (by f.ahmed@council.gov.uk)\n');
    expect(JSON.parse((await steward(['savings', 'list', '--json', '--db', db])).stdout)).toMatchObject([{ state: 'validated' }]);
    expect((await steward(['savings', 'state', 'S-404', 'validated', '--db', db])).stderr).toContain('no saving with id "S-404"');
  });

  it('exports a workbook and refuses a name that is not .xlsx', async () => {
    await steward(['savings', 'import', writeJson('s.json', [ieg4]), '--db', db]);
    const out = join(folder, 'savings.xlsx');
    const run = await steward(['savings', 'export', out, '--state', 'signed-off', '--db', db]);
    expect(run.stdout).toBe(`Wrote 1 saving to ${out}\n`);
    expect(existsSync(out)).toBe(true);
    expect((await steward(['savings', 'export', join(folder, 'savings.csv'), '--db', db])).code).toBe(2);
  });

  it('prints the JSON Schema of the import file', async () => {
    const run = await steward(['savings', 'schema']);
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'object', properties: { savings: { type: 'array' } } });
  });

  it('records the saving of a renegotiated renewal and links it to the decision', async () => {
    const run = await steward([
      'decide', 'CON-0042', 'renegotiated', '--current', '100000', '--baseline', '160000', '--new', '100000', '--term', '36',
      '--by', 'a.khan@council.gov.uk', '--as-of', '2027-01-10', '--json', '--db', db,
    ]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ decision: { savingId: 'CON-0042/2027-04-01/renegotiation' } });
    const listed = JSON.parse((await steward(['savings', 'list', '--json', '--contract', 'CON-0042', '--db', db])).stdout) as unknown[];
    expect(listed).toMatchObject([
      // The new term starts the day after the old one ends. Profiled by month, each whole
      // financial year takes £60,000, though 2027/28 holds 29 February 2028 (by day it was
      // 60,109.49 / 59,945.26 / 59,945.25). Paying 100,000 now, held at 100,000 against a
      // proposed 160,000: all avoidance.
      {
        id: 'CON-0042/2027-04-01/renegotiation',
        state: 'proposed',
        currentAnnual: 100000,
        cashable: false,
        annualSaving: 60000,
        cashableAnnual: 0,
        avoidanceAnnual: 60000,
        totalSaving: 180000,
        byFinancialYear: { '2027/28': 60000, '2028/29': 60000, '2029/30': 60000 },
      },
    ]);
  });

  it('refuses half a saving on a decision, and a saving on a decision that is not a renegotiation', async () => {
    const half = await steward(['decide', 'CON-0042', 'renegotiated', '--baseline', '160000', '--as-of', '2027-01-10', '--db', db]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('give all of --baseline, --new and --term');
    const wrong = await steward(['decide', 'CON-0042', 'acknowledge', '--baseline', '1', '--new', '1', '--term', '1', '--as-of', '2027-01-10', '--db', db]);
    expect(wrong.code).toBe(2);
    expect(JSON.parse((await steward(['savings', 'list', '--json', '--db', db])).stdout)).toEqual([]);
  });
});
