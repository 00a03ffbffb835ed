import type { Migration } from './migration.js';

/**
 * Contracts are stored whole as JSON (the zod schema is the source of truth) with the
 * columns we query by pulled out and indexed. Dates are YYYY-MM-DD text in both dialects,
 * so range queries compare as text and mean the same everywhere.
 */
export const contractsAndAudit: Migration = {
  version: 1,
  name: 'contracts and audit trail',
  up: `
      CREATE TABLE contracts (
        reference    TEXT PRIMARY KEY,
        data         {{json}} NOT NULL,
        end_date     TEXT,
        owner_email  TEXT,
        service_area TEXT,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX contracts_end_date ON contracts (end_date);
      CREATE INDEX contracts_owner_email ON contracts (owner_email);
      CREATE INDEX contracts_service_area ON contracts (service_area);
      CREATE TABLE audit_log (
        id         {{identity}},
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        source     TEXT NOT NULL,
        action     TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        changes    {{json}} NOT NULL
      );
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_key);
    `,
};
