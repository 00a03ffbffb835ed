import type { Rating } from './rate-result.js';

/** The strategy's goal: at least 80% compliance with KPIs and SLAs (Appendix E, mission 2.3). */
export const DEFAULT_COMPLIANCE_GOAL = 0.8;

export interface Compliance {
  /** Results counted. */
  readonly results: number;
  /** Of them, rated Good. */
  readonly good: number;
  /** good / results, 0-1; null when there are no results. */
  readonly share: number | null;
  readonly meetsGoal: boolean;
  readonly rule: string;
}

/**
 * Compliance for a contract and period: the share of its results rated Good. At exactly the
 * goal (80% by default) it meets the goal.
 *
 * @example computeCompliance(['Good', 'Good', 'Good', 'Good', 'Approaching target']).meetsGoal // true (80%)
 */
export function computeCompliance(ratings: readonly Rating[], goal: number = DEFAULT_COMPLIANCE_GOAL): Compliance {
  const results = ratings.length;
  const good = ratings.filter((rating) => rating === 'Good').length;
  const goalWords = `${percent(goal)} goal for compliance with KPIs and SLAs (DDaT strategy, Appendix E, mission 2.3)`;
  if (results === 0) {
    return { results, good, share: null, meetsGoal: false, rule: `No results are recorded, so compliance cannot be measured against the ${goalWords}.` };
  }
  const share = good / results;
  // Compared in whole results, so 4 of 5 is exactly 80% and meets an 80% goal.
  const meetsGoal = good >= goal * results - 1e-9;
  return {
    results,
    good,
    share,
    meetsGoal,
    rule: `${good} of ${results} result${results === 1 ? '' : 's'} rated Good is ${percent(share)}, ${meetsGoal ? 'meeting' : 'below'} the ${goalWords}.`,
  };
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
