import type Database from 'better-sqlite3';
import type { SqlExecutor } from '../sql/sql-executor.js';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * Serialises access to the single better-sqlite3 connection: a transaction holds the lock
 * until it commits, so a concurrent bot turn can neither see nor join an import half-done.
 */
class Lock {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T> | T): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** SQLite through better-sqlite3, in WAL mode, as the embedded default store. */
export class SqliteExecutor implements SqlExecutor {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  private readonly lock = new Lock();
  /** The steps to run before the open transaction commits (see beforeCommit). */
  private committing = new Map<string, (tx: SqlExecutor) => Promise<void>>();

  constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Another process's write transaction (a CLI import's writes: about 5 s for 100,000 rows on
    // a busy machine) is waited for, so a bot turn beside it is slow rather than failed.
    db.pragma('busy_timeout = 30000');
  }

  all<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.lock.run(() => this.allNow<Row>(sql, params));
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.lock.run(() => this.runNow(sql, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      this.committing = new Map();
      try {
        const result = await work(this.inTransaction);
        for (const step of this.committing.values()) await step(this.inTransaction);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  beforeCommit(_key: string, step: (tx: SqlExecutor) => Promise<void>): Promise<void> {
    return this.transaction(step);
  }

  async close(): Promise<void> {
    await this.lock.run(() => this.db.close());
  }

  /** The view of this connection handed to work running inside a transaction: no lock. */
  private readonly inTransaction: SqlExecutor = {
    dialect: 'sqlite',
    all: async <Row>(sql: string, params: readonly unknown[] = []) => this.allNow<Row>(sql, params),
    run: async (sql, params = []) => this.runNow(sql, params),
    transaction: (work) => work(this.inTransaction),
    beforeCommit: async (key, step) => {
      this.committing.set(key, step);
    },
    close: async () => undefined,
  };

  private allNow<Row>(sql: string, params: readonly unknown[]): Row[] {
    return this.prepare(sql).all(...params.map(toSqlite)) as Row[];
  }

  private runNow(sql: string, params: readonly unknown[]): number {
    const statement = this.prepare(sql);
    if (statement.reader) return statement.all(...params.map(toSqlite)).length;
    return statement.run(...params.map(toSqlite)).changes;
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs a script of several statements (migrations only). */
  execScript(sql: string): void {
    this.db.exec(sql);
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans become 0/1. */
function toSqlite(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
