import type { Problem } from '../shared/problem.js';
import { CRITERION_IDS, criterionById } from './criteria.js';
import type { Evaluation } from './evaluation.schema.js';
import { resolveWeights, WEIGHT_TOLERANCE, weightsTotal } from './weights.js';

/**
 * The rules that span fields, checked after the schema: weights total 100, gates are decided
 * for every option, and every evaluator has scored every option on every weighted criterion.
 * A missing score is a problem, never a zero: a zero is a judgement that the option is
 * unacceptable, and a blank treated as one would quietly sink an option.
 */
export function checkEvaluation(evaluation: Evaluation): Problem[] {
  const problems: Problem[] = [];
  const weights = resolveWeights(evaluation);
  const total = weightsTotal(weights);
  if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
    problems.push({
      code: 'weights-not-100',
      path: ['weights'],
      message: `The weights total ${round(total)}%, not 100%: adjust them so they add up to 100.`,
    });
  }

  const gates = new Set<string>();
  evaluation.gates.forEach((gate, i) => {
    if (gates.has(gate)) problems.push({ code: 'duplicate-gate', path: ['gates', i], message: `"${gate}" is listed as a gate twice.` });
    gates.add(gate);
  });

  const evaluators = evaluation.evaluators ?? [...new Set(evaluation.options.flatMap((o) => o.scores.map((s) => s.evaluator)))];
  const known = new Set(evaluators);
  const weighted = CRITERION_IDS.filter((id) => weights[id] > 0);
  if (evaluators.length === 0 && weighted.length > 0) {
    problems.push({ code: 'no-scores', path: ['options'], message: 'Nobody has scored any option yet: add scores with a rationale.' });
  }
  if (evaluation.priceWeight !== undefined && evaluation.priceWeight >= 100) {
    problems.push({ code: 'price-weight-too-high', path: ['priceWeight'], message: 'The price weight must leave room for quality: make it less than 100.' });
  }

  const names = new Map<string, number>();
  evaluation.options.forEach((option, i) => {
    const key = option.name.toLowerCase();
    if (names.has(key)) {
      problems.push({ code: 'duplicate-option', path: ['options', i, 'name'], message: `Two options are called "${option.name}": give each a different name.` });
    }
    names.set(key, i);

    for (const gate of evaluation.gates) {
      if (option.gateResults[gate] === undefined) {
        problems.push({
          code: 'missing-gate-result',
          path: ['options', i, 'gateResults', gate],
          message: `"${option.name}" has no pass or fail for the gate "${criterionById(gate).title}".`,
        });
      }
    }
    for (const criterion of Object.keys(option.gateResults)) {
      if (!gates.has(criterion)) {
        problems.push({
          code: 'not-a-gate',
          path: ['options', i, 'gateResults', criterion],
          message: `"${option.name}" has a gate result for "${criterion}", which is not listed in "gates".`,
        });
      }
    }

    const seen = new Set<string>();
    option.scores.forEach((score, j) => {
      const key = `${score.criterion}\u0000${score.evaluator}`;
      if (seen.has(key)) {
        problems.push({
          code: 'duplicate-score',
          path: ['options', i, 'scores', j],
          message: `${score.evaluator} scored "${option.name}" on ${score.criterion} twice: keep one.`,
        });
      }
      seen.add(key);
      if (!known.has(score.evaluator)) {
        problems.push({
          code: 'unknown-evaluator',
          path: ['options', i, 'scores', j, 'evaluator'],
          message: `${score.evaluator} is not in the list of evaluators: add them, or correct the name.`,
        });
      }
    });
    for (const criterion of weighted) {
      for (const evaluator of evaluators) {
        if (!seen.has(`${criterion}\u0000${evaluator}`)) {
          problems.push({
            code: 'missing-score',
            path: ['options', i, 'scores'],
            message: `${evaluator} has not scored "${option.name}" on ${criterion} (${criterionById(criterion).title}).`,
          });
        }
      }
    }

    if (evaluation.priceWeight !== undefined && evaluation.priceWeight > 0 && option.cashflows.every((c) => c.cost === 0)) {
      problems.push({
        code: 'missing-costs',
        path: ['options', i, 'cashflows'],
        message: `"${option.name}" has no costs, so it cannot be scored on price: add its cash flows.`,
      });
    }
  });
  return problems;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
