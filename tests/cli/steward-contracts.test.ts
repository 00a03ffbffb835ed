import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { steward, stewardProcess } from '../support/run-steward.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steward-cli-'));
});

async function seed(path: string): Promise<void> {
  const store = await openStore({ kind: 'sqlite', path });
  await store.contracts.upsert(makeContract(), { actor: 'test', source: 'test' });
  await store.contracts.upsert(makeContract({ reference: 'CON-0007', title: 'Waste collection', endDate: '2026-12-31' }), { actor: 'test', source: 'test' });
  await store.close();
}

describe('steward contracts (built bin, separate process)', () => {
  it('prints [] for an empty database', () => {
    const run = stewardProcess(['contracts', 'list', '--json', '--db', 'empty.db'], {}, folder);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('gives one clear line and exit 1 for a --db path in a missing folder', () => {
    const run = stewardProcess(['contracts', 'list', '--db', join(folder, 'no-such-folder', 'x.db')], {}, folder);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/folder .* does not exist/);
  });

  it('gives one clear line for a file that is not a database', () => {
    writeFileSync(join(folder, 'notes.db'), 'these are not the droids');
    const run = stewardProcess(['contracts', 'list', '--db', 'notes.db'], {}, folder);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('not a Contract Steward (SQLite) database');
  });

  it('gives one clear line for a --db path that is a folder', () => {
    mkdirSync(join(folder, 'adir'));
    const run = stewardProcess(['contracts', 'list', '--db', 'adir'], {}, folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('it is a folder');
  });

  it('gives one clear line, without the password, for an unreachable DATABASE_URL', () => {
    const run = stewardProcess(['contracts', 'list'], { DATABASE_URL: 'postgres://steward:s3cret@127.0.0.1:1/steward' }, folder);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Cannot reach PostgreSQL at 127.0.0.1:1/steward');
    expect(run.stderr).not.toContain('s3cret');
  });
});

describe('steward contracts (in process)', () => {
  it('lists contracts soonest ending first, as a table and as JSON', async () => {
    const db = join(folder, 'steward.db');
    await seed(db);
    const table = await steward(['contracts', 'list', '--db', db]);
    expect(table.code).toBe(0);
    expect(table.stdout.indexOf('CON-0007')).toBeLessThan(table.stdout.indexOf('CON-0042'));
    expect(table.stdout).toContain('2 contracts');
    const json = await steward(['contracts', 'list', '--json', '--db', db]);
    expect(JSON.parse(json.stdout).map((c: { reference: string }) => c.reference)).toEqual(['CON-0007', 'CON-0042']);
  });

  it('filters by owner and end date', async () => {
    const db = join(folder, 'steward.db');
    await seed(db);
    const run = await steward(['contracts', 'list', '--json', '--db', db, '--ending-to', '2027-01-01']);
    expect(JSON.parse(run.stdout).map((c: { reference: string }) => c.reference)).toEqual(['CON-0007']);
    const bad = await steward(['contracts', 'list', '--db', db, '--ending-to', '31/12/2026']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a date: write it as YYYY-MM-DD');
  });

  it('shows one contract, and says how to find one that does not exist', async () => {
    const db = join(folder, 'steward.db');
    await seed(db);
    const shown = await steward(['contracts', 'show', 'CON-0042', '--db', db]);
    expect(shown.stdout).toMatch(/Supplier:\s+IEG4 Ltd, company 04841343/);
    const json = await steward(['contracts', 'show', 'CON-0042', '--json', '--db', db]);
    const { regime, regimeRule, obligations, noObligations, modifications, ...contract } = JSON.parse(json.stdout);
    expect(contract).toEqual(makeContract());
    // Started before 24 February 2025, so under the Regulations: no Act obligations, and it says why.
    expect({ regime, obligations, modifications }).toEqual({ regime: 'PCR2015', obligations: [], modifications: [] });
    expect(regimeRule).toContain('derived from the contract starting');
    expect(noObligations).toContain('do not apply');
    const missing = await steward(['contracts', 'show', 'CON-404', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('steward: No contract with reference "CON-404". List them with: steward contracts list\n');
  });

  it('has help for everything and one-line errors for mistakes', async () => {
    const help = await steward(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('contracts list');
    const commandHelp = await steward(['contracts', 'show', '--help']);
    expect(commandHelp.stdout).toContain('Usage: steward contracts show REF [--json]');
    const unknown = await steward(['contracts', 'frobnicate']);
    expect(unknown).toMatchObject({ code: 2, stderr: 'steward: unknown command "contracts frobnicate". Run steward --help to see the commands.\n' });
    const badOption = await steward(['contracts', 'list', '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--colour'");
    const missingArg = await steward(['contracts', 'show']);
    expect(missingArg.stderr).toBe('steward: usage: steward contracts show REF [--json]\n');
  });
});
