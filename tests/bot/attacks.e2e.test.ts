import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionInvoke, teamsActivity, teamsMessage } from '../support/stand-in-connector.js';
import { makeContract } from '../support/contracts.js';
import { ASHA, cardOf, PRIYA, seedRegister, startHarness, type Harness } from './bot-harness.js';
import { actionData, BEN, consentOf, inChannel, personal, press, servedUrl, startFilesHarness, uploadMessage } from './files-support.js';

/** Attacks reported against the bot, each through the real HTTP path, so each stays fixed. */
describe('attack: a message far longer than Teams allows', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness();
    await seedRegister(bot.store);
  });
  afterAll(() => bot?.close());

  const timed = async (text: string) => {
    const start = performance.now();
    const [reply] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, text));
    return { ms: performance.now() - start, reply };
  };

  it('refuses a 1 MB message at the door, before anything reads it, about as fast as a short message', async () => {
    const huge = JSON.stringify(teamsMessage(bot.connector.serviceUrl, 'my '.repeat(350_000)));
    const shorts: number[] = [];
    for (let i = 0; i < 6; i++) shorts.push((await timed('my contracts')).ms);
    const short = Math.min(...shorts.slice(3));
    const post = async () => {
      const start = performance.now();
      const response = await fetch(`${bot.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
      await response.text();
      return { ms: performance.now() - start, status: response.status };
    };
    const first = await post();
    expect(first.status).toBe(413);
    // A ratio, not a time; the better of two runs, so a busy machine does not fail it.
    expect(Math.min(first.ms, (await post()).ms)).toBeLessThan(Math.max(short, 5) * 20);
  }, 20_000);

  it('answers a message longer than Teams allows that it is too long, about as fast as a short message', async () => {
    // Within the 256 KB the server reads, far beyond the 28 KB a Teams message can hold.
    const long = 'my '.repeat(80_000);
    const shorts: number[] = [];
    for (let i = 0; i < 6; i++) shorts.push((await timed('my contracts')).ms);
    const short = Math.min(...shorts.slice(3));
    const first = await timed(long);
    expect(first.reply?.text).toBe('Your message is too long for me to read (235 KB; I read up to 28 KB). Type a short command instead, such as `renewals 90`, `mine` or `help`.');
    // A quadratic regex over 235 KB costs seconds; reading it once costs a few milliseconds.
    const ms = Math.min(first.ms, (await timed(long)).ms);
    expect(ms).toBeLessThan(Math.max(short, 5) * 20);
  }, 20_000);
});

describe('attack: Markdown in register text', () => {
  let bot: Harness;
  const LINK = '[Click here](https://evil.example/login)';
  beforeAll(async () => {
    bot = await startHarness();
    await seedRegister(bot.store);
    await bot.store.contracts.upsert(
      makeContract({ reference: 'CON-0666', title: '**Urgent** pay now', supplier: { name: `${LINK} Ltd` }, owner: { name: LINK, email: 'x.owner@council.gov.uk' }, endDate: '2027-01-31', noticePeriod: { amount: 1, unit: 'months' } }),
      { actor: 'test', source: 'test' },
    );
  });
  afterAll(() => bot?.close());

  it('refuses a person with no role without naming the owner, and without a live link', async () => {
    const [reply] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, 'contract CON-0666'));
    expect(reply?.text).toBe('You are not the owner of CON-0666 or its escalation contact, so I cannot show it to you; ask procurement (p.ng@council.gov.uk), finance or an administrator (it.admin@council.gov.uk) if you need it.');
  });

  it('shows a Markdown owner name and supplier as written on the cards, not as a link or bold', async () => {
    const priya = { from: { id: PRIYA.id, name: PRIYA.name, aadObjectId: PRIYA.aadObjectId }, conversation: { id: 'a:personal-priya', conversationType: 'personal', tenantId: 'tenant-1' } };
    for (const text of ['renewals 90', 'contract CON-0666']) {
      const card = cardOf((await bot.exchange(teamsMessage(bot.connector.serviceUrl, text, priya)))[0]);
      expect(card).not.toContain(LINK);
      expect(card).not.toContain('**Urgent**');
      expect(card).toContain('\\\\[Click here\\\\](https://evil.example/login)');
    }
  });

  it('echoes what someone typed in help without letting it become a link', async () => {
    const [reply] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, `please ${LINK}`));
    expect(cardOf(reply)).toContain('please \\\\[Click here\\\\]');
  });
});

describe('attack: an upload named like a file the bot writes', () => {
  let bot: Harness & { filesDir: string };
  beforeAll(async () => {
    bot = await startFilesHarness();
    await seedRegister(bot.store);
  });
  afterAll(() => bot?.close());

  it('keeps an upload named problems.xlsx when its own Problems workbook button is pressed, and imports it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(['Reference', 'Title', 'Supplier', 'End date']);
    sheet.addRow(['CON-0500', 'Street lighting', 'Lumen Ltd', '31/03/2029']);
    sheet.addRow(['CON-0501', 'Pest control', 'Nobody Ltd', 'not a date']);
    bot.connector.files.set('problems.xlsx', { body: Buffer.from(await workbook.xlsx.writeBuffer()) });
    const [reply] = await bot.exchange(uploadMessage(bot, ASHA, 'problems.xlsx', servedUrl(bot, 'problems.xlsx')));
    expect(cardOf(reply)).toContain('Import problems.xlsx?');

    const before = bot.connector.activities.length;
    await press(bot, ASHA, 'importProblems', actionData(reply, 'importProblems'));
    await bot.connector.waitForActivities(before + 1);
    expect(consentOf(bot.connector.activities[before]).name).toBe('problems problems.xlsx');

    const imported = await press(bot, ASHA, 'importRegister', actionData(reply, 'importRegister'));
    expect(JSON.stringify(imported.value)).toContain('Imported problems.xlsx');
    expect(await bot.store.contracts.get('CON-0500')).toMatchObject({ title: 'Street lighting' });
  });
});

describe('attack: forged card inputs', () => {
  let bot: Harness;
  const TOKEN = 'run-token-0123456789abcdef0123456789';
  const KEY = 'CON-0001|notice|2026-12-31|60';
  const inChat = { from: { id: ASHA.id, name: ASHA.name, aadObjectId: ASHA.aadObjectId }, conversation: { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: 'tenant-1' } };
  beforeAll(async () => {
    bot = await startHarness({ RENEWALS_RUN_TOKEN: TOKEN, SEND_PACE_MS: '0' });
    await seedRegister(bot.store);
    await bot.exchange(teamsActivity(bot.connector.serviceUrl, 'installationUpdate', { action: 'add', ...inChat }));
    await fetch(`${bot.server.url}/api/renewals/run`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
  });
  afterAll(() => bot?.close());

  const data = (inputs: Record<string, unknown>) => ({ v: 1, warningKey: KEY, decision: 'renegotiated', baselineAnnual: '12000', newAnnual: '9000', ...inputs });
  const nothingWritten = async () => {
    expect(await bot.store.renewals.listDecisions('CON-0001')).toEqual([]);
    expect(await bot.store.savings.list()).toEqual([]);
    expect((await bot.store.contracts.get('CON-0001'))?.endDate).toBe('2027-03-31');
  };

  it('refuses "renegotiated" with a new end date of 31 February, saying how to write it, and writes nothing', async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'decide', data({ newEndDate: '2028-02-31' }), inChat));
    expect(JSON.stringify(response.body)).toContain('The new end date must be a real date written YYYY-MM-DD, such as 2029-03-31. Nothing was changed');
    await nothingWritten();
  });

  it('refuses the same forged date sent as an Action.Submit message', async () => {
    const [reply] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, '', { ...inChat, value: { ...data({ newEndDate: '2028-02-31' }), verb: 'decide' } }));
    expect(reply?.text).toContain('The new end date must be a real date');
    await nothingWritten();
  });

  it('refuses a forged price or term', async () => {
    for (const inputs of [{ newAnnual: '-1' }, { baselineAnnual: true }, { termMonths: '100000' }]) {
      const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'decide', data(inputs), inChat));
      expect(JSON.stringify(response.body)).toContain('Nothing was changed');
    }
    await nothingWritten();
  });
});

describe('attack: reading the register in a channel, where every member sees the reply', () => {
  let bot: Harness & { filesDir: string };
  const CHANNEL = '19:procurement@thread.tacv2';
  beforeAll(async () => {
    bot = await startFilesHarness();
    await seedRegister(bot.store);
    await bot.exchange(teamsActivity(bot.connector.serviceUrl, 'installationUpdate', { action: 'add', ...personal(ASHA) }));
  });
  afterAll(() => bot?.close());

  const conversationOf = (activity: Record<string, unknown> | undefined) => (activity?.conversation as { id?: string } | undefined)?.id;
  const ask = (person: typeof ASHA, text: string, expect = 2) => bot.exchange(teamsMessage(bot.connector.serviceUrl, `<at>Contract Steward</at> ${text}`, inChannel(person)), expect);

  it('posts only a note to the channel for "renewals 90", and the digest in a personal chat it opens', async () => {
    const sent = await ask(PRIYA, 'renewals 90');
    const inChannelReplies = sent.filter((a) => conversationOf(a) === CHANNEL);
    expect(inChannelReplies.map((a) => a.text)).toEqual(["I've sent the details to you in a personal chat."]);
    const privately = sent.filter((a) => conversationOf(a) !== CHANNEL);
    expect(privately).toHaveLength(1);
    expect(cardOf(privately[0])).toContain('Deadlines in the next 90 days');
    expect(cardOf(privately[0])).toContain('Waste collection vehicles');
    const created = bot.connector.requests.find((r) => r.method === 'POST' && r.path === '/v3/conversations');
    expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: PRIYA.id, aadObjectId: PRIYA.aadObjectId }], tenantId: 'tenant-1' });
    expect(await bot.store.conversations.findPersonal({ email: PRIYA.email })).toMatchObject({ conversationId: conversationOf(privately[0]), scope: 'personal' });
  });

  it('uses the personal chat it already has, for a contract and for an export', async () => {
    const contract = await ask(ASHA, 'contract CON-0001');
    expect(contract.filter((a) => conversationOf(a) === CHANNEL).map((a) => a.text)).toEqual(["I've sent the details to you in a personal chat."]);
    expect(cardOf(contract.find((a) => conversationOf(a) === `a:personal-${ASHA.id}`))).toContain('Revenues e-forms');

    const exported = await ask(PRIYA, 'export');
    const file = exported.find((a) => conversationOf(a) !== CHANNEL);
    expect(consentOf(file).name).toBe('Contracts register 2026-11-26.xlsx');
    expect(JSON.stringify(exported.filter((a) => conversationOf(a) === CHANNEL))).not.toContain('/api/files/');
  });

  it('tells the asker to ask privately when it cannot open a personal chat, and says nothing else', async () => {
    bot.connector.behaviour = (request) => (request.method === 'POST' && request.path === '/v3/conversations' ? { status: 403 } : undefined);
    try {
      const sent = await ask(BEN, 'mine', 1);
      expect(sent.map((a) => [conversationOf(a), a.text])).toEqual([[CHANNEL, 'Everyone here would see my answer, so I only give it in a personal chat, and I could not open one with you. Open a chat with Contract Steward and ask there.']]);
    } finally {
      bot.connector.behaviour = () => undefined;
    }
  });

  it('still answers help and the tender pack form in the channel', async () => {
    for (const text of ['help', 'tender pack']) {
      const sent = await ask(PRIYA, text, 1);
      expect(sent.map(conversationOf)).toEqual([CHANNEL]);
    }
  });
});
