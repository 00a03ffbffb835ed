import { describe, expect, it } from 'vitest';
import type { Problem } from '../shared/problem.js';
import { checkEvaluation } from './check-evaluation.js';
import { CRITERION_IDS, type CriterionId } from './criteria.js';
import { EvaluationSchema } from './evaluation.schema.js';

const A = 'a@council.gov.uk';
const B = 'b@council.gov.uk';

/** Weights on alignment and risk only, so two scores per evaluator make an option complete. */
const WEIGHTS = Object.fromEntries(CRITERION_IDS.map((id) => [id, id === 'alignment' ? 60 : id === 'risk' ? 40 : 0]));

const score = (criterion: CriterionId, evaluator: string, value = 3) => ({ criterion, evaluator, score: value, rationale: 'seen in the demo' });
const complete = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  scores: [score('alignment', A), score('risk', A), score('alignment', B), score('risk', B)],
  cashflows: [{ year: 0, cost: 10_000, label: 'implementation' }],
  ...extra,
});

function check(input: Record<string, unknown>): Problem[] {
  return checkEvaluation(EvaluationSchema.parse({ title: 'Scheduling', weights: WEIGHTS, options: [complete('A'), complete('B')], ...input }));
}

const codesAndPaths = (problems: Problem[]) => problems.map((p) => [p.code, p.path]);

describe('checkEvaluation', () => {
  it('accepts a complete evaluation', () => {
    expect(check({})).toEqual([]);
  });

  it('refuses weights that do not total 100, saying what they total', () => {
    const problems = check({ weights: { ...WEIGHTS, risk: 39 } });
    expect(problems).toEqual([{ code: 'weights-not-100', path: ['weights'], message: 'The weights total 99%, not 100%: adjust them so they add up to 100.' }]);
  });

  it('accepts weights that reach 100 only up to floating-point rounding', () => {
    const weights = { ...WEIGHTS, alignment: 0.1, risk: 64.1, standards: 35.8 };
    // Added in criterion order, 0.1 + 64.1 + 35.8 is 99.99999999999999 in floating point.
    expect(Object.values(weights).reduce((sum, w) => sum + w, 0)).not.toBe(100);
    const scored = complete('A', { scores: [...complete('A').scores, score('standards', A), score('standards', B)] });
    expect(check({ weights, options: [scored] })).toEqual([]);
  });

  it('reports a missing score as a problem, never as a zero, naming who and what', () => {
    const gap = complete('A', { scores: [score('alignment', A), score('risk', A), score('alignment', B)] });
    expect(check({ options: [gap] })).toEqual([
      { code: 'missing-score', path: ['options', 0, 'scores'], message: 'b@council.gov.uk has not scored "A" on risk (Risk Assessment and Mitigation).' },
    ]);
  });

  it('does not ask for scores on a criterion of weight 0', () => {
    expect(check({ options: [complete('A')], evaluators: [A, B] })).toEqual([]);
  });

  it('asks every listed evaluator to score, even one who has scored nothing', () => {
    const problems = check({ options: [complete('A')], evaluators: [A, B, 'c@council.gov.uk'] });
    expect(problems.map((p) => p.message)).toEqual([
      'c@council.gov.uk has not scored "A" on alignment (Alignment with Organisational Goals).',
      'c@council.gov.uk has not scored "A" on risk (Risk Assessment and Mitigation).',
    ]);
  });

  it('refuses a score from someone not in the list of evaluators, and a score given twice', () => {
    const extra = complete('A', { scores: [...complete('A').scores, score('risk', 'z@council.gov.uk'), score('alignment', A, 5)] });
    expect(codesAndPaths(check({ options: [extra], evaluators: [A, B] }))).toEqual([
      ['unknown-evaluator', ['options', 0, 'scores', 4, 'evaluator']],
      ['duplicate-score', ['options', 0, 'scores', 5]],
    ]);
  });

  it('says so when nobody has scored anything, rather than listing every gap', () => {
    const blank = { name: 'A', cashflows: [] };
    expect(check({ options: [blank, { ...blank, name: 'B' }] })).toEqual([
      { code: 'no-scores', path: ['options'], message: 'Nobody has scored any option yet: add scores with a rationale.' },
    ]);
  });

  it('wants a pass or fail for every gate, and only for gates', () => {
    const options = [complete('A', { gateResults: { risk: 'pass' } }), complete('B', { gateResults: { standards: 'fail' } })];
    expect(codesAndPaths(check({ gates: ['risk', 'risk'], options }))).toEqual([
      ['duplicate-gate', ['gates', 1]],
      ['missing-gate-result', ['options', 1, 'gateResults', 'risk']],
      ['missing-gate-result', ['options', 1, 'gateResults', 'risk']],
      ['not-a-gate', ['options', 1, 'gateResults', 'standards']],
    ]);
  });

  it('refuses two options with the same name, whatever their case', () => {
    expect(codesAndPaths(check({ options: [complete('Supplier A'), complete('supplier a')] }))).toEqual([['duplicate-option', ['options', 1, 'name']]]);
  });

  it('needs costs for every option when price is weighted, and room left for quality', () => {
    const free = complete('B', { cashflows: [{ year: 1, benefit: 5_000, label: 'staff time saved' }] });
    expect(codesAndPaths(check({ priceWeight: 30, options: [complete('A'), free] }))).toEqual([['missing-costs', ['options', 1, 'cashflows']]]);
    expect(check({ priceWeight: 0, options: [complete('A'), free] })).toEqual([]);
    expect(codesAndPaths(check({ priceWeight: 100 }))).toEqual([['price-weight-too-high', ['priceWeight']]]);
  });
});
