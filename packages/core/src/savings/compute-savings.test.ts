import { describe, expect, it } from 'vitest';
import { computeSaving, roundToPence, summariseSaving, type SavingTerms } from './compute-savings.js';
import { SavingSchema } from './saving.schema.js';
import { IEG4_SAVING } from './ieg4-example.js';

const ieg4: SavingTerms = { baselineAnnual: 160000, newAnnual: 100000, start: '2024-04-01', termMonths: 36, oneOffCosts: 0 };

function byYear(terms: SavingTerms): Record<string, number> {
  return Object.fromEntries(computeSaving(terms).years.map((y) => [y.year.label, y.pence / 100]));
}

describe('computing a saving', () => {
  it('gives the IEG4 renegotiation £60,000 in each of three financial years and £180,000 in all', () => {
    const figures = computeSaving(ieg4);
    expect(figures.annualSaving).toBe(60000);
    expect(figures.totalSaving).toBe(180000);
    expect(figures.last).toBe('2027-03-31');
    expect(figures.years.map((y) => [y.year.label, y.days, y.amount])).toEqual([
      ['2024/25', 365, 60000],
      ['2025/26', 365, 60000],
      ['2026/27', 365, 60000],
    ]);
  });

  it('spreads a saving that starts in October over the three financial years it touches, by day', () => {
    // [2025-10-01, 2027-10-01): 182 days in 2025/26, 365 in 2026/27, 183 in 2027/28; 730 in all.
    // £12,000 a year for two years is £24,000: 24000 × 182/730 = 5983.56..., 24000 × 183/730 = 6016.43...
    const terms = { baselineAnnual: 50000, newAnnual: 38000, start: '2025-10-01', termMonths: 24, oneOffCosts: 0 };
    const figures = computeSaving(terms);
    expect(figures.years.map((y) => y.days)).toEqual([182, 365, 183]);
    expect(byYear(terms)).toEqual({ '2025/26': 5983.56, '2026/27': 12000, '2027/28': 6016.44 });
    expect(figures.totalPence).toBe(2400000);
  });

  it('counts 29 February as one more day of the term for the year that holds it', () => {
    // [2023-07-01, 2024-07-01) is 366 days: 275 in 2023/24 (with 29 February 2024), 91 in 2024/25.
    const terms = { baselineAnnual: 136600, newAnnual: 100000, start: '2023-07-01', termMonths: 12, oneOffCosts: 0 };
    const figures = computeSaving(terms);
    expect(figures.days).toBe(366);
    expect(figures.years.map((y) => [y.year.label, y.days, y.amount])).toEqual([
      ['2023/24', 275, 27500],
      ['2024/25', 91, 9100],
    ]);
  });

  it('gives a leap financial year of a three-year term a day more, and still adds up to the penny', () => {
    // [2027-04-01, 2030-04-01): 366 days in 2027/28 (29 February 2028), 365 in each of the others.
    // 3000 × 366/1096 = 1001.824..., 3000 × 365/1096 = 999.087...; the last year takes the remainder.
    const terms = { baselineAnnual: 1000, newAnnual: 0, start: '2027-04-01', termMonths: 36, oneOffCosts: 0 };
    expect(byYear(terms)).toEqual({ '2027/28': 1001.82, '2028/29': 999.09, '2029/30': 999.09 });
    expect(computeSaving(terms).totalPence).toBe(300000);
  });

  it('makes the pence of the years add up to the rounded whole-term saving whatever the term', () => {
    for (const start of ['2023-02-28', '2024-01-31', '2024-02-29', '2025-03-16', '2026-12-31']) {
      for (const termMonths of [1, 7, 13, 35, 61]) {
        const figures = computeSaving({ baselineAnnual: 12345.67, newAnnual: 1000.01, start, termMonths, oneOffCosts: 333.33 });
        expect(figures.years.reduce((sum, y) => sum + y.pence, 0)).toBe(figures.totalPence);
        expect(figures.years.reduce((sum, y) => sum + y.days, 0)).toBe(figures.days);
      }
    }
  });

  it('takes one-off implementation and exit costs from the financial year the term starts in', () => {
    const figures = computeSaving({ ...ieg4, oneOffCosts: 7500 });
    expect(figures.totalSaving).toBe(172500);
    expect(figures.years.map((y) => y.pence / 100)).toEqual([52500, 60000, 60000]);
  });

  it('shows a price rise as a negative saving in every year', () => {
    // The rise IEG4 first proposed: £100,000 to £160,000 a year, for two years.
    const terms = { baselineAnnual: 100000, newAnnual: 160000, start: '2024-04-01', termMonths: 24, oneOffCosts: 0 };
    const figures = computeSaving(terms);
    expect(figures.annualSaving).toBe(-60000);
    expect(figures.totalSaving).toBe(-120000);
    expect(byYear(terms)).toEqual({ '2024/25': -60000, '2025/26': -60000 });
  });

  it('rounds half a penny away from zero, as Excel does', () => {
    expect(roundToPence(1.005)).toBe(101);
    expect(roundToPence(-1.005)).toBe(-101);
    expect(roundToPence(2.004)).toBe(200);
  });

  it('summarises a saving in pounds keyed by financial year label', () => {
    const saving = SavingSchema.parse(IEG4_SAVING);
    expect(summariseSaving(saving)).toMatchObject({
      id: 'CON-0042/2024-04-01/renegotiation',
      contract: 'CON-0042',
      annualSaving: 60000,
      totalSaving: 180000,
      end: '2027-03-31',
      byFinancialYear: { '2024/25': 60000, '2025/26': 60000, '2026/27': 60000 },
    });
  });
});
