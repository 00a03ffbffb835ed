import { describe, expect, it } from 'vitest';
import { KpiSchema, type KpiInput } from './kpi.schema.js';
import { rateResult } from './rate-result.js';

const base: KpiInput = { contract: 'CON-0042', name: 'Availability', measure: 'percentage', target: 95, tolerance: 2, frequency: 'monthly', from: '2026-04-01' };
const kpi = (overrides: Partial<KpiInput> = {}) => KpiSchema.parse({ ...base, ...overrides });

describe('rateResult, higher is better (target 95%, tolerance 2, Inadequate at 76% by default)', () => {
  const availability = kpi();
  it.each([
    [97, 'Good'],
    [95, 'Good'],
    [94.999, 'Approaching target'],
    [93, 'Approaching target'],
    [92.999, 'Requires improvement'],
    [76.001, 'Requires improvement'],
    [76, 'Inadequate'],
    [40, 'Inadequate'],
  ] as const)('rates %s per cent as %s', (value, rating) => {
    expect(rateResult(availability, value).rating).toBe(rating);
  });

  it('keeps a value typed as 92.1 - 0.1 at the tolerance boundary', () => {
    expect(rateResult(availability, 93.1 - 0.1).rating).toBe('Approaching target');
  });

  it('explains the rating in a sentence that cites the regulation', () => {
    expect(rateResult(availability, 93.5).rule).toBe(
      '93.5% misses the target (at least 95%) by 1.5, within the tolerance of 2, so Approaching target: "Performance is close to meeting the key performance indicators" (Procurement Regulations 2024, reg. 39(5)).',
    );
  });
});

describe('rateResult, lower is better (target 4 hours, tolerance 1, Inadequate at 8 hours)', () => {
  const fixTime = kpi({ name: 'Time to fix', measure: 'time', unit: 'hours', target: 4, direction: 'lower-is-better', tolerance: 1, inadequateAt: 8 });
  it.each([
    [2, 'Good'],
    [4, 'Good'],
    [4.001, 'Approaching target'],
    [5, 'Approaching target'],
    [5.001, 'Requires improvement'],
    [7.999, 'Requires improvement'],
    [8, 'Inadequate'],
    [12, 'Inadequate'],
  ] as const)('rates %s hours as %s', (value, rating) => {
    expect(rateResult(fixTime, value).rating).toBe(rating);
  });

  it('names the line for Inadequate in the rule', () => {
    expect(rateResult(fixTime, 9).rule).toContain('9 hours is at or above 8 hours, the line this KPI sets for Inadequate, so Inadequate');
  });

  it('uses 20% over the target as the Inadequate line when the KPI sets none', () => {
    const calls = kpi({ name: 'Abandoned calls', measure: 'count', target: 50, direction: 'lower-is-better', tolerance: 5 });
    expect(rateResult(calls, 59.999).rating).toBe('Requires improvement');
    expect(rateResult(calls, 60).rating).toBe('Inadequate');
    expect(rateResult(calls, 60, { inadequateShare: 0.5 }).rating).toBe('Requires improvement');
  });
});

describe('rateResult, other cases', () => {
  it('rates a result that could not be measured as Other', () => {
    const rated = rateResult(kpi(), null);
    expect(rated.rating).toBe('Other');
    expect(rated.rule).toContain('"Performance cannot be described as good, approaching target, requires improvement or inadequate"');
  });

  it('rates a yes/no KPI Good when met and Requires improvement when not, with no tolerance', () => {
    const backups = kpi({ name: 'Backups tested', measure: 'yes-no', target: 1, tolerance: 0 });
    expect(rateResult(backups, 1).rating).toBe('Good');
    expect(rateResult(backups, 0).rating).toBe('Requires improvement');
  });

  it('refuses an Inadequate line on the wrong side of the target', () => {
    expect(KpiSchema.safeParse({ ...base, inadequateAt: 99 }).success).toBe(false);
    expect(KpiSchema.safeParse({ ...base, measure: 'yes-no', target: 2 }).success).toBe(false);
  });
});
