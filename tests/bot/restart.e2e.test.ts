import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { StandInConnector } from '../support/stand-in-connector.js';
import { startBotProcess, type BotProcess } from './bot-process.js';
import { RUN_TOKEN, seedDueContracts, sentWarningKeys } from './proactive-support.js';

describe('a bot process that crashes in the middle of a warning run', () => {
  const connector = new StandInConnector();
  const processes: BotProcess[] = [];
  afterAll(async () => {
    for (const bot of processes) await bot.kill();
    await connector.stop();
  });

  it('neither loses nor duplicates a warning when it is restarted', async () => {
    await connector.start();
    const path = join(mkdtempSync(join(tmpdir(), 'steward-restart-')), 'steward.db');
    const seeding = await openStore({ kind: 'sqlite', path });
    await seedDueContracts(seeding, connector.serviceUrl, 5, () => 'a.khan@council.gov.uk');
    await seeding.close();
    const env = { STEWARD_DB: path, RENEWALS_RUN_TOKEN: RUN_TOKEN, SEND_PACE_MS: '50', SEND_LEASE_MS: '1500' };

    // The fourth message is lost in flight: the connector never answers it, and the bot is killed while it waits.
    let posts = 0;
    let lost: () => void = () => undefined;
    const fourthSent = new Promise<void>((resolve) => (lost = resolve));
    connector.behaviour = (request) => {
      if (request.method !== 'POST' || !request.path.includes('/activities')) return undefined;
      posts++;
      if (posts === 4) {
        lost();
        return { status: 0, hang: true };
      }
      return undefined;
    };
    const first = await startBotProcess(env);
    processes.push(first);
    const run = first.runRenewals(RUN_TOKEN).catch(() => undefined);
    await fourthSent;
    await first.kill();
    await run;
    expect(sentWarningKeys(connector.activities)).toHaveLength(3);

    // After the lease runs out, a new process takes over the warnings the dead one had claimed.
    connector.behaviour = () => undefined;
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const second = await startBotProcess(env);
    processes.push(second);
    const summary = await second.runRenewals(RUN_TOKEN);
    expect(summary.failed).toBe(0);
    await second.stop();

    const store = await openStore({ kind: 'sqlite', path });
    const ledger = await store.renewals.listWarnings();
    await store.close();
    const keys = sentWarningKeys(connector.activities);
    expect(ledger.length).toBeGreaterThan(4);
    expect(ledger.every((w) => w.state === 'sent')).toBe(true);
    expect([...keys].sort()).toEqual(ledger.map((w) => w.key).sort());
    expect(new Set(keys).size).toBe(keys.length);
  }, 180_000);
});
