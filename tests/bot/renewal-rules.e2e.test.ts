import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@contract-steward/core';
import { makeContract } from '../support/contracts.js';
import { indexedRenewalDates } from '../support/indexed-dates.js';
import { startBotProcess, type BotProcess } from './bot-process.js';

describe('the bot process and its deadline index', () => {
  const processes: BotProcess[] = [];
  afterAll(async () => {
    for (const bot of processes) await bot.stop();
  });

  it('opens the store with the renewal rules it asks with, so the index holds GOVERNANCE_LEAD_TIMES dates', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'steward-rules-')), 'steward.db');
    const seeding = await openStore({ kind: 'sqlite', path });
    await seeding.contracts.upsert(makeContract({ reference: 'CON-0042' }), { actor: 'p.officer@council.gov.uk', source: 'test', at: new Date('2026-07-02T09:00:00Z') });
    await seeding.close();
    // Worked by hand: CON-0042 is worth £300,000 and its notice period of 6 months runs from 31
    // March 2027 back to Wednesday 30 September 2026. The default rules give 42 days of approval,
    // 19 August; the council's "90 days above £100,000" gives Thursday 2 July 2026.
    expect(indexedRenewalDates(path, 'CON-0042').notice).toBe('2026-08-19');

    const bot = await startBotProcess({ STEWARD_DB: path, GOVERNANCE_LEAD_TIMES: '100000:0,90' });
    processes.push(bot);
    await bot.stop();
    expect(indexedRenewalDates(path, 'CON-0042').notice).toBe('2026-07-02');
  });
});
