import type { SqlDialect } from '../sql/sql-executor.js';

/**
 * One versioned schema change. Versions are applied in order, once, at start. Most SQL is
 * shared; where the dialects differ (identity columns, jsonb) the migration gives both.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string | Readonly<Record<SqlDialect, string>>;
}

export function migrationSql(migration: Migration, dialect: SqlDialect): string {
  return typeof migration.up === 'string' ? migration.up : migration.up[dialect];
}
