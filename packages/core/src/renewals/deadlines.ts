import type { IsoDate } from '../shared/iso-date.js';
import type { KeyDateKind } from './key-dates.js';

/** One deadline of one contract: what warnings and decisions are about. */
export interface Deadline {
  readonly reference: string;
  readonly kind: KeyDateKind;
  readonly date: IsoDate;
}

/**
 * Identifies a deadline: `CON-0042|notice|2026-09-30`. When the contract's dates change, the
 * deadline is a new one, so its warnings fire again and old decisions no longer settle it.
 */
export function deadlineId(deadline: Deadline): string {
  return `${deadline.reference}|${deadline.kind}|${deadline.date}`;
}
