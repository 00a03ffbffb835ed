import type { IsoDate } from '../shared/iso-date.js';

export const PERFORMANCE_DEADLINE_KINDS = ['kpi-result', 'review', 'review-action'] as const;
/**
 * - kpi-result: a KPI's result for a period is due (overdue once the day has passed).
 * - review: the contract's next review meeting.
 * - review-action: an action agreed at a review is due.
 */
export type PerformanceDeadlineKind = (typeof PERFORMANCE_DEADLINE_KINDS)[number];

/** A performance deadline, shaped like a renewal key date so the warning run can take it. */
export interface PerformanceDeadline {
  readonly reference: string;
  readonly kind: PerformanceDeadlineKind;
  readonly date: IsoDate;
  /** How the date was worked out. */
  readonly rule: string;
}
