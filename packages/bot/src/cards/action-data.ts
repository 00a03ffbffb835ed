import type { SettlingAction } from '@contract-steward/core';

/**
 * What cards put into their actions, shared with the action schema that reads them back
 * (actions.schema.ts): kept here so cards depend on nothing but core and each other.
 */

/** Bumped when the shape of card actions changes, so a card from before gets a clear reply. */
export const CARD_ACTION_VERSION = 1;

/** The snooze lengths a warning card offers; the action schema refuses any other. */
export const SNOOZE_DAYS = [7, 14, 30] as const;

export type Decision = SettlingAction;

export const DECISION_LABELS: Record<Decision, string> = {
  extend: 'Extend',
  reprocure: 'Re-procure',
  terminate: 'Terminate',
  'let-expire': 'Let it expire',
  renegotiated: 'Renegotiated',
};
