import type { Contract } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { Kpi, KpiResult, Usage } from './kpi.schema.js';
import { DEFAULT_RATING_SETTINGS, describeTarget, describeValue, rateResult, RATINGS, type Rating } from './rate-result.js';
import { summarisePerformance, type ContractPerformance, type PerformanceOptions } from './summarise-performance.js';

/** Periods of history kept per KPI: two years of monthly results, enough for a trend line on a card. */
export const HISTORY_PERIODS = 24;

export interface KpiPoint {
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly value: number | null;
  /** The value in the KPI's units ("93.5%", "4 hours"), or "not measured". */
  readonly shown: string;
  readonly rating: Rating;
}

/** One KPI over time, oldest first. */
export interface KpiHistory {
  readonly kpi: string;
  readonly target: string;
  /** The target as a number, for a target line on a chart. */
  readonly targetValue: number;
  readonly unit: string;
  readonly points: readonly KpiPoint[];
}

/** What `performance REF` shows: the latest ratings and compliance, each KPI's history and the ratings' tally. */
export interface PerformanceHistory {
  /** Each KPI's latest result, rated, with compliance against the goal: as `steward performance` reports it. */
  readonly latest: ContractPerformance;
  readonly kpis: readonly KpiHistory[];
  /** How many of the results in `kpis` had each rating, in the statutory order. */
  readonly ratingCounts: readonly { readonly rating: Rating; readonly count: number }[];
}

/**
 * A contract's KPI results over time (the last HISTORY_PERIODS per KPI) beside its latest
 * ratings and compliance. Pure: the caller loads the contract's KPIs, results and usage.
 */
export function performanceHistory(
  contract: Contract,
  kpis: readonly Kpi[],
  results: readonly KpiResult[],
  usage: readonly Usage[],
  options: Omit<PerformanceOptions, 'period'> = {},
): PerformanceHistory {
  const settings = options.rating ?? DEFAULT_RATING_SETTINGS;
  const histories = kpis
    .filter((kpi) => kpi.contract === contract.reference)
    .map((kpi): KpiHistory => {
      const key = kpi.name.trim().toLowerCase();
      const mine = results
        .filter((r) => r.contract === contract.reference && r.kpi.trim().toLowerCase() === key)
        .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
        .slice(-HISTORY_PERIODS);
      return {
        kpi: kpi.name,
        target: describeTarget(kpi),
        targetValue: kpi.target,
        unit: kpi.measure === 'percentage' ? '%' : kpi.measure === 'time' ? (kpi.unit ?? '') : '',
        points: mine.map((r) => ({
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          value: r.value,
          shown: r.value === null ? 'not measured' : describeValue(kpi, r.value),
          rating: rateResult(kpi, r.value, settings).rating,
        })),
      };
    });
  const tally = new Map<Rating, number>(RATINGS.map((r) => [r, 0]));
  for (const point of histories.flatMap((h) => h.points)) tally.set(point.rating, (tally.get(point.rating) ?? 0) + 1);
  return {
    latest: summarisePerformance(contract, kpis, results, usage, options),
    kpis: histories,
    ratingCounts: RATINGS.map((rating) => ({ rating, count: tally.get(rating) ?? 0 })),
  };
}

/**
 * The contracts whose latest compliance is below the goal (80% by default), lowest first, for
 * procurement's council-wide digest. Contracts with no results are left out: there is nothing
 * to measure yet.
 */
export function belowComplianceGoal(summaries: readonly ContractPerformance[]): ContractPerformance[] {
  return summaries
    .filter((s) => s.compliance !== null && !s.meetsComplianceGoal)
    .sort((a, b) => (a.compliance ?? 0) - (b.compliance ?? 0) || a.reference.localeCompare(b.reference));
}
