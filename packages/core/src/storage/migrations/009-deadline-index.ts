import type { Migration } from './migration.js';

/**
 * Every contract's deadlines as rows (renewal key dates, Procurement Act duties, performance
 * deadlines), so "what is due in the next 90 days" and "mine" read an index instead of working
 * out the key dates of the whole register. The rows are derived: the store rewrites a
 * contract's rows in the transaction that changes what they depend on, and the daily run
 * recomputes those that move with the day. `deadline_index_state` remembers the renewal rules
 * the rows were computed with, so a change of rules rebuilds them.
 */
export const deadlineIndex: Migration = {
  version: 9,
  name: 'deadline index',
  up: `
      CREATE TABLE deadline_index (
        reference        TEXT NOT NULL,
        source           TEXT NOT NULL,
        key              TEXT NOT NULL,
        kind             TEXT NOT NULL,
        due_date         TEXT NOT NULL,
        floor_date       TEXT NOT NULL,
        moves            INTEGER NOT NULL,
        daily            INTEGER NOT NULL,
        owner_email      TEXT,
        escalation_email TEXT,
        status           TEXT NOT NULL,
        as_of            TEXT NOT NULL,
        PRIMARY KEY (reference, source, key)
      );
      CREATE INDEX deadline_index_date ON deadline_index (source, due_date);
      CREATE INDEX deadline_index_owner ON deadline_index (owner_email, source, due_date);
      CREATE INDEX deadline_index_escalation ON deadline_index (escalation_email, source, due_date);
      CREATE INDEX deadline_index_daily ON deadline_index (daily, as_of);
      CREATE TABLE deadline_index_state (
        id          INTEGER PRIMARY KEY,
        rules       TEXT NOT NULL,
        built_on    TEXT NOT NULL
      );
    `,
};
