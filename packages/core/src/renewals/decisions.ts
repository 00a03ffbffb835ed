import type { Contract } from '../register/contract.schema.js';
import { isIsoDate, type IsoDate } from '../shared/iso-date.js';
import { fail, ok, type Problem, type Result } from '../shared/problem.js';
import { addDays, addDuration, describeDate } from '../shared/calendar.js';
import { deadlineId, type Deadline } from './deadlines.js';
import { computeKeyDates, KEY_DATE_KINDS, type KeyDateKind } from './key-dates.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from './renewal-settings.js';
import { describeDuration } from '../shared/format.js';

/**
 * What a contract manager can do about a deadline:
 * - acknowledge: "I have seen it" (stops escalation; later warnings still come);
 * - snooze: no warnings for N days, then the one due catches up;
 * - extend: take the next extension option, which moves the end date;
 * - reprocure: re-procurement has started (settles the re-procurement and extension deadlines);
 * - extend also settles the "re-procure if not extended" date, which no longer applies;
 * - terminate / let-expire: the contract will end (settles its deadlines; a tacit renewal stops renewing);
 * - renegotiated: prices agreed with the supplier (settles the notice, extension and renewal
 *   deadlines; the end and re-procurement dates stay, as the contract still ends; a new end date
 *   brings new ones). A saving can be linked to it.
 */
export const DECISION_ACTIONS = ['acknowledge', 'snooze', 'extend', 'reprocure', 'terminate', 'let-expire', 'renegotiated'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** The decisions that settle deadlines (all but acknowledge and snooze): what a warning card offers. */
export const SETTLING_ACTIONS = ['extend', 'reprocure', 'terminate', 'let-expire', 'renegotiated'] as const satisfies readonly DecisionAction[];
export type SettlingAction = (typeof SETTLING_ACTIONS)[number];

export type DecisionRequest = { readonly note?: string } & (
  | { readonly action: 'acknowledge' }
  | { readonly action: 'snooze'; readonly days: number; readonly kind?: KeyDateKind }
  | { readonly action: 'extend' }
  | { readonly action: 'reprocure' }
  | { readonly action: 'terminate' }
  | { readonly action: 'let-expire' }
  | { readonly action: 'renegotiated'; readonly newEndDate?: IsoDate; readonly savingId?: string }
);

/** A decision as remembered: who, on which day, about which deadlines. */
export interface RenewalDecision {
  readonly reference: string;
  readonly action: DecisionAction;
  readonly decidedOn: IsoDate;
  readonly by: string;
  /** The deadlines it settles, or for a snooze the ones it silences until `snoozedUntil`. */
  readonly deadlines: readonly Deadline[];
  readonly snoozedUntil?: IsoDate;
  readonly note?: string;
  readonly savingId?: string;
  /** One sentence for the audit trail and the bot's reply. */
  readonly summary: string;
}

export interface DecisionOutcome {
  readonly decision: RenewalDecision;
  /** The contract after the decision (the same object when the decision does not change it). */
  readonly contract: Contract;
  readonly contractChanged: boolean;
}

export interface DecisionProblem extends Problem {
  readonly code: 'no-end-date' | 'not-extendable' | 'no-option-left' | 'invalid-snooze' | 'invalid-end-date';
}

/** Which deadlines each decision settles. */
const SETTLES: Readonly<Record<SettlingAction, readonly KeyDateKind[]>> = {
  extend: ['extension', 'notice', 'reprocure-if-not-extended'],
  reprocure: ['reprocure', 'extension', 'reprocure-if-not-extended'],
  terminate: ['notice', 'extension', 'renewal', 'reprocure', 'end', 'reprocure-if-not-extended', 'review'],
  'let-expire': ['notice', 'extension', 'renewal', 'reprocure', 'end', 'reprocure-if-not-extended', 'review'],
  // New prices, not a new term: the contract still ends, so its end and re-procurement dates
  // stay (a new end date brings new ones anyway; the old ones are then no longer computed).
  renegotiated: ['notice', 'extension', 'renewal', 'reprocure-if-not-extended', 'review'],
};

/**
 * Applies a decision to a contract on `today`: the record to keep, and the contract as it now
 * stands (an extension moves the end date; ending a tacitly renewing contract makes it end at
 * its current term). Mistakes come back as problems, e.g. extending with no option left.
 */
export function decide(
  contract: Contract,
  request: DecisionRequest,
  context: { readonly today: IsoDate; readonly by: string; readonly settings?: RenewalSettings },
): Result<DecisionOutcome, DecisionProblem> {
  const settings = context.settings ?? DEFAULT_RENEWAL_SETTINGS;
  const { today, by } = context;
  const before = computeKeyDates(contract, settings, today);
  const base = {
    reference: contract.reference,
    decidedOn: today,
    by,
    ...(request.note ? { note: request.note } : {}),
  };
  const problem = (code: DecisionProblem['code'], message: string) =>
    fail<DecisionProblem>([{ code, path: ['action'], message }]);
  const deadlinesOf = (dates: readonly Deadline[], kinds: readonly KeyDateKind[]) => unique(dates.filter((d) => kinds.includes(d.kind)));

  switch (request.action) {
    case 'acknowledge':
      return ok({
        decision: { ...base, action: 'acknowledge', deadlines: deadlinesOf(before, KEY_DATE_KINDS), summary: `${by} acknowledged the warnings for ${contract.reference}.` },
        contract,
        contractChanged: false,
      });
    case 'snooze': {
      if (!Number.isInteger(request.days) || request.days < 1 || request.days > 365) {
        return problem('invalid-snooze', `Snooze for a whole number of days from 1 to 365, not ${request.days}.`);
      }
      const until = addDays(today, request.days);
      const kinds = request.kind ? [request.kind] : KEY_DATE_KINDS;
      return ok({
        decision: {
          ...base,
          action: 'snooze',
          deadlines: deadlinesOf(before, kinds),
          snoozedUntil: until,
          summary: `${by} snoozed ${request.kind ? `the ${request.kind} warnings` : 'the warnings'} for ${contract.reference} until ${describeDate(until)}.`,
        },
        contract,
        contractChanged: false,
      });
    }
    case 'extend': {
      const renewal = contract.renewal;
      if (contract.endDate === undefined) return problem('no-end-date', `${contract.reference} has no end date to extend. Record its end date first.`);
      if (renewal.type !== 'extension-options') {
        return problem('not-extendable', `${contract.reference} has no extension options. Re-procure it; or, if a change to its term is lawful, check it first with: steward modify ${contract.reference} --value-change AMOUNT --new-end-date YYYY-MM-DD --dry-run.`);
      }
      const next = renewal.options[renewal.taken];
      if (next === undefined) {
        return problem('no-option-left', `${contract.reference} has taken all ${renewal.options.length} of its extension options. Re-procure, or record a renegotiation.`);
      }
      const endDate = addDuration(contract.endDate, next);
      const extended: Contract = { ...contract, endDate, renewal: { ...renewal, taken: renewal.taken + 1 } };
      return ok({
        decision: {
          ...base,
          action: 'extend',
          deadlines: deadlinesOf(before, SETTLES.extend),
          summary: `${by} took extension option ${renewal.taken + 1} of ${renewal.options.length} (${describeDuration(next)}) for ${contract.reference}: it now ends on ${describeDate(endDate)}.`,
        },
        contract: extended,
        contractChanged: true,
      });
    }
    case 'reprocure':
      return ok({
        decision: { ...base, action: 'reprocure', deadlines: deadlinesOf(before, SETTLES.reprocure), summary: `${by} recorded that ${contract.reference} is being re-procured.` },
        contract,
        contractChanged: false,
      });
    case 'terminate':
    case 'let-expire': {
      const renewalDate = before.find((d) => d.kind === 'renewal')?.date;
      const ending: Contract =
        contract.renewal.type === 'auto-renewal' && renewalDate !== undefined ? { ...contract, endDate: renewalDate, renewal: { type: 'fixed' }, renewalType: 'fixed' } : contract;
      const after = ending === contract ? [] : computeKeyDates(ending, settings, today);
      const verb = request.action === 'terminate' ? 'is terminating' : 'will let expire';
      return ok({
        decision: {
          ...base,
          action: request.action,
          deadlines: deadlinesOf([...before, ...after], SETTLES[request.action]),
          summary: `${by} recorded that the council ${verb} ${contract.reference}${ending.endDate ? `, ending ${describeDate(ending.endDate)}` : ''}.`,
        },
        contract: ending,
        contractChanged: ending !== contract,
      });
    }
    case 'renegotiated': {
      const newEnd = request.newEndDate;
      // Checked here too, whoever calls: a 31 February stored in the register breaks export and import.
      if (newEnd !== undefined && !isIsoDate(newEnd)) {
        return problem('invalid-end-date', `The new end date ${newEnd} is not a real date: write it as YYYY-MM-DD, such as 2029-03-31.`);
      }
      if (newEnd !== undefined && newEnd <= today) {
        return problem('invalid-end-date', `The new end date ${newEnd} is not after today (${today}).`);
      }
      const renegotiated: Contract = newEnd !== undefined && newEnd !== contract.endDate ? { ...contract, endDate: newEnd } : contract;
      return ok({
        decision: {
          ...base,
          action: 'renegotiated',
          deadlines: deadlinesOf(before, SETTLES.renegotiated),
          ...(request.savingId ? { savingId: request.savingId } : {}),
          summary: `${by} recorded a renegotiation of ${contract.reference}${renegotiated !== contract ? `: it now ends on ${describeDate(newEnd ?? '')}` : ''}.`,
        },
        contract: renegotiated,
        contractChanged: renegotiated !== contract,
      });
    }
  }
}

function unique(deadlines: readonly Deadline[]): Deadline[] {
  const seen = new Map<string, Deadline>();
  for (const d of deadlines) seen.set(deadlineId(d), { reference: d.reference, kind: d.kind, date: d.date });
  return [...seen.values()];
}
