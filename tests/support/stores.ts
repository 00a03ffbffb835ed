import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '@contract-steward/core';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';

export interface StoreFactory {
  /** Shown in test names, so the output says which database each suite ran against. */
  readonly name: string;
  /** A fresh, empty, migrated store of this kind. Closes the one `create` gave before. */
  create(): Promise<Store>;
  /**
   * A second store on the database `create` last made, as another bot instance or the CLI
   * would open it. Closed by the next `create` or by `cleanup`.
   */
  openBeside(): Promise<Store>;
  /** Closes and drops what `create` made. */
  cleanup(): Promise<void>;
}

/** Stores opened beside the current one, closed together. */
function besides() {
  let opened: Store[] = [];
  return {
    add(store: Store): Store {
      opened.push(store);
      return store;
    },
    async closeAll(): Promise<void> {
      const closing = opened;
      opened = [];
      await Promise.all(closing.map((store) => store.close()));
    },
  };
}

/**
 * The PostgreSQL the tests use: the server named by STEWARD_TEST_DATABASE_URL (CI sets it
 * to the machine's server), otherwise an embedded PGlite. The suite never skips: an
 * unreachable configured server fails the tests.
 */
export const TEST_POSTGRES_URL = process.env.STEWARD_TEST_DATABASE_URL;

/** A new empty SQLite file in a temporary folder. */
export function sqliteFactory(): StoreFactory {
  let current: Store | undefined;
  let path = '';
  const others = besides();
  return {
    name: 'SQLite (better-sqlite3, file in WAL mode)',
    async create() {
      await others.closeAll();
      await current?.close();
      const folder = mkdtempSync(join(tmpdir(), 'steward-test-'));
      path = join(folder, 'steward.db');
      current = await openStore({ kind: 'sqlite', path });
      return current;
    },
    async openBeside() {
      return others.add(await openStore({ kind: 'sqlite', path }));
    },
    async cleanup() {
      await others.closeAll();
      await current?.close();
      current = undefined;
    },
  };
}

/** A new schema on the PostgreSQL server, or a reset embedded PGlite. */
export function postgresFactory(): StoreFactory {
  return TEST_POSTGRES_URL ? serverFactory(TEST_POSTGRES_URL) : embeddedFactory();
}

function serverFactory(url: string): StoreFactory {
  let current: { store: Store; schema: string } | undefined;
  const others = besides();
  const dropCurrent = async () => {
    await others.closeAll();
    if (!current) return;
    await current.store.close();
    await withClient(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${current?.schema} CASCADE`));
    current = undefined;
  };
  return {
    name: `PostgreSQL (server ${new URL(url).host})`,
    async create() {
      await dropCurrent();
      const schema = `steward_test_${randomBytes(6).toString('hex')}`;
      current = { schema, store: await openStore({ kind: 'postgres', connectionString: url, schema, maxConnections: 4 }) };
      return current.store;
    },
    async openBeside() {
      if (!current) throw new Error('create a store first');
      return others.add(await openStore({ kind: 'postgres', connectionString: url, schema: current.schema, maxConnections: 2 }));
    },
    cleanup: dropCurrent,
  };
}

function embeddedFactory(): StoreFactory {
  let embedded: EmbeddedPostgres | undefined;
  let current: Store | undefined;
  const others = besides();
  return {
    name: 'PostgreSQL (embedded PGlite)',
    async create() {
      await others.closeAll();
      await current?.close();
      embedded ??= await startEmbeddedPostgres();
      await withClient(embedded.url, (client) => client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
      current = await openStore({ kind: 'postgres', connectionString: embedded.url, maxConnections: 1 });
      return current;
    },
    async openBeside() {
      if (!embedded) throw new Error('create a store first');
      return others.add(await openStore({ kind: 'postgres', connectionString: embedded.url, maxConnections: 1 }));
    },
    async cleanup() {
      await others.closeAll();
      await current?.close();
      await embedded?.stop();
      current = undefined;
      embedded = undefined;
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const STORE_FACTORIES: readonly (() => StoreFactory)[] = [sqliteFactory, postgresFactory];
