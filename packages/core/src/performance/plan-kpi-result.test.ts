import { describe, expect, it } from 'vitest';
import { KpiSchema } from './kpi.schema.js';
import { planKpiResult } from './plan-kpi-result.js';

const by = 'a.khan@council.gov.uk';
const at = '2026-04-02T09:00:00.000Z';
const period = { periodStart: '2026-01-01', periodEnd: '2026-03-31' };
const percentage = KpiSchema.parse({ contract: 'CON-1', name: 'Bins collected', measure: 'percentage', target: 98, tolerance: 1, frequency: 'quarterly', from: '2026-01-01' });
const yesNo = KpiSchema.parse({ contract: 'CON-1', name: 'Annual audit done', measure: 'yes-no', target: 1, frequency: 'yearly', from: '2026-01-01' });

describe('planKpiResult', () => {
  it('reads 97.5% as 97.5 and rates it Approaching target against 98 with a tolerance of 1', () => {
    const planned = planKpiResult(percentage, { ...period, value: '97.5%', by, at });
    expect(planned.success && planned.value.result).toMatchObject({ contract: 'CON-1', kpi: 'Bins collected', value: 97.5, enteredBy: by, enteredAt: at });
    expect(planned.success && planned.value.rated.rating).toBe('Approaching target');
  });

  it('refuses text that is not a number, saying how to write it', () => {
    const planned = planKpiResult(percentage, { ...period, value: 'most', by, at });
    expect(planned.success).toBe(false);
    expect(!planned.success && planned.problems[0]).toMatchObject({ code: 'not-a-number', path: ['value'] });
    expect(!planned.success && planned.problems[0]?.message).toMatch(/^"most" is not a number/);
  });

  it('takes yes or no for a yes/no KPI and refuses any other number', () => {
    const yes = planKpiResult(yesNo, { ...period, value: 'yes', by, at });
    expect(yes.success && [yes.value.result.value, yes.value.rated.rating]).toEqual([1, 'Good']);
    expect(planKpiResult(yesNo, { ...period, value: '97', by, at }).success).toBe(false);
  });

  it('takes a blank value as not measured only with a note saying why, rated Other', () => {
    expect(planKpiResult(percentage, { ...period, value: '', by, at }).success).toBe(false);
    const noted = planKpiResult(percentage, { ...period, value: '', note: 'Depot closed by flooding', by, at });
    expect(noted.success && noted.value.rated.rating).toBe('Other');
  });
});
