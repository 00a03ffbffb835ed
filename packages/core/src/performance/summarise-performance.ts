import type { Contract } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import { computeCompliance, DEFAULT_COMPLIANCE_GOAL } from './compliance.js';
import type { Kpi, KpiResult, Usage } from './kpi.schema.js';
import { DEFAULT_RATING_SETTINGS, describeTarget, rateResult, type Rating, type RatingSettings } from './rate-result.js';
import { computeUtilisation, DEFAULT_UTILISATION_FLOOR, type Utilisation } from './utilisation.js';

export interface PerformanceOptions {
  /** Only results and usage whose period overlaps these days; otherwise each KPI's latest result. */
  readonly period?: { readonly start: IsoDate; readonly end: IsoDate };
  readonly complianceGoal?: number;
  readonly utilisationFloor?: number;
  readonly rating?: RatingSettings;
}

export interface RatedKpiResult {
  readonly kpi: string;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly value: number | null;
  readonly target: string;
  readonly rating: Rating;
  readonly rule: string;
}

/** One contract's performance: `steward performance --json` prints a list of these. */
export interface ContractPerformance {
  readonly reference: string;
  /** The days asked about, or null for "each KPI's latest result". */
  readonly period: { readonly start: IsoDate; readonly end: IsoDate } | null;
  /** Share of results rated Good (0-1), or null with no results. */
  readonly compliance: number | null;
  readonly meetsComplianceGoal: boolean;
  readonly complianceRule: string;
  readonly ratings: readonly RatedKpiResult[];
  /** Per item counted, the latest usage in the period. */
  readonly utilisation: readonly Utilisation[];
}

/**
 * Rates a contract's KPI results, works out its compliance and its utilisation. Pure: the
 * caller loads the KPIs, results and usage of this contract.
 */
export function summarisePerformance(
  contract: Contract,
  kpis: readonly Kpi[],
  results: readonly KpiResult[],
  usage: readonly Usage[],
  options: PerformanceOptions = {},
): ContractPerformance {
  const { period } = options;
  const overlaps = (r: { periodStart: string; periodEnd: string }) => !period || (r.periodStart <= period.end && r.periodEnd >= period.start);
  const byKey = new Map(kpis.map((kpi) => [kpi.name.trim().toLowerCase(), kpi]));
  const chosen: KpiResult[] = [];
  for (const kpi of kpis) {
    const mine = results.filter((r) => r.contract === contract.reference && r.kpi.trim().toLowerCase() === kpi.name.trim().toLowerCase() && overlaps(r));
    mine.sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    if (period) chosen.push(...mine);
    else if (mine.length > 0) chosen.push(mine[mine.length - 1] as KpiResult);
  }
  const ratings = chosen.flatMap((result) => {
    const kpi = byKey.get(result.kpi.trim().toLowerCase());
    if (!kpi) return [];
    const rated = rateResult(kpi, result.value, options.rating ?? DEFAULT_RATING_SETTINGS);
    return [{ kpi: kpi.name, periodStart: result.periodStart, periodEnd: result.periodEnd, value: result.value, target: describeTarget(kpi), ...rated }];
  });
  const compliance = computeCompliance(
    ratings.map((r) => r.rating),
    options.complianceGoal ?? DEFAULT_COMPLIANCE_GOAL,
  );
  const latestUsage = new Map<string, Usage>();
  for (const u of usage.filter((u) => u.contract === contract.reference && overlaps(u))) {
    const key = u.item.trim().toLowerCase();
    const seen = latestUsage.get(key);
    if (!seen || seen.periodStart < u.periodStart) latestUsage.set(key, u);
  }
  const annualCost = contract.value.annual;
  const utilisation = [...latestUsage.values()].map((u) =>
    computeUtilisation(u, { floor: options.utilisationFloor ?? DEFAULT_UTILISATION_FLOOR, ...(annualCost === undefined ? {} : { annualCost }) }),
  );
  return {
    reference: contract.reference,
    period: period ?? null,
    compliance: compliance.share,
    meetsComplianceGoal: compliance.meetsGoal,
    complianceRule: compliance.rule,
    ratings,
    utilisation,
  };
}
