import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from './bot-process.js';

/** `{` + `megabytes` MB of spaces + `}` (valid JSON once unpacked), gzipped to a few hundred KB. */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const spaces = Buffer.alloc(1_048_576, 0x20);
  gzip.write('{');
  for (let i = 0; i < megabytes; i++) gzip.write(spaces);
  gzip.end('}');
  await done;
  return Buffer.concat(chunks);
}

function multipart(boundary: string, fileBytes: number): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="register.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.alloc(fileBytes, 0x41),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

/** The process's peak resident memory so far, in bytes (Linux). */
function peakRss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) * 1024;
}

/** Every file under a folder with its size, leaving out tsx's compile cache. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => !name.startsWith('tsx-'))
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => `${path} ${statSync(path).size}`)
    .sort();
}

describe('request bodies: nothing is unpacked or spooled to disk before authentication', () => {
  const temp = mkdtempSync(join(tmpdir(), 'steward-tmp-'));
  const token = 'run-token-0123456789abcdef0123';
  let bot: BotProcess;
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await gzipBomb(150);
    bot = await startBotProcess({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: 'tenant-1',
      PUBLIC_URL: 'https://steward.council.example',
      HOST: '127.0.0.1',
      RENEWALS_RUN_TOKEN: token,
      STEWARD_DB: join(mkdtempSync(join(tmpdir(), 'steward-db-')), 'steward.db'),
      FILES_DIR: mkdtempSync(join(tmpdir(), 'steward-files-')),
      TMPDIR: temp,
    });
  }, 90_000);
  afterAll(() => bot?.stop());

  const post = (path: string, headers: Record<string, string>, body: Buffer) =>
    fetch(`${bot.url}${path}`, { method: 'POST', headers, body }).then(
      (response) => response.status,
      // The server may close the connection once it has answered, while the client is still sending.
      () => 'closed',
    );

  it('answers 415 to a gzip bomb without unpacking it: memory stays flat', async () => {
    expect(bomb.length).toBeLessThan(200_000);
    const before = peakRss(bot.child.pid!);
    const started = Date.now();
    expect(await post('/api/messages', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb)).toBe(415);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(peakRss(bot.child.pid!) - before).toBeLessThan(50 * 1_048_576);
  });

  it('answers 415 to a multipart body and writes nothing to the temp folder', async () => {
    const files = filesUnder(temp);
    const boundary = 'steward-boundary-1';
    expect(await post('/api/messages', { 'content-type': `multipart/form-data; boundary=${boundary}` }, multipart(boundary, 128 * 1024))).toBe(415);
    // A bigger one may see the connection closed under it once answered; either way nothing is spooled.
    expect([415, 'closed']).toContain(await post('/api/messages', { 'content-type': `multipart/form-data; boundary=${boundary}` }, multipart(boundary, 4 * 1_048_576)));
    expect(filesUnder(temp)).toEqual(files);
  });

  it('checks the run token before reading the body: 401, nothing unpacked, nothing on disk', async () => {
    const files = filesUnder(temp);
    const before = peakRss(bot.child.pid!);
    expect(await post('/api/renewals/run', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb)).toBe(401);
    const boundary = 'steward-boundary-2';
    expect(await post('/api/renewals/run', { 'content-type': `multipart/form-data; boundary=${boundary}` }, multipart(boundary, 128 * 1024))).toBe(401);
    expect([401, 'closed']).toContain(await post('/api/renewals/run', { 'content-type': `multipart/form-data; boundary=${boundary}` }, multipart(boundary, 4 * 1_048_576)));
    expect(peakRss(bot.child.pid!) - before).toBeLessThan(50 * 1_048_576);
    expect(filesUnder(temp)).toEqual(files);
  });

  it('answers 401 to a JSON activity without a Bot Connector token', async () => {
    expect(await post('/api/messages', { 'content-type': 'application/json' }, Buffer.from('{"type":"message"}'))).toBe(401);
  });
});
