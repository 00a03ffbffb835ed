import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { StandInConnector } from '../support/stand-in-connector.js';
import { TEST_POSTGRES_URL } from '../support/stores.js';
import { startBotProcess, type BotProcess } from './bot-process.js';
import { RUN_TOKEN, seedDueContracts, sentWarningKeys } from './proactive-support.js';

/**
 * A PostgreSQL database both bot processes can reach. With STEWARD_TEST_DATABASE_URL, a new
 * database on that server: real concurrent sessions, where the ledger's claim
 * (`FOR UPDATE SKIP LOCKED` in one UPDATE) is what keeps the two processes apart.
 * Without it, an embedded PGlite behind its socket server. PGlite has one session, which the
 * socket server multiplexes: statements from the two processes interleave one at a time, and
 * an open transaction holds the session for its own connection until it ends. So the processes
 * still race for the same rows through separate connections, claim by claim, and the test still
 * fails if a claim could hand a warning to both (for instance if the claim were a SELECT then an
 * UPDATE without a re-check); what it cannot show there is two claims running at the same instant.
 */
async function sharedPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  if (TEST_POSTGRES_URL) {
    const name = `steward_two_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async drop() {
      await server.stop();
      await db.close();
    },
  };
}

describe(`two bot processes on one PostgreSQL (${TEST_POSTGRES_URL ? 'server' : 'embedded PGlite'})`, () => {
  const connector = new StandInConnector();
  const processes: BotProcess[] = [];
  let database: { url: string; drop(): Promise<void> } | undefined;
  afterAll(async () => {
    for (const bot of processes) await bot.stop();
    await database?.drop();
    await connector.stop();
  });

  it('send each due warning exactly once when they run the job at the same moment', async () => {
    await connector.start();
    connector.delayMs = 20; // slow enough that the two runs overlap
    database = await sharedPostgres();
    const seeding = await openStore({ kind: 'postgres', connectionString: database.url, maxConnections: 1 });
    await seedDueContracts(seeding, connector.serviceUrl, 30, (i) => `owner${i}@council.gov.uk`);
    await seeding.close();

    const env = { DATABASE_URL: database.url, RENEWALS_RUN_TOKEN: RUN_TOKEN, SEND_PACE_MS: '0' };
    const [a, b] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
    processes.push(a, b);
    const [runA, runB] = await Promise.all([a.runRenewals(RUN_TOKEN), b.runRenewals(RUN_TOKEN)]);

    const store = await openStore({ kind: 'postgres', connectionString: database.url, maxConnections: 1 });
    const ledger = await store.renewals.listWarnings();
    await store.close();
    const keys = sentWarningKeys(connector.activities);
    expect(ledger.length).toBeGreaterThanOrEqual(30);
    expect(runA.failed + runB.failed).toBe(0);
    expect(runA.sent + runB.sent).toBe(ledger.length);
    // Both really took part: each sent some of the warnings.
    expect(Math.min(runA.sent, runB.sent)).toBeGreaterThan(0);
    expect(ledger.every((w) => w.state === 'sent')).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(ledger.map((w) => w.key).sort());
  }, 180_000);
});
