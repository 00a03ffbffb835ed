import type { IsoDate } from '../shared/iso-date.js';
import { ocdsDateTime, type OcdsMetric } from './ocds-types.js';

/** The ratings of a contract performance notice (Procurement Regulations 2024, reg. 39(5)). */
export type PerformanceRating = 'Good' | 'Approaching target' | 'Requires improvement' | 'Inadequate' | 'Other';

/** A KPI as the contract sets it (the fields the release needs of the performance model). */
export interface ReleaseKpi {
  readonly name: string;
  readonly description?: string;
  readonly target: number;
  readonly unit?: string;
}

/** One rated result of a KPI for a reporting period. */
export interface KpiResultInput {
  /** The KPI's name. */
  readonly kpi: string;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  /** Null when it could not be measured. */
  readonly value: number | null;
  readonly rating: PerformanceRating;
  readonly note?: string;
}

export interface ReleasePerformance {
  readonly kpis: readonly ReleaseKpi[];
  readonly results: readonly KpiResultInput[];
}

/**
 * The UK extension's measure classification for each rating: the ids Find a Tender lists for
 * `observations/measureClassification` (met, slightlyBelow, below, significantlyBelow, other).
 */
export const MEASURE_CLASSIFICATION: Readonly<Record<PerformanceRating, string>> = {
  Good: 'met',
  'Approaching target': 'slightlyBelow',
  'Requires improvement': 'below',
  Inadequate: 'significantlyBelow',
  Other: 'other',
};

export interface ImplementationPeriod {
  readonly periodEnd: IsoDate;
  readonly metrics: OcdsMetric[];
}

/**
 * The `implementation` content of each reporting period, oldest first: one metric per KPI
 * reported in the period, its result as an observation (metrics extension) with the rating as
 * the UK extension's measure classification. A result for a KPI the contract does not list is
 * still published, under its own name.
 */
export function buildImplementationRelease(performance: ReleasePerformance | undefined): ImplementationPeriod[] {
  if (performance === undefined) return [];
  const byEnd = new Map<IsoDate, KpiResultInput[]>();
  for (const result of performance.results) byEnd.set(result.periodEnd, [...(byEnd.get(result.periodEnd) ?? []), result]);
  const kpis = new Map(performance.kpis.map((k) => [k.name, k]));
  return [...byEnd.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([periodEnd, results]) => ({
      periodEnd,
      metrics: results.map((r) => {
        const kpi = kpis.get(r.kpi);
        const id = metricId(r.kpi);
        return {
          id,
          title: r.kpi,
          ...(kpi?.description ? { description: kpi.description } : {}),
          observations: [{
            id: `${id}-${r.periodEnd}`,
            period: { startDate: ocdsDateTime(r.periodStart), endDate: ocdsDateTime(r.periodEnd, 'end') },
            ...(r.value !== null ? { measure: r.value } : {}),
            ...(kpi?.unit ? { unit: { name: kpi.unit } } : {}),
            notes: [kpi ? `Target ${kpi.target}${kpi.unit ? ` ${kpi.unit}` : ''}.` : undefined, r.value === null ? 'Not measured.' : undefined, r.note].filter(Boolean).join(' ') || r.rating,
            measureClassification: { scheme: 'UK-KPI-rating', id: MEASURE_CLASSIFICATION[r.rating], description: r.rating },
          }],
        };
      }),
    }));
}

function metricId(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'kpi';
}
