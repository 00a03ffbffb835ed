import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '@contract-steward/core';
import { botContractAt, seedBotContracts, startBenchBot, summarise } from './bench-bot.js';
import type { Benchmark } from './index.js';

const SIZES = (process.env.BENCH_BOT_SIZES ?? '10000,100000').split(',').map(Number);
const ROUNDS = 5;
const TURNS_PER_ROUND = 20;
const MEDIAN_GOAL = 2;
const P99_GOAL = 3;
/** A PostgreSQL server to run the same turn on (a schema of its own is made and dropped). */
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.STEWARD_TEST_DATABASE_URL;

/** Echo and `renewals 90` turns in alternating rounds, so load on the machine hits both alike. */
async function measure(label: string, store: Store, contracts: number): Promise<void> {
  const seeded = Date.now();
  await seedBotContracts(store, contracts);
  console.log(`${label}: ${contracts.toLocaleString('en-GB')} contracts seeded in ${((Date.now() - seeded) / 1000).toFixed(0)} s`);
  const bot = await startBenchBot(store);
  try {
    for (let i = 0; i < 5; i++) await bot.turn('echo warm-up');
    for (let i = 0; i < 3; i++) await bot.turn('renewals 90');
    const echo: number[] = [];
    const renewals: number[] = [];
    const afterChange: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < TURNS_PER_ROUND; i++) echo.push(await bot.turn(`echo hello ${i}`));
      for (let i = 0; i < TURNS_PER_ROUND; i++) renewals.push(await bot.turn('renewals 90'));
      // The first question after a change to the index (untimed) counts the window afresh.
      for (let i = 0; i < TURNS_PER_ROUND; i++) {
        await store.contracts.upsert({ ...botContractAt(i), title: `Service contract ${i}, round ${round}` }, { actor: 'bench', source: 'bench' });
        afterChange.push(await bot.turn('renewals 90'));
      }
    }
    const base = summarise('echo turn', echo);
    const subject = summarise(`renewals 90 turn (${label})`, renewals);
    const fresh = summarise('  … first after a change', afterChange);
    const median = subject.median / base.median;
    const p99 = subject.p99 / base.p99;
    console.log(
      `  ratios: median ${median.toFixed(1)}× echo (goal ≤ ${MEDIAN_GOAL}×: ${median <= MEDIAN_GOAL ? 'met' : 'not met'}), p99 ${p99.toFixed(1)}× echo (goal ≤ ${P99_GOAL}×: ${p99 <= P99_GOAL ? 'met' : 'not met'})`,
    );
    console.log(`  first turn after a change: median ${(fresh.median / base.median).toFixed(1)}× echo, p99 ${(fresh.p99 / base.p99).toFixed(1)}× echo`);
  } finally {
    await bot.close();
  }
}

/**
 * A `renewals 90` turn over HTTP (POST /api/messages → the bot asks the deadline index which
 * contracts have a key date in the window, reads those, works out their key dates, renders the
 * digest card and posts it to a stand-in Bot Connector) against a bare echo turn through the
 * same server, at each register size on SQLite, and at the first size on PostgreSQL when a
 * server is given (BENCH_DATABASE_URL or STEWARD_TEST_DATABASE_URL).
 */
export const botTurn: Benchmark = {
  name: 'bot-turn',
  description: `"renewals 90" turn over HTTP at ${SIZES.map((n) => n.toLocaleString('en-GB')).join(' and ')} contracts vs a bare echo turn through the same server (goal: median ≤ ${MEDIAN_GOAL}×, p99 ≤ ${P99_GOAL}× echo)`,
  async run() {
    for (const size of SIZES) {
      const folder = mkdtempSync(join(tmpdir(), 'bench-bot-'));
      const store = await openStore({ kind: 'sqlite', path: join(folder, 'steward.db') });
      try {
        await measure(`SQLite, ${size.toLocaleString('en-GB')}`, store, size);
      } finally {
        await store.close();
        rmSync(folder, { recursive: true, force: true });
      }
    }
    if (POSTGRES_URL === undefined) {
      console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL or STEWARD_TEST_DATABASE_URL to a server)');
      return;
    }
    const size = SIZES[0] ?? 10_000;
    const schema = `steward_bench_${randomBytes(6).toString('hex')}`;
    const store = await openStore({ kind: 'postgres', connectionString: POSTGRES_URL, schema, maxConnections: 4 });
    try {
      await measure(`PostgreSQL, ${size.toLocaleString('en-GB')}`, store, size);
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  },
};
