import { describe, expect, it } from 'vitest';
import { makeContract } from '../../../../tests/support/contracts.js';
import { KpiSchema, type KpiResult } from '../performance/kpi.schema.js';
import { ocdsContractInputs } from './ocds-contract-inputs.js';

const kpi = KpiSchema.parse({ contract: 'CON-1', name: 'Availability', measure: 'percentage', target: 99, tolerance: 0.5, frequency: 'quarterly', from: '2026-04-01' });
const result = (value: number | null, periodStart: string, periodEnd: string, kpiName = 'availability'): KpiResult => ({ contract: 'CON-1', kpi: kpiName, periodStart, periodEnd, value, enteredBy: 'p.ng@council.gov.uk', enteredAt: '2026-07-02T09:00:00Z' });

describe('ocdsContractInputs', () => {
  it('rates each stored result against its KPI, as steward performance does, whatever the case of its name', () => {
    const [input] = ocdsContractInputs({
      contracts: [makeContract({ reference: 'CON-1' })],
      modifications: [],
      kpis: [kpi],
      results: [result(98.7, '2026-04-01', '2026-06-30'), result(70, '2026-07-01', '2026-09-30'), result(null, '2026-10-01', '2026-12-31')],
    });
    expect(input?.performance?.kpis).toEqual([{ name: 'Availability', target: 99, unit: '%' }]);
    expect(input?.performance?.results.map((r) => [r.kpi, r.value, r.rating])).toEqual([
      ['Availability', 98.7, 'Approaching target'], ['Availability', 70, 'Inadequate'], ['Availability', null, 'Other'],
    ]);
  });

  it('gives a contract with no results no performance, and leaves out a result whose KPI is no longer set', () => {
    const inputs = ocdsContractInputs({
      contracts: [makeContract({ reference: 'CON-1' }), makeContract({ reference: 'CON-2' })],
      modifications: [],
      kpis: [kpi],
      results: [result(99, '2026-04-01', '2026-06-30', 'Response time')],
    });
    expect(inputs.map((i) => i.performance)).toEqual([undefined, undefined]);
  });
});
