import { describe, expect, it } from 'vitest';
import { UsageSchema, type UsageInput } from './kpi.schema.js';
import { computeUtilisation } from './utilisation.js';

const usage = (overrides: Partial<UsageInput> = {}) =>
  UsageSchema.parse({ contract: 'CON-0042', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 100, used: 70, ...overrides });

describe('computeUtilisation', () => {
  it('does not flag usage at exactly the 70% floor', () => {
    expect(computeUtilisation(usage({ used: 70 })).reviewBeforeRenewing).toBe(false);
  });

  it('flags usage just under the floor, with what the unused capacity costs a year', () => {
    const utilisation = computeUtilisation(usage({ used: 69 }), { annualCost: 160000 });
    expect(utilisation).toMatchObject({ share: 0.69, reviewBeforeRenewing: true, unusedAnnualCost: 49600 });
    expect(utilisation.rule).toBe('69 of 100 licences paid for were used (69%), under the 70% floor, so review usage before renewing; the 31 unused cost £49,600 a year of £160,000.');
  });

  it('prefers the usage record’s own annual cost, and takes a different floor', () => {
    const utilisation = computeUtilisation(usage({ used: 75, annualCost: 40000 }), { floor: 0.8, annualCost: 160000 });
    expect(utilisation).toMatchObject({ reviewBeforeRenewing: true, unusedAnnualCost: 10000 });
  });

  it('leaves out the cost when no annual cost is known', () => {
    expect(computeUtilisation(usage({ used: 10 }))).not.toHaveProperty('unusedAnnualCost');
  });
});
