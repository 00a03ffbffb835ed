import { describe, expect, it } from 'vitest';
import { migrationSql } from './migration.js';

describe('migrationSql', () => {
  const migration = { version: 99, name: 'example', up: 'CREATE TABLE t (id {{identity}}, data {{json}} NOT NULL)' };

  it('writes JSON columns as TEXT and identities as AUTOINCREMENT for SQLite', () => {
    expect(migrationSql(migration, 'sqlite')).toBe('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, data TEXT NOT NULL)');
  });

  it('writes JSON columns as JSONB and identities as generated identities for PostgreSQL', () => {
    expect(migrationSql(migration, 'postgres')).toBe('CREATE TABLE t (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data JSONB NOT NULL)');
  });

  it('takes per-dialect SQL as it is', () => {
    expect(migrationSql({ version: 1, name: 'x', up: { sqlite: 'A', postgres: 'B' } }, 'postgres')).toBe('B');
  });
});
