import { describe, expect, it } from 'vitest';
import { CRITERION_IDS, type CriterionId } from './criteria.js';
import { EvaluationSchema, type Evaluation } from './evaluation.schema.js';
import { DIVERGENCE_THRESHOLD, scoreOptions, type ScoredOption } from './score-options.js';
import { resolveWeights, type Weights } from './weights.js';

/** Half the weight on alignment, 30 on risk, 20 on cost–benefit, none on the other seven. */
const WEIGHTS = Object.fromEntries(CRITERION_IDS.map((id) => [id, { alignment: 50, risk: 30, 'cost-benefit': 20 }[id as string] ?? 0])) as Weights;

type Marks = Partial<Record<CriterionId, readonly number[]>>;

/** One option scored by evaluators a, b and c, in that order (most criteria by a and b only). */
function option(name: string, marks: Marks, extra: Record<string, unknown> = {}) {
  const evaluators = ['a@council.gov.uk', 'b@council.gov.uk', 'c@council.gov.uk'];
  const scores = Object.entries(marks).flatMap(([criterion, values]) =>
    (values ?? []).map((score, i) => ({ criterion, evaluator: evaluators[i], score, rationale: 'seen in the demo' })),
  );
  return { name, scores, ...extra };
}

function evaluation(options: unknown[], extra: Record<string, unknown> = {}): Evaluation {
  return EvaluationSchema.parse({ title: 'Scheduling', weights: WEIGHTS, options, ...extra });
}

const MARKS: Marks = { alignment: [4, 2], risk: [5, 5], 'cost-benefit': [1, 2] };
const criterion = (scored: ScoredOption | undefined, id: CriterionId) => scored?.criteria.find((c) => c.criterion === id);

describe('scoreOptions', () => {
  it('scores quality as Σ weight × mean score / 5', () => {
    // Means: alignment 3, risk 5, cost–benefit 1.5; (50 × 3 + 30 × 5 + 20 × 1.5) / 5 = 330 / 5 = 66.
    const [scored] = scoreOptions(evaluation([option('A', MARKS)]), WEIGHTS);
    expect(scored?.qualityScore).toBe(66);
    expect(criterion(scored, 'alignment')).toMatchObject({ weight: 50, mean: 3, moderated: undefined, score: 3, weighted: 30 });
    expect(criterion(scored, 'cost-benefit')).toMatchObject({ mean: 1.5, score: 1.5, weighted: 6 });
  });

  it('averages however many evaluators scored a criterion', () => {
    // Alignment (5 + 4 + 0) / 3 = 3; risk 2 from one evaluator; (50 × 3 + 30 × 2 + 20 × 1.5) / 5 = 48.
    const [scored] = scoreOptions(evaluation([option('A', { alignment: [5, 4, 0], risk: [2], 'cost-benefit': [1, 2] })]), WEIGHTS);
    expect(criterion(scored, 'alignment')).toMatchObject({ mean: 3, spread: 5 });
    expect(criterion(scored, 'risk')).toMatchObject({ mean: 2, spread: 0 });
    expect(scored?.qualityScore).toBe(48);
  });

  it('keeps every criterion in Appendix K order, with each evaluator\'s score and rationale', () => {
    const [scored] = scoreOptions(evaluation([option('A', MARKS)]), WEIGHTS);
    expect(scored?.criteria.map((c) => c.criterion)).toEqual([...CRITERION_IDS]);
    expect(criterion(scored, 'risk')?.scores).toEqual([
      { evaluator: 'a@council.gov.uk', score: 5, rationale: 'seen in the demo' },
      { evaluator: 'b@council.gov.uk', score: 5, rationale: 'seen in the demo' },
    ]);
  });

  it("uses the panel's moderated score instead of the mean, even a moderated 0", () => {
    const moderated = (alignment: number) => scoreOptions(evaluation([option('A', MARKS, { moderated: { alignment } })]), WEIGHTS)[0];
    // (50 × 4 + 150 + 30) / 5 = 76.
    expect(moderated(4)?.qualityScore).toBe(76);
    expect(criterion(moderated(4), 'alignment')).toMatchObject({ mean: 3, moderated: 4, score: 4 });
    // A moderated 0 is a judgement, not a blank: (0 + 150 + 30) / 5 = 36.
    expect(moderated(0)?.qualityScore).toBe(36);
  });

  it(`marks a criterion divergent when the evaluators are ${DIVERGENCE_THRESHOLD} or more apart`, () => {
    const [scored] = scoreOptions(evaluation([option('A', MARKS)]), WEIGHTS);
    expect(criterion(scored, 'alignment')).toMatchObject({ spread: 2, divergent: true });
    expect(criterion(scored, 'cost-benefit')).toMatchObject({ spread: 1, divergent: false });
    expect(criterion(scored, 'risk')).toMatchObject({ spread: 0, divergent: false });
  });

  it('counts an unscored criterion of weight 0 as 0, and refuses an unscored weighted one', () => {
    const [scored] = scoreOptions(evaluation([option('A', MARKS)]), WEIGHTS);
    expect(criterion(scored, 'documentation')).toMatchObject({ weight: 0, scores: [], mean: undefined, score: 0, spread: 0, weighted: 0 });
    const unscored = evaluation([option('B', { alignment: [4, 2], risk: [5, 5] })]);
    expect(() => scoreOptions(unscored, WEIGHTS)).toThrow('"B" has no score for the weighted criterion cost-benefit');
  });

  it('makes an option that fails a gate ineligible, and ignores results for criteria that are not gates', () => {
    const scored = scoreOptions(
      evaluation(
        [
          option('A', MARKS, { gateResults: { risk: 'pass', standards: 'pass' } }),
          option('B', MARKS, { gateResults: { risk: 'fail', standards: 'fail' } }),
          option('C', MARKS, { gateResults: { risk: 'pass', alignment: 'fail' } }),
        ],
        { gates: ['risk', 'standards'] },
      ),
      WEIGHTS,
    );
    expect(scored.map((s) => [s.name, s.eligible, s.failedGates])).toEqual([
      ['A', true, []],
      ['B', false, ['risk', 'standards']],
      ['C', true, []],
    ]);
    // Failing a gate does not change the quality score; ranking decides what to do with it.
    expect(scored.map((s) => s.qualityScore)).toEqual([66, 66, 66]);
  });

  it('gives equal weights (10 each) their tenth of the score', () => {
    const all = Object.fromEntries(CRITERION_IDS.map((id) => [id, [5, 3]])) as Marks;
    const equal = EvaluationSchema.parse({ title: 'Equal', options: [option('A', all)] });
    // Every mean is 4: 10 × (10 × 4) / 5 = 80.
    expect(scoreOptions(equal, resolveWeights(equal))[0]?.qualityScore).toBeCloseTo(80, 9);
  });
});
