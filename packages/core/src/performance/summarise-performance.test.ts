import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { KpiSchema, UsageSchema, type KpiResult } from './kpi.schema.js';
import { summarisePerformance } from './summarise-performance.js';

const contract = ContractSchema.parse({ reference: 'CON-0042', title: 'Online forms', supplier: { name: 'IEG4' }, value: { annual: 160000 } });
const availability = KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, tolerance: 0.5, frequency: 'monthly', from: '2026-04-01' });
const result = (periodStart: string, periodEnd: string, value: number | null): KpiResult => ({
  contract: 'CON-0042',
  kpi: 'availability',
  periodStart,
  periodEnd,
  value,
  enteredBy: 'a.khan@council.gov.uk',
  enteredAt: '2026-07-02T09:00:00Z',
});
const results = [result('2026-04-01', '2026-04-30', 99.2), result('2026-05-01', '2026-05-31', 98.7), result('2026-06-01', '2026-06-30', 97)];
const usage = UsageSchema.parse({ contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 60 });

describe('summarisePerformance', () => {
  it('rates each KPI’s latest result when no period is given', () => {
    const summary = summarisePerformance(contract, [availability], results, [usage]);
    expect(summary.ratings.map((r) => [r.periodStart, r.rating])).toEqual([['2026-06-01', 'Requires improvement']]);
    expect(summary.compliance).toBe(0);
  });

  it('rates the results of the period asked for, and works out compliance', () => {
    const summary = summarisePerformance(contract, [availability], results, [usage], { period: { start: '2026-04-01', end: '2026-05-31' } });
    expect(summary.ratings.map((r) => r.rating)).toEqual(['Good', 'Approaching target']);
    expect(summary).toMatchObject({ reference: 'CON-0042', compliance: 0.5, meetsComplianceGoal: false });
  });

  it('flags usage under the floor with the cost of unused capacity from the contract’s annual value', () => {
    const [utilisation] = summarisePerformance(contract, [availability], results, [usage]).utilisation;
    expect(utilisation).toMatchObject({ share: 0.6, reviewBeforeRenewing: true, unusedAnnualCost: 64000 });
  });
});
