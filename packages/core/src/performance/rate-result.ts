import type { Kpi } from './kpi.schema.js';

/** The ratings of a contract performance notice (Procurement Regulations 2024, reg. 39(5)). */
export const RATINGS = ['Good', 'Approaching target', 'Requires improvement', 'Inadequate', 'Other'] as const;
export type Rating = (typeof RATINGS)[number];

/** The statutory description of each rating, word for word (Procurement Regulations 2024, reg. 39(5)). */
export const RATING_DESCRIPTIONS: Readonly<Record<Rating, string>> = {
  Good: 'Performance is meeting or exceeding the key performance indicators',
  'Approaching target': 'Performance is close to meeting the key performance indicators',
  'Requires improvement': 'Performance is below the key performance indicators',
  Inadequate: 'Performance is significantly below the key performance indicators',
  Other: 'Performance cannot be described as good, approaching target, requires improvement or inadequate',
};

export interface RatingSettings {
  /**
   * How far short of the target, as a share of the target, is "far below" when a KPI sets no
   * `inadequateAt` of its own. Default 0.2: a 90% target is Inadequate at 72% or less.
   */
  readonly inadequateShare: number;
}

export const DEFAULT_RATING_SETTINGS: RatingSettings = { inadequateShare: 0.2 };

export interface RatedResult {
  readonly rating: Rating;
  /** How the rating was reached, so a person can check it by hand. */
  readonly rule: string;
}

// Results are typed in by people: 92.1 - 0.1 must still equal 92.
const EPSILON = 1e-9;

/**
 * Rates one result against its KPI: met the target → Good; short by no more than the
 * tolerance → Approaching target; at or beyond the "far below" line → Inadequate; otherwise
 * Requires improvement; not measurable (null) → Other.
 *
 * @example rateResult({ target: 95, direction: 'higher-is-better', tolerance: 2, ... }, 93.5).rating // 'Approaching target'
 */
export function rateResult(kpi: Kpi, value: number | null, settings: RatingSettings = DEFAULT_RATING_SETTINGS): RatedResult {
  const targetWords = describeTarget(kpi);
  if (value === null) {
    return rated('Other', `No value could be measured for the period, so it is rated Other`);
  }
  const shown = describeValue(kpi, value);
  if (kpi.measure === 'yes-no') {
    return value === kpi.target
      ? rated('Good', `${shown} meets the target (${targetWords}), so Good`)
      : rated('Requires improvement', `${shown} does not meet the target (${targetWords}); a yes/no KPI has no degrees, so Requires improvement`);
  }
  const higher = kpi.direction === 'higher-is-better';
  const shortfall = higher ? kpi.target - value : value - kpi.target;
  if (shortfall <= EPSILON) return rated('Good', `${shown} meets the target (${targetWords}), so Good`);
  const line = inadequateLine(kpi, settings);
  const farBelow = higher ? value <= line.value + EPSILON : value >= line.value - EPSILON;
  if (farBelow) {
    return rated('Inadequate', `${shown} is at or ${higher ? 'below' : 'above'} ${describeValue(kpi, line.value)}, ${line.words}, so Inadequate`);
  }
  if (shortfall <= kpi.tolerance + EPSILON) {
    return rated(
      'Approaching target',
      `${shown} misses the target (${targetWords}) by ${round(shortfall)}, within the tolerance of ${round(kpi.tolerance)}, so Approaching target`,
    );
  }
  return rated(
    'Requires improvement',
    `${shown} misses the target (${targetWords}) by ${round(shortfall)}, more than the tolerance of ${round(kpi.tolerance)} but not as far as ${describeValue(kpi, line.value)} (${line.words}), so Requires improvement`,
  );

  function rated(rating: Rating, because: string): RatedResult {
    return { rating, rule: `${because}: "${RATING_DESCRIPTIONS[rating]}" (Procurement Regulations 2024, reg. 39(5)).` };
  }
}

/** The value at or beyond which a KPI's performance is Inadequate, and why. */
export function inadequateLine(kpi: Kpi, settings: RatingSettings): { value: number; words: string } {
  if (kpi.inadequateAt !== undefined) return { value: kpi.inadequateAt, words: 'the line this KPI sets for Inadequate' };
  const margin = Math.abs(kpi.target) * settings.inadequateShare;
  const value = round(kpi.direction === 'higher-is-better' ? kpi.target - margin : kpi.target + margin);
  return { value, words: `${round(settings.inadequateShare * 100)}% of the target ${kpi.direction === 'higher-is-better' ? 'short of' : 'over'} it` };
}

/** "at least 95%", "at most 4 hours", "yes". */
export function describeTarget(kpi: Kpi): string {
  if (kpi.measure === 'yes-no') return kpi.target === 1 ? 'yes' : 'no';
  return `${kpi.direction === 'higher-is-better' ? 'at least' : 'at most'} ${describeValue(kpi, kpi.target)}`;
}

/** A value in the KPI's units: "93.5%", "4 hours", "12", "yes". */
export function describeValue(kpi: Kpi, value: number): string {
  switch (kpi.measure) {
    case 'percentage':
      return `${round(value)}%`;
    case 'time':
      return `${round(value)}${kpi.unit ? ` ${kpi.unit}` : ''}`;
    case 'count':
      return `${round(value)}`;
    case 'yes-no':
      return value === 1 ? 'yes' : value === 0 ? 'no' : `${round(value)}`;
  }
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
