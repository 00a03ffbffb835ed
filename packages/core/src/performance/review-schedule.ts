import { addDuration, describeDate } from '../shared/calendar.js';
import { formatPounds } from '../shared/format.js';
import type { Contract } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { ReviewAction, ReviewMeeting } from './kpi.schema.js';
import type { PerformanceDeadline } from './performance-deadline.js';

export interface ReviewSettings {
  /** Review meetings a year when no band or contract says otherwise: twice (Appendix E, mission 2.3). */
  readonly perYear: number;
  /** Contracts whose annual value is at least `fromAnnualValue` meet this often; the highest band that applies wins. */
  readonly bands: readonly { readonly fromAnnualValue: number; readonly perYear: number }[];
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { perYear: 2, bands: [] };

/** How often a contract is reviewed, and why: its own setting, else its value band, else the default. */
export function reviewsPerYear(contract: Contract, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS, ownPerYear?: number): { perYear: number; words: string } {
  if (ownPerYear !== undefined) return { perYear: ownPerYear, words: `${timesAYear(ownPerYear)}, as set for this contract` };
  const annual = contract.value.annual;
  const band = annual === undefined ? undefined : [...settings.bands].sort((a, b) => b.fromAnnualValue - a.fromAnnualValue).find((b) => annual >= b.fromAnnualValue);
  if (band) {
    return { perYear: band.perYear, words: `${timesAYear(band.perYear)}, for contracts worth ${formatPounds(band.fromAnnualValue)} a year or more` };
  }
  return { perYear: settings.perYear, words: `${timesAYear(settings.perYear)}, the council's default (DDaT strategy, Appendix E, mission 2.3: bi-annual review meetings)` };
}

/**
 * The contract's next review meeting as a deadline: the earliest one scheduled and not yet
 * held; otherwise the last one held (or the contract's start) plus 12 months divided by the
 * reviews a year. Undefined when there is nothing to count from.
 *
 * @example nextReview(contractStarting('2026-04-01'), [], DEFAULT_REVIEW_SETTINGS)?.date // '2026-10-01'
 */
export function nextReview(contract: Contract, meetings: readonly ReviewMeeting[], settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS, ownPerYear?: number): PerformanceDeadline | undefined {
  const mine = meetings.filter((m) => m.contract === contract.reference);
  const scheduled = mine.filter((m) => !m.held).sort((a, b) => a.date.localeCompare(b.date))[0];
  if (scheduled) {
    return { reference: contract.reference, kind: 'review', date: scheduled.date, rule: `A review meeting is scheduled for ${describeDate(scheduled.date)}.` };
  }
  const { perYear, words } = reviewsPerYear(contract, settings, ownPerYear);
  const months = Math.max(1, Math.round(12 / perYear));
  const lastHeld = mine.filter((m) => m.held).sort((a, b) => b.date.localeCompare(a.date))[0];
  const from = lastHeld ? { date: lastHeld.date, words: 'the last review, held on' } : contract.startDate ? { date: contract.startDate, words: 'the contract start on' } : undefined;
  if (!from) return undefined;
  const date = addDuration(from.date, { amount: months, unit: 'months' });
  return {
    reference: contract.reference,
    kind: 'review',
    date,
    rule: `Reviews are held ${words}, so every ${months} month${months === 1 ? '' : 's'}: ${from.words} ${describeDate(from.date)} plus ${months} month${months === 1 ? '' : 's'} is ${describeDate(date)}.`,
  };
}

/** An action still open after its due date. */
export interface OverdueAction extends ReviewAction {
  readonly contract: string;
  readonly meeting: string;
  readonly deadline: PerformanceDeadline;
}

/** Actions from review meetings that are not done and whose due date is before `today`. */
export function overdueReviewActions(meetings: readonly ReviewMeeting[], today: IsoDate): OverdueAction[] {
  return meetings.flatMap((meeting) =>
    meeting.actions
      .filter((action) => !action.done && action.due < today)
      .map((action) => ({
        ...action,
        contract: meeting.contract,
        meeting: meeting.id,
        deadline: {
          reference: meeting.contract,
          kind: 'review-action' as const,
          date: action.due,
          rule: `"${action.description}", agreed at the review of ${describeDate(meeting.date)}, was due from ${action.owner} on ${describeDate(action.due)} and is not done.`,
        },
      })),
  );
}

function timesAYear(n: number): string {
  return n === 1 ? 'once a year' : n === 2 ? 'twice a year' : `${n} times a year`;
}
