import { criterionById } from './criteria.js';
import type { DivergenceFlag, EvaluationResult } from './evaluate-options.js';
import { formatNumber, formatPounds } from '../shared/format.js';

/** How a front end writes an option's name: escaped for Markdown, and the winner's perhaps in bold. */
export interface NameStyle {
  readonly escape?: (name: string) => string;
  readonly winner?: (escaped: string) => string;
}

const plain = (name: string) => name;

/**
 * The recommendation in a few words, the same in the CLI and on the bot's card: "Recommended:
 * Supplier A", or why there is none (a tie, or no option passed every gate).
 */
export function recommendationHeadline(result: Pick<EvaluationResult, 'winner' | 'tiedForFirst'>, style: NameStyle = {}): string {
  const escape = style.escape ?? plain;
  if (result.winner) return `Recommended: ${(style.winner ?? plain)(escape(result.winner))}`;
  if (result.tiedForFirst.length > 0) return `No recommendation: ${result.tiedForFirst.map(escape).join(' and ')} tie for first place.`;
  return 'No recommendation: no option passed every gate.';
}

/**
 * The recommendation as one sentence for the decision record: the winner's score (to two
 * decimal places, as everywhere), the runner-up's, and the winner's whole-life cost and net
 * present value to the pound; or why there is no recommendation and what the panel does next.
 */
export function describeRecommendation(result: Pick<EvaluationResult, 'winner' | 'tiedForFirst' | 'ranking'>, style: NameStyle = {}): string {
  const escape = style.escape ?? plain;
  const best = result.ranking[0];
  if (result.winner && best) {
    const second = result.ranking[1];
    const lead = second?.rank ? ` ahead of ${escape(second.name)} (${formatNumber(second.totalScore)})` : '';
    return `${(style.winner ?? plain)(escape(result.winner))} ranks first with ${formatNumber(best.totalScore)} out of 100${lead}, with a whole-life cost of ${formatPounds(best.costBenefit.presentValueCost)} (present value) and a net present value of ${formatPounds(best.costBenefit.npv)}.`;
  }
  if (result.tiedForFirst.length > 0) {
    return `No recommendation: ${result.tiedForFirst.map(escape).join(' and ')} tie for first place. The panel should moderate the scores or agree a deciding question.`;
  }
  return 'No recommendation: no option passed every gate.';
}

/**
 * Where evaluators differed by the divergence threshold or more, as one sentence, the same in
 * the CLI, the bot's card and the decision record.
 *
 * @example "Evaluators scored Supplier B from 2 to 4 on Continuous Improvement (not moderated: the mean counts)."
 */
export function describeDivergence(d: DivergenceFlag, style: Pick<NameStyle, 'escape'> = {}): string {
  const escape = style.escape ?? plain;
  return `Evaluators scored ${escape(d.option)} from ${d.lowest} to ${d.highest} on ${criterionById(d.criterion).title}${d.moderated ? ' (moderated)' : ' (not moderated: the mean counts)'}.`;
}
