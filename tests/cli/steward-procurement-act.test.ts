import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
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
