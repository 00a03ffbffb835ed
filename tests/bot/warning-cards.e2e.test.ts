import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionInvoke, teamsActivity, teamsMessage } from '../support/stand-in-connector.js';
import { ASHA, cardOf, makeContract, seedRegister, startHarness, type Harness } from './bot-harness.js';

const TOKEN = 'run-token-0123456789abcdef0123456789';
const inChat = { from: { id: ASHA.id, name: ASHA.name, aadObjectId: ASHA.aadObjectId }, conversation: { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: 'tenant-1' } };

/** Warning cards as a contract manager meets them: snoozes that respect the deadline, renegotiations that say what they did. */
describe('warning cards stay true to the deadline', () => {
  let bot: Harness;
  /** The key of the first warning card the connector received for `prefix` ("CON-0009|notice"). */
  const keyOf = (prefix: string) => {
    const all = JSON.stringify(bot.connector.activities);
    const found = new RegExp(`"warningKey":"(${prefix.replace('|', '\\|')}\\|[^"]+)"`).exec(all)?.[1];
    if (!found) throw new Error(`no warning card for ${prefix}`);
    return found;
  };
  const act = (verb: string, data: Record<string, unknown>) => bot.post(cardActionInvoke(bot.connector.serviceUrl, verb, { v: 1, ...data }, inChat));
  const say = async (text: string) => cardOf((await bot.exchange(teamsMessage(bot.connector.serviceUrl, text, inChat)))[0]);

  beforeAll(async () => {
    bot = await startHarness({ RENEWALS_RUN_TOKEN: TOKEN, SEND_PACE_MS: '0' });
    await seedRegister(bot.store);
    const audit = { actor: 'test', source: 'test' };
    // Renews by itself for a year unless notice is given by Friday 11 December 2026: 15 days after NOW.
    await bot.store.contracts.upsert(makeContract({ reference: 'CON-0009', title: 'Kiosk support', endDate: '2027-01-11', renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } }, noticePeriod: { amount: 1, unit: 'months' } }), audit);
    // Ends in 75 days; its notice (1 month) is due in 44.
    await bot.store.contracts.upsert(makeContract({ reference: 'CON-0107', title: 'Housing repairs system', endDate: '2027-02-09', noticePeriod: { amount: 1, unit: 'months' }, value: { annual: 64_000, total: 192_000 } }), audit);
    // Ends in 55 days, with an extension option: warnings for its extension decision and its end.
    await bot.store.contracts.upsert(makeContract({ reference: 'CON-0042', title: 'Revenues and benefits e-forms', endDate: '2027-01-20', renewal: { type: 'extension-options', options: [{ amount: 1, unit: 'years' }], taken: 0 }, noticePeriod: { amount: 1, unit: 'months' } }), audit);
    await bot.exchange(teamsActivity(bot.connector.serviceUrl, 'installationUpdate', { action: 'add', ...inChat }));
    await fetch(`${bot.server.url}/api/renewals/run`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
  });
  afterAll(() => bot?.close());

  it('offers snoozes that end before the deadline, and says plainly which run past it', () => {
    const card = JSON.stringify(bot.connector.activities.filter((a) => JSON.stringify(a).includes('CON-0009|notice')));
    expect(card).toContain('7 days, until 3 Dec 2026');
    expect(card).toContain('30 days, until 26 Dec 2026: past the deadline on 11 Dec 2026');
    expect(card).toContain('A snooze of 30 days or more runs past the notice deadline on 11 Dec 2026');
    expect(card).toContain('"id":"pastDeadline"');
  });

  it('refuses a snooze past the deadline unless confirmed, and then records it', async () => {
    const key = keyOf('CON-0009|notice');
    const refused = await act('snooze', { warningKey: key, snoozeDays: '30' });
    expect(JSON.stringify(refused.body)).toContain('Not snoozed: the deadline on 11 Dec 2026 falls inside that snooze (until 26 Dec 2026)');
    expect(await bot.store.renewals.listDecisions('CON-0009')).toEqual([]);
    const confirmed = await act('snooze', { warningKey: key, snoozeDays: '30', pastDeadline: 'true' });
    expect(JSON.stringify(confirmed.body)).toContain('until 26 Dec 2026');
    expect((await bot.store.renewals.listDecisions('CON-0009')).map((d) => d.action)).toEqual(['snooze']);
  });

  it('states the saving and the unchanged term after "Renegotiated", and keeps the contract on the renewals list', async () => {
    const response = await act('decide', { warningKey: keyOf('CON-0107|notice'), decision: 'renegotiated', baselineAnnual: '64000', newAnnual: '58000', newEndDate: '', termMonths: '' });
    const card = JSON.stringify(response.body);
    expect(card).toContain('Saving sent to finance to validate: £6,000 a year (£64,000 proposed, £58,000 agreed) for 12 months from 10 Feb 2027.');
    expect(card).toContain('The term is unchanged: the contract still ends on 9 Feb 2027');
    expect(await say('renewals 90')).toContain('CON-0107');
    expect(await say('contract CON-0107')).toContain('**Contract ends**: 9 Feb 2027 (in 75 days)');
  });

  it('records an acknowledgement once, however often it is pressed', async () => {
    const key = keyOf('CON-0001|notice');
    const first = JSON.stringify((await act('acknowledge', { warningKey: key })).body);
    const second = JSON.stringify((await act('acknowledge', { warningKey: key })).body);
    expect(first).toContain('Acknowledged by Asha Khan');
    expect(second).toContain('Acknowledged by');
    expect((await bot.store.renewals.listDecisions('CON-0001')).map((d) => d.action)).toEqual(['acknowledge']);
  });

  it('says what the price-term field means', () => {
    expect(JSON.stringify(bot.connector.activities)).toContain('Without a new end date: for how many months the saving counts (default 12). This does not change the end date.');
  });

  it('opens contract details inside the warning, keeping Acknowledge, Snooze and Record a decision', () => {
    const warning = bot.connector.activities.find((a) => JSON.stringify(a).includes('CON-0009|notice'));
    const card = cardOf(warning);
    expect(card).toContain('"type":"Action.ToggleVisibility","title":"Contract details","targetElements":["details"]');
    expect(card).toContain('"id":"details","isVisible":false');
    expect(card).not.toContain('"verb":"showContract"');
    for (const title of ['Acknowledge', 'Snooze', 'Record a decision']) expect(card).toContain(`"title":"${title}"`);
  });

  it('asks Teams to refresh each warning card for its recipient when viewed', () => {
    const card = cardOf(bot.connector.activities.find((a) => JSON.stringify(a).includes('CON-0009|notice')));
    expect(card).toMatch(/"refresh":\{"action":\{"type":"Action.Execute","verb":"refreshWarning","data":\{"v":1,"warningKey":"CON-0009\|notice\|[^"]+"\}\},"userIds":\["29:user-1"\]\}/);
  });

  it('answers an action on a card from before a decision with the decision, instead of acting again', async () => {
    const endKey = keyOf('CON-0042|end');
    const extended = await act('decide', { warningKey: keyOf('CON-0042|extension'), decision: 'extend' });
    expect(JSON.stringify(extended.body)).toContain('**Extend**');
    const stale = JSON.stringify((await act('acknowledge', { warningKey: endKey })).body);
    expect(stale).toContain('**Extend**');
    expect(stale).toContain('it now ends on Thursday 20 January 2028');
    expect(stale).not.toContain('A decision is still needed');
    expect((await bot.store.renewals.listDecisions('CON-0042')).map((d) => d.action)).toEqual(['extend']);
  });

  it('shows the current state when Teams refreshes an old card', async () => {
    const refreshed = JSON.stringify((await act('refreshWarning', { warningKey: keyOf('CON-0042|end') })).body);
    expect(refreshed).toContain('**Extend**');
    expect(refreshed).not.toContain('"verb":"acknowledge"');
  });
});
