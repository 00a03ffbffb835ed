import type { Migration } from './migration.js';

/**
 * Each deadline row keeps its contract's annual value, so a digest counts and totals the
 * contracts in a window with SQL and reads only the ones it shows. Forgetting the rules the
 * rows were built with makes the store rebuild them when it opens, which fills the column.
 */
export const deadlineAnnualValue: Migration = {
  version: 10,
  name: 'deadline annual value',
  up: `
      ALTER TABLE deadline_index ADD COLUMN annual_value DOUBLE PRECISION;
      DELETE FROM deadline_index_state;
    `,
};
