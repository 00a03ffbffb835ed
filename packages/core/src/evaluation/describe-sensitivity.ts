import { criterionById } from './criteria.js';
import type { EvaluationResult } from './evaluate-options.js';
import { formatNumber } from '../shared/format.js';

/**
 * The sensitivity of the winner as one sentence, the same in the CLI, the bot, the Markdown
 * and the Excel record: which weight, rising or falling from what to beyond what, makes whom
 * first; or that no single weight anywhere in 0–100% does. Undefined when there is no winner.
 *
 * @example "The winner changes if the weight of Risk Assessment and Mitigation rises from 10% above 25% (the other weights rescaled in proportion): Supplier B would then rank first."
 */
export function describeSensitivity(result: Pick<EvaluationResult, 'sensitivity' | 'winner'>): string | undefined {
  const s = result.sensitivity;
  if (!s) {
    return result.winner
      ? 'No change to one criterion’s weight, anywhere from 0% to 100% (the other weights rescaled in proportion), would change the winner.'
      : undefined;
  }
  const rises = s.toWeight > s.fromWeight;
  return (
    `The winner changes if the weight of ${criterionById(s.criterion).title} ${rises ? 'rises' : 'falls'} from ${formatNumber(s.fromWeight)}% ` +
    `${rises ? 'above' : 'below'} ${formatNumber(s.toWeight)}% (the other weights rescaled in proportion): ${s.newWinner} would then rank first.`
  );
}
