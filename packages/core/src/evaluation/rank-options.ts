import { CRITERION_IDS, type CriterionId } from './criteria.js';
import type { Weights } from './weights.js';

/** Scores equal to this many decimal places are a tie: floating-point noise must not pick a winner. */
const TIE_DECIMALS = 6;
/** A crossing this close to 0% or 100% is at the boundary, whatever floating-point noise says. */
const BOUNDARY = 1e-9;

export interface Rankable {
  readonly name: string;
  readonly eligible: boolean;
  readonly totalScore: number;
}

export interface Ranked {
  readonly name: string;
  /** 1 for the best eligible option; tied options share a rank (1, 1, 3). Ineligible: null. */
  readonly rank: number | null;
}

export interface RankingOutcome {
  /** Eligible options best first (ties in name order), then ineligible ones in name order. */
  readonly ranking: readonly Ranked[];
  /** The single best eligible option; null when none is eligible or several tie for first. */
  readonly winner: string | null;
  /** The options sharing first place when there is a tie, else empty. */
  readonly tiedForFirst: readonly string[];
}

/**
 * Ranks eligible options by total score, highest first. A tie for first place gives no
 * winner: the panel must break it (by moderation or a further question), not the sort order.
 */
export function rankOptions(options: readonly Rankable[]): RankingOutcome {
  const key = (o: Rankable) => roundScore(o.totalScore);
  const eligible = options.filter((o) => o.eligible).sort((a, b) => key(b) - key(a) || a.name.localeCompare(b.name));
  const ineligible = options.filter((o) => !o.eligible).sort((a, b) => a.name.localeCompare(b.name));
  const ranking: Ranked[] = eligible.map((o) => ({ name: o.name, rank: 1 + eligible.filter((other) => key(other) > key(o)).length }));
  ranking.push(...ineligible.map((o) => ({ name: o.name, rank: null })));
  const first = ranking.filter((r) => r.rank === 1).map((r) => r.name);
  return {
    ranking,
    winner: first.length === 1 ? (first[0] ?? null) : null,
    tiedForFirst: first.length > 1 ? first : [],
  };
}

export function roundScore(score: number): number {
  return Number(score.toFixed(TIE_DECIMALS));
}

/** What sensitivity analysis needs of each eligible option. */
export interface SensitivityInput {
  readonly name: string;
  /** The score that counts on each criterion, 0–5. */
  readonly scores: Readonly<Record<CriterionId, number>>;
  /** The price score, which does not depend on the criterion weights (0 without a price weight). */
  readonly priceScore: number;
}

export interface Sensitivity {
  readonly criterion: CriterionId;
  /** The criterion's weight now, per cent. */
  readonly fromWeight: number;
  /** The weight at which another option draws level; beyond it that option wins. */
  readonly toWeight: number;
  /** toWeight − fromWeight, in percentage points: the smallest change that changes the winner. */
  readonly change: number;
  readonly currentWinner: string;
  readonly newWinner: string;
}

/**
 * How far one criterion's weight must move before the winner changes.
 *
 * Method: take one criterion c at a time and move its weight from w to x (0 ≤ x ≤ 100),
 * rescaling the other nine in proportion so they keep their relative sizes and the total stays
 * 100: each other weight wⱼ becomes wⱼ × (100 − x) / (100 − w). (If c had all 100%, the others
 * were all zero, so they share the rest equally.) Every option's total score is then a
 * straight line in x:
 *
 *   S(x) = q × [x × s_c / 5 + (100 − x) × U] + p,   U = Σⱼ≠c uⱼ × sⱼ / 5
 *
 * where uⱼ is other criterion j's share of the remaining weight, q is the share of marks for
 * quality (1, or 1 − price weight / 100) and p the option's price score. The winner's lead over
 * each challenger is therefore also linear in x, and vanishes at one point x*. The answer is
 * the x* nearest to the current weight, over all criteria and challengers, that lies strictly
 * within 0–100 (at 0 or 100 the challenger only draws level) — the first place, moving away from today's weights, where the winner stops being
 * alone at the top. No such point means no single weight change alters the winner.
 */
export function findSensitivity(
  options: readonly SensitivityInput[],
  weights: Weights,
  winner: string,
  qualityShare: number,
): Sensitivity | null {
  const champion = options.find((o) => o.name === winner);
  if (!champion) throw new Error(`The winner "${winner}" is not among the options`);
  let best: Sensitivity | null = null;
  for (const criterion of CRITERION_IDS) {
    const w = weights[criterion];
    const line = (o: SensitivityInput) => {
      const rest = 100 - w;
      const others = CRITERION_IDS.filter((id) => id !== criterion);
      const u = (id: CriterionId) => (rest > 0 ? weights[id] / rest : 1 / others.length);
      const mean = others.reduce((sum, id) => sum + (u(id) * o.scores[id]) / 5, 0);
      // S(x) = intercept + slope × x
      return { intercept: qualityShare * 100 * mean + o.priceScore, slope: qualityShare * (o.scores[criterion] / 5 - mean) };
    };
    const top = line(champion);
    for (const challenger of options) {
      if (challenger === champion) continue;
      const other = line(challenger);
      const slope = top.slope - other.slope;
      if (slope === 0) continue;
      const x = -(top.intercept - other.intercept) / slope;
      // At 0% or 100% the challenger only draws level; overtaking would need a weight outside 0–100%.
      if (x <= BOUNDARY || x >= 100 - BOUNDARY) continue;
      const change = x - w;
      if (best === null || Math.abs(change) < Math.abs(best.change)) {
        best = { criterion, fromWeight: w, toWeight: x, change, currentWinner: winner, newWinner: challenger.name };
      }
    }
  }
  return best;
}
