import { describe, expect, it } from 'vitest';
import { ContractSchema } from '../register/contract.schema.js';
import { KpiSchema, type KpiInput, type KpiResult } from './kpi.schema.js';
import { draftUk9 } from './uk9-draft.js';

const contract = ContractSchema.parse({ reference: 'CON-0100', title: 'Waste collection', supplier: { name: 'Acme Waste Ltd', companyNumber: '01234567' }, value: { total: 12000000 } });
const kpi = (overrides: Partial<KpiInput>) => KpiSchema.parse({ contract: 'CON-0100', measure: 'percentage', frequency: 'quarterly', from: '2025-04-01', published: true, name: 'x', target: 0, ...overrides });
const kpis = [
  kpi({ name: 'Collections on time', target: 98, tolerance: 1 }),
  kpi({ name: 'Complaints per 1,000 households', measure: 'count', target: 2, direction: 'lower-is-better', tolerance: 0.5, inadequateAt: 4 }),
  kpi({ name: 'Monthly report received', measure: 'yes-no', target: 1 }),
  kpi({ name: 'Vehicle emissions (internal)', target: 90, published: false }),
];
const result = (name: string, periodStart: string, periodEnd: string, value: number | null): KpiResult => ({
  contract: 'CON-0100',
  kpi: name,
  periodStart,
  periodEnd,
  value,
  enteredBy: 'c.lee@council.gov.uk',
  enteredAt: '2026-04-05T09:00:00Z',
});
const results = [
  // Collections on time: mean of 98.5, 97.9, 96.8, 97.6 = 97.7, short of 98 by 0.3 — within 1: Approaching target.
  result('Collections on time', '2025-04-01', '2025-06-30', 98.5),
  result('Collections on time', '2025-07-01', '2025-09-30', 97.9),
  result('Collections on time', '2025-10-01', '2025-12-31', 96.8),
  result('Collections on time', '2026-01-01', '2026-03-31', 97.6),
  // Complaints: mean of 1.5 and 2.5 = 2, at the target: Good.
  result('Complaints per 1,000 households', '2025-04-01', '2025-09-30', 1.5),
  result('Complaints per 1,000 households', '2025-10-01', '2026-03-31', 2.5),
  // Reports: missed once, so not met over the year: Requires improvement.
  result('Monthly report received', '2025-04-01', '2025-06-30', 1),
  result('Monthly report received', '2025-07-01', '2025-09-30', 0),
  // Outside the period: ignored.
  result('Collections on time', '2026-04-01', '2026-06-30', 50),
  result('Vehicle emissions (internal)', '2025-04-01', '2025-06-30', 10),
];
const period = { start: '2025-04-01', end: '2026-03-31' };

describe('draftUk9', () => {
  it('rates each published KPI over the period and gives the lowest as the overall assessment (checked by hand)', () => {
    const draft = draftUk9({ contract, kpis, results, period, kpisRequired: true });
    if (!draft.success) throw new Error('expected a draft');
    const { json, markdown } = draft.value;
    expect(json.kpis.map((k) => [k.kpi, k.value, k.rating])).toEqual([
      ['Collections on time', 97.7, 'Approaching target'],
      ['Complaints per 1,000 households', 2, 'Good'],
      ['Monthly report received', 0, 'Requires improvement'],
    ]);
    expect(json.overall).toMatchObject({ rating: 'Requires improvement', ratingDescription: 'Performance is below the key performance indicators' });
    expect(json.supplier).toEqual({ name: 'Acme Waste Ltd', companyNumber: '01234567' });
    expect(json.kpis[0]?.rule).toBe(
      'The mean of the 4 results in the period, 97.7%: 97.7% misses the target (at least 98%) by 0.3, within the tolerance of 1, so Approaching target: "Performance is close to meeting the key performance indicators" (Procurement Regulations 2024, reg. 39(5)).',
    );
    expect(markdown).toContain('**Period assessed:** Tuesday 1 April 2025 to Tuesday 31 March 2026');
    expect(markdown).toContain('| Complaints per 1,000 households | at most 2 | 2 | Good |');
    expect(markdown).toContain('**Overall assessment:** Requires improvement — Performance is below the key performance indicators.');
    expect(markdown).not.toContain('Vehicle emissions');
  });

  it('rates a published KPI with no result in the period as Other', () => {
    const draft = draftUk9({ contract, kpis, results: [], period, kpisRequired: true });
    expect(draft.success && draft.value.json.kpis.every((k) => k.rating === 'Other') && draft.value.json.overall.rating).toBe('Other');
  });

  it('refuses when s.52 does not require KPIs, or none is marked published', () => {
    const notRequired = draftUk9({ contract, kpis, results, period, kpisRequired: false });
    expect(!notRequired.success && notRequired.problems[0]?.code).toBe('uk9-not-required');
    const unpublished = draftUk9({ contract, kpis: kpis.map((k) => ({ ...k, published: false })), results, period, kpisRequired: true });
    expect(!unpublished.success && unpublished.problems[0]?.code).toBe('no-published-kpis');
  });
});
