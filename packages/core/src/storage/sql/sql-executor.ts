export type SqlDialect = 'sqlite' | 'postgres';

/**
 * The little a repository needs from a database: run a statement, read rows, and group
 * statements in a transaction. SQL is written once with `?` placeholders; the PostgreSQL
 * executor numbers them. Each adapter implements this in its own file.
 */
export interface SqlExecutor {
  readonly dialect: SqlDialect;
  /** Rows returned by a query. */
  all<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a statement and returns how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside a transaction, calling this again joins the outer transaction.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: runs `step` just before the outermost transaction commits, once however
   * often it is asked for under the same `key`, and never if the transaction rolls back. Outside
   * one: runs it at once, in a transaction of its own. For a write that every change of a kind
   * must make but that should hold its lock only for the moment of the commit.
   */
  beforeCommit(key: string, step: (tx: SqlExecutor) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** A JSON column: text in SQLite, jsonb (already parsed by pg) in PostgreSQL. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
