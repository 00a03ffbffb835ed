import type { SqlDialect } from '../sql/sql-executor.js';

/**
 * One versioned schema change. Versions are applied in order, once, at start.
 *
 * The SQL is written once for both databases. Where their types differ it uses a token:
 * `{{json}}` (TEXT in SQLite, JSONB in PostgreSQL) and `{{identity}}` (an auto-numbered
 * primary key). A change that cannot be written that way gives the SQL for each dialect.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string | Readonly<Record<SqlDialect, string>>;
}

const TYPES: Readonly<Record<SqlDialect, Readonly<Record<'json' | 'identity', string>>>> = {
  sqlite: { json: 'TEXT', identity: 'INTEGER PRIMARY KEY AUTOINCREMENT' },
  postgres: { json: 'JSONB', identity: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' },
};

export function migrationSql(migration: Migration, dialect: SqlDialect): string {
  const sql = typeof migration.up === 'string' ? migration.up : migration.up[dialect];
  return sql.replace(/\{\{(json|identity)\}\}/g, (_, token: 'json' | 'identity') => TYPES[dialect][token]);
}
