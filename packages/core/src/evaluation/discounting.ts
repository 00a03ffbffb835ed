/**
 * HM Treasury Green Book discounting. The social time preference rate is 3.5% a year for
 * years 0–30 and declines for longer horizons (3.0% for years 31–75, 2.5% for 76–125), because
 * uncertainty about the far future makes a constant rate overstate how little it matters.
 * Year 0 is "now" and is not discounted. Each band compounds on the factor reached at the end
 * of the band before it; the rate does not re-apply retrospectively to earlier years.
 */
export interface DiscountBand {
  /** The first year the rate applies to. */
  readonly fromYear: number;
  /** The last year it applies to (inclusive). */
  readonly toYear: number;
  readonly rate: number;
}

export const GREEN_BOOK_BANDS: readonly DiscountBand[] = [
  { fromYear: 1, toYear: 30, rate: 0.035 },
  { fromYear: 31, toYear: 75, rate: 0.03 },
  { fromYear: 76, toYear: 125, rate: 0.025 },
];

/** The latest year an appraisal may run to with these rates. */
export const LAST_DISCOUNTED_YEAR = 125;

/**
 * The Green Book discount factor for a cash flow in `year` (0 = now).
 * @example greenBookDiscountFactor(10) // 0.70892 (1 / 1.035^10)
 * @example greenBookDiscountFactor(31) // 0.34590 (1 / (1.035^30 × 1.03))
 */
export function greenBookDiscountFactor(year: number): number {
  if (!Number.isInteger(year) || year < 0 || year > LAST_DISCOUNTED_YEAR) {
    throw new RangeError(`Discount year must be a whole number from 0 to ${LAST_DISCOUNTED_YEAR}, not ${year}`);
  }
  let divisor = 1;
  for (const band of GREEN_BOOK_BANDS) {
    const years = Math.min(year, band.toYear) - band.fromYear + 1;
    if (years > 0) divisor *= (1 + band.rate) ** years;
  }
  return 1 / divisor;
}

/**
 * The same factor as a spreadsheet formula of the year in `yearCell`, so a finance officer
 * can see (and audit) how every present value was reached.
 * @example greenBookDiscountFormula('B5') // 1/(1.035^MIN(B5,30)*1.03^MAX(MIN(B5,75)-30,0)*...)
 */
export function greenBookDiscountFormula(yearCell: string): string {
  const terms = GREEN_BOOK_BANDS.map((band, i) => {
    const base = 1 + band.rate;
    return i === 0
      ? `${base}^MIN(${yearCell},${band.toYear})`
      : `${base}^MAX(MIN(${yearCell},${band.toYear})-${band.fromYear - 1},0)`;
  });
  return `1/(${terms.join('*')})`;
}
