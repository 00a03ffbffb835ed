import type { Migration } from './migration.js';

/**
 * Savings are stored whole as JSON (SavingSchema is the source of truth), with the columns
 * we filter by pulled out: the contract they belong to, the first and last day of the term
 * (YYYY-MM-DD text, so ranges compare the same in both dialects) and the sign-off state.
 * The contract is referenced by its reference, not a foreign key: deleting or re-importing a
 * contract must not take finance's record of what was saved with it.
 */
export const savings: Migration = {
  version: 3,
  name: 'savings ledger',
  up: `
      CREATE TABLE savings (
        id                 TEXT PRIMARY KEY,
        contract_reference TEXT NOT NULL,
        data               {{json}} NOT NULL,
        start_date         TEXT NOT NULL,
        last_date          TEXT NOT NULL,
        state              TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      );
      CREATE INDEX savings_contract ON savings (contract_reference);
      CREATE INDEX savings_term ON savings (start_date, last_date);
    `,
};
