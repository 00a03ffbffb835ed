import type { SqlExecutor } from '../sql/sql-executor.js';
import { migrationSql, type Migration } from './migration.js';

/** A fixed key so that bot instances starting together on PostgreSQL migrate one at a time. */
const MIGRATION_LOCK_KEY = 7_310_042;

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own
 * transaction with its record, so a failure leaves the schema at the last good version.
 * `execScript` runs a multi-statement script on the transaction's connection.
 */
export async function applyMigrations(
  executor: SqlExecutor,
  migrations: readonly Migration[],
  execScript: (tx: SqlExecutor, sql: string) => Promise<void>,
  now: () => Date = () => new Date(),
): Promise<number[]> {
  await executor.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    await executor.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
      const done = await tx.all('SELECT version FROM schema_migrations WHERE version = ?', [migration.version]);
      if (done.length > 0) return;
      await execScript(tx, migrationSql(migration, tx.dialect));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
      applied.push(migration.version);
    });
  }
  return applied;
}
