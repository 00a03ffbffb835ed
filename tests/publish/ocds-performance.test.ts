import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KpiSchema, openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { createOcdsValidator } from '../support/ocds-validator.js';
import { steward } from '../support/run-steward.js';

const folder = mkdtempSync(join(tmpdir(), 'steward-ocds-kpi-'));
const db = join(folder, 'steward.db');

beforeAll(async () => {
  const store = await openStore({ kind: 'sqlite', path: db });
  const audit = { actor: 'test', source: 'test' };
  await store.contracts.upsert(makeContract({ reference: 'CON-0042', title: 'Revenues and benefits system', startDate: '2026-04-01', endDate: '2029-03-31', value: { total: 480000 } }), audit);
  await store.contracts.upsert(makeContract({ reference: 'CON-0043', title: 'Printing', startDate: '2026-04-01', endDate: '2029-03-31', value: { total: 20000 } }), audit);
  await store.performance.upsertKpi(KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, tolerance: 0.5, frequency: 'quarterly', from: '2026-04-01' }), audit);
  await store.performance.upsertKpi(KpiSchema.parse({ contract: 'CON-0042', name: 'Calls answered in 60 seconds', measure: 'percentage', target: 90, frequency: 'quarterly', from: '2026-04-01' }), audit);
  const entered = { enteredBy: 'p.ng@council.gov.uk', enteredAt: '2026-10-05T09:00:00Z' };
  await store.performance.recordResults([
    { contract: 'CON-0042', kpi: 'Availability', periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 99.5, ...entered },
    { contract: 'CON-0042', kpi: 'Calls answered in 60 seconds', periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 60, ...entered },
    { contract: 'CON-0042', kpi: 'Availability', periodStart: '2026-07-01', periodEnd: '2026-09-30', value: 98.6, ...entered },
    { contract: 'CON-0042', kpi: 'Calls answered in 60 seconds', periodStart: '2026-07-01', periodEnd: '2026-09-30', value: null, note: 'Telephony reports lost', ...entered },
  ], audit);
  await store.close();
});

describe('steward export ocds with KPI results recorded', () => {
  it('publishes each reporting period with results as a valid implementation release, rated with the UK measure classification', async () => {
    const out = join(folder, 'contracts.json');
    const run = await steward(['export', 'ocds', out, '--ocid-prefix', 'ocds-abc123', '--publisher', 'Anytown Council', '--as-of', '2026-11-01', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('2 contract, 0 contractAmendment, 2 implementation, 0 contractTermination');
    const pkg = JSON.parse(readFileSync(out, 'utf8'));
    expect(createOcdsValidator()(pkg).errors).toEqual([]);
    const implementations = pkg.releases.filter((r: { tag: string[] }) => r.tag[0] === 'implementation');
    expect(implementations.map((r: { id: string }) => r.id)).toEqual(['ocds-abc123-CON-0042-implementation-2026-06-30', 'ocds-abc123-CON-0042-implementation-2026-09-30']);
    const observations = implementations.flatMap((r: { contracts: { implementation: { metrics: { title: string; observations: { measure?: number; measureClassification: { id: string; description: string } }[] }[] } }[] }) =>
      r.contracts[0]!.implementation.metrics.map((m) => [m.title, m.observations[0]?.measure, m.observations[0]?.measureClassification.id, m.observations[0]?.measureClassification.description]));
    expect(observations).toEqual([
      ['Availability', 99.5, 'met', 'Good'],
      ['Calls answered in 60 seconds', 60, 'significantlyBelow', 'Inadequate'],
      ['Availability', 98.6, 'slightlyBelow', 'Approaching target'],
      ['Calls answered in 60 seconds', undefined, 'other', 'Other'],
    ]);
    expect(pkg.extensions).toEqual(expect.arrayContaining([expect.stringContaining('ocds_metrics_extension'), expect.stringContaining('ocds_uk_extension')]));
  });
});
