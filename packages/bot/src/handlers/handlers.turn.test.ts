import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractSchema, openStore, renewalSettings, type Store } from '@contract-steward/core';
import { StewardBot } from '../bot.js';
import { loadConfig } from '../config.js';
import { fileServicesFrom } from '../files/file-services.js';
import type { BotServices } from '../services.js';
import { runTurn } from '../teams/teams-gateway.js';

/** 26 November 2026, 09:00 in London. */
const NOW = new Date('2026-11-26T09:00:00Z');
const ASHA = { id: '29:asha', name: 'Asha Khan', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
const PRIYA = { id: '29:priya', name: 'Priya Ng', aadObjectId: '00000000-0000-0000-0000-0000000000b2' };
const log = pino({ level: 'silent' });

let store: Store;
let services: BotServices;

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'steward-turns-'));
  store = await openStore({ kind: 'sqlite', path: join(folder, 'steward.db') });
  const audit = { actor: 'test', source: 'test' };
  await store.contracts.upsert(
    ContractSchema.parse({ reference: 'CON-0001', title: 'Revenues e-forms', supplier: { name: 'IEG4 Ltd' }, owner: { name: 'Asha Khan', email: 'a.khan@council.gov.uk' }, endDate: '2027-03-31', noticePeriod: { amount: 3, unit: 'months' } }),
    audit,
  );
  await store.contracts.upsert(ContractSchema.parse({ reference: 'CON-0002', title: 'Waste vehicles', supplier: { name: 'Fleet Ltd' }, owner: { name: 'Ben Jones', email: 'b.jones@council.gov.uk' }, endDate: '2027-01-31' }), audit);
  // Teams' roster is out of reach of the TestAdapter: Asha's chat has her email from an earlier turn.
  await store.conversations.save({ conversationId: 'chat-asha', scope: 'personal', serviceUrl: 'https://smba.example', reference: {}, userAadObjectId: ASHA.aadObjectId, userEmail: 'a.khan@council.gov.uk', installed: true }, NOW);
  const config = loadConfig({ PROCUREMENT: PRIYA.aadObjectId, FILES_DIR: join(folder, 'files'), WARNING_SCHEDULE: 'off' });
  services = {
    store,
    roles: { administrator: [], procurement: [PRIYA.aadObjectId], finance: [] },
    settings: renewalSettings(),
    now: () => NOW,
    log,
    documents: {},
    files: fileServicesFrom(config, () => NOW, () => 'http://127.0.0.1:3978'),
  };
});

afterAll(async () => {
  await store.close();
});

/** A TestAdapter whose turns go through the same adaptation as Teams traffic, into the bot. */
function chat(person: typeof ASHA, options: { files?: boolean; conversationId?: string } = {}): TestAdapter {
  const { files, ...rest } = services;
  const bot = new StewardBot(options.files === false ? rest : { ...rest, ...(files ? { files } : {}) });
  return new TestAdapter(async (context) => runTurn(context, bot, log), {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example',
    conversation: { id: options.conversationId ?? `chat-${person.name.split(' ')[0]?.toLowerCase()}`, conversationType: 'personal', isGroup: false, name: '' },
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: '28:steward', name: 'Contract Steward' },
  } as Partial<Activity>);
}

const cardOf = (activity: Partial<Activity>): string => JSON.stringify(activity.attachments?.[0]?.content ?? null);
const invoke = (verb: string, data: Record<string, unknown>): Partial<Activity> => ({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });
const invokeBody = (activity: Partial<Activity>) => (activity.value as { body: { type: string; value: unknown } }).body;

describe('commands, turn by turn', () => {
  it('answers help with the help card listing the document commands too', async () => {
    await chat(ASHA).send('help').assertReply((reply) => {
      expect(cardOf(reply)).toContain('Contract Steward: what I can do');
      expect(cardOf(reply)).toContain('tender pack');
    });
  });

  it('answers renewals with a digest of the deadlines the asker may see', async () => {
    await chat(PRIYA).send('renewals 90').assertReply((reply) => {
      expect(cardOf(reply)).toContain('Deadlines in the next 90 days');
      expect(cardOf(reply)).toContain('CON-0002');
    });
  });

  it('answers mine with the contracts the asker owns', async () => {
    await chat(ASHA).send('mine').assertReply((reply) => {
      expect(cardOf(reply)).toContain('owned by a.khan@council.gov.uk');
      expect(cardOf(reply)).toContain('CON-0001');
      expect(cardOf(reply)).not.toContain('CON-0002');
    });
  });

  it('answers contract with its card, and refuses a contract the asker may not see', async () => {
    await chat(ASHA).send('<at>Contract Steward</at> contract con-0001').assertReply((reply) => expect(cardOf(reply)).toContain('Revenues e-forms'));
    await chat(ASHA).send('contract CON-0002').assertReply((reply) => expect(reply.text).toContain('You are not the owner of CON-0002'));
  });

  it('keeps the overdue list to procurement and administrators', async () => {
    await chat(ASHA).send('overdue').assertReply((reply) => expect(reply.text).toContain('the council-wide overdue list is for'));
    await chat(PRIYA).send('overdue').assertReply((reply) => expect(cardOf(reply)).toContain('Overdue deadlines'));
  });

  it('answers a message too long to have been typed without reading it', async () => {
    await chat(ASHA).send(`renewals ${'x'.repeat(29 * 1024)}`).assertReply((reply) => expect(reply.text).toContain('Your message is too long for me to read (30 KB'));
  });
});

describe('document commands, turn by turn', () => {
  it('opens the tender pack form for procurement', async () => {
    await chat(PRIYA).send('tender pack').assertReply((reply) => expect(cardOf(reply)).toContain('New tender clause pack'));
  });

  it('says who can export the register when someone else asks', async () => {
    await chat(ASHA).send('export').assertReply((reply) => expect(reply.text).toMatch(/^Sorry, only .* can export the register\.$/));
  });

  it('offers the register workbook to procurement', async () => {
    await chat(PRIYA).send('export the register').assertReply((reply) => expect(JSON.stringify(reply)).toContain('Contracts register 2026-11-26.xlsx'));
  });

  it('offers the blank evaluation when evaluate comes without a file', async () => {
    await chat(PRIYA).send('evaluate').assertReply((reply) => expect(reply.text).toContain('Attach your evaluation'));
  });

  it('says files are off, for a document command and for a file consent, when they are', async () => {
    await chat(PRIYA, { files: false }).send('export').assertReply('Files are turned off on this Contract Steward. Ask your administrator.');
    await chat(PRIYA, { files: false })
      .send({ type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action: 'decline', context: {} } })
      .assertReply('Files are turned off on this Contract Steward. Ask your administrator.')
      .assertReply((reply) => expect(reply.type).toBe('invokeResponse'));
  });

  it('refuses an uploaded register from someone who is not an administrator, without opening it', async () => {
    const upload = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'register.xlsx', content: { downloadUrl: 'https://contoso.sharepoint.com/register.xlsx', fileType: 'xlsx' } };
    await chat(PRIYA).send({ type: 'message', text: '', attachments: [upload] }).assertReply((reply) => expect(reply.text).toContain('can import the register. I have not opened register.xlsx'));
  });
});

describe('card actions, turn by turn', () => {
  it('answers Contract details with the contract card as the invoke response', async () => {
    await chat(ASHA)
      .send(invoke('showContract', { v: 1, reference: 'CON-0001' }))
      .assertReply((reply) => {
        expect(reply.type).toBe('invokeResponse');
        expect(invokeBody(reply).type).toBe('application/vnd.microsoft.card.adaptive');
        expect(JSON.stringify(invokeBody(reply).value)).toContain('Revenues e-forms');
      });
  });

  it('answers the same action sent by Action.Submit as a message', async () => {
    await chat(ASHA).send({ type: 'message', text: '', value: { verb: 'showContract', v: 1, reference: 'CON-0001' } }).assertReply((reply) => expect(cardOf(reply)).toContain('Revenues e-forms'));
  });

  it('reaches the file features\' actions through the same switch', async () => {
    await chat(PRIYA)
      .send(invoke('cancelImport', { v: 1, importId: 'A'.repeat(32) }))
      .assertReply((reply) => expect(invokeBody(reply).value).toBe('This import has already been done or cancelled. Upload the file again to start a new one.'));
    await chat(PRIYA)
      .send(invoke('scoreOption', { v: 1, evaluationId: 'missing', option: 0 }))
      .assertReply((reply) => expect(String(invokeBody(reply).value)).toContain('There is no saved evaluation missing'));
  });

  it('refuses a forged verb, saying nothing was changed', async () => {
    await chat(ASHA)
      .send(invoke('deleteEverything', { v: 1 }))
      .assertReply((reply) => expect(String(invokeBody(reply).value)).toContain('I could not read that card action'));
  });

  it('lists statutory obligations due or overdue for procurement only, soonest first', async () => {
    // Entered 10 November 2026: the UK7 is due 9 December, 13 days from today.
    const law = { regime: 'PA2023', procurementStarted: '2026-03-01', enteredInto: '2026-11-10', contractType: 'services', vatIncluded: true } as const;
    await store.contracts.upsert(ContractSchema.parse({ reference: 'CON-PA', title: 'Street lighting', supplier: { name: 'Lumen Ltd' }, startDate: '2026-11-10', endDate: '2030-11-09', value: { total: 300_000 }, law }), { actor: 'test', source: 'test' });
    await chat(ASHA).send('obligations').assertReply((reply) => expect(reply.text).toContain('the council-wide list of statutory obligations is for'));
    await chat(PRIYA).send('obligations 30').assertReply((reply) => {
      const card = cardOf(reply);
      expect(card).toContain('Statutory obligations in the next 30 days');
      expect(card).toContain('contract details notice (UK7)');
      expect(card).toContain('9 Dec 2026');
    });
    await chat(PRIYA).send('obligations 10').assertReply((reply) => expect(cardOf(reply)).toContain('Nothing is due in the next 10 days'));
  });
});
