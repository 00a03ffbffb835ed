import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { createOcdsValidator } from '../support/ocds-validator.js';
import { steward } from '../support/run-steward.js';

let db: string;
beforeEach(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'steward-pa-')), 'steward.db');
  const store = await openStore({ kind: 'sqlite', path: db });
  // A four-year £1m services contract under the Act, entered into on 20 November 2025.
  await store.contracts.upsert(
    makeContract({
      reference: 'CON-PA',
      startDate: '2025-12-01',
      endDate: '2029-11-30',
      renewal: { type: 'fixed' },
      value: { total: 1_000_000 },
      law: { regime: 'PA2023', procurementStarted: '2025-03-01', enteredInto: '2025-11-20', contractType: 'services', vatIncluded: true },
    }),
    { actor: 'test', source: 'test' },
  );
  await store.close();
});
const run = (...args: string[]) => steward([...args, '--db', db]);

describe('steward obligations, modify and the renegotiation check', () => {
  it('lists the UK7 due 19 December 2025 and settles it when its publication is recorded', async () => {
    const before = JSON.parse((await run('obligations', '--as-of', '2025-11-25', '--within', '60', '--json')).stdout);
    expect(before).toEqual([expect.objectContaining({ reference: 'CON-PA', obligation: 'UK7', due: '2025-12-19', status: 'due' })]);
    expect((await run('obligations', 'done', 'CON-PA', 'UK7', '--date', '2025-12-01', '--notice-id', 'N-77')).code).toBe(0);
    const after = JSON.parse((await run('obligations', '--as-of', '2025-11-25', '--json')).stdout);
    expect(after.find((o: { obligation: string }) => o.obligation === 'UK7')).toMatchObject({ status: 'done' });
  });

  it('refuses an unknown obligation code and writes nothing', async () => {
    const result = await run('obligations', 'done', 'CON-PA', 'UK99', '--date', '2025-12-01');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not an obligation');
  });

  it('checks a 16% price rise: permitted as not substantial, with a UK10 first, and records it', async () => {
    const dry = await run('modify', 'CON-PA', '--value-change', '160000', '--date', '2026-06-01', '--not-substantial', 'indexation', '--dry-run', '--json');
    expect(JSON.parse(dry.stdout)).toMatchObject({ reference: 'CON-PA', regime: 'PA2023', belowThreshold: false, permitted: true, noticeRequired: true, substantial: false });
    expect((await run('modify', 'CON-PA', '--value-change', '160000', '--date', '2026-06-01', '--not-substantial', 'indexation')).code).toBe(0);
    const shown = JSON.parse((await run('contracts', 'show', 'CON-PA', '--json')).stdout);
    expect(shown.regime).toBe('PA2023');
    expect(shown.value.total).toBe(1_160_000);
    expect(shown.modifications).toHaveLength(1);
    expect(shown.obligations.map((o: { obligation: string }) => o.obligation)).toContain('UK10');
  });

  it('refuses a modification after the contract has ended, writing nothing', async () => {
    const result = await run('modify', 'CON-PA', '--value-change', '1000', '--date', '2030-01-01');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot be modified');
    expect(JSON.parse((await run('contracts', 'show', 'CON-PA', '--json')).stdout).modifications).toEqual([]);
  });

  it('refuses renegotiating two more years onto the four-year contract, saying why and what to do', async () => {
    const result = await run('decide', 'CON-PA', 'renegotiated', '--end-date', '2031-11-30', '--as-of', '2026-06-01');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('s.74(3)(a)');
    expect(result.stderr).toContain('--ground schedule-8-para-N');
    expect(JSON.parse((await run('contracts', 'show', 'CON-PA', '--json')).stdout).endDate).toBe('2029-11-30');
  });
});

describe('steward obligations draft', () => {
  const publishing = ['--ocid-prefix', 'ocds-abc123', '--publisher', 'Anytown Council'];

  it('drafts the UK7 as the contract release and the UK10 of a recorded change as its amendment, each valid OCDS', async () => {
    const uk7 = await run('obligations', 'draft', 'CON-PA', 'UK7', ...publishing, '--as-of', '2025-11-25');
    expect(uk7.code).toBe(0);
    expect(uk7.stderr).toBe('UK7 for CON-PA, due 2025-12-19.\n');
    const contractPackage = JSON.parse(uk7.stdout);
    expect(createOcdsValidator()(contractPackage).errors).toEqual([]);
    expect(contractPackage.releases.map((r: { id: string }) => r.id)).toEqual(['ocds-abc123-CON-PA-contract']);

    expect((await run('modify', 'CON-PA', '--value-change', '160000', '--date', '2026-06-01', '--not-substantial', 'indexation')).code).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), 'steward-draft-')), 'uk10.json');
    const uk10 = await run('obligations', 'draft', 'CON-PA', 'UK10:MOD-1', ...publishing, '--out', out, '--as-of', '2026-05-20');
    expect(uk10.stdout).toContain('UK10:MOD-1 for CON-PA, due 2026-06-01: the contractAmendment release written to');
    const amendment = JSON.parse(readFileSync(out, 'utf8'));
    expect(createOcdsValidator()(amendment).errors).toEqual([]);
    expect(amendment.releases[0].contracts[0].amendments[0]).toMatchObject({ id: 'MOD-1', rationale: 'indexation', value: { amount: 1_160_000 } });
  });

  it('says when a contract has no such notice, and which codes can be drafted', async () => {
    const none = await run('obligations', 'draft', 'CON-PA', 'UK10', ...publishing);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('CON-PA has no UK10 obligation');
    const wrong = await run('obligations', 'draft', 'CON-PA', 'UK9', ...publishing);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('drafts are for UK7 (contract details notice), UK10 (contract change notice) and UK11 (contract termination notice)');
    const noPrefix = await run('obligations', 'draft', 'CON-PA', 'UK7');
    expect(noPrefix.stderr).toContain('--ocid-prefix');
  });
});
