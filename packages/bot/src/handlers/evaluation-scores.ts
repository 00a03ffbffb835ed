import { CRITERION_IDS, EvaluationSchema, evaluateOptions, type Evaluation, type Score } from '@contract-steward/core';
import { evaluationRankingCard } from '../cards/evaluation-card.js';
import { MAX_RATIONALE, scoreFormCard } from '../cards/score-card.js';
import { adaptiveCard, heading, escapeMarkdown, text } from '../cards/card-kit.js';
import type { CardAction } from '../actions.schema.js';
import { describeWhoCan } from '../roles.js';
import type { BotServices } from '../services.js';
import type { CardActionResult } from '../turn.js';
import type { Asker } from './who.js';

type ScoreAction = Extract<CardAction, { evaluationId: string }>;

/** Who may score: the evaluation's listed evaluators; without a list, procurement and administrators. */
function evaluatorOf(evaluation: Evaluation, asker: Asker): string | undefined {
  const email = asker.person.email?.toLowerCase();
  if (evaluation.evaluators) return email && evaluation.evaluators.some((e) => e.toLowerCase() === email) ? email : undefined;
  return email && (asker.roles.has('procurement') || asker.roles.has('administrator')) ? email : undefined;
}

/** The score form of one option, and saving it: the evaluation is scored again with core and saved. */
export async function answerScoreAction(action: ScoreAction, asker: Asker, services: BotServices): Promise<CardActionResult> {
  const saved = await services.store.evaluations.get(action.evaluationId);
  if (!saved) return { message: `There is no saved evaluation ${escapeMarkdown(action.evaluationId)}. Attach the evaluation to a message that says \`evaluate\` again.` };
  const evaluation = saved.evaluation;
  const option = evaluation.options[action.option];
  if (!option) return { message: 'That option is no longer in the evaluation.' };
  const evaluator = evaluatorOf(evaluation, asker);
  if (!evaluator) {
    const who = evaluation.evaluators ? 'the evaluators it lists' : describeWhoCan(['procurement', 'administrator'], services.roles);
    return { message: `You are not one of those who can score ${escapeMarkdown(evaluation.title)}: only ${who} can.` };
  }
  const form = (problems?: readonly string[]) => ({
    card: scoreFormCard({ evaluationId: saved.id, evaluationTitle: evaluation.title, optionIndex: action.option, option, evaluator, ...(problems ? { problems } : {}) }),
  });
  if (action.verb === 'scoreOption') return form();

  const fields = action as Record<string, unknown>;
  const given: Score[] = [];
  const problems: string[] = [];
  for (const criterion of CRITERION_IDS) {
    const raw = fields[`score-${criterion}`];
    const why = fields[`why-${criterion}`];
    const rationale = typeof why === 'string' ? why.trim() : '';
    if (raw === undefined || raw === '') continue;
    // Only what the form can send: "0" to "5" (a forged true or "4.5" is refused, not coerced).
    const score = typeof raw === 'string' && /^[0-5]$/.test(raw.trim()) ? Number(raw) : typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 5 ? raw : undefined;
    if (score === undefined) problems.push(`${criterion}: choose a score from 0 to 5.`);
    else if (rationale === '') problems.push(`${criterion}: give a reason for the score of ${score}.`);
    else if (rationale.length > MAX_RATIONALE) problems.push(`${criterion}: keep the reason to ${MAX_RATIONALE} characters (it has ${rationale.length}).`);
    else given.push({ criterion, evaluator, score, rationale });
  }
  if (problems.length > 0) return form(problems);
  if (given.length === 0) return form(['Give at least one score, with its reason.']);
  const replaced = new Set(given.map((s) => s.criterion));
  const options = evaluation.options.map((o, i) =>
    i === action.option ? { ...o, scores: [...o.scores.filter((s) => !(s.evaluator.toLowerCase() === evaluator && replaced.has(s.criterion))), ...given] } : o,
  );
  const updated = EvaluationSchema.parse({ ...evaluation, options });
  const scored = evaluateOptions(updated);
  await services.store.evaluations.save(updated, { id: saved.id, winner: scored.success ? scored.value.winner : saved.winner }, { actor: evaluator, source: 'teams', at: services.now() });
  if (scored.success) return { card: evaluationRankingCard(scored.value, saved.id) };
  return {
    card: adaptiveCard([
      ...heading(`Scores saved for ${escapeMarkdown(option.name)}`, escapeMarkdown(evaluation.title)),
      text(`${given.length} score${given.length === 1 ? '' : 's'} saved. Before the ranking can be worked out again:`),
      ...scored.problems.slice(0, 5).map((p) => text(escapeMarkdown(p.message), { spacing: 'Small' })),
    ]),
  };
}
