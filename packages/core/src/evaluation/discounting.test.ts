import { describe, expect, it } from 'vitest';
import { greenBookDiscountFactor, greenBookDiscountFormula } from './discounting.js';

describe('Green Book discount factors', () => {
  it('leaves year 0 undiscounted', () => {
    expect(greenBookDiscountFactor(0)).toBe(1);
  });

  it('matches the published table at 3.5% for years 1 to 30', () => {
    expect(greenBookDiscountFactor(1)).toBeCloseTo(0.9662, 4);
    expect(greenBookDiscountFactor(10)).toBeCloseTo(0.7089, 4);
    expect(greenBookDiscountFactor(30)).toBeCloseTo(0.3563, 4);
  });

  it('compounds 3.0% on top of the year-30 factor from year 31', () => {
    expect(greenBookDiscountFactor(31)).toBeCloseTo(0.3459, 4);
    expect(greenBookDiscountFactor(31)).toBeCloseTo(greenBookDiscountFactor(30) / 1.03, 12);
    expect(greenBookDiscountFactor(75)).toBeCloseTo(greenBookDiscountFactor(30) / 1.03 ** 45, 12);
  });

  it('drops to 2.5% from year 76', () => {
    expect(greenBookDiscountFactor(76)).toBeCloseTo(greenBookDiscountFactor(75) / 1.025, 12);
  });

  it('refuses fractional, negative and out-of-range years', () => {
    expect(() => greenBookDiscountFactor(1.5)).toThrow(RangeError);
    expect(() => greenBookDiscountFactor(-1)).toThrow(RangeError);
    expect(() => greenBookDiscountFactor(126)).toThrow(RangeError);
  });

  it('gives a spreadsheet formula that computes the same factors', () => {
    const formula = greenBookDiscountFormula('Y');
    for (const year of [0, 1, 10, 30, 31, 75, 76, 100]) {
      const js = formula
        .replaceAll('^', '**')
        .replace(/MIN\(/g, 'Math.min(')
        .replace(/MAX\(/g, 'Math.max(')
        .replaceAll('Y', String(year));
      expect(Function(`return ${js}`)() as number).toBeCloseTo(greenBookDiscountFactor(year), 12);
    }
  });
});
