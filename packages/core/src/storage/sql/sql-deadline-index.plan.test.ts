import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../migrations/apply-migrations.js';
import { MIGRATIONS } from '../migrations/index.js';
import { SqliteExecutor } from '../sqlite/sqlite-executor.js';
import { SqlDeadlineIndex } from './sql-deadline-index.js';
import type { SqlExecutor } from './sql-executor.js';

/** The executor, noting every query it is asked to read. */
function recording(inner: SqlExecutor, queries: { sql: string; params: readonly unknown[] }[]): SqlExecutor {
  return {
    dialect: inner.dialect,
    all: (sql, params = []) => {
      queries.push({ sql, params });
      return inner.all(sql, params);
    },
    run: (sql, params) => inner.run(sql, params),
    transaction: (work) => inner.transaction((tx) => work(recording(tx, queries))),
    beforeCommit: (key, step) => inner.beforeCommit(key, step),
    close: () => inner.close(),
  };
}

async function plansOfWindow(query: Parameters<SqlDeadlineIndex['window']>[0]): Promise<string[]> {
  const executor = new SqliteExecutor(new Database(':memory:'));
  await applyMigrations(executor, MIGRATIONS, async (_tx, sql) => executor.execScript(sql));
  const queries: { sql: string; params: readonly unknown[] }[] = [];
  await new SqlDeadlineIndex(recording(executor, queries)).window(query);
  const plans = [];
  for (const { sql, params } of queries) {
    const steps = await executor.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
    plans.push(steps.map((s) => s.detail).join(' | '));
  }
  await executor.close();
  return plans;
}

// A digest must cost what its window holds, not what the register holds.
describe('the deadline window queries on SQLite', () => {
  it('read the window through indexes, counting it and naming its first contracts without visiting the table', async () => {
    const plans = await plansOfWindow({ source: 'renewal', from: '2026-12-01', to: '2027-03-01', today: '2026-12-01', limit: 25 });
    expect(plans).toHaveLength(2);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN deadline_index(?! USING)/);
    const [first, moving] = plans;
    expect(first).toContain('USING COVERING INDEX deadline_index_window');
    // Rows computed on another day are found by when they were computed, not by scanning every date.
    expect(moving).toContain('deadline_index_moving (source=? AND moves=? AND as_of<?)');
    expect(moving).toContain('deadline_index_moving (source=? AND moves=? AND as_of>?)');
  });

  it('read one owner\'s window through the owner index', async () => {
    const plans = await plansOfWindow({ source: 'renewal', from: '2026-12-01', to: '2027-03-01', today: '2026-12-01', limit: 25, ownerEmail: 'a.khan@council.gov.uk' });
    for (const plan of plans) expect(plan).not.toMatch(/SCAN deadline_index(?! USING)/);
    expect(plans[0]).toMatch(/deadline_index_owner|deadline_index_window/);
  });

  it('finds the rows the daily run must work out again through the index of rows that change daily', async () => {
    const executor = new SqliteExecutor(new Database(':memory:'));
    await applyMigrations(executor, MIGRATIONS, async (_tx, sql) => executor.execScript(sql));
    const queries: { sql: string; params: readonly unknown[] }[] = [];
    await new SqlDeadlineIndex(recording(executor, queries)).refresh('2026-12-01');
    const [stale] = queries;
    const steps = await executor.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${stale?.sql ?? ''}`, stale?.params ?? []);
    expect(steps.map((s) => s.detail).join(' | ')).toBe('SEARCH deadline_index USING INDEX deadline_index_daily (as_of<?)');
    await executor.close();
  });
});
