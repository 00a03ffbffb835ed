import type { Migration } from './migration.js';

/**
 * Contract performance: KPIs and SLAs, their results per period, usage (paid for vs used) and
 * review meetings. Each row is stored whole as JSON (the performance schemas are the source of
 * truth) with the columns we key and filter by pulled out. KPI names are keyed lower-cased, so
 * "Availability" and "availability " are one KPI of a contract. Contracts are referenced by
 * reference, not by foreign key, like savings: re-importing the register must not take the
 * performance record with it.
 */
export const performance: Migration = {
  version: 7,
  name: 'contract performance',
  up: `
      CREATE TABLE kpis (
        contract_reference TEXT NOT NULL,
        name_key           TEXT NOT NULL,
        data               {{json}} NOT NULL,
        updated_at         TEXT NOT NULL,
        PRIMARY KEY (contract_reference, name_key)
      );
      CREATE TABLE kpi_results (
        contract_reference TEXT NOT NULL,
        kpi_key            TEXT NOT NULL,
        period_start       TEXT NOT NULL,
        period_end         TEXT NOT NULL,
        data               {{json}} NOT NULL,
        updated_at         TEXT NOT NULL,
        PRIMARY KEY (contract_reference, kpi_key, period_start)
      );
      CREATE INDEX kpi_results_period ON kpi_results (period_start, period_end);
      CREATE TABLE contract_usage (
        contract_reference TEXT NOT NULL,
        item_key           TEXT NOT NULL,
        period_start       TEXT NOT NULL,
        data               {{json}} NOT NULL,
        updated_at         TEXT NOT NULL,
        PRIMARY KEY (contract_reference, item_key, period_start)
      );
      CREATE TABLE review_meetings (
        id                 TEXT PRIMARY KEY,
        contract_reference TEXT NOT NULL,
        meeting_date       TEXT NOT NULL,
        data               {{json}} NOT NULL,
        updated_at         TEXT NOT NULL
      );
      CREATE INDEX review_meetings_contract ON review_meetings (contract_reference, meeting_date);
    `,
};
