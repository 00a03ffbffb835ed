import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqliteExecutor } from './sqlite-executor.js';

async function counter(): Promise<SqliteExecutor> {
  const executor = new SqliteExecutor(new Database(':memory:'));
  executor.execScript('CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0); CREATE TABLE item (name TEXT NOT NULL)');
  return executor;
}
const bump = (tx: SqlExecutor) => tx.run('UPDATE counter SET n = n + 1').then(() => undefined);
const count = async (executor: SqliteExecutor) => (await executor.all<{ n: number }>('SELECT n FROM counter'))[0]?.n;

describe('SqliteExecutor.beforeCommit', () => {
  it('runs a step once per key as the outermost transaction commits, after its work', async () => {
    const executor = await counter();
    const seen = await executor.transaction(async (tx) => {
      await tx.beforeCommit('count', bump);
      await tx.transaction(async (inner) => inner.beforeCommit('count', bump));
      await tx.run("INSERT INTO item VALUES ('a')");
      return (await tx.all<{ n: number }>('SELECT n FROM counter'))[0]?.n;
    });
    expect(seen).toBe(0);
    expect(await count(executor)).toBe(1);
  });

  it('does not run it when the transaction rolls back', async () => {
    const executor = await counter();
    await expect(
      executor.transaction(async (tx) => {
        await tx.beforeCommit('count', bump);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await count(executor)).toBe(0);
    // Nor in the next transaction.
    await executor.transaction(async (tx) => tx.run("INSERT INTO item VALUES ('b')"));
    expect(await count(executor)).toBe(0);
  });

  it('runs it at once outside a transaction', async () => {
    const executor = await counter();
    await executor.beforeCommit('count', bump);
    expect(await count(executor)).toBe(1);
  });
});
