import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KpiSchema, UsageSchema, type Store } from '@contract-steward/core';
import { teamsMessage } from '../support/stand-in-connector.js';
import { ASHA, cardOf, PRIYA, seedRegister, startHarness, type Harness } from './bot-harness.js';
import { inChannel, personal } from './files-support.js';

const audit = { actor: 'test', source: 'test' };

/** CON-0001 (Asha's) misses its target; CON-0003 meets it; CON-0002 (Ben's) has no KPIs. */
async function seedPerformance(store: Store): Promise<void> {
  for (const contract of ['CON-0001', 'CON-0003']) {
    await store.performance.upsertKpi(KpiSchema.parse({ contract, name: 'Availability', measure: 'percentage', target: 99, tolerance: 0.5, frequency: 'monthly', from: '2026-08-01' }), audit);
  }
  const result = (contract: string, periodStart: string, periodEnd: string, value: number) => ({ contract, kpi: 'Availability', periodStart, periodEnd, value, enteredBy: 'p.ng@council.gov.uk', enteredAt: '2026-11-02T09:00:00Z' });
  await store.performance.recordResults(
    [
      result('CON-0001', '2026-08-01', '2026-08-31', 99.4),
      result('CON-0001', '2026-09-01', '2026-09-30', 98.8),
      result('CON-0001', '2026-10-01', '2026-10-31', 96),
      result('CON-0003', '2026-10-01', '2026-10-31', 99.9),
    ],
    audit,
  );
  await store.performance.upsertUsage(UsageSchema.parse({ contract: 'CON-0001', item: 'licences', periodStart: '2026-04-01', periodEnd: '2027-03-31', paidFor: 200, used: 90 }), audit);
}

describe('performance in Teams, over HTTP with the stand-in connector', () => {
  let bot: Harness;
  const say = (text: string, person = ASHA) => bot.exchange(teamsMessage(bot.connector.serviceUrl, text, personal(person)));

  beforeAll(async () => {
    bot = await startHarness();
    await seedRegister(bot.store);
    await seedPerformance(bot.store);
  });
  afterAll(() => bot?.close());

  it('shows an owner their contract’s KPIs with the last rating, compliance, a trend and ratings chart with text fallbacks, and low utilisation', async () => {
    const [reply] = await say('performance CON-0001');
    const card = cardOf(reply);
    expect(card).toContain('Performance of CON-0001: Revenues e-forms');
    expect(card).toContain('**Availability**: 96% (target at least 99%), **Requires improvement**');
    expect(card).toContain('below the 80% goal');
    expect(card).toContain('"type":"Chart.Line"');
    expect(card).toContain('Aug 2026: 99.4%, Good · Sep 2026: 98.8%, Approaching target · Oct 2026: 96%, Requires improvement');
    expect(card).toContain('"type":"Chart.Donut"');
    expect(card).toContain('Good: 1 · Approaching target: 1 · Requires improvement: 1');
    expect(card).toContain('Review usage before renewing');
  });

  it('refuses another owner’s contract without naming its owner, and the digest to someone without the role', async () => {
    const [other] = await say('performance CON-0002');
    expect(other?.text).toContain('You are not the owner of CON-0002');
    expect(other?.text).not.toContain('Ben');
    const [digest] = await say('performance');
    expect(digest?.text).toContain('the council-wide performance digest is for procurement');
  });

  it('gives procurement the contracts below 80% compliance, and not those meeting it', async () => {
    const [reply] = await say('performance', PRIYA);
    const card = cardOf(reply);
    expect(card).toContain('Contracts below 80% compliance');
    expect(card).toContain('**CON-0001**: Revenues e-forms');
    expect(card).not.toContain('CON-0003');
    expect(card).toContain('Latest results of 2 contracts');
  });

  it('answers in a personal chat when asked in a channel, with only a note in the channel', async () => {
    // Priya's personal chat is known from asking there above.
    const sent = await bot.exchange(teamsMessage(bot.connector.serviceUrl, '<at>Contract Steward</at> performance', inChannel(PRIYA)), 2);
    const channelId = (inChannel(PRIYA).conversation as { id: string }).id;
    const conversationOf = (a: Record<string, unknown> | undefined) => (a?.conversation as { id?: string } | undefined)?.id;
    expect(sent.filter((a) => conversationOf(a) === channelId).map((a) => a.text)).toEqual(["I've sent the details to you in a personal chat."]);
    expect(cardOf(sent.find((a) => conversationOf(a) !== channelId))).toContain('Contracts below 80% compliance');
  });

  it('shows the contract card with the regime, the next statutory deadline, the headroom gauge and utilisation', async () => {
    const [reply] = await say('contract CON-0001');
    const card = cardOf(reply);
    expect(card).toContain('**Procurement law**');
    expect(card).toContain('**Regime**');
    expect(card).toContain('Modification headroom');
    expect(card).toContain('licences: 90 of 200 used (**45%**)');
    expect(card).toContain('Review usage before renewing: under the 70% level');
  });
});
