import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ASHA, cardOf, PRIYA, seedRegister, type Harness } from './bot-harness.js';
import { teamsMessage } from '../support/stand-in-connector.js';
import { actionData, BEN, consentOf, personal, press, servedUrl, startFilesHarness, uploadMessage } from './files-support.js';

const REGISTER_CSV = [
  'Contract Ref,Contract Title,Supplier Name,Start Date,Expiry,Contract value (£)',
  'CON-0100,Street lighting,Lumen Ltd,01/04/2025,31/03/2028,250000',
  'CON-0101,Parks maintenance,Green Spaces Ltd,01/04/2025,31/03/2028,120000',
  'CON-0102,Pest control,Nobody Ltd,01/04/2025,not a date,100',
].join('\r\n');

describe('importing the register by uploading a file in Teams', () => {
  let bot: Harness & { filesDir: string };
  let clock = new Date('2026-11-26T09:00:00Z');

  beforeAll(async () => {
    bot = await startFilesHarness({ MAX_UPLOAD_MB: '1' }, { now: () => clock });
    await seedRegister(bot.store);
    bot.connector.files.set('register.csv', { body: Buffer.from(REGISTER_CSV, 'utf8') });
  });
  afterAll(() => bot?.close());

  const fetchesOf = (name: string) => bot.connector.requests.filter((r) => r.method === 'GET' && r.path === `/files/${encodeURIComponent(name)}`).length;
  const upload = async (person: typeof ASHA, name: string, url = servedUrl(bot, name)) => (await bot.exchange(uploadMessage(bot, person, name, url)))[0];

  it('runs a dry run, and imports only when the uploader confirms', async () => {
    const reply = await upload(ASHA, 'register.csv');
    const card = cardOf(reply);
    expect(card).toContain('Import register.csv?');
    expect(card).toContain('Dry run: nothing has been written yet.');
    expect(card).toContain('"title":"New","value":"2"');
    expect(card).toContain('"title":"Rejected","value":"1"');
    expect(card).toContain('1 problem:');
    expect(card).toContain('Row 4, Expiry (column E): \\"not a date\\" is not a date');
    expect(await bot.store.contracts.get('CON-0100')).toBeUndefined();

    const answer = await press(bot, ASHA, 'importRegister', actionData(reply, 'importRegister'));
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toContain('Imported register.csv');
    expect(await bot.store.contracts.get('CON-0100')).toMatchObject({ title: 'Street lighting' });
    expect(await bot.store.contracts.get('CON-0102')).toBeUndefined();

    const again = await press(bot, ASHA, 'importRegister', actionData(reply, 'importRegister'));
    expect(String(again.value)).toContain('already been done or cancelled');
    expect(readdirSync(join(bot.filesDir, 'imports'))).toEqual([]);
  });

  it("refuses a second person's confirmation and leaves the import waiting for the uploader", async () => {
    bot.connector.files.set('second.csv', { body: Buffer.from(REGISTER_CSV.replace(/CON-0100/, 'CON-0200').replace(/CON-0101/, 'CON-0201'), 'utf8') });
    const reply = await upload(ASHA, 'second.csv');
    const data = actionData(reply, 'importRegister');
    const refusal = await press(bot, PRIYA, 'importRegister', data);
    expect(String(refusal.value)).toBe('Only Asha Khan, who uploaded second.csv, can confirm or cancel this import.');
    expect(await bot.store.contracts.get('CON-0200')).toBeUndefined();
    // Cancelled from a client without Universal Actions: Action.Submit arrives as a message with a value.
    const [cancelled] = await bot.exchange(teamsMessage(bot.connector.serviceUrl, '', { ...personal(ASHA), value: { ...data, verb: 'cancelImport' } }));
    expect(cardOf(cancelled)).toContain('Cancelled: nothing was written');
    expect(await bot.store.contracts.get('CON-0200')).toBeUndefined();
  });

  it('drops an import that waits past its time limit', async () => {
    bot.connector.files.set('late.csv', { body: Buffer.from(REGISTER_CSV.replace(/CON-0100/, 'CON-0300'), 'utf8') });
    const reply = await upload(ASHA, 'late.csv');
    clock = new Date(clock.getTime() + 16 * 60_000);
    const late = await press(bot, ASHA, 'importRegister', actionData(reply, 'importRegister'));
    expect(JSON.stringify(late.value)).toContain('waited too long');
    expect(await bot.store.contracts.get('CON-0300')).toBeUndefined();
  });

  it('sends the problems workbook with the rejected rows', async () => {
    bot.connector.files.set('problems.csv', { body: Buffer.from(REGISTER_CSV, 'utf8') });
    const reply = await upload(ASHA, 'problems.csv');
    const before = bot.connector.activities.length;
    const answer = await press(bot, ASHA, 'importProblems', actionData(reply, 'importProblems'));
    expect(String(answer.value)).toContain('problems workbook');
    await bot.connector.waitForActivities(before + 1);
    const consent = consentOf(bot.connector.activities[before]);
    expect(consent.name).toBe('problems problems.xlsx');
    expect(consent.description).toContain('1 rejected rows');
  });

  it('tells someone who is not an administrator who can import, and fetches nothing', async () => {
    bot.connector.files.set('ben.csv', { body: Buffer.from(REGISTER_CSV, 'utf8') });
    const reply = await upload(BEN, 'ben.csv');
    expect(String(reply?.text)).toContain('Only an administrator (a.khan@council.gov.uk, p.ng@council.gov.uk) can import the register');
    expect(fetchesOf('ben.csv')).toBe(0);
  });

  it('refuses a file from a host that is not on the list without fetching it', async () => {
    bot.connector.files.set('elsewhere.csv', { body: Buffer.from(REGISTER_CSV, 'utf8') });
    const url = servedUrl(bot, 'elsewhere.csv').replace('127.0.0.1', 'localhost');
    const reply = await upload(ASHA, 'elsewhere.csv', url);
    expect(String(reply?.text)).toContain('I did not import elsewhere.csv: the file comes from localhost, which is not one of the Microsoft hosts I accept files from. Nothing was written.');
    expect(fetchesOf('elsewhere.csv')).toBe(0);
  });

  it('refuses a redirect to a host that is not on the list', async () => {
    bot.connector.files.set('elsewhere.csv', { body: Buffer.from(REGISTER_CSV, 'utf8') });
    bot.connector.files.set('moved.csv', { body: Buffer.alloc(0), status: 302, headers: { location: servedUrl(bot, 'elsewhere.csv').replace('127.0.0.1', 'localhost') } });
    const reply = await upload(ASHA, 'moved.csv');
    expect(String(reply?.text)).toContain('the file link redirected elsewhere');
    expect(fetchesOf('elsewhere.csv')).toBe(0);
  });

  it('refuses a file larger than MAX_UPLOAD_MB, even when the server does not say its size', async () => {
    const big = Buffer.from(`${REGISTER_CSV}\r\n${'CON-0999,Filler,Filler Ltd,01/04/2025,31/03/2028,1\r\n'.repeat(25_000)}`, 'utf8');
    bot.connector.files.set('big.csv', { body: big, chunked: true });
    const reply = await upload(ASHA, 'big.csv');
    expect(String(reply?.text)).toBe('I did not import big.csv: the file is larger than 1 MB. Nothing was written.');
    expect(await bot.store.contracts.get('CON-0999')).toBeUndefined();
  });

  it('answers a corrupt spreadsheet in one line and writes nothing', async () => {
    bot.connector.files.set('broken.xlsx', { body: Buffer.from('this is not a spreadsheet at all') });
    const waiting = readdirSync(join(bot.filesDir, 'imports')).length;
    const reply = await upload(ASHA, 'broken.xlsx');
    expect(String(reply?.text)).toMatch(/^I cannot read broken\.xlsx: .+\. Nothing was written\.$/);
    expect(readdirSync(join(bot.filesDir, 'imports')).length).toBe(waiting);
  });

  it('shows progress on a large file by updating its card, and imports it all on confirmation', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `CON-L${String(i).padStart(5, '0')},Library services lot ${i},Books Ltd,01/04/2025,31/03/2028,${1000 + i}`);
    bot.connector.files.set('large.csv', { body: Buffer.from([REGISTER_CSV.split('\r\n')[0], ...rows].join('\r\n'), 'utf8') });
    const before = bot.connector.requests.length;
    const waiting = readdirSync(join(bot.filesDir, 'imports')).sort();
    const [progress, result] = await bot.exchange(uploadMessage(bot, ASHA, 'large.csv', servedUrl(bot, 'large.csv')), 2);
    expect(cardOf(progress)).toContain('Checking 0.');
    expect(cardOf(progress)).toContain('This card updates itself');
    expect(cardOf(result)).toContain('"title":"New","value":"6000"');
    const update = bot.connector.requests.slice(before).filter((r) => r.method === 'PUT' && /\/activities\/activity-\d+$/.test(r.path));
    expect(update).toHaveLength(1);
    // The card's answer comes at once; the import goes on and posts its result to the chat.
    const posted = bot.connector.activities.length;
    const answer = await press(bot, ASHA, 'importRegister', actionData(result, 'importRegister'));
    expect(JSON.stringify(answer.value)).toContain('Importing 0.');
    expect(JSON.stringify(answer.value)).toContain('I will post the result here when it is done');
    await bot.connector.waitForActivities(posted + 1, 20_000);
    expect(cardOf(bot.connector.activities[posted])).toContain('Imported large.csv');
    expect(cardOf(bot.connector.activities[posted])).toContain('"title":"Created","value":"6000"');
    expect(await bot.store.contracts.count()).toBeGreaterThanOrEqual(6000);
    await vi.waitFor(() => expect(readdirSync(join(bot.filesDir, 'imports')).sort()).toEqual(waiting));
  });

  it('imports an .xlsx the bot itself exported', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(['Reference', 'Title', 'Supplier', 'End date']);
    sheet.addRow(['CON-0400', 'Translation services', 'Words Ltd', '31/03/2029']);
    bot.connector.files.set('translation.xlsx', { body: Buffer.from(await workbook.xlsx.writeBuffer()) });
    const reply = await upload(ASHA, 'translation.xlsx');
    expect(cardOf(reply)).toContain('"title":"New","value":"1"');
    await press(bot, ASHA, 'importRegister', actionData(reply, 'importRegister'));
    expect(await bot.store.contracts.get('CON-0400')).toMatchObject({ supplier: { name: 'Words Ltd' } });
  });
});
