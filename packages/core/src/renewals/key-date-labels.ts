import type { KeyDateKind } from './key-dates.js';

/**
 * What each kind of key date is called in the CLI's tables, the bot's cards and the documents:
 * one table, so "Contract ends" in Teams is "Contract ends" in the terminal too. Keyed by every
 * KeyDateKind, so a new kind does not compile until it has a label.
 */
export const KEY_DATE_LABELS: Readonly<Record<KeyDateKind, string>> = {
  notice: 'Notice deadline',
  extension: 'Extension decision',
  'reprocure-if-not-extended': 'Start re-procurement if not extended',
  reprocure: 'Start re-procurement',
  renewal: 'Automatic renewal',
  end: 'Contract ends',
  review: 'Contract review',
};
