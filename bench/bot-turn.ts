import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { ContractSchema, openStore, type Contract } from '@contract-steward/core';
import { loadConfig } from '../packages/bot/src/config.js';
import { startServer } from '../packages/bot/src/server.js';
import type { Benchmark } from './index.js';

const CONTRACTS = 10_000;
const ROUNDS = 5;
const TURNS_PER_ROUND = 20;

function contractAt(i: number): Contract {
  const end = new Date(Date.UTC(2026, 11, 1) + (i % 1100) * 86_400_000).toISOString().slice(0, 10);
  return ContractSchema.parse({
    reference: `BENCH-${String(i).padStart(5, '0')}`,
    title: `Service contract ${i}`,
    supplier: { name: `Supplier ${i % 700} Ltd` },
    serviceArea: ['Housing', 'Environment', 'Corporate', 'Adult Social Care'][i % 4],
    owner: { name: `Owner ${i % 150}`, email: `owner${i % 150}@council.gov.uk` },
    startDate: '2024-04-01',
    endDate: end,
    noticePeriod: { amount: 1 + (i % 6), unit: 'months' },
    value: { annual: 5_000 + (i % 90) * 1_000 },
    renewal: i % 3 === 0 ? { type: 'extension-options', options: [{ amount: 1, unit: 'years' }], taken: 0 } : { type: 'fixed' },
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function describe(name: string, times: number[]): { median: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  console.log(`  ${name.padEnd(22)} n=${sorted.length}  median ${median.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${sorted.at(-1)?.toFixed(1)} ms`);
  return { median, p99 };
}

/**
 * A `renewals 90` turn over HTTP (POST /api/messages → the bot asks the deadline index which of
 * the 10,000 contracts have a key date in the window, reads those, works out their key dates,
 * renders the digest card and posts it to a stand-in Bot Connector),
 * against a bare echo turn through the same server: same HTTP, CloudAdapter, tenant filter and
 * reply path, no register work. Rounds alternate so load on the machine hits both alike.
 */
export const botTurn: Benchmark = {
  name: 'bot-turn',
  description: `"renewals 90" turn over HTTP at ${CONTRACTS.toLocaleString('en-GB')} contracts vs a bare echo turn through the same server`,
  async run() {
    const folder = mkdtempSync(join(tmpdir(), 'bench-bot-'));
    const connector = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"reply"}');
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    const store = await openStore({ kind: 'sqlite', path: join(folder, 'steward.db') });
    await store.contracts.upsertMany(Array.from({ length: CONTRACTS }, (_, i) => contractAt(i)), { actor: 'bench', source: 'bench' });
    const config = loadConfig({ PORT: '0', ADMINISTRATORS: 'bench.admin@council.gov.uk', WARNING_SCHEDULE: 'off', LOG_LEVEL: 'silent' });
    const server = await startServer(config, store, pino({ level: 'silent' }), {
      now: () => new Date('2026-11-26T09:00:00Z'),
      wrapRouter: (bot) => ({
        handle: async (activity, io) => {
          if (activity.kind === 'message' && activity.text.startsWith('echo ')) {
            await io.reply({ text: activity.text.slice(5) });
            return undefined;
          }
          return bot.handle(activity, io);
        },
      }),
    });
    const turn = async (text: string) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `m-${Math.random()}`,
          channelId: 'msteams',
          serviceUrl,
          from: { id: '29:bench', name: 'Bench Admin', aadObjectId: 'bench-aad' },
          conversation: { id: 'a:bench', conversationType: 'personal', tenantId: 't' },
          recipient: { id: '28:bot' },
          channelData: { tenant: { id: 't' } },
          text,
        }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`turn answered ${response.status}`);
      return performance.now() - started;
    };
    try {
      // The bench user's email comes from the roster lookup, which the stand-in cannot answer:
      // seed the chat so the turn sees an administrator, as in production after the first turn.
      await store.conversations.save({ conversationId: 'a:bench', scope: 'personal', serviceUrl, userAadObjectId: 'bench-aad', userEmail: 'bench.admin@council.gov.uk', reference: {}, installed: true });
      for (let i = 0; i < 5; i++) await turn('echo warm-up');
      for (let i = 0; i < 3; i++) await turn('renewals 90');
      const echo: number[] = [];
      const renewals: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < TURNS_PER_ROUND; i++) echo.push(await turn(`echo hello ${i}`));
        for (let i = 0; i < TURNS_PER_ROUND; i++) renewals.push(await turn('renewals 90'));
      }
      const base = describe('echo turn', echo);
      const subject = describe('renewals 90 turn', renewals);
      console.log(`  ratio (median renewals / median echo): ${(subject.median / base.median).toFixed(1)}x; p99 renewals ${subject.p99.toFixed(1)} ms vs echo ${base.p99.toFixed(1)} ms`);
    } finally {
      await server.close();
      await store.close();
      await new Promise<void>((resolve) => connector.close(() => resolve()));
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
