import { checkModification, type ModificationCheck, type ModificationProblem, type ModificationProposal } from '../procurement-act/modifications.js';
import type { ModificationRecord } from '../procurement-act/modification-record.js';
import { legalFacts } from '../procurement-act/regime.js';
import { decide, type DecisionOutcome, type DecisionProblem, type DecisionRequest } from '../renewals/decisions.js';
import type { RenewalSettings } from '../renewals/renewal-settings.js';
import { monthsThrough, renegotiationStart } from '../savings/renegotiation-term.js';
import { savingFromRenegotiation } from '../savings/saving-from-renegotiation.js';
import type { Saving } from '../savings/saving.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import { fail, ok, type Problem, type Result } from '../shared/problem.js';
import type { DecisionRecord } from '../storage/renewals-repository.js';
import type { Store } from '../storage/store.js';
import { writeModification, type Recorder } from './write-modification.js';

/** The prices of a renegotiation, from which its saving is recorded. */
export interface RenegotiatedPrices {
  /** The annual price the supplier proposed (pounds). */
  readonly baselineAnnual: number;
  /** The annual price agreed (pounds). */
  readonly newAnnual: number;
  /** Months at the new price; without it, up to the new end date when one is given, else 12. */
  readonly termMonths?: number;
  /** First day at the new price; without it, `renegotiationStart` (the day after the end, never in the past). */
  readonly start?: IsoDate;
  readonly oneOffCosts?: number;
  /** The annual price paid now: current − new is cashable, the rest of baseline − new avoidance. */
  readonly currentAnnual?: number;
}

export interface RecordDecisionInput {
  readonly reference: string;
  readonly request: DecisionRequest;
  /** With a `renegotiated` decision: the prices, so the saving is recorded and linked to it. */
  readonly prices?: RenegotiatedPrices;
  /** The warning the decision answers (a card): marked acknowledged with the decision. */
  readonly warningKey?: string;
  readonly today: IsoDate;
  readonly by: Recorder;
  readonly settings?: RenewalSettings;
}

export interface DecisionRecorded {
  readonly record: DecisionRecord;
  /** The decision and the contract as it now stands. */
  readonly outcome: DecisionOutcome;
  readonly saving?: Saving;
  /** The change-log entry, when a new end date is a modification the law lets be made. */
  readonly modification?: { readonly record: ModificationRecord; readonly check: ModificationCheck };
}

export interface RecordDecisionProblem extends Problem {
  readonly code:
    | DecisionProblem['code']
    | ModificationProblem['code']
    | 'contract-not-found'
    | 'saving-needs-renegotiation'
    | 'renegotiation-ends-before-start'
    | 'invalid-saving'
    | 'modification-not-permitted';
}

const problem = (code: RecordDecisionProblem['code'], message: string, path: (string | number)[] = []) => fail<RecordDecisionProblem>([{ code, path, message }]);

/**
 * Records a renewal decision with everything that goes with it, in one transaction: the
 * decision and the contract it changes, the saving of a renegotiation (linked to the decision),
 * the acknowledgement of the warning it answers, and, when a renegotiation moves the end date
 * of a contract under the Procurement Act 2023 or the Public Contracts Regulations 2015, the
 * modification in the change log (s.74; regulation 72). All of it lands, or none of it does.
 * Mistakes come back as problems with a `code`, and nothing is written.
 */
export async function recordDecision(store: Store, input: RecordDecisionInput): Promise<Result<DecisionRecorded, RecordDecisionProblem>> {
  const { reference, request, prices, today, by } = input;
  if (prices && request.action !== 'renegotiated') {
    return problem('saving-needs-renegotiation', 'A saving is recorded with a renegotiated decision only.', ['prices']);
  }
  return store.transaction(async (tx) => {
    const contract = await tx.contracts.get(reference);
    if (!contract) return problem('contract-not-found', `No contract with reference "${reference}".`, ['reference']);
    const newEndDate = request.action === 'renegotiated' ? request.newEndDate : undefined;

    let saving: Saving | undefined;
    if (prices) {
      const start = prices.start ?? renegotiationStart(contract.endDate, today);
      if (newEndDate !== undefined && newEndDate < start) {
        return problem('renegotiation-ends-before-start', `The new end date ${newEndDate} is before the renegotiated price starts (${start}).`, ['request', 'newEndDate']);
      }
      const termMonths = prices.termMonths ?? (newEndDate ? monthsThrough(start, newEndDate) : 12);
      const made = savingFromRenegotiation({
        contract,
        baselineAnnual: prices.baselineAnnual,
        newAnnual: prices.newAnnual,
        start,
        termMonths,
        by: by.actor,
        at: by.at,
        ...(prices.oneOffCosts !== undefined ? { oneOffCosts: prices.oneOffCosts } : {}),
        ...(prices.currentAnnual !== undefined ? { currentAnnual: prices.currentAnnual } : {}),
      });
      if (!made.success) return problem('invalid-saving', `The saving could not be recorded: ${made.problems.map((p) => p.message).join('; ')}.`, ['prices']);
      saving = made.value;
    }
    const linked: DecisionRequest = saving && request.action === 'renegotiated' ? { ...request, savingId: saving.id } : request;
    const decided = decide(contract, linked, { today, by: by.actor, ...(input.settings ? { settings: input.settings } : {}) });
    if (!decided.success) return fail<RecordDecisionProblem>(decided.problems);

    // A new end date is a modification: the law decides whether it may be made (s.74; regulation 72).
    const facts = legalFacts(contract);
    const proposal: ModificationProposal | undefined =
      newEndDate !== undefined && facts.regime !== 'unknown' && facts.value !== undefined ? { date: today, valueChange: 0, newEndDate } : undefined;
    let check: ModificationCheck | undefined;
    if (proposal) {
      const checked = checkModification(contract, proposal, await tx.procurementAct.listModifications(reference));
      if (!checked.success) return fail<RecordDecisionProblem>(checked.problems);
      if (!checked.value.permitted) {
        return problem('modification-not-permitted', `${reference}: this renegotiation is a modification the law does not permit as it stands, so nothing was recorded. ${checked.value.reasons.join(' ')}`, ['request', 'newEndDate']);
      }
      check = checked.value;
    }

    const modification = proposal && check ? { record: await writeModification(tx, contract, proposal, check, by), check } : undefined;
    const record = await tx.renewals.recordDecision(decided.value, by);
    if (saving) await tx.savings.upsert(saving, by);
    if (input.warningKey !== undefined) {
      const warning = await tx.renewals.getWarning(input.warningKey);
      if (warning && warning.state !== 'acknowledged') await tx.renewals.acknowledge(warning.key, by.actor, by.at);
    }
    return ok({ record, outcome: decided.value, ...(saving ? { saving } : {}), ...(modification ? { modification } : {}) });
  });
}
