import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SavingSchema } from '@contract-steward/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsMessage } from '../support/stand-in-connector.js';
import { cardOf, PRIYA, seedRegister, type Harness } from './bot-harness.js';
import { BEN, consentOf, fileConsentInvoke, FEMI, inChannel, personal, press, startFilesHarness, type Someone } from './files-support.js';

describe('getting files from the bot in Teams', () => {
  let bot: Harness & { filesDir: string };
  let clock = new Date('2026-11-26T09:00:00Z');

  beforeAll(async () => {
    bot = await startFilesHarness({}, { now: () => clock });
    await seedRegister(bot.store);
  });
  afterAll(() => bot?.close());

  const say = async (person: Someone, text: string, scope = personal(person)) => (await bot.exchange(teamsMessage(bot.connector.serviceUrl, text, scope)))[0];
  const heldFiles = () => readdirSync(join(bot.filesDir, 'links')).filter((name) => name.endsWith('.bin'));
  const openUrlOf = (activity: Record<string, unknown> | undefined) => {
    const card = JSON.parse(cardOf(activity)) as { actions: { type: string; url: string }[] };
    const action = card.actions.find((a) => a.type === 'Action.OpenUrl');
    if (!action) throw new Error('no download link on the card');
    return action.url;
  };

  it('offers the register in personal chat with a consent card, and uploads it to OneDrive once accepted', async () => {
    const offer = await say(PRIYA, 'export');
    const consent = consentOf(offer);
    expect(consent.name).toBe('Contracts register 2026-11-26.xlsx');
    // Said in words as well, for hosts that cannot draw the consent card (the Agents Playground).
    expect(offer?.text).toContain('**Contracts register 2026-11-26.xlsx**: The register: 4 contracts');
    expect(consent.description).toContain('4 contracts');
    const before = bot.connector.uploads.length;
    const [info] = await bot.exchange(fileConsentInvoke(bot, PRIYA, 'accept', consent.fileId, consent.name));
    const upload = bot.connector.uploads[before];
    expect(upload?.headers['content-range']).toBe(`bytes 0-${consent.size - 1}/${consent.size}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((upload?.raw ?? Buffer.alloc(0)) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(5);
    const attachment = (info?.attachments as { contentType: string; contentUrl: string; content: { uniqueId: string; fileType: string } }[])[0];
    expect(attachment).toMatchObject({ contentType: 'application/vnd.microsoft.teams.card.file.info', content: { uniqueId: 'drive-item-1', fileType: 'xlsx' } });
    expect(attachment?.contentUrl).toContain('sharepoint.com');
    expect(heldFiles()).toEqual([]);

    const [again] = await bot.exchange(fileConsentInvoke(bot, PRIYA, 'accept', consent.fileId, consent.name));
    expect(String(again?.text)).toContain('That file is no longer available');
    expect(bot.connector.uploads.length).toBe(before + 1);
  });

  it('drops the file politely when the consent card is declined', async () => {
    const consent = consentOf(await say(PRIYA, 'export'));
    expect(heldFiles().length).toBe(1);
    const [reply] = await bot.exchange(fileConsentInvoke(bot, PRIYA, 'decline', consent.fileId, consent.name));
    expect(String(reply?.text)).toBe(`No problem: I have not saved ${consent.name} to your OneDrive, and I have deleted my copy.`);
    expect(heldFiles()).toEqual([]);
  });

  it('never uploads to a URL outside the allowed hosts', async () => {
    const consent = consentOf(await say(PRIYA, 'export'));
    const invoke = fileConsentInvoke(bot, PRIYA, 'accept', consent.fileId, consent.name);
    const value = invoke.value as { uploadInfo: { uploadUrl: string } };
    value.uploadInfo.uploadUrl = value.uploadInfo.uploadUrl.replace('127.0.0.1', 'localhost');
    const before = bot.connector.uploads.length;
    const [reply] = await bot.exchange(invoke);
    expect(String(reply?.text)).toContain('I did not upload');
    expect(bot.connector.uploads.length).toBe(before);
  });

  // Register exports go to the asker's personal chat; a tender pack (no register data) is built in the channel.
  const packLinkInChannel = async () => {
    const before = bot.connector.activities.length;
    await press(bot, PRIYA, 'tenderPack', { v: 1, title: 'Revenues system', reference: 'DN-1', sections: 'data-extraction', chargesDataExtraction: 'no-charge' }, inChannel(PRIYA));
    const matrix = bot.connector.activities.slice(before).find((a) => JSON.stringify(a).includes('compliance matrix.xlsx'));
    return openUrlOf(matrix);
  };

  it('gives a single-use download link in a channel, with a safe name and no caching', async () => {
    const url = await packLinkInChannel();
    expect(url).toMatch(new RegExp(`^${bot.server.url}/api/files/[A-Za-z0-9_-]{43}$`));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Tender pack DN-1 compliance matrix.xlsx"; filename*=UTF-8''Tender%20pack%20DN-1%20compliance%20matrix.xlsx`);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const second = await fetch(url);
    expect(second.status).toBe(404);
    expect(await second.text()).toContain('already been used');
  });

  it('refuses a download link after 15 minutes and deletes the file', async () => {
    const url = await packLinkInChannel();
    const held = heldFiles().length;
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    const response = await fetch(url);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('has expired');
    expect(heldFiles()).toHaveLength(held - 1);
  });

  it('answers a made-up token as not found', async () => {
    expect((await fetch(`${bot.server.url}/api/files/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${bot.server.url}/api/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('keeps the register export to administrators and procurement', async () => {
    const reply = await say(BEN, 'export');
    expect(String(reply?.text)).toContain('Sorry, only an administrator');
    expect(String(reply?.text)).toContain('can export the register');
  });

  it('shows savings totals for the current financial year and exports the savings workbook to finance', async () => {
    await bot.store.savings.upsert(
      SavingSchema.parse({ contract: 'CON-0002', description: 'Renegotiated vehicle lease', kind: 'renegotiation', baselineAnnual: 12_000, newAnnual: 9_000, start: '2026-04-01', termMonths: 12, cashable: true, state: 'validated' }),
      { actor: 'test', source: 'test' },
    );
    const totals = cardOf(await say(FEMI, 'savings'));
    expect(totals).toContain('Savings 2026/27');
    expect(totals).toContain('{"title":"Total","value":"£3,000"}');
    expect(totals).toContain('{"title":"Validated","value":"£3,000"}');
    expect(totals).toContain('Renegotiated vehicle lease');
    const consent = consentOf(await say(FEMI, 'savings export'));
    expect(consent.name).toBe('Savings 2026-11-26.xlsx');
    expect(String((await say(BEN, 'savings export'))?.text)).toContain('Sorry, only finance (f.adeyemi@council.gov.uk)');
  });
});
