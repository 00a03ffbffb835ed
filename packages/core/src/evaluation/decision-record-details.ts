import type { IsoDate } from '../shared/iso-date.js';
import { formatLongDate } from '../shared/calendar.js';

/** Who approved a decision record, and when. */
export interface DecisionApproval {
  readonly name: string;
  readonly role: string;
  readonly date: IsoDate;
}

/**
 * What a decision record says besides the evaluation: the day it was produced (its
 * recommendation is "as evaluated" on that day; the domain never reads the clock, so the
 * caller passes it), and the approval once the TDA has given it. Without an approval the
 * record is a draft, with blank lines for the approvers to sign.
 */
export interface DecisionRecordDetails {
  readonly date: IsoDate;
  readonly approval?: DecisionApproval | undefined;
}

/** "Draft: for approval by the Technical Design Authority", or who approved it and when. */
export function decisionStatus(details: DecisionRecordDetails): string {
  const a = details.approval;
  return a ? `Approved on ${formatLongDate(a.date)} by ${a.name} (${a.role})` : 'Draft: for approval by the Technical Design Authority';
}
