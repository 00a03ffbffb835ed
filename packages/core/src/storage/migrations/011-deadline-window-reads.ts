import type { Migration } from './migration.js';

/**
 * Indexes that let a digest ("what is due in the next 90 days") read only the index entries of
 * its window. Without `deadline_index_moving`, finding the rows that move with the day and were
 * computed on another day scanned every row of the index; with it, that lookup is empty work
 * once the daily run has refreshed them. `deadline_index_window` holds every column the count,
 * the total and the first contracts of a window need, so those never visit the table; it starts
 * with the columns of `deadline_index_date`, which it replaces. No query reads the index by
 * escalation contact, so that index goes: it was one more tree to write for every row an import
 * adds (over 400,000 for a 100,000-contract register). The index of the rows the daily run
 * recomputes holds only those rows (most registers have few), so the others cost no write
 * there. `generation` counts the changes to the index, so an answer
 * worked out once serves every asker until the next change.
 */
export const deadlineWindowReads: Migration = {
  version: 11,
  name: 'deadline window reads',
  up: `
      CREATE INDEX deadline_index_moving ON deadline_index (source, moves, as_of);
      DROP INDEX deadline_index_daily;
      CREATE INDEX deadline_index_daily ON deadline_index (as_of) WHERE daily = 1;
      CREATE INDEX deadline_index_window ON deadline_index (source, due_date, status, moves, as_of, reference, annual_value, kind);
      DROP INDEX deadline_index_date;
      DROP INDEX deadline_index_escalation;
      ALTER TABLE deadline_index_state ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
    `,
};
