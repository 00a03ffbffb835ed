import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRITERION_IDS } from './criteria.js';
import { evaluateOptions, summariseEvaluation, type EvaluationResult } from './evaluate-options.js';
import type { EvaluationInput } from './evaluation.schema.js';

const example = JSON.parse(
  readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url), 'utf8'),
) as EvaluationInput;

function evaluated(input: unknown): EvaluationResult {
  const result = evaluateOptions(input);
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function problemsOf(input: unknown) {
  const result = evaluateOptions(input);
  if (result.success) throw new Error('expected problems');
  return result.problems;
}

/** A small valid evaluation: one evaluator, equal weights, two options. */
function small(overrides: Partial<EvaluationInput> = {}, scores: [number, number] = [4, 3]): EvaluationInput {
  const option = (name: string, score: number) => ({
    name,
    scores: CRITERION_IDS.map((criterion) => ({ criterion, evaluator: 'a.khan@council.gov.uk', score, rationale: 'seen in the demo' })),
    cashflows: [{ year: 0, cost: 10_000, benefit: 0, label: 'implementation' }],
  });
  return { title: 'Small', options: [option('A', scores[0]), option('B', scores[1])], ...overrides };
}

const annuity = [1, 2, 3, 4, 5].reduce((sum, t) => sum + 1 / 1.035 ** t, 0);

describe('the worked example: housing repairs scheduling', () => {
  const result = evaluated(example);
  const option = (name: string) => result.options.find((o) => o.name === name);

  it('scores Supplier A on quality as Σ weight × mean score / 5', () => {
    // Means of the three evaluators: alignment 4, evaluation 11/3, risk 3, standards 4,
    // cost-benefit 11/3, stakeholders 4, scalability 14/3, performance 4, documentation 3, improvement 4.
    const expected = (10 * 4 + 10 * (11 / 3) + 10 * 3 + 10 * 4 + 20 * (11 / 3) + 5 * 4 + 10 * (14 / 3) + 10 * 4 + 5 * 3 + 10 * 4) / 5;
    expect(expected).toBeCloseTo(76.3333, 4);
    expect(option('Supplier A')?.qualityScore).toBeCloseTo(expected, 9);
  });

  it("uses the panel's moderated score where there is one, and the mean elsewhere", () => {
    // Supplier B: cost-benefit scored 5, 3 and 4, moderated to 4; improvement 3, 2 and 4 (mean 3).
    const b = option('Supplier B');
    expect(b?.criteria.find((c) => c.criterion === 'cost-benefit')).toMatchObject({ mean: 4, moderated: 4, score: 4 });
    const expected = (10 * 3 + 10 * 3 + 10 * 4 + 10 * 3 + 20 * 4 + 5 * 3 + 10 * 3 + 10 * 4 + 5 * 4 + 10 * 3) / 5;
    expect(b?.qualityScore).toBeCloseTo(expected, 9);
    expect(expected).toBe(69);
  });

  it('flags the criteria where evaluators differ by 2 or more', () => {
    expect(result.divergences).toEqual([
      { option: 'Supplier B', criterion: 'cost-benefit', lowest: 3, highest: 5, moderated: true },
      { option: 'Supplier B', criterion: 'improvement', lowest: 2, highest: 4, moderated: false },
    ]);
  });

  it('discounts each option’s cash flows at 3.5% and nets benefits against costs', () => {
    // Supplier A: £95,000 in year 0, £30,000 a year in years 1–5; benefits £55,000 a year in years 1–5.
    const a = option('Supplier A')?.costBenefit;
    expect(a?.undiscountedCost).toBe(95_000 + 5 * 30_000);
    expect(a?.presentValueCost).toBeCloseTo(95_000 + 30_000 * annuity, 6);
    expect(a?.presentValueBenefit).toBeCloseTo(55_000 * annuity, 6);
    expect(a?.npv).toBeCloseTo(55_000 * annuity - 95_000 - 30_000 * annuity, 6);
    expect(a?.npv).toBeCloseTo(17_876.31, 2);
    expect(option('Supplier B')?.costBenefit.npv).toBeCloseTo(40_000 * annuity - 40_000 - 38_000 * annuity, 6);
  });

  it('makes Supplier C ineligible for failing the standards gate, whatever its score', () => {
    const c = option('Supplier C');
    expect(c?.qualityScore).toBe(84);
    expect(c).toMatchObject({ eligible: false, failedGates: ['standards'], rank: null });
  });

  it('ranks Supplier A first and finds the winner most sensitive to the weight of risk', () => {
    expect(result.ranking.map((o) => [o.name, o.rank])).toEqual([
      ['Supplier A', 1],
      ['Supplier B', 2],
      ['Supplier C', null],
    ]);
    expect(result.winner).toBe('Supplier A');
    // Risk weight x, the other 90 points rescaled by (100 − x)/90. A scores 3 on risk and
    // (381⅔ − 30)/5 = 70⅓ on the rest; B scores 4 and (345 − 40)/5 = 61.
    // A − B = −x/5 + (100 − x)(28/3)/90 = 0  ⇒  82x = 2800.
    expect(result.sensitivity).toMatchObject({ criterion: 'risk', fromWeight: 10, newWinner: 'Supplier B' });
    expect(result.sensitivity?.toWeight).toBeCloseTo(2800 / 82, 9);
  });

  it('summarises in the CLI JSON shape, in pounds to the penny', () => {
    const summary = summariseEvaluation(result);
    expect(summary.winner).toBe('Supplier A');
    expect(summary.ranking[0]).toMatchObject({
      option: 'Supplier A',
      eligible: true,
      qualityScore: 76.33,
      npv: 17_876.31,
      wholeLifeCost: Math.round((95_000 + 30_000 * annuity) * 100) / 100,
    });
  });
});

describe('evaluating options', () => {
  it('weights the ten criteria equally when no weights are given', () => {
    const result = evaluated(small());
    expect(result.weights.risk).toBe(10);
    expect(result.options.map((o) => o.qualityScore)).toEqual([80, 60]);
  });

  it('combines quality and relative price when a price weight is set', () => {
    // A: quality 80 × 0.7 + 30 × (10,000 / 20,000) = 71; B: 60 × 0.7 + 30 = 72.
    const input = small({ priceWeight: 30 });
    input.options[0]!.cashflows = [{ year: 0, cost: 20_000, benefit: 0, label: 'implementation' }];
    const result = evaluated(input);
    expect(result.options.map((o) => [o.priceScore, o.totalScore])).toEqual([
      [15, 71],
      [30, 72],
    ]);
    expect(result.winner).toBe('B');
  });

  it('reports a tie for first place instead of choosing a winner', () => {
    const result = evaluated(small({}, [4, 4]));
    expect(result.winner).toBeNull();
    expect(result.tiedForFirst).toEqual(['A', 'B']);
    expect(result.sensitivity).toBeNull();
  });
});

describe('invalid evaluations', () => {
  it('refuses weights that do not total 100', () => {
    const weights = Object.fromEntries(CRITERION_IDS.map((id) => [id, 9]));
    expect(problemsOf(small({ weights } as Partial<EvaluationInput>))).toEqual([
      { code: 'weights-not-100', path: ['weights'], message: expect.stringContaining('total 90%') },
    ]);
  });

  it('treats a missing score as an error, not a zero', () => {
    const input = small();
    input.options[1]!.scores = input.options[1]!.scores!.filter((s) => s.criterion !== 'risk');
    expect(problemsOf(input)).toEqual([
      { code: 'missing-score', path: ['options', 1, 'scores'], message: expect.stringContaining('has not scored "B" on risk') },
    ]);
  });

  it('needs every evaluator to score every weighted criterion', () => {
    const input = small();
    input.options[0]!.scores!.push({ criterion: 'risk', evaluator: 'b.jones@council.gov.uk', score: 3, rationale: 'x' });
    const problems = problemsOf(input);
    expect(problems.filter((p) => p.code === 'missing-score')).toHaveLength(19);
  });

  it('does not need scores for a criterion weighted zero', () => {
    const weights = { ...Object.fromEntries(CRITERION_IDS.map((id) => [id, 100 / 9])), documentation: 0 };
    const input = small({ weights } as Partial<EvaluationInput>);
    for (const option of input.options) option.scores = option.scores!.filter((s) => s.criterion !== 'documentation');
    expect(evaluated(input).options[0]?.qualityScore).toBeCloseTo(80, 9);
  });

  it('refuses a score outside 0 to 5, or without a rationale', () => {
    const input = small();
    input.options[0]!.scores![0] = { criterion: 'alignment', evaluator: 'a.khan@council.gov.uk', score: 6, rationale: ' ' };
    const problems = problemsOf(input);
    expect(problems.map((p) => [p.code, p.path.join('.')])).toEqual([
      ['invalid-too-big', 'options.0.scores.0.score'],
      ['invalid-too-small', 'options.0.scores.0.rationale'],
    ]);
  });

  it('refuses an unknown criterion', () => {
    const input = small();
    input.options[0]!.scores![0]!.criterion = 'price' as 'risk';
    expect(problemsOf(input)[0]).toMatchObject({ code: 'invalid-invalid-value', path: ['options', 0, 'scores', 0, 'criterion'] });
  });

  it('needs a pass or fail for every gate, and only for gates', () => {
    const input = small({ gates: ['standards'] });
    input.options[0]!.gateResults = { standards: 'pass', risk: 'fail' };
    expect(problemsOf(input).map((p) => [p.code, p.path.join('.')])).toEqual([
      ['not-a-gate', 'options.0.gateResults.risk'],
      ['missing-gate-result', 'options.1.gateResults.standards'],
    ]);
  });

  it('refuses the same evaluator scoring the same criterion twice, and two options with one name', () => {
    const input = small();
    input.options[1]!.name = 'a';
    input.options[0]!.scores!.push({ ...input.options[0]!.scores![0]! });
    expect(problemsOf(input).map((p) => [p.code, p.path.join('.')])).toEqual([
      ['duplicate-score', 'options.0.scores.10'],
      ['duplicate-option', 'options.1.name'],
    ]);
  });

  it('refuses scores from someone not on the panel when the panel is listed', () => {
    const input = small({ evaluators: ['a.khan@council.gov.uk'] });
    input.options[0]!.scores![3]!.evaluator = 'x@council.gov.uk';
    expect(problemsOf(input).map((p) => p.code)).toEqual(['unknown-evaluator', 'missing-score']);
  });

  it('refuses a price weight with an option that has no costs', () => {
    const input = small({ priceWeight: 30 });
    input.options[1]!.cashflows = [];
    expect(problemsOf(input).map((p) => [p.code, p.path.join('.')])).toEqual([['missing-costs', 'options.1.cashflows']]);
  });

  it('refuses a cash flow in a fractional or negative year, or with a negative cost', () => {
    const input = small();
    input.options[0]!.cashflows = [
      { year: 1.5, cost: 1, label: 'x' },
      { year: -1, cost: -5, label: 'y' },
    ];
    expect(problemsOf(input).map((p) => p.path.join('.'))).toEqual([
      'options.0.cashflows.0.year',
      'options.0.cashflows.1.year',
      'options.0.cashflows.1.cost',
    ]);
  });

  it('refuses an evaluation with no options or no title', () => {
    expect(problemsOf({ title: '', options: [] }).map((p) => p.path.join('.'))).toEqual(['title', 'options']);
  });
});
