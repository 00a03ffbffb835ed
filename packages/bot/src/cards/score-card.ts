import { TDA_CRITERIA, type EvaluationOption } from '@contract-steward/core';
import { CARD_ACTION_VERSION } from './action-data.js';
import { adaptiveCard, heading, escapeMarkdown, text, type AdaptiveCard, type CardElement } from './card-kit.js';

/** The reason box holds this many characters; the handler refuses more from a forged payload. */
export const MAX_RATIONALE = 1000;

const SCORES = [
  { title: '0: unacceptable', value: '0' },
  { title: '1: poor', value: '1' },
  { title: '2: weak', value: '2' },
  { title: '3: acceptable', value: '3' },
  { title: '4: good', value: '4' },
  { title: '5: excellent', value: '5' },
];

/** One evaluator's scores for one option: a score and a rationale for each of the ten TDA rules. */
export function scoreFormCard(input: { evaluationId: string; evaluationTitle: string; optionIndex: number; option: EvaluationOption; evaluator: string; problems?: readonly string[] }): AdaptiveCard {
  const mine = new Map(input.option.scores.filter((s) => s.evaluator.toLowerCase() === input.evaluator).map((s) => [s.criterion, s]));
  const body: CardElement[] = [
    ...heading(`Score ${escapeMarkdown(input.option.name)}`, `${escapeMarkdown(input.evaluationTitle)}: your scores as ${escapeMarkdown(input.evaluator)}. Give each a reason; leave a rule blank to keep it as it is.`),
    ...(input.problems ?? []).map((problem) => text(escapeMarkdown(problem), { color: 'Attention' })),
  ];
  for (const criterion of TDA_CRITERIA) {
    const current = mine.get(criterion.id);
    body.push(text(`Rule ${criterion.number}: ${criterion.title}`, { weight: 'Bolder', spacing: 'Medium' }));
    body.push({ type: 'Input.ChoiceSet', id: `score-${criterion.id}`, label: `Score for rule ${criterion.number}`, style: 'compact', placeholder: 'Score', choices: SCORES, ...(current ? { value: String(current.score) } : {}) });
    body.push({ type: 'Input.Text', id: `why-${criterion.id}`, label: `Why this score for rule ${criterion.number}`, placeholder: 'Why this score', maxLength: MAX_RATIONALE, ...(current ? { value: current.rationale } : {}) });
  }
  const data = { v: CARD_ACTION_VERSION, evaluationId: input.evaluationId, option: input.optionIndex };
  return adaptiveCard(body, [
    { type: 'Action.Execute', title: 'Save my scores', verb: 'saveScores', data, style: 'positive', fallback: { type: 'Action.Submit', title: 'Save my scores', data: { ...data, verb: 'saveScores' } } },
  ]);
}
