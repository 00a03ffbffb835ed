import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { applyMigrations } from './migrations/apply-migrations.js';
import { MIGRATIONS } from './migrations/index.js';
import { PostgresExecutor } from './postgres/postgres-executor.js';
import { SqliteExecutor } from './sqlite/sqlite-executor.js';
import { SqlStore } from './sql/sql-store.js';
import { StorageError } from './storage-error.js';
import type { Store } from './store.js';
import { londonToday } from '../shared/calendar.js';
import type { RenewalSettings } from '../renewals/renewal-settings.js';

export const DEFAULT_SQLITE_PATH = './data/steward.db';

/** Options every store takes. */
export interface CommonStoreOptions {
  /**
   * The renewal rules the deadline index is computed with (default: DEFAULT_RENEWAL_SETTINGS).
   * Give the ones the bot or CLI answers with, so their questions can read the index.
   */
  readonly renewalRules?: RenewalSettings;
}

export type StoreOptions = CommonStoreOptions &
  (
  | {
      readonly kind: 'sqlite';
      /** A file path, or `:memory:` for tests. */
      readonly path: string;
      /** Create the parent folder when missing (true for the default path only). */
      readonly createFolder?: boolean;
    }
  | {
      readonly kind: 'postgres';
      readonly connectionString: string;
      readonly maxConnections?: number;
      /** Run in this schema (created if missing); tests use one each. */
      readonly schema?: string;
    }
  );

/**
 * Chooses the store from configuration: PostgreSQL when a DATABASE_URL is given, otherwise
 * the embedded SQLite file. Callers read the environment; this function does not.
 */
export function storeOptionsFrom(settings: { databaseUrl?: string | undefined; sqlitePath?: string | undefined }): StoreOptions {
  if (settings.databaseUrl) return { kind: 'postgres', connectionString: settings.databaseUrl };
  if (settings.sqlitePath) return { kind: 'sqlite', path: settings.sqlitePath };
  return { kind: 'sqlite', path: DEFAULT_SQLITE_PATH, createFolder: true };
}

/** Opens the store, applies pending migrations and checks it answers. */
export async function openStore(options: StoreOptions): Promise<Store> {
  return options.kind === 'sqlite' ? openSqlite(options) : openPostgres(options);
}

async function openSqlite(options: Extract<StoreOptions, { kind: 'sqlite' }>): Promise<Store> {
  const path = options.path === ':memory:' ? ':memory:' : resolve(options.path);
  if (path !== ':memory:') {
    const folder = dirname(path);
    if (options.createFolder) mkdirSync(folder, { recursive: true });
    if (!existsSync(folder)) {
      throw new StorageError('storage-open-failed', `Cannot open the database ${options.path}: the folder ${folder} does not exist. Create it, or give another path with --db or STEWARD_DB.`);
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw new StorageError('storage-open-failed', `Cannot open the database ${options.path}: it is a folder. Give the path of a database file with --db or STEWARD_DB.`);
    }
  }
  let executor: SqliteExecutor | undefined;
  try {
    executor = new SqliteExecutor(new Database(path));
    const opened = executor;
    await applyMigrations(opened, MIGRATIONS, async (_tx, sql) => opened.execScript(sql));
    const store = new SqlStore(opened, path, options.renewalRules);
    await store.deadlines.ensureRules(londonToday(new Date()));
    return store;
  } catch (error) {
    await executor?.close().catch(() => undefined);
    if (/file is not a database|malformed/i.test(describe(error))) {
      throw new StorageError('storage-open-failed', `Cannot open the database ${options.path}: the file is not a Contract Steward (SQLite) database. Give another path with --db or STEWARD_DB.`, { cause: error });
    }
    throw new StorageError('storage-open-failed', `Cannot open the database ${options.path}: ${describe(error)}. Check the path and its permissions.`, { cause: error });
  }
}

async function openPostgres(options: Extract<StoreOptions, { kind: 'postgres' }>): Promise<Store> {
  const location = describePostgres(options.connectionString);
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 5,
      connectionTimeoutMillis: 5000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
  } catch (error) {
    throw new StorageError('storage-open-failed', `DATABASE_URL is not a valid PostgreSQL URL (${describe(error)}). Write it as postgres://user@host:5432/database.`, { cause: error });
  }
  // An idle client that loses its server emits 'error'; without a listener it would crash the process.
  pool.on('error', () => undefined);
  const executor = new PostgresExecutor(pool);
  try {
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replaceAll('"', '')}"`);
    await applyMigrations(executor, MIGRATIONS, (tx, sql) => tx.run(sql).then(() => undefined));
    const store = new SqlStore(executor, location, options.renewalRules);
    await store.deadlines.ensureRules(londonToday(new Date()));
    return store;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StorageError('storage-unavailable', `Cannot reach PostgreSQL at ${location}: ${describe(error)}. Check DATABASE_URL and that the server is running.`, { cause: error });
  }
}

/** host:port/database, never the user's password. */
export function describePostgres(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
