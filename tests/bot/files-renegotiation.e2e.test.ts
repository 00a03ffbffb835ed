import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionInvoke, teamsActivity } from '../support/stand-in-connector.js';
import { ASHA, seedRegister, startHarness, type Harness } from './bot-harness.js';

const TOKEN = 'run-token-0123456789abcdef0123456789';
const KEY = 'CON-0001|notice|2026-12-31|60';
const inChat = { from: { id: ASHA.id, name: ASHA.name, aadObjectId: ASHA.aadObjectId }, conversation: { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: 'tenant-1' } };

describe('recording a renegotiation from a warning card creates the saving', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness({ RENEWALS_RUN_TOKEN: TOKEN, SEND_PACE_MS: '0' });
    await seedRegister(bot.store);
    await bot.exchange(teamsActivity(bot.connector.serviceUrl, 'installationUpdate', { action: 'add', ...inChat }));
    await fetch(`${bot.server.url}/api/renewals/run`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
  });
  afterAll(() => bot?.close());

  const decide = (data: Record<string, unknown>) => bot.post(cardActionInvoke(bot.connector.serviceUrl, 'decide', { v: 1, warningKey: KEY, decision: 'renegotiated', ...data }, inChat));

  it('asks for the prices, and records nothing without them', async () => {
    const response = await decide({ baselineAnnual: '', newAnnual: '' });
    expect(JSON.stringify(response.body)).toContain('enter the annual price the supplier proposed and the annual price agreed');
    expect(await bot.store.renewals.listDecisions('CON-0001')).toEqual([]);
    expect(await bot.store.savings.list()).toEqual([]);
  });

  it('refuses a new end date the Regulations do not permit as a modification, says what to do, and records nothing', async () => {
    const response = await decide({ baselineAnnual: '12000', newAnnual: '9000', newEndDate: '2029-03-31', termMonths: '' });
    expect(JSON.stringify(response.body)).toContain('does not permit as it stands');
    expect(JSON.stringify(response.body)).toContain('then record the renegotiation here without a new end date');
    expect(await bot.store.renewals.listDecisions('CON-0001')).toEqual([]);
    expect(await bot.store.savings.list()).toEqual([]);
  });

  it('records the decision and a proposed renegotiation saving from the day after the current end', async () => {
    const response = await decide({ baselineAnnual: '12000', newAnnual: '9000', newEndDate: '2027-06-30', termMonths: '' });
    expect(JSON.stringify(response.body)).toContain('**Renegotiated**');
    const [saving] = await bot.store.savings.list({ contract: 'CON-0001' });
    expect(saving).toMatchObject({ contract: 'CON-0001', kind: 'renegotiation', baselineAnnual: 12000, newAnnual: 9000, start: '2027-04-01', termMonths: 3, state: 'proposed', stateBy: ASHA.email });
    const [decision] = await bot.store.renewals.listDecisions('CON-0001');
    expect(decision).toMatchObject({ action: 'renegotiated', savingId: saving?.id });
    // The new end date is a modification of a contract under the Regulations, recorded with it.
    expect(await bot.store.procurementAct.listModifications('CON-0001')).toMatchObject([{ newEndDate: '2027-06-30', previousEndDate: '2027-03-31' }]);
  });
});
