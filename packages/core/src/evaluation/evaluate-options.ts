import { fail, ok, problemsFromZod, type Result } from '../shared/problem.js';
import type { CriterionId } from './criteria.js';
import { checkEvaluation } from './check-evaluation.js';
import { appraiseCashFlows, relativePriceScore, type CostBenefit } from './cost-benefit.js';
import { EvaluationSchema, type Evaluation } from './evaluation.schema.js';
import { findSensitivity, rankOptions, type Sensitivity } from './rank-options.js';
import { scoreOptions, type CriterionScore } from './score-options.js';
import { resolveWeights, type Weights } from './weights.js';

export interface OptionResult {
  readonly name: string;
  /** 1 = best; tied options share a rank; null when a gate was failed. */
  readonly rank: number | null;
  readonly eligible: boolean;
  readonly failedGates: readonly CriterionId[];
  readonly criteria: readonly CriterionScore[];
  /** Weighted quality, 0–100 (Σ weight × score / 5). */
  readonly qualityScore: number;
  /** Relative price score, 0 to the price weight; undefined without a price weight. */
  readonly priceScore: number | undefined;
  /** What ranks: quality alone, or quality × (100 − price weight)/100 + price score. */
  readonly totalScore: number;
  readonly costBenefit: CostBenefit;
  readonly nonMonetisedBenefits: readonly string[];
}

export interface DivergenceFlag {
  readonly option: string;
  readonly criterion: CriterionId;
  readonly lowest: number;
  readonly highest: number;
  /** Whether the panel recorded a moderated score for it. */
  readonly moderated: boolean;
}

export interface EvaluationResult {
  readonly evaluation: Evaluation;
  readonly weights: Weights;
  readonly evaluators: readonly string[];
  /** Options in the order the evaluation lists them. */
  readonly options: readonly OptionResult[];
  /** Eligible options best first, then the ineligible ones. */
  readonly ranking: readonly OptionResult[];
  readonly winner: string | null;
  readonly tiedForFirst: readonly string[];
  /** The smallest single weight change that changes the winner; null when none does or there is no winner. */
  readonly sensitivity: Sensitivity | null;
  /** Criteria where evaluators differ by 2 or more: discuss them at moderation. */
  readonly divergences: readonly DivergenceFlag[];
}

/**
 * Runs a Technical Design Authority evaluation: validates it, scores every option against the
 * ten Appendix K rules, applies the gates, appraises costs and benefits at the Green Book rate,
 * ranks the eligible options and measures how sensitive the winner is to the weights.
 */
export function evaluateOptions(input: unknown): Result<EvaluationResult> {
  const parsed = EvaluationSchema.safeParse(input);
  if (!parsed.success) return fail(problemsFromZod(parsed.error.issues));
  const evaluation = parsed.data;
  const problems = checkEvaluation(evaluation);
  if (problems.length > 0) return fail(problems);

  const weights = resolveWeights(evaluation);
  const scored = scoreOptions(evaluation, weights);
  const appraisals = evaluation.options.map((o) => appraiseCashFlows(o.cashflows));
  const priceWeight = evaluation.priceWeight;
  const qualityShare = priceWeight === undefined ? 1 : (100 - priceWeight) / 100;
  const eligibleCosts = appraisals.filter((_, i) => scored[i]?.eligible).map((a) => a.presentValueCost);
  const lowest = eligibleCosts.length > 0 ? Math.min(...eligibleCosts) : 0;

  const unranked = scored.map((option, i) => {
    const costBenefit = appraisals[i] as CostBenefit;
    const priceScore = priceWeight === undefined ? undefined : relativePriceScore(costBenefit.presentValueCost, lowest, priceWeight);
    return {
      ...option,
      priceScore,
      totalScore: option.qualityScore * qualityShare + (priceScore ?? 0),
      costBenefit,
      nonMonetisedBenefits: evaluation.options[i]?.nonMonetisedBenefits ?? [],
    };
  });
  const outcome = rankOptions(unranked);
  const rankOf = new Map(outcome.ranking.map((r) => [r.name, r.rank]));
  const options: OptionResult[] = unranked.map((o) => ({ ...o, rank: rankOf.get(o.name) ?? null }));
  const byName = new Map(options.map((o) => [o.name, o]));
  const ranking = outcome.ranking.map((r) => byName.get(r.name) as OptionResult);

  const eligible = options.filter((o) => o.eligible);
  const sensitivity =
    outcome.winner === null
      ? null
      : findSensitivity(
          eligible.map((o) => ({
            name: o.name,
            scores: Object.fromEntries(o.criteria.map((c) => [c.criterion, c.score])) as Record<CriterionId, number>,
            priceScore: o.priceScore ?? 0,
          })),
          weights,
          outcome.winner,
          qualityShare,
        );

  const divergences = options.flatMap((o) =>
    o.criteria
      .filter((c) => c.divergent)
      .map((c) => ({
        option: o.name,
        criterion: c.criterion,
        lowest: Math.min(...c.scores.map((s) => s.score)),
        highest: Math.max(...c.scores.map((s) => s.score)),
        moderated: c.moderated !== undefined,
      })),
  );

  return ok({
    evaluation,
    weights,
    evaluators: evaluation.evaluators ?? [...new Set(evaluation.options.flatMap((o) => o.scores.map((s) => s.evaluator)))],
    options,
    ranking,
    winner: outcome.winner,
    tiedForFirst: outcome.tiedForFirst,
    sensitivity,
    divergences,
  });
}

/** The summary the CLI prints with --json: money in pounds to the penny, scores to 2 places. */
export function summariseEvaluation(result: EvaluationResult) {
  const pounds = (n: number) => Math.round(n * 100) / 100;
  const points = (n: number) => Math.round(n * 100) / 100;
  return {
    title: result.evaluation.title,
    ranking: result.ranking.map((o) => ({
      rank: o.rank,
      option: o.name,
      eligible: o.eligible,
      failedGates: o.failedGates,
      qualityScore: points(o.qualityScore),
      ...(o.priceScore === undefined ? {} : { priceScore: points(o.priceScore) }),
      totalScore: points(o.totalScore),
      npv: pounds(o.costBenefit.npv),
      wholeLifeCost: pounds(o.costBenefit.presentValueCost),
      undiscountedWholeLifeCost: pounds(o.costBenefit.undiscountedCost),
      presentValueBenefits: pounds(o.costBenefit.presentValueBenefit),
    })),
    winner: result.winner,
    tiedForFirst: result.tiedForFirst,
    sensitivity: result.sensitivity && {
      ...result.sensitivity,
      toWeight: points(result.sensitivity.toWeight),
      change: points(result.sensitivity.change),
    },
    divergences: result.divergences,
  };
}
