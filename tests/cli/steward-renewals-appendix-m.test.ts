import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@contract-steward/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeContract } from '../support/contracts.js';
import { steward } from '../support/run-steward.js';

let folder: string;
let db: string;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-appendix-m-'));
  db = join(folder, 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  const it = { systemName: 'Revenues and benefits e-forms', hosting: 'cloud' } as const;
  await store.contracts.upsert(makeContract({ reference: 'CON-IT', itSystem: it }), { actor: 'test', source: 'test' });
  await store.contracts.upsert(
    makeContract({ reference: 'CON-DE', itSystem: it, appendixMClauses: ['DE-1', 'DE-1.1', 'DE-1.2', 'DE-1.3', 'DE-2'] }),
    { actor: 'test', source: 'test' },
  );
  await store.contracts.upsert(makeContract({ reference: 'CON-WASTE', title: 'Waste collection' }), { actor: 'test', source: 'test' });
  await store.close();
});

interface Row {
  reference: string;
  flags: { code: string; message: string; lacksAppendixM?: string[] }[];
}

describe('steward renewals and the Appendix M terms', () => {
  it('flags, in JSON, the IT contracts that lack the data-extraction or API clauses', async () => {
    const result = await steward(['renewals', '--as-of', '2026-11-26', '--json', '--db', db], {}, folder);
    expect(result.stderr).toBe('');
    const rows = JSON.parse(result.stdout) as Row[];
    const flag = (reference: string, code: string) => rows.find((r) => r.reference === reference)?.flags.find((f) => f.code === code)?.lacksAppendixM;
    const lacks = (reference: string) => flag(reference, 'lacks-appendix-m');
    // Data extraction is for all tenders: its absence is a fault. The API section is at the
    // council's discretion: its absence is a note, not a fault.
    expect(lacks('CON-IT')).toEqual(['data-extraction']);
    expect(flag('CON-IT', 'no-appendix-m-api')).toEqual(['api']);
    expect(lacks('CON-DE')).toBeUndefined();
    expect(flag('CON-DE', 'no-appendix-m-api')).toEqual(['api']);
    expect(rows.some((r) => r.reference === 'CON-WASTE')).toBe(true);
    expect(lacks('CON-WASTE')).toBeUndefined();
  });

  it('notes it in the table', async () => {
    const { stdout } = await steward(['renewals', '--as-of', '2026-11-26', '--db', db], {}, folder);
    expect(stdout).toMatch(/CON-IT .*lacks Appendix M data-extraction clauses \(for all tenders\)/);
    expect(stdout).toMatch(/CON-DE .*note: no Appendix M API clauses \(council's discretion\)/);
    expect(stdout).not.toMatch(/CON-DE .*lacks/);
    expect(stdout).not.toMatch(/CON-WASTE .*Appendix M/);
  });
});
