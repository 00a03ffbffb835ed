import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeDivergence, describeRecommendation, recommendationHeadline } from './describe-recommendation.js';
import { evaluateOptions, type EvaluationResult } from './evaluate-options.js';

const example = JSON.parse(readFileSync(new URL('../../../../examples/evaluation.example.json', import.meta.url), 'utf8')) as unknown;
const scored = evaluateOptions(example);
if (!scored.success) throw new Error(JSON.stringify(scored.problems));
const result: EvaluationResult = scored.value;

describe('the recommendation and divergence sentences', () => {
  it('heads the recommendation with the winner, bold where the front end asks', () => {
    expect(recommendationHeadline(result)).toBe('Recommended: Supplier A');
    expect(recommendationHeadline({ winner: 'A*', tiedForFirst: [] }, { escape: (n) => n.replace('*', '\\*'), winner: (n) => `**${n}**` })).toBe('Recommended: **A\\***');
  });

  it('says why there is no recommendation: a tie, or no option through every gate', () => {
    expect(recommendationHeadline({ winner: null, tiedForFirst: ['A', 'B'] })).toBe('No recommendation: A and B tie for first place.');
    expect(recommendationHeadline({ winner: null, tiedForFirst: [] })).toBe('No recommendation: no option passed every gate.');
  });

  it('rounds scores to two decimal places and money to the pound in the full sentence', () => {
    expect(describeRecommendation(result)).toMatch(/^Supplier A ranks first with 76\.33 out of 100 ahead of Supplier B \(69\), with a whole-life cost of £230,452 \(present value\) and a net present value of £17,876\.$/);
  });

  it('says whether a divergence was moderated', () => {
    const d = { option: 'Supplier B', criterion: 'improvement', lowest: 2, highest: 4, moderated: false } as const;
    expect(describeDivergence(d)).toBe('Evaluators scored Supplier B from 2 to 4 on Continuous Improvement (not moderated: the mean counts).');
    expect(describeDivergence({ ...d, moderated: true })).toBe('Evaluators scored Supplier B from 2 to 4 on Continuous Improvement (moderated).');
  });
});
