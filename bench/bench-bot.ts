import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { ContractSchema, type Contract, type Store } from '@contract-steward/core';
import { loadConfig } from '../packages/bot/src/config.js';
import { startServer } from '../packages/bot/src/server.js';

/** Contract `i` of the bot benchmarks' register: end dates spread over three years. */
export function botContractAt(i: number): Contract {
  const end = new Date(Date.UTC(2026, 11, 1) + (i % 1100) * 86_400_000).toISOString().slice(0, 10);
  return ContractSchema.parse({
    reference: `BENCH-${String(i).padStart(6, '0')}`,
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

/** Writes `count` bench contracts in batches, so that seeding 100,000 does not hold them all. */
export async function seedBotContracts(store: Store, count: number): Promise<void> {
  for (let at = 0; at < count; at += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, count - at) }, (_, i) => botContractAt(at + i));
    await store.contracts.upsertMany(batch, { actor: 'bench', source: 'bench' });
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function summarise(name: string, times: number[]): { median: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  console.log(`  ${name.padEnd(34)} n=${sorted.length}  median ${median.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${sorted.at(-1)?.toFixed(1)} ms`);
  return { median, p99 };
}

export interface BenchBot {
  /** One turn over HTTP; resolves with its time in ms, rejects when the bot answers other than 200. */
  turn(text: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * The bot's HTTP server over `store`, with a stand-in Bot Connector on 127.0.0.1 and an `echo`
 * command (same HTTP, CloudAdapter, tenant filter and reply path; no register work) as the
 * baseline turn. The bench user is seeded as an administrator.
 */
export async function startBenchBot(store: Store): Promise<BenchBot> {
  // A turn that throws still answers 200: the adapter's error handler posts an apology instead.
  let apologies = 0;
  const connector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (body.includes('something went wrong')) apologies += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"reply"}');
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
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
  // The bench user's email comes from the roster lookup, which the stand-in cannot answer:
  // seed the chat so the turn sees an administrator, as in production after the first turn.
  await store.conversations.save({ conversationId: 'a:bench', scope: 'personal', serviceUrl, userAadObjectId: 'bench-aad', userEmail: 'bench.admin@council.gov.uk', reference: {}, installed: true });
  return {
    async turn(text) {
      const started = performance.now();
      const before = apologies;
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
      if (apologies > before) throw new Error('the bot answered "something went wrong"');
      return performance.now() - started;
    },
    async close() {
      await server.close();
      await new Promise<void>((resolve) => connector.close(() => resolve()));
    },
  };
}
