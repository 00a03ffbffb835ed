import { KpiSchema } from '@contract-steward/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionInvoke, teamsActivity } from '../support/stand-in-connector.js';
import { ASHA, cardOf, makeContract, PRIYA, startHarness, type Harness } from './bot-harness.js';

const TOKEN = 'run-token-0123456789abcdef0123456789';
const CHAT = 'a:personal-chat-1';
const asAsha = { from: { id: ASHA.id, name: ASHA.name, aadObjectId: ASHA.aadObjectId }, conversation: { id: CHAT, conversationType: 'personal', tenantId: 'tenant-1' } };
const asPriya = { from: { id: PRIYA.id, name: PRIYA.name, aadObjectId: PRIYA.aadObjectId }, conversation: { id: 'a:personal-chat-2', conversationType: 'personal', tenantId: 'tenant-1' } };

async function runNow(bot: Harness): Promise<{ raised: number; sent: number; failed: number }> {
  const response = await fetch(`${bot.server.url}/api/renewals/run`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await response.json()) as { result: { raised: number; sent: number; failed: number } }).result;
}
const keyOf = (activity: Record<string, unknown> | undefined) => /"warningKey":"([^"]+)"/.exec(cardOf(activity))?.[1] ?? '';
const dutyCards = (bot: Harness) => bot.connector.activities.filter((a) => /"verb":"(recordPublication|enterResult)"/.test(cardOf(a)));

/**
 * Today is Thursday 26 November 2026. CON-PA was entered into on 10 November 2026, so its UK7 is
 * due on 9 December (day 1 is the 10th: s.53(1)), 13 days away: the 14-day warning. Its monthly
 * KPI's October result was due on 31 October and is missing: overdue.
 */
describe('proactive statutory and performance warnings', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness({ RENEWALS_RUN_TOKEN: TOKEN, SEND_PACE_MS: '0', SEND_MAX_BACKOFF_MS: '20', SEND_ATTEMPTS: '2', PROCUREMENT: PRIYA.email });
    const audit = { actor: 'test', source: 'test' };
    await bot.store.contracts.upsert(
      makeContract({
        reference: 'CON-PA',
        title: 'Street lighting',
        startDate: '2026-11-10',
        endDate: '2030-11-09',
        renewalType: 'fixed',
        value: { total: 300_000 },
        law: { regime: 'PA2023', procurementStarted: '2026-03-01', enteredInto: '2026-11-10', contractType: 'services', vatIncluded: true },
      }),
      audit,
    );
    await bot.store.performance.upsertKpi(KpiSchema.parse({ contract: 'CON-PA', name: 'Lights working', measure: 'percentage', target: 98, tolerance: 1, frequency: 'monthly', from: '2026-10-01' }), audit);
    await bot.exchange(teamsActivity(bot.connector.serviceUrl, 'installationUpdate', { action: 'add', ...asAsha }));
  });
  afterAll(() => bot?.close());

  it("sends the due UK7 to the owner's chat as one card with Record publication, once", async () => {
    const first = await runNow(bot);
    expect(first.failed).toBe(0);
    const uk7 = dutyCards(bot).filter((a) => keyOf(a).includes('|UK7|'));
    expect(uk7.map(keyOf)).toEqual(['CON-PA|UK7|2026-12-09|14']);
    expect(cardOf(uk7[0])).toContain('s.53(1)');
    expect(cardOf(uk7[0])).toContain('"verb":"recordPublication"');
    const before = bot.connector.activities.length;
    expect(await runNow(bot)).toMatchObject({ raised: 0, sent: 0 });
    expect(bot.connector.activities.length).toBe(before);
  });

  it('refuses a publication date that is not a date, and someone who is not the owner, changing nothing', async () => {
    const key = 'CON-PA|UK7|2026-12-09|14';
    const bad = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'recordPublication', { v: 1, warningKey: key, publishedOn: '1/12/2026' }, asAsha));
    expect(JSON.stringify(bad.body)).toContain('The date published must be a real date written YYYY-MM-DD');
    const stranger = { from: { id: '29:user-9', name: 'Sam', aadObjectId: '00000000-0000-0000-0000-0000000000f9' }, conversation: { id: 'a:personal-chat-9', conversationType: 'personal', tenantId: 'tenant-1' } };
    const refused = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'recordPublication', { v: 1, warningKey: key, publishedOn: '2026-12-01' }, stranger));
    expect(JSON.stringify(refused.body)).toContain('You are not the owner of CON-PA');
    expect(await bot.store.procurementAct.listPublications('CON-PA')).toEqual([]);
  });

  it('records the publication from the card, audited, and updates the card in place', async () => {
    const key = 'CON-PA|UK7|2026-12-09|14';
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'recordPublication', { v: 1, warningKey: key, publishedOn: '2026-11-25', noticeId: '012345-2026' }, asAsha));
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(response.body)).toContain('Recorded by Asha Khan: published on 25 Nov 2026 (notice 012345-2026)');
    expect(JSON.stringify(response.body)).not.toContain('"verb":"recordPublication"');
    expect(await bot.store.procurementAct.listPublications('CON-PA')).toMatchObject([{ key: 'UK7', publishedOn: '2026-11-25', noticeId: '012345-2026', recordedBy: ASHA.email }]);
  });

  it('asks for the missing October result, refuses text that is not a number, and rates the one entered', async () => {
    const card = dutyCards(bot).find((a) => keyOf(a).startsWith('CON-PA|kpi-result:Lights working:2026-10-01|'));
    const key = keyOf(card);
    expect(key).toBe('CON-PA|kpi-result:Lights working:2026-10-01|2026-10-31|overdue');
    expect(cardOf(card)).toContain('"verb":"enterResult"');
    const bad = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'enterResult', { v: 1, warningKey: key, value: 'nearly all' }, asPriya));
    expect(JSON.stringify(bad.body)).toContain('is not a number');
    expect(await bot.store.performance.listResults({ contract: 'CON-PA' })).toEqual([]);
    const good = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'enterResult', { v: 1, warningKey: key, value: '97.5' }, asPriya));
    expect(JSON.stringify(good.body)).toContain('rated **Approaching target**');
    expect(await bot.store.performance.listResults({ contract: 'CON-PA' })).toMatchObject([{ kpi: 'Lights working', periodStart: '2026-10-01', value: 97.5, enteredBy: PRIYA.email }]);
  });
});
