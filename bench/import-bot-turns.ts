import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@contract-steward/core';
import { writeCouncilRegisterXlsx } from '../tests/support/generate-register.js';
import { seedBotContracts, startBenchBot, summarise } from './bench-bot.js';
import type { Benchmark } from './index.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const CONTRACTS = 10_000;
const BIN = fileURLToPath(new URL('../packages/core/bin/steward.js', import.meta.url));

/**
 * Bot turns while `steward import` (the built CLI, its own process and connection) writes a
 * 100,000-row register into the SQLite file the bot is serving: echo and `renewals 90` turns
 * one after another for as long as the import runs, against the same turns with the bot idle.
 * Every turn saves its conversation, so a turn waits whenever the import holds the write lock.
 */
export const importBotTurns: Benchmark = {
  name: 'import-bot-turns',
  description: `bot turns during a ${ROWS.toLocaleString('en-GB')}-row import into the same SQLite file (goal: no turn fails; p99 reported)`,
  async run() {
    const folder = mkdtempSync(join(tmpdir(), 'bench-import-bot-'));
    const db = join(folder, 'steward.db');
    const file = join(folder, 'register.xlsx');
    const store = await openStore({ kind: 'sqlite', path: db });
    try {
      const generated = Date.now();
      await writeCouncilRegisterXlsx(file, ROWS);
      console.log(`generated ${file}: ${(statSync(file).size / 1_048_576).toFixed(1)} MB in ${((Date.now() - generated) / 1000).toFixed(0)} s`);
      await seedBotContracts(store, CONTRACTS);
      const bot = await startBenchBot(store);
      try {
        for (let i = 0; i < 3; i++) await bot.turn('renewals 90');
        const idle: number[] = [];
        for (let i = 0; i < 40; i++) idle.push(await bot.turn(i % 2 ? 'renewals 90' : `echo ${i}`));

        const started = Date.now();
        const child = spawn(process.execPath, [BIN, 'import', file, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        let running = true;
        const exited = new Promise<number | null>((resolve) =>
          child.on('exit', (code) => {
            running = false;
            resolve(code);
          }),
        );
        const during: number[] = [];
        const failures: string[] = [];
        for (let i = 0; running; i++) {
          try {
            during.push(await bot.turn(i % 2 ? 'renewals 90' : `echo ${i}`));
          } catch (error) {
            failures.push(error instanceof Error ? error.message : String(error));
          }
        }
        const code = await exited;
        const seconds = (Date.now() - started) / 1000;
        if (code !== 0) throw new Error(`steward import failed (${code}): ${stderr}`);
        console.log(`  import of ${ROWS.toLocaleString('en-GB')} rows took ${seconds.toFixed(1)} s; ${(await store.contracts.count()).toLocaleString('en-GB')} contracts after it`);
        summarise('turns, bot idle', idle);
        summarise('turns during the import', during);
        console.log(`  failed turns during the import: ${failures.length} of ${during.length + failures.length} (goal 0)${failures.length ? `: ${[...new Set(failures)].join('; ')}` : ''}`);
      } finally {
        await bot.close();
      }
    } finally {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
