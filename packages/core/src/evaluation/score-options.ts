import { CRITERION_IDS, type CriterionId } from './criteria.js';
import type { Evaluation, EvaluationOption } from './evaluation.schema.js';
import type { Weights } from './weights.js';

/** Evaluators who differ by this much on one criterion should talk before the score stands. */
export const DIVERGENCE_THRESHOLD = 2;

export interface EvaluatorScore {
  readonly evaluator: string;
  readonly score: number;
  readonly rationale: string;
}

export interface CriterionScore {
  readonly criterion: CriterionId;
  readonly weight: number;
  readonly scores: readonly EvaluatorScore[];
  /** The mean of the evaluators' scores; undefined when nobody scored (a weight-0 criterion). */
  readonly mean: number | undefined;
  readonly moderated: number | undefined;
  /** The score that counts: the moderated one where given, else the mean, else 0 (weight 0 only). */
  readonly score: number;
  /** Highest minus lowest evaluator score. */
  readonly spread: number;
  /** True when evaluators differ by DIVERGENCE_THRESHOLD or more. */
  readonly divergent: boolean;
  /** This criterion's contribution to the 0–100 quality score: weight × score / 5. */
  readonly weighted: number;
}

export interface ScoredOption {
  readonly name: string;
  readonly eligible: boolean;
  readonly failedGates: readonly CriterionId[];
  readonly criteria: readonly CriterionScore[];
  /** Σ weight × score / 5: 0 to 100. */
  readonly qualityScore: number;
}

/**
 * Scores each option on quality. Call it on an evaluation `checkEvaluation` accepted: a
 * weighted criterion without scores here is a bug, so it throws rather than counting zero.
 */
export function scoreOptions(evaluation: Evaluation, weights: Weights): ScoredOption[] {
  return evaluation.options.map((option) => scoreOption(option, evaluation.gates, weights));
}

function scoreOption(option: EvaluationOption, gates: readonly CriterionId[], weights: Weights): ScoredOption {
  const criteria = CRITERION_IDS.map((criterion): CriterionScore => {
    const weight = weights[criterion];
    const scores = option.scores
      .filter((s) => s.criterion === criterion)
      .map(({ evaluator, score, rationale }) => ({ evaluator, score, rationale }));
    const values = scores.map((s) => s.score);
    const mean = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
    const moderated = option.moderated?.[criterion];
    const used = moderated ?? mean;
    if (used === undefined && weight > 0) {
      throw new Error(`"${option.name}" has no score for the weighted criterion ${criterion}`);
    }
    const spread = values.length > 0 ? Math.max(...values) - Math.min(...values) : 0;
    const score = used ?? 0;
    return {
      criterion,
      weight,
      scores,
      mean,
      moderated,
      score,
      spread,
      divergent: spread >= DIVERGENCE_THRESHOLD,
      weighted: (weight * score) / 5,
    };
  });
  const failedGates = gates.filter((gate) => option.gateResults[gate] === 'fail');
  return {
    name: option.name,
    eligible: failedGates.length === 0,
    failedGates,
    criteria,
    qualityScore: criteria.reduce((sum, c) => sum + c.weighted, 0),
  };
}
