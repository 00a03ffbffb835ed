import { escapeMarkdown } from '../cards/card-kit.js';
import { dayAfter, savingFromRenegotiation, type Contract, type IsoDate, type Saving } from '@contract-steward/core';

/** What the decision card sends with "Renegotiated": the prices, and optionally the term and new end date. */
export interface RenegotiationInput {
  readonly baselineAnnual?: number | undefined;
  readonly newAnnual?: number | undefined;
  readonly termMonths?: number | undefined;
  readonly newEndDate?: IsoDate | undefined;
}

export type RenegotiationOutcome = { readonly ok: true; readonly saving: Saving; readonly newEndDate?: IsoDate } | { readonly ok: false; readonly message: string };

/** Whole months from `first` to the day after `last` (at least 1). */
function monthsBetween(first: IsoDate, last: IsoDate): number {
  const [y1, m1, d1] = first.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = dayAfter(last).split('-').map(Number) as [number, number, number];
  return Math.max(1, (y2 - y1) * 12 + (m2 - m1) + (d2 >= d1 ? 0 : -1));
}

/**
 * The saving a "renegotiated" decision on a warning card records, from the baseline (the price
 * the supplier proposed) and the new price: a proposed renegotiation saving for finance to
 * validate. The new price applies from the day after the current end date (or today, if that
 * has passed), until the new end date when one is given, else for `termMonths` (default 12).
 */
export function renegotiationSaving(input: RenegotiationInput, contract: Contract, today: IsoDate, by: string, at: Date): RenegotiationOutcome {
  if (input.baselineAnnual === undefined || input.newAnnual === undefined) {
    return { ok: false, message: `To record a renegotiation of ${escapeMarkdown(contract.reference)}, enter the annual price the supplier proposed and the annual price agreed, so the saving can be recorded. Nothing was changed.` };
  }
  const afterEnd = contract.endDate ? dayAfter(contract.endDate) : today;
  const start = afterEnd > today ? afterEnd : today;
  if (input.newEndDate !== undefined && input.newEndDate < start) {
    return { ok: false, message: `The new end date ${input.newEndDate} is before the renegotiated price starts (${start}). Nothing was changed.` };
  }
  const termMonths = input.newEndDate ? monthsBetween(start, input.newEndDate) : (input.termMonths ?? 12);
  const saving = savingFromRenegotiation({ contract, baselineAnnual: input.baselineAnnual, newAnnual: input.newAnnual, start, termMonths, by, at });
  if (!saving.success) return { ok: false, message: `The saving could not be recorded: ${escapeMarkdown(saving.problems.map((p) => p.message).join('; '))}. Nothing was changed.` };
  return { ok: true, saving: saving.value, ...(input.newEndDate ? { newEndDate: input.newEndDate } : {}) };
}
