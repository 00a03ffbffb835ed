import type { Kpi, KpiResult } from '../performance/kpi.schema.js';
import { DEFAULT_RATING_SETTINGS, rateResult, type RatingSettings } from '../performance/rate-result.js';
import type { ModificationRecord } from '../procurement-act/modification-record.js';
import type { Contract } from '../register/contract.schema.js';
import type { OcdsContractInput } from './build-ocds-package.js';
import type { ReleasePerformance } from './build-implementation-release.js';

/** What the register holds for publishing: contracts, their change logs and their KPIs with results. */
export interface RegisterForPublishing {
  readonly contracts: readonly Contract[];
  readonly modifications: readonly ModificationRecord[];
  readonly kpis: readonly Kpi[];
  readonly results: readonly KpiResult[];
}

/**
 * Each contract with its modifications and, where results are recorded, its KPI results rated
 * as `steward performance` rates them (Procurement Regulations 2024, reg. 39(5)), so the
 * `implementation` releases carry the same ratings as the UK9 draft and the performance workbook.
 * A result whose KPI is no longer set is left out: without its target it cannot be rated.
 */
export function ocdsContractInputs(register: RegisterForPublishing, rating: RatingSettings = DEFAULT_RATING_SETTINGS): OcdsContractInput[] {
  const modifications = groupByContract(register.modifications, (m) => m.reference);
  const kpis = groupByContract(register.kpis, (k) => k.contract);
  const results = groupByContract(register.results, (r) => r.contract);
  return register.contracts.map((contract) => {
    const performance = releasePerformanceOf(kpis.get(contract.reference) ?? [], results.get(contract.reference) ?? [], rating);
    return {
      contract,
      modifications: modifications.get(contract.reference) ?? [],
      ...(performance.results.length > 0 ? { performance } : {}),
    };
  });
}

/** One contract's KPIs and rated results, as the implementation release takes them. */
export function releasePerformanceOf(kpis: readonly Kpi[], results: readonly KpiResult[], rating: RatingSettings = DEFAULT_RATING_SETTINGS): ReleasePerformance {
  const byName = new Map(kpis.map((k) => [k.name.trim().toLowerCase(), k]));
  return {
    kpis: kpis.map((k) => {
      const unit = k.measure === 'percentage' ? '%' : k.unit;
      return { name: k.name, ...(k.description ? { description: k.description } : {}), target: k.target, ...(unit ? { unit } : {}) };
    }),
    results: results.flatMap((r) => {
      const kpi = byName.get(r.kpi.trim().toLowerCase());
      if (!kpi) return [];
      return [{ kpi: kpi.name, periodStart: r.periodStart, periodEnd: r.periodEnd, value: r.value, rating: rateResult(kpi, r.value, rating).rating, ...(r.note ? { note: r.note } : {}) }];
    }),
  };
}

function groupByContract<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
