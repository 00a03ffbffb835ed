import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '@contract-steward/core';
import { cardActionInvoke, teamsActivity, teamsMessage } from '../support/stand-in-connector.js';
import { ASHA, cardOf, PRIYA, seedRegister, startHarness, type Harness } from './bot-harness.js';

describe('bot commands over HTTP, as Teams sends them', () => {
  let bot: Harness;
  const from = (person: typeof ASHA) => ({
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    conversation: { id: person === ASHA ? 'a:personal-chat-1' : 'a:personal-chat-2', conversationType: 'personal', tenantId: 'tenant-1' },
  });
  const say = (text: string, person = ASHA) => bot.exchange(teamsMessage(bot.connector.serviceUrl, text, from(person)));

  beforeAll(async () => {
    bot = await startHarness();
    await seedRegister(bot.store);
  });
  afterAll(() => bot?.close());

  it('welcomes a person once on install and remembers the chat with their email', async () => {
    const [welcome] = await bot.exchange(teamsActivity(bot.connector.serviceUrl, 'installationUpdate', { action: 'add', ...from(ASHA) }));
    expect(cardOf(welcome)).toContain('Welcome to Contract Steward');
    expect(cardOf(welcome)).toContain('Hello Asha.');
    // Teams follows the install with a conversationUpdate adding the bot: no second welcome.
    const before = bot.connector.activities.length;
    const update = await bot.post(teamsActivity(bot.connector.serviceUrl, 'conversationUpdate', { membersAdded: [{ id: '28:bot' }, { id: ASHA.id }], ...from(ASHA) }));
    expect(update.status).toBe(200);
    expect(bot.connector.activities.length).toBe(before);
    const saved = await bot.store.conversations.get('a:personal-chat-1');
    expect(saved).toMatchObject({ scope: 'personal', tenantId: 'tenant-1', userEmail: ASHA.email, installed: true, serviceUrl: bot.connector.serviceUrl });
  });

  it('answers help with the list of commands', async () => {
    const [reply] = await say('help');
    for (const command of ['renewals 90', 'mine', 'contract CON-0042', 'overdue']) expect(cardOf(reply)).toContain(command);
  });

  it('answers unknown input with help rather than silence', async () => {
    const [reply] = await say('order more paper');
    expect(cardOf(reply)).toContain('I did not understand “order more paper”');
  });

  it('lists renewals in the next 90 days, only their own for an owner', async () => {
    const [reply] = await say('renewals 90');
    const card = cardOf(reply);
    expect(card).toContain('Deadlines in the next 90 days, 26 November 2026 – 24 February 2027:');
    expect(card).toContain('CON-0001');
    expect(card).not.toContain('CON-0002');
    expect(card).not.toContain('CON-0003');
  });

  it('lists the whole register for procurement, and understands the question in plain English', async () => {
    const [reply] = await say("what's renewing in the next 3 months?", PRIYA);
    const card = cardOf(reply);
    expect(card).toContain('Deadlines 26 November 2026 – 26 February 2027:');
    expect(card).toContain('CON-0001');
    expect(card).toContain('CON-0002');
  });

  it('answers "contracts ending in March" with March, saying so, not the next 90 days', async () => {
    const card = cardOf((await say('contracts ending in March', PRIYA))[0]);
    expect(card).toContain('Contracts ending 1–31 March 2027:');
    expect(card).toContain('CON-0001');
    expect(card).not.toContain('CON-0002');
  });

  it('answers a question about a supplier for that supplier alone, and again after a change', async () => {
    const fleet = cardOf((await say('contracts with Fleet', PRIYA))[0]);
    expect(fleet).toContain('CON-0002');
    expect(fleet).not.toContain('CON-0001');
    // Another supplier is another question, not the first one's answer.
    const other = cardOf((await say('contracts with Nobody Ltd', PRIYA))[0]);
    expect(other).not.toContain('CON-0002');
    const contract = await bot.store.contracts.get('CON-0002');
    if (!contract) throw new Error('CON-0002 is missing');
    await bot.store.contracts.upsert({ ...contract, title: 'Waste collection vehicles, leased' }, { actor: 'test', source: 'test' });
    expect(cardOf((await say('contracts with Fleet', PRIYA))[0])).toContain('Waste collection vehicles, leased');
  });

  it('offers the other likely reading of "this year" as a button that asks it', async () => {
    const card = cardOf((await say('contracts ending next year', PRIYA))[0]);
    expect(card).toContain('Contracts ending 1 January – 31 December 2027:');
    expect(card).toContain('"title":"Did you mean: Financial year 2027/28?"');
    expect(card).toContain('"value":"contracts ending in 2027/28"');
  });

  it.each(['when does CON-0001 end?', 'show me CON-0001'])('reads the reference in "%s" and shows that contract', async (text) => {
    const card = cardOf((await say(text, PRIYA))[0]);
    expect(card).toContain('CON-0001: Revenues e-forms');
    expect(card).not.toContain('CON-0002');
  });

  it('answers nonsense containing "end" with help, not a renewals list', async () => {
    const [reply] = await say('nonsense ending in END', PRIYA);
    expect(cardOf(reply)).toContain('I did not understand “nonsense ending in END”');
  });

  it('filters by supplier in the words of the question', async () => {
    const card = cardOf((await say('contracts with Fleet', PRIYA))[0]);
    expect(card).toContain('CON-0002');
    expect(card).not.toContain('CON-0001');
  });

  it("shows a person's own contracts for mine", async () => {
    const [reply] = await say('mine');
    const card = cardOf(reply);
    expect(card).toContain('Your contracts');
    expect(card).toContain('CON-0003');
    expect(card).not.toContain('CON-0002');
  });

  it('shows a contract to its owner with the rule behind each date', async () => {
    const [reply] = await say('contract con-0001');
    expect(cardOf(reply)).toContain('CON-0001: Revenues e-forms');
    expect(cardOf(reply)).toContain('Notice deadline');
  });

  it("refuses another owner's contract politely, saying who can see it but not who owns it", async () => {
    const [reply] = await say('contract CON-0002');
    expect(String(reply?.text)).toContain('You are not the owner of CON-0002 or its escalation contact');
    expect(String(reply?.text)).not.toContain('Ben Jones');
    expect(String(reply?.text)).toContain('procurement (p.ng@council.gov.uk)');
  });

  it('keeps the overdue list to procurement and administrators', async () => {
    const [refusal] = await say('overdue');
    expect(String(refusal?.text)).toContain('is for procurement (p.ng@council.gov.uk) or an administrator (it.admin@council.gov.uk)');
    const [reply] = await say('overdue', PRIYA);
    expect(cardOf(reply)).toContain('Overdue deadlines');
    expect(cardOf(reply)).toContain('CON-0004');
  });

  it('drops a contract from the overdue list as soon as its deadline is decided, though the list was asked for before', async () => {
    expect(cardOf((await say('overdue', PRIYA))[0])).toContain('CON-0004');
    const contract = await bot.store.contracts.get('CON-0004');
    if (!contract) throw new Error('CON-0004 is missing');
    const decided = decide(contract, { action: 'let-expire' }, { today: '2026-11-26', by: PRIYA.email });
    if (!decided.success) throw new Error('the decision was refused');
    await bot.store.renewals.recordDecision(decided.value, { actor: PRIYA.email, source: 'test' });
    expect(cardOf((await say('overdue', PRIYA))[0])).not.toContain('CON-0004');
  });

  it('opens contract details from a card button, in the invoke response', async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'showContract', { v: 1, reference: 'CON-0001' }, from(ASHA)));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(response.body)).toContain('CON-0001: Revenues e-forms');
  });

  it('handles the same action from an Action.Submit fallback on older clients, replying with the card', async () => {
    const [reply] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, '', { ...from(ASHA), value: { verb: 'showContract', v: 1, reference: 'CON-0001' } }));
    expect(cardOf(reply)).toContain('CON-0001: Revenues e-forms');
  });

  it('answers a forged card action with a clear message and changes nothing', async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'deleteRegister', { v: 1 }, from(ASHA)));
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(response.body)).toContain('I could not read that card action');
    expect(await bot.store.contracts.count()).toBe(4);
  });

  it('stops treating a chat as installed when the app is removed', async () => {
    await bot.post(teamsActivity(bot.connector.serviceUrl, 'installationUpdate', { action: 'remove', ...from(ASHA) }));
    expect((await bot.store.conversations.get('a:personal-chat-1'))?.installed).toBe(false);
  });
});
