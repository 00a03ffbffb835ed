import { CRITERION_IDS, type CriterionId } from './criteria.js';
import type { Evaluation } from './evaluation.schema.js';

export type Weights = Readonly<Record<CriterionId, number>>;

/** Equal weights (10% each) unless the evaluation sets them. */
export function resolveWeights(evaluation: Pick<Evaluation, 'weights'>): Weights {
  if (evaluation.weights) return evaluation.weights;
  return Object.fromEntries(CRITERION_IDS.map((id) => [id, 100 / CRITERION_IDS.length])) as Weights;
}

/** Weights are per cent; a total within a hundred-millionth of 100 counts as 100 (0.1 + 0.2...). */
export function weightsTotal(weights: Weights): number {
  return CRITERION_IDS.reduce((sum, id) => sum + weights[id], 0);
}

export const WEIGHT_TOLERANCE = 1e-8;
