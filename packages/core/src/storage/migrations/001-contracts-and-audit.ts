import type { Migration } from './migration.js';

/**
 * Contracts are stored whole as JSON (the zod schema is the source of truth) with the
 * columns we query by pulled out and indexed. Dates are YYYY-MM-DD text in both dialects,
 * so range queries compare as text and mean the same everywhere.
 */
export const contractsAndAudit: Migration = {
  version: 1,
  name: 'contracts and audit trail',
  up: {
    sqlite: `
      CREATE TABLE contracts (
        reference    TEXT PRIMARY KEY,
        data         TEXT NOT NULL,
        end_date     TEXT,
        owner_email  TEXT,
        service_area TEXT,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX contracts_end_date ON contracts (end_date);
      CREATE INDEX contracts_owner_email ON contracts (owner_email);
      CREATE INDEX contracts_service_area ON contracts (service_area);
      CREATE TABLE audit_log (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        source     TEXT NOT NULL,
        action     TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        changes    TEXT NOT NULL
      );
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_key);
    `,
    postgres: `
      CREATE TABLE contracts (
        reference    TEXT PRIMARY KEY,
        data         JSONB NOT NULL,
        end_date     TEXT,
        owner_email  TEXT,
        service_area TEXT,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX contracts_end_date ON contracts (end_date);
      CREATE INDEX contracts_owner_email ON contracts (owner_email);
      CREATE INDEX contracts_service_area ON contracts (service_area);
      CREATE TABLE audit_log (
        id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        source     TEXT NOT NULL,
        action     TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        changes    JSONB NOT NULL
      );
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_key);
    `,
  },
};
