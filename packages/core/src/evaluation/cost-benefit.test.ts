import { describe, expect, it } from 'vitest';
import { appraiseCashFlows, relativePriceScore } from './cost-benefit.js';

describe('cost-benefit appraisal', () => {
  it('discounts each year at the Green Book rate and nets benefits against costs', () => {
    const appraisal = appraiseCashFlows([
      { year: 1, cost: 10_000, benefit: 20_000, label: 'licences and savings' },
      { year: 0, cost: 50_000, benefit: 0, label: 'implementation' },
    ]);
    expect(appraisal.undiscountedCost).toBe(60_000);
    expect(appraisal.undiscountedBenefit).toBe(20_000);
    expect(appraisal.presentValueCost).toBeCloseTo(50_000 + 10_000 / 1.035, 6);
    expect(appraisal.presentValueBenefit).toBeCloseTo(20_000 / 1.035, 6);
    expect(appraisal.npv).toBeCloseTo(20_000 / 1.035 - 50_000 - 10_000 / 1.035, 6);
    expect(appraisal.cashflows.map((c) => c.year)).toEqual([0, 1]);
  });

  it('gives nothing to appraise a zero whole-life cost', () => {
    expect(appraiseCashFlows([])).toMatchObject({ presentValueCost: 0, presentValueBenefit: 0, npv: 0 });
  });

  it('gives the lowest cost the whole price weight and twice the cost half of it', () => {
    expect(relativePriceScore(100_000, 100_000, 30)).toBe(30);
    expect(relativePriceScore(200_000, 100_000, 30)).toBe(15);
    expect(relativePriceScore(0, 0, 30)).toBe(30);
  });
});
