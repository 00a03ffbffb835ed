import { escapeMarkdown } from '../cards/card-kit.js';
import type { DecisionRequest, IsoDate, RecordDecisionProblem, RenegotiatedPrices } from '@contract-steward/core';

/** What the decision card sends with "Renegotiated": the prices, and optionally the term and new end date. */
export interface RenegotiationInput {
  readonly baselineAnnual?: number | undefined;
  readonly newAnnual?: number | undefined;
  readonly termMonths?: number | undefined;
  readonly newEndDate?: IsoDate | undefined;
}

export type RenegotiationRequest =
  | { readonly ok: true; readonly request: DecisionRequest; readonly prices: RenegotiatedPrices }
  | { readonly ok: false; readonly message: string };

/**
 * Turns the "renegotiated" inputs of a warning card into the decision and prices core records
 * (`recordDecision`): the saving runs until the new end date when one is given, else for the
 * term entered (12 months when left blank).
 */
export function renegotiationRequest(input: RenegotiationInput, reference: string): RenegotiationRequest {
  if (input.baselineAnnual === undefined || input.newAnnual === undefined) {
    return { ok: false, message: `To record a renegotiation of ${escapeMarkdown(reference)}, enter the annual price the supplier proposed and the annual price agreed, so the saving can be recorded. Nothing was changed.` };
  }
  const prices: RenegotiatedPrices = {
    baselineAnnual: input.baselineAnnual,
    newAnnual: input.newAnnual,
    ...(input.newEndDate === undefined ? { termMonths: input.termMonths ?? 12 } : {}),
  };
  return { ok: true, request: { action: 'renegotiated', ...(input.newEndDate ? { newEndDate: input.newEndDate } : {}) }, prices };
}

/** The card's words for a decision core refused: what went wrong, and that nothing was changed. */
export function decisionProblemMessage(problems: readonly RecordDecisionProblem[], reference: string): string {
  const text = problems.map((p) => p.message).join(' ');
  if (problems.some((p) => p.code === 'modification-not-permitted')) {
    // The ground or reason a modification needs is recorded with the change log, not on a card.
    return escapeMarkdown(`${text} Ask procurement to record the modification with its ground (steward modify ${reference}), then record the renegotiation here without a new end date.`);
  }
  return escapeMarkdown(problems.some((p) => p.code === 'renegotiation-ends-before-start' || p.code === 'invalid-saving') ? `${text} Nothing was changed.` : text);
}
