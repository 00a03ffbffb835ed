import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionInvoke, teamsActivity } from '../support/stand-in-connector.js';
import { ASHA, cardOf, makeContract, NOW, PRIYA, seedRegister, startHarness, type Harness } from './bot-harness.js';

const TOKEN = 'run-token-0123456789abcdef0123456789';
const CHANNEL = '19:procurement@thread.tacv2';
const BEN = { id: '29:user-3', name: 'Ben Jones', aadObjectId: '00000000-0000-0000-0000-0000000000c3', email: 'b.jones@council.gov.uk' };
const SENDING = { RENEWALS_RUN_TOKEN: TOKEN, PROCUREMENT_CHANNEL: CHANNEL, SEND_PACE_MS: '0', SEND_MAX_BACKOFF_MS: '20', SEND_ATTEMPTS: '4' };

const asPerson = (person: { id: string; name: string; aadObjectId: string }, conversationId: string) => ({
  from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
  conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
});

async function install(bot: Harness): Promise<void> {
  await bot.exchange(teamsActivity(bot.connector.serviceUrl, 'installationUpdate', { action: 'add', ...asPerson(ASHA, 'a:personal-chat-1') }));
  await bot.exchange(
    teamsActivity(bot.connector.serviceUrl, 'conversationUpdate', {
      membersAdded: [{ id: '28:bot' }],
      from: { id: PRIYA.id, name: PRIYA.name, aadObjectId: PRIYA.aadObjectId },
      conversation: { id: CHANNEL, conversationType: 'channel', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' }, team: { id: CHANNEL }, channel: { id: CHANNEL } },
    }),
  );
}

async function runNow(bot: Harness, token = TOKEN): Promise<{ status: number; body: { result?: { raised: number; sent: number; failed: number } } }> {
  const response = await fetch(`${bot.server.url}/api/renewals/run`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { result?: { raised: number; sent: number; failed: number } } };
}

const warningsTo = (bot: Harness, conversationId: string) => bot.connector.activities.filter((a) => (a.conversation as { id: string }).id === conversationId && cardOf(a).includes('"verb":"acknowledge"'));
const keyOf = (activity: Record<string, unknown> | undefined) => /"warningKey":"([^"]+)"/.exec(cardOf(activity))?.[1] ?? '';

describe('proactive renewal warnings', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness(SENDING);
    bot.connector.members.set(BEN.id, { ...BEN, userPrincipalName: BEN.email });
    await seedRegister(bot.store);
    await install(bot);
  });
  afterAll(() => bot?.close());

  it('refuses to run without the bearer token', async () => {
    expect((await runNow(bot, 'wrong-token')).status).toBe(401);
    expect((await fetch(`${bot.server.url}/api/renewals/run`, { method: 'POST' })).status).toBe(401);
    expect(await bot.store.renewals.listWarnings()).toEqual([]);
  });

  it("sends each due warning to the owner's personal chat, or to the procurement channel when the owner has not installed the app", async () => {
    const { status, body } = await runNow(bot);
    expect(status).toBe(200);
    expect(body.result).toMatchObject({ failed: 0 });
    expect(body.result?.sent).toBe(body.result?.raised);
    const toAsha = warningsTo(bot, 'a:personal-chat-1');
    expect(toAsha.map((a) => keyOf(a))).toContain('CON-0001|notice|2026-12-31|60');
    expect(cardOf(toAsha.find((a) => keyOf(a) === 'CON-0001|notice|2026-12-31|60'))).toContain('Notice deadline in 35 days: CON-0001');
    const toChannel = warningsTo(bot, CHANNEL);
    expect(toChannel.map((a) => keyOf(a))).toContain('CON-0002|notice|2026-12-31|60');
    expect(cardOf(toChannel[0])).toContain('Ben Jones has not installed Contract Steward');
    const ledger = await bot.store.renewals.listWarnings();
    expect(ledger.every((w) => w.state === 'sent')).toBe(true);
  });

  it('sends nothing the second time: each warning goes once', async () => {
    const before = bot.connector.activities.length;
    const { body } = await runNow(bot);
    expect(body.result).toMatchObject({ raised: 0, sent: 0, failed: 0 });
    expect(bot.connector.activities.length).toBe(before);
  });

  it('acknowledges from the card, updating it in place to show who did it', async () => {
    const key = 'CON-0001|notice|2026-12-31|60';
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'acknowledge', { v: 1, warningKey: key }, asPerson(ASHA, 'a:personal-chat-1')));
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(response.body)).toContain('Acknowledged by Asha Khan on 26 Nov 2026');
    expect((await bot.store.renewals.getWarning(key))).toMatchObject({ state: 'acknowledged', acknowledgedBy: ASHA.email });
  });

  it('snoozes from the card for the days chosen', async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'snooze', { v: 1, warningKey: 'CON-0001|notice|2026-12-31|60', snoozeDays: '14' }, asPerson(ASHA, 'a:personal-chat-1')));
    expect(JSON.stringify(response.body)).toContain('Snoozed by Asha Khan on 26 Nov 2026, until 10 Dec 2026');
    const [decision] = await bot.store.renewals.listDecisions('CON-0001');
    expect(decision).toMatchObject({ action: 'snooze', snoozedUntil: '2026-12-10', by: ASHA.email });
  });

  it('records a decision from the card and settles the deadline', async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'decide', { v: 1, warningKey: 'CON-0001|notice|2026-12-31|60', decision: 'reprocure' }, asPerson(ASHA, 'a:personal-chat-1')));
    expect(JSON.stringify(response.body)).toContain('Decision recorded by Asha Khan on 26 Nov 2026: **Re-procure**');
    expect((await bot.store.renewals.listDecisions('CON-0001'))[0]).toMatchObject({ action: 'reprocure' });
    expect((await bot.store.audit.list({ entity: 'contract', entityKey: 'CON-0001', limit: 5 })).some((e) => e.actor === ASHA.email && e.source === 'teams')).toBe(true);
  });

  it('explains a decision core refuses, such as extending a contract with no options', async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'decide', { v: 1, warningKey: 'CON-0001|notice|2026-12-31|60', decision: 'extend' }, asPerson(ASHA, 'a:personal-chat-1')));
    expect(JSON.stringify(response.body)).toContain('CON-0001 has no extension options');
  });

  it("refuses to let someone act on another owner's warning, saying who can without naming the owner", async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'acknowledge', { v: 1, warningKey: 'CON-0001|notice|2026-12-31|60' }, asPerson(BEN, 'a:personal-chat-3')));
    expect(JSON.stringify(response.body)).toContain('You are not the owner of CON-0001 or its escalation contact, so you cannot act on its warnings; ask procurement (p.ng@council.gov.uk) or an administrator');
    expect(JSON.stringify(response.body)).not.toContain('Asha');
  });

  it('answers a stale warning key clearly', async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'acknowledge', { v: 1, warningKey: 'CON-0001|notice|2020-01-01|60' }, asPerson(ASHA, 'a:personal-chat-1')));
    expect(JSON.stringify(response.body)).toContain('That warning is no longer in the ledger');
  });
});

describe('proactive sending against a throttling connector', () => {
  let bot: Harness;
  let clock = NOW;
  beforeAll(async () => {
    bot = await startHarness(SENDING, { now: () => clock });
    await seedRegister(bot.store);
    await install(bot);
  });
  afterAll(() => bot?.close());

  it('retries after 429 (with Retry-After) and 503, and every warning arrives once', async () => {
    let refused = 0;
    bot.connector.behaviour = (request) => {
      if (request.method !== 'POST' || !request.path.includes('/activities')) return undefined;
      refused++;
      if (refused <= 2) return { status: 429, headers: { 'retry-after': '0' } };
      if (refused === 3) return { status: 503 };
      if (refused === 4) return { status: 412 };
      return undefined;
    };
    const before = bot.connector.activities.length;
    const { body } = await runNow(bot);
    expect(body.result).toMatchObject({ failed: 0 });
    const sent = bot.connector.activities.slice(before).map((a) => keyOf(a));
    expect(sent.length).toBe(body.result?.sent);
    expect(new Set(sent).size).toBe(sent.length);
    expect(refused).toBeGreaterThan(4);
  });

  it('marks a warning failed after its attempts, and sends it on the next run', async () => {
    const key = 'CON-0001|notice|2026-12-31|60';
    // A date change makes a new deadline: 30 days' notice instead of 3 months, so a new warning.
    await bot.store.contracts.upsert({ ...(await bot.store.contracts.get('CON-0001'))!, noticePeriod: { amount: 1, unit: 'months' } }, { actor: 'test', source: 'test' });
    let attempts = 0;
    bot.connector.behaviour = (request) => (request.method === 'POST' && request.path.includes('a%3Apersonal-chat-1') ? (attempts++, { status: 503 }) : undefined);
    const { body } = await runNow(bot);
    expect(body.result).toMatchObject({ raised: 1, sent: 0, failed: 1 });
    expect(attempts).toBe(4);
    const failed = (await bot.store.renewals.listWarnings({ states: ['failed'] }))[0];
    expect(failed?.key).not.toBe(key);
    expect(failed?.lastError).toContain('503');

    bot.connector.behaviour = () => undefined;
    clock = new Date(NOW.getTime() + 2 * 3_600_000);
    const before = bot.connector.activities.length;
    const again = await runNow(bot);
    expect(again.body.result).toMatchObject({ raised: 0, sent: 1, failed: 0 });
    expect(bot.connector.activities.slice(before).map((a) => keyOf(a))).toEqual([failed?.key]);
  });
});

describe('escalation of unacknowledged warnings', () => {
  let bot: Harness;
  let clock = NOW;
  beforeAll(async () => {
    bot = await startHarness(SENDING, { now: () => clock });
    await bot.store.contracts.upsert(
      makeContract({ reference: 'CON-0009', title: 'Street lighting maintenance', endDate: '2027-01-16', noticePeriod: { amount: 1, unit: 'months' }, escalationContact: { name: 'Priya Ng', email: PRIYA.email } }),
      { actor: 'test', source: 'test' },
    );
    await install(bot);
    await bot.exchange(teamsActivity(bot.connector.serviceUrl, 'installationUpdate', { action: 'add', ...asPerson(PRIYA, 'a:personal-chat-2') }));
  });
  afterAll(() => bot?.close());

  it('sends a copy to the escalation contact when the owner has not acknowledged as the deadline nears', async () => {
    await runNow(bot);
    expect(warningsTo(bot, 'a:personal-chat-2')).toEqual([]);
    clock = new Date('2026-12-04T09:00:00Z'); // 12 days before the notice deadline of 16 December
    const { body } = await runNow(bot);
    expect(body.result?.failed).toBe(0);
    const escalations = warningsTo(bot, 'a:personal-chat-2');
    expect(escalations.map((a) => keyOf(a))).toEqual(['CON-0009|notice|2026-12-16|14|escalation']);
    expect(cardOf(escalations[0])).toContain('Escalated: earlier warnings to Asha Khan have not been acknowledged');
  });
});

describe('proactive warnings and tenants', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness({ ...SENDING, ALLOWED_TENANTS: 'tenant-1' });
    await bot.store.contracts.upsert(makeContract({ reference: 'CON-0001', endDate: '2027-03-31', noticePeriod: { amount: 3, unit: 'months' } }), { actor: 'test', source: 'test' });
    // A chat saved before the tenant list was narrowed: the bot must not post into it any more.
    await bot.store.conversations.save({ conversationId: 'a:old-chat', scope: 'personal', tenantId: 'tenant-old', serviceUrl: bot.connector.serviceUrl, userEmail: ASHA.email, reference: {}, installed: true });
  });
  afterAll(() => bot?.close());

  it('sends no warning into a tenant that is not allowed, and keeps it for a later run', async () => {
    const { body } = await runNow(bot);
    expect(body.result?.sent).toBe(0);
    expect(body.result?.failed).toBeGreaterThan(0);
    expect(bot.connector.activities).toEqual([]);
    const [failed] = await bot.store.renewals.listWarnings({ states: ['failed'] });
    expect(failed?.lastError).toBe('the conversation is in a tenant that is not allowed');
  });
});

describe('escalation when a contract names no escalation contact', () => {
  let bot: Harness;
  let clock = NOW;
  beforeAll(async () => {
    bot = await startHarness(SENDING, { now: () => clock });
    await bot.store.contracts.upsert(makeContract({ reference: 'CON-0010', title: 'Grounds maintenance', endDate: '2027-01-16', noticePeriod: { amount: 1, unit: 'months' } }), { actor: 'test', source: 'test' });
    await install(bot);
  });
  afterAll(() => bot?.close());

  it('escalates to the procurement channel and says why', async () => {
    await runNow(bot);
    clock = new Date('2026-12-04T09:00:00Z');
    await runNow(bot);
    const escalations = warningsTo(bot, CHANNEL).filter((a) => keyOf(a).endsWith('|escalation'));
    expect(escalations.map((a) => keyOf(a))).toEqual(['CON-0010|notice|2026-12-16|14|escalation']);
    expect(cardOf(escalations[0])).toContain('the contract names no escalation contact, so this comes to the procurement channel');
  });
});

describe('governance lead times set by the council', () => {
  let bot: Harness;
  beforeAll(async () => {
    // This council's cabinet decides everything over £50,000, with 14 days' approval.
    bot = await startHarness({ ...SENDING, GOVERNANCE_LEAD_TIMES: '50000:0,14' });
    await bot.store.contracts.upsert(makeContract({ reference: 'CON-0001', endDate: '2027-03-31', noticePeriod: { amount: 3, unit: 'months' } }), { actor: 'test', source: 'test' });
    await install(bot);
  });
  afterAll(() => bot?.close());

  it('warns of the notice decision 14 days before the last day to give notice on a £90,000 contract', async () => {
    await runNow(bot);
    const toAsha = warningsTo(bot, 'a:personal-chat-1');
    // 31 March 2027 minus 3 months is Thursday 31 December 2026; 14 days before is Thursday 17 December, 21 days away.
    const keys = toAsha.map((a) => keyOf(a));
    expect(keys).toContain('CON-0001|notice|2026-12-17|30');
    expect(keys).not.toContain('CON-0001|notice|2026-12-31|60');
    expect(cardOf(toAsha.find((a) => keyOf(a) === 'CON-0001|notice|2026-12-17|30'))).toContain('14 days, the governance lead time for the largest contracts');
  });
});

describe('the daily run and the deadline index', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness(SENDING);
  });
  afterAll(() => bot?.close());

  it('rolls a tacit renewal forward in the index, so "renewals" reads its date as of today', async () => {
    // Written a year before the run: its rows were worked out on that day.
    const rolling = makeContract({ reference: 'CON-ROLL', endDate: '2025-01-31', renewal: { type: 'auto-renewal', period: { amount: 1, unit: 'years' } } });
    await bot.store.contracts.upsert(rolling, { actor: 'test', source: 'test', at: new Date('2025-11-26T09:00:00Z') });
    const renewalRow = async () => (await bot.store.deadlines.list({ source: 'renewal' })).find((r) => r.kind === 'renewal');
    expect(await renewalRow()).toMatchObject({ date: '2026-01-31', asOf: '2025-11-26' });
    expect((await runNow(bot)).status).toBe(200);
    expect(await renewalRow()).toMatchObject({ date: '2027-01-31', asOf: '2026-11-26' });
  });
});
