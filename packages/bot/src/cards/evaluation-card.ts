import { criterionById, describeDivergence, describeSensitivity, formatPounds as pounds, recommendationHeadline, type EvaluationResult } from '@contract-steward/core';
import { CARD_ACTION_VERSION } from './action-data.js';
import { adaptiveCard, facts, heading, escapeMarkdown, text, type AdaptiveCard, type CardElement } from './card-kit.js';

const score = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** The ranking of a TDA evaluation: each option's scores, the recommendation and how firm it is. */
export function evaluationRankingCard(result: EvaluationResult, evaluationId?: string): AdaptiveCard {
  const priced = result.evaluation.priceWeight !== undefined;
  const body: CardElement[] = [...heading(escapeMarkdown(result.evaluation.title), `TDA evaluation against the ten Appendix K rules, ${result.evaluators.length} evaluator${result.evaluators.length === 1 ? '' : 's'}.`)];
  body.push(
    text(
      result.winner ? `**${recommendationHeadline(result, { escape: escapeMarkdown })}**` : recommendationHeadline(result, { escape: escapeMarkdown }),
      { size: 'Medium' },
    ),
  );
  for (const option of result.ranking) {
    body.push(text(option.rank === null ? `Not ranked: ${escapeMarkdown(option.name)}` : `Rank ${option.rank}: ${escapeMarkdown(option.name)}`, { weight: 'Bolder', spacing: 'Medium' }));
    body.push(
      facts([
        ['Eligible', option.eligible ? 'Yes' : `No: failed ${option.failedGates.map((id) => criterionById(id).title).join(', ')}`],
        ['Quality', `${score(option.qualityScore)} / 100`],
        ...(priced ? ([['Price', score(option.priceScore ?? 0)], ['Total', score(option.totalScore)]] as [string, string][]) : []),
        ['Whole-life cost (present value)', pounds(option.costBenefit.presentValueCost)],
        ['Net present value', pounds(option.costBenefit.npv)],
      ]),
    );
  }
  const s = result.sensitivity;
  const sensitivity = describeSensitivity(result);
  if (s && sensitivity) body.push(text(`Sensitivity: ${escapeMarkdown(sensitivity)}`, { isSubtle: true, spacing: 'Medium' }));
  else if (result.winner) body.push(text('Sensitivity: no change to a single weight would change the winner.', { isSubtle: true, spacing: 'Medium' }));
  for (const d of result.divergences.slice(0, 5)) {
    body.push(text(`Check: ${describeDivergence(d, { escape: escapeMarkdown })}`, { isSubtle: true }));
  }
  if (!evaluationId) return adaptiveCard(body);
  body.push(text(`Saved as ${evaluationId}. Evaluators can enter or change their scores for each option:`, { isSubtle: true, spacing: 'Medium' }));
  const actions: CardElement[] = result.evaluation.options.slice(0, 5).map((option, index) => {
    const data = { v: CARD_ACTION_VERSION, evaluationId, option: index };
    return { type: 'Action.Execute', title: `Score ${option.name}`.slice(0, 40), verb: 'scoreOption', data, fallback: { type: 'Action.Submit', title: `Score ${option.name}`.slice(0, 40), data: { ...data, verb: 'scoreOption' } } };
  });
  return adaptiveCard(body, actions);
}
