import type pg from 'pg';
import type { SqlExecutor } from '../sql/sql-executor.js';

/** Numbers `?` placeholders as `$1, $2, ...`; our SQL never uses `?` otherwise. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function toPostgres(value: unknown): unknown {
  return value === undefined ? null : value;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

type Steps = Map<string, (tx: SqlExecutor) => Promise<void>>;

/** An executor over a pool (no `committing`) or over one transaction's client (with its steps). */
function executorOver(client: Queryable, transaction: SqlExecutor['transaction'], committing?: Steps): SqlExecutor {
  const self: SqlExecutor = {
    dialect: 'postgres',
    async all<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(numberPlaceholders(sql), params.map(toPostgres));
      return result.rows as Row[];
    },
    async run(sql, params = []) {
      const result = await client.query(numberPlaceholders(sql), params.map(toPostgres));
      return result.rowCount ?? 0;
    },
    transaction,
    beforeCommit: async (key, step) => {
      if (committing) committing.set(key, step);
      else await transaction(step);
    },
    close: async () => undefined,
  };
  return self;
}

/** PostgreSQL through a pg connection pool, for councils that run several bot instances. */
export class PostgresExecutor implements SqlExecutor {
  readonly dialect = 'postgres' as const;
  private readonly root: SqlExecutor;

  constructor(private readonly pool: pg.Pool) {
    this.root = executorOver(pool, (work) => this.transaction(work));
  }

  all<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.root.all<Row>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.root.run(sql, params);
  }

  beforeCommit(key: string, step: (tx: SqlExecutor) => Promise<void>): Promise<void> {
    return this.root.beforeCommit(key, step);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const committing: Steps = new Map();
      const tx: SqlExecutor = executorOver(client, (inner) => inner(tx), committing);
      const result = await work(tx);
      for (const step of committing.values()) await step(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
