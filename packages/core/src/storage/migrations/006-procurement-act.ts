import type { Migration } from './migration.js';

/**
 * A contract's change log (each modification with its ground and the outcome of the check) and
 * the record of statutory publications (UK7, UK9, UK10 …) that settle its obligations. Stored
 * whole as JSON with the columns we look up by; keyed by contract reference, not a foreign key,
 * so a re-import never takes the legal record with it.
 */
export const procurementAct: Migration = {
  version: 6,
  name: 'contract modifications and statutory publications',
  up: `
      CREATE TABLE contract_modifications (
        id                 TEXT PRIMARY KEY,
        contract_reference TEXT NOT NULL,
        modified_on        TEXT NOT NULL,
        data               {{json}} NOT NULL
      );
      CREATE INDEX contract_modifications_contract ON contract_modifications (contract_reference, modified_on);
      CREATE TABLE statutory_publications (
        contract_reference TEXT NOT NULL,
        obligation_key     TEXT NOT NULL,
        data               {{json}} NOT NULL,
        PRIMARY KEY (contract_reference, obligation_key)
      );
    `,
};
