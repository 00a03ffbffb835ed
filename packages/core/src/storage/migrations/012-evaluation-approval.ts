import type { Migration } from './migration.js';

/**
 * The Technical Design Authority's approval of a saved evaluation (who, in what role, on what
 * day), so its decision record reads "Approved" rather than "Draft". Null until approved, and
 * null again when the evaluation is saved anew: the approval was given for what was evaluated.
 */
export const evaluationApproval: Migration = {
  version: 12,
  name: 'evaluation approval',
  up: `
      ALTER TABLE evaluations ADD COLUMN approval {{json}};
    `,
};
