import { describe, expect, it } from 'vitest';
import { computeSaving, roundToPence, splitSaving, summariseSaving, type SavingTerms } from './compute-savings.js';
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

  it('profiles a saving that starts in October by calendar month: six months, twelve, six', () => {
    // [2025-10-01, 2027-10-01): October–March is 6 months of 2025/26, all of 2026/27, April–September of 2027/28.
    // £12,000 a year is £1,000 a month: 6000, 12000, 6000.
    const terms = { baselineAnnual: 50000, newAnnual: 38000, start: '2025-10-01', termMonths: 24, oneOffCosts: 0 };
    const figures = computeSaving(terms);
    expect(figures.years.map((y) => [y.days, y.months, y.effect])).toEqual([
      [182, 6, 'part-year'],
      [365, 12, 'full-year'],
      [183, 6, 'part-year'],
    ]);
    expect(byYear(terms)).toEqual({ '2025/26': 6000, '2026/27': 12000, '2027/28': 6000 });
    expect(figures.totalPence).toBe(2400000);
  });

  it('gives each whole financial year the full-year effect, leap day or not, as finance books it', () => {
    // £60,000 a year for 36 months from 1 April 2027; 2027/28 holds 29 February 2028.
    // By day it was 60,109.49 / 59,945.26 / 59,945.25; by month each year is 12 × 5,000.
    const terms = { baselineAnnual: 160000, newAnnual: 100000, start: '2027-04-01', termMonths: 36, oneOffCosts: 0 };
    expect(byYear(terms)).toEqual({ '2027/28': 60000, '2028/29': 60000, '2029/30': 60000 });
    expect(computeSaving(terms).years.map((y) => y.effect)).toEqual(['full-year', 'full-year', 'full-year']);
    expect(computeSaving(terms).totalPence).toBe(18000000);
  });

  it('counts a part month by its share of that month\'s days', () => {
    // £12,000 a year from 16 April 2025 for 12 months: 16–30 April is 15 of April's 30 days, half
    // a month (£500), then May–March 11 months (£11,000); 1–15 April 2026 is the other £500.
    const terms = { baselineAnnual: 12000, newAnnual: 0, start: '2025-04-16', termMonths: 12, oneOffCosts: 0 };
    expect(computeSaving(terms).years.map((y) => y.months)).toEqual([11.5, 0.5]);
    expect(byYear(terms)).toEqual({ '2025/26': 11500, '2026/27': 500 });
  });

  it('takes a July start\'s part-year effects from its nine months and three months', () => {
    // [2023-07-01, 2024-07-01), £36,600 a year: July–March 9/12 = 27,450; April–June 3/12 = 9,150.
    const terms = { baselineAnnual: 136600, newAnnual: 100000, start: '2023-07-01', termMonths: 12, oneOffCosts: 0 };
    const figures = computeSaving(terms);
    expect(figures.days).toBe(366);
    expect(figures.years.map((y) => [y.year.label, y.months, y.amount])).toEqual([
      ['2023/24', 9, 27450],
      ['2024/25', 3, 9150],
    ]);
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

  it('splits IEG4\'s held price rise into cost avoidance, with nothing cashable', () => {
    // Paying £100,000, proposed £160,000, held at £100,000: avoidance 160,000 − max(100,000, 100,000).
    expect(splitSaving({ currentAnnual: 100000, baselineAnnual: 160000, newAnnual: 100000 })).toEqual({ cashableAnnual: 0, avoidanceAnnual: 60000 });
  });

  it('splits a saving that both cuts the price and avoids a rise into its cashable part and its avoidance', () => {
    // Paying £100,000, proposed £160,000, agreed £90,000: £10,000 off the budget, £60,000 avoided.
    expect(splitSaving({ currentAnnual: 100000, baselineAnnual: 160000, newAnnual: 90000 })).toEqual({ cashableAnnual: 10000, avoidanceAnnual: 60000 });
    // Agreed above today's price but below the proposal: nothing cashable, £40,000 avoided.
    expect(splitSaving({ currentAnnual: 100000, baselineAnnual: 160000, newAnnual: 120000 })).toEqual({ cashableAnnual: 0, avoidanceAnnual: 40000 });
  });

  it('summarises a saving in pounds keyed by financial year label', () => {
    const saving = SavingSchema.parse(IEG4_SAVING);
    expect(summariseSaving(saving)).toMatchObject({
      id: 'CON-0042/2024-04-01/renegotiation',
      contract: 'CON-0042',
      currentAnnual: 100000,
      cashable: false,
      cashableAnnual: 0,
      avoidanceAnnual: 60000,
      annualSaving: 60000,
      totalSaving: 180000,
      end: '2027-03-31',
      byFinancialYear: { '2024/25': 60000, '2025/26': 60000, '2026/27': 60000 },
    });
  });
});
