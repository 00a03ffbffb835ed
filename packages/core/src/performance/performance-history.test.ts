import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { KpiSchema, type KpiResult } from './kpi.schema.js';
import { belowComplianceGoal, HISTORY_PERIODS, performanceHistory } from './performance-history.js';
import { summarisePerformance } from './summarise-performance.js';

const contract = ContractSchema.parse({ reference: 'CON-0042', title: 'Online forms', supplier: { name: 'IEG4' }, value: { annual: 160000 } });
const availability = KpiSchema.parse({ contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 99, tolerance: 0.5, frequency: 'monthly', from: '2026-04-01' });
const result = (periodStart: string, periodEnd: string, value: number | null, contractRef = 'CON-0042'): KpiResult => ({
  contract: contractRef, kpi: 'availability', periodStart, periodEnd, value, enteredBy: 'a.khan@council.gov.uk', enteredAt: '2026-07-02T09:00:00Z',
});
const results = [result('2026-05-01', '2026-05-31', 98.7), result('2026-04-01', '2026-04-30', 99.2), result('2026-06-01', '2026-06-30', null)];

describe('performanceHistory', () => {
  it('gives each KPI its results oldest first, rated and shown in its units', () => {
    const history = performanceHistory(contract, [availability], results, []);
    expect(history.kpis[0]?.points.map((p) => [p.periodStart, p.shown, p.rating])).toEqual([
      ['2026-04-01', '99.2%', 'Good'],
      ['2026-05-01', '98.7%', 'Approaching target'],
      ['2026-06-01', 'not measured', 'Other'],
    ]);
    expect(history.kpis[0]).toMatchObject({ target: 'at least 99%', targetValue: 99, unit: '%' });
  });

  it('tallies the ratings of the results shown, in the statutory order', () => {
    const history = performanceHistory(contract, [availability], results, []);
    expect(history.ratingCounts).toEqual([
      { rating: 'Good', count: 1 },
      { rating: 'Approaching target', count: 1 },
      { rating: 'Requires improvement', count: 0 },
      { rating: 'Inadequate', count: 0 },
      { rating: 'Other', count: 1 },
    ]);
  });

  it('reports the latest result of each KPI and its compliance as steward performance does', () => {
    const history = performanceHistory(contract, [availability], results, []);
    expect(history.latest).toEqual(summarisePerformance(contract, [availability], results, []));
    expect(history.latest.ratings.map((r) => r.periodStart)).toEqual(['2026-06-01']);
  });

  it('keeps the last periods only, and never another contract’s results', () => {
    const many = Array.from({ length: HISTORY_PERIODS + 6 }, (_, i) => result(`20${String(20 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}-01`, `20${String(20 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}-28`, 99));
    const history = performanceHistory(contract, [availability], [...many, result('2026-09-01', '2026-09-30', 10, 'CON-9')], []);
    expect(history.kpis[0]?.points).toHaveLength(HISTORY_PERIODS);
    expect(history.kpis[0]?.points[0]?.periodStart).toBe('2020-07-01');
  });
});

describe('belowComplianceGoal', () => {
  it('lists contracts below the goal, lowest first, and leaves out those meeting it or with no results', () => {
    const other = ContractSchema.parse({ ...contract, reference: 'CON-7' });
    const kpi7 = KpiSchema.parse({ ...availability, contract: 'CON-7' });
    const summaries = [
      summarisePerformance(contract, [availability], [result('2026-04-01', '2026-04-30', 97)], []),
      summarisePerformance(other, [kpi7], [result('2026-04-01', '2026-04-30', 99.5, 'CON-7')], []),
      summarisePerformance(other, [kpi7], [], []),
    ];
    expect(belowComplianceGoal(summaries).map((s) => [s.reference, s.compliance])).toEqual([['CON-0042', 0]]);
  });
});
