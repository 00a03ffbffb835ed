import { describe, expect, it } from 'vitest';
import { CRITERION_IDS, type CriterionId } from './criteria.js';
import { findSensitivity, rankOptions } from './rank-options.js';

const equal = Object.fromEntries(CRITERION_IDS.map((id) => [id, 10])) as Record<CriterionId, number>;
const flat = (score: number, overrides: Partial<Record<CriterionId, number>> = {}) =>
  ({ ...Object.fromEntries(CRITERION_IDS.map((id) => [id, score])), ...overrides }) as Record<CriterionId, number>;

describe('ranking options', () => {
  it('ranks eligible options highest first and puts ineligible ones last without a rank', () => {
    const outcome = rankOptions([
      { name: 'B', eligible: true, totalScore: 60 },
      { name: 'C', eligible: false, totalScore: 90 },
      { name: 'A', eligible: true, totalScore: 70 },
    ]);
    expect(outcome.ranking).toEqual([
      { name: 'A', rank: 1 },
      { name: 'B', rank: 2 },
      { name: 'C', rank: null },
    ]);
    expect(outcome.winner).toBe('A');
  });

  it('gives tied options the same rank and skips the next (1, 1, 3)', () => {
    const outcome = rankOptions([
      { name: 'Z', eligible: true, totalScore: 50 },
      { name: 'B', eligible: true, totalScore: 70 },
      { name: 'A', eligible: true, totalScore: 70 },
    ]);
    expect(outcome.ranking).toEqual([
      { name: 'A', rank: 1 },
      { name: 'B', rank: 1 },
      { name: 'Z', rank: 3 },
    ]);
  });

  it('names no winner when options tie for first place, even by floating-point noise', () => {
    const outcome = rankOptions([
      { name: 'A', eligible: true, totalScore: 0.1 + 0.2 },
      { name: 'B', eligible: true, totalScore: 0.3 },
    ]);
    expect(outcome.winner).toBeNull();
    expect(outcome.tiedForFirst).toEqual(['A', 'B']);
  });

  it('names no winner when every option failed a gate', () => {
    expect(rankOptions([{ name: 'A', eligible: false, totalScore: 80 }]).winner).toBeNull();
  });
});

describe('sensitivity of the winner to the weights', () => {
  it('finds the weight at which a challenger draws level, rescaling the other weights in proportion', () => {
    // A: 4 everywhere but risk 2 (quality 76); B: 3 everywhere but risk 5 (quality 64).
    // Risk weight x, others (100 − x)/90 each of 10: A = 2x/5 + (100 − x)·0.8, B = x + (100 − x)·0.6.
    // Equal when 0.4x + 80 − 0.8x = x + 60 − 0.6x, i.e. 20 = 0.8x, x = 25.
    const s = findSensitivity(
      [
        { name: 'A', scores: flat(4, { risk: 2 }), priceScore: 0 },
        { name: 'B', scores: flat(3, { risk: 5 }), priceScore: 0 },
      ],
      equal,
      'A',
      1,
    );
    expect(s).toMatchObject({ criterion: 'risk', fromWeight: 10, newWinner: 'B', currentWinner: 'A' });
    expect(s?.toWeight).toBeCloseTo(25, 9);
    expect(s?.change).toBeCloseTo(15, 9);
  });

  it('finds a fall in weight when that is the smaller change', () => {
    // A leads only on alignment: 5 there and 3 elsewhere, so A = x + (100 − x)·0.6 = 60 + 0.4x
    // (64 at x = 10). B scores 3.1 everywhere: 62 whatever the weights. Equal when x = 5.
    const s = findSensitivity(
      [
        { name: 'A', scores: flat(3, { alignment: 5 }), priceScore: 0 },
        { name: 'B', scores: flat(3.1), priceScore: 0 },
      ],
      equal,
      'A',
      1,
    );
    expect(s?.criterion).toBe('alignment');
    expect(s?.toWeight).toBeCloseTo(5, 9);
    expect(s?.change).toBeCloseTo(-5, 9);
  });

  it('says no single weight change alters the winner when the winner is better on every criterion', () => {
    const s = findSensitivity(
      [
        { name: 'A', scores: flat(4), priceScore: 0 },
        { name: 'B', scores: flat(3), priceScore: 0 },
      ],
      equal,
      'A',
      1,
    );
    expect(s).toBeNull();
  });

  it('counts price scores, which do not move with the criterion weights', () => {
    // Quality share 0.7. A: 4 everywhere (56 quality marks) + 20 price = 76. B: 5 on risk, 4 elsewhere
    // (quality at risk weight x: 0.7·(x + (100 − x)·0.8) = 56 + 0.14x) + 30 price. B already wins: 87.4 > 76.
    const s = findSensitivity(
      [
        { name: 'A', scores: flat(4), priceScore: 20 },
        { name: 'B', scores: flat(4, { risk: 5 }), priceScore: 30 },
      ],
      equal,
      'B',
      0.7,
    );
    expect(s).toBeNull();
  });

  it('does not offer a change that would need a weight of 0% or less: there the challenger only draws level', () => {
    // A and B are equal everywhere but alignment, where A scores 4 and B 3. Cutting alignment's
    // weight to 0 makes them equal; only a negative weight would put B first.
    const s = findSensitivity(
      [
        { name: 'A', scores: flat(3, { alignment: 4 }), priceScore: 0 },
        { name: 'B', scores: flat(3), priceScore: 0 },
      ],
      equal,
      'A',
      1,
    );
    expect(s).toBeNull();
  });
});
