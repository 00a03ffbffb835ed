import { addDays, addDuration, describeDate } from '../shared/calendar.js';
import type { IsoDate } from '../shared/iso-date.js';
import { FREQUENCY_MONTHS, type Kpi, type KpiResult } from './kpi.schema.js';
import type { PerformanceDeadline } from './performance-deadline.js';

export interface ReportingPeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/**
 * A KPI's reporting periods from its first day, each a whole number of months, up to the one
 * that contains `until`. Each period is counted from the first day (not from the previous
 * period's end), so a KPI starting 31 January has periods ending 27/28 February, 30 March …
 * without drifting.
 */
export function reportingPeriods(kpi: Pick<Kpi, 'from' | 'frequency'>, until: IsoDate): ReportingPeriod[] {
  const months = FREQUENCY_MONTHS[kpi.frequency];
  const periods: ReportingPeriod[] = [];
  for (let n = 0; ; n += 1) {
    const start = addDuration(kpi.from, { amount: n * months, unit: 'months' });
    if (start > until) return periods;
    const end = addDays(addDuration(kpi.from, { amount: (n + 1) * months, unit: 'months' }), -1);
    periods.push({ start, end });
  }
}

/**
 * Results due for a KPI, as deadlines: one per period that has ended with no result (overdue
 * once its date is past `today`), and the current period's. A result is due `graceDays` after
 * its period ends (default 0: on the last day of the period).
 */
export function resultDeadlines(kpi: Kpi, results: readonly KpiResult[], today: IsoDate, graceDays = 0): (PerformanceDeadline & { readonly period: ReportingPeriod })[] {
  const recorded = new Set(results.filter((r) => r.contract === kpi.contract && r.kpi === kpi.name).map((r) => r.periodStart));
  return reportingPeriods(kpi, today)
    .filter((period) => !recorded.has(period.start))
    .map((period) => {
      const date = addDays(period.end, graceDays);
      const grace = graceDays === 0 ? 'when the period ends' : `${graceDays} day${graceDays === 1 ? '' : 's'} after the period ends`;
      return {
        reference: kpi.contract,
        kind: 'kpi-result' as const,
        date,
        period,
        rule: `The ${kpi.frequency} result for "${kpi.name}" for ${describeDate(period.start)} to ${describeDate(period.end)} is due ${grace}, on ${describeDate(date)}, and none is recorded.`,
      };
    });
}
