import { spawnSync } from 'node:child_process';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionInvoke, teamsMessage } from '../support/stand-in-connector.js';
import { startHarness, type Harness } from './bot-harness.js';

describe('bot security: with an App ID, every inbound request needs a Bot Connector token', () => {
  let bot: Harness;
  beforeAll(async () => {
    bot = await startHarness({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant-1',
      PUBLIC_URL: 'https://steward.council.example',
      HOST: '127.0.0.1',
    });
  });
  afterAll(() => bot?.close());

  it('answers 401 to a request with no token, and sends nothing', async () => {
    const response = await bot.post(teamsMessage(bot.connector.serviceUrl, 'help'));
    expect(response.status).toBe(401);
    expect(bot.connector.requests).toEqual([]);
  });

  it('answers 401 to a request with a junk token, and stores nothing', async () => {
    const response = await fetch(`${bot.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl' },
      body: JSON.stringify(teamsMessage(bot.connector.serviceUrl, 'help')),
    });
    expect(response.status).toBe(401);
    expect(bot.connector.requests).toEqual([]);
    expect(await bot.store.conversations.list()).toEqual([]);
  });
});

describe('bot security: tenants and channels', () => {
  let bot: Harness;
  const logs: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
    bot = await startHarness({ ALLOWED_TENANTS: 'tenant-1' }, {}, log);
  });
  afterAll(() => bot?.close());

  const otherTenant = { conversation: { id: 'a:intruder', conversationType: 'personal', tenantId: 'tenant-evil' }, channelData: { tenant: { id: 'tenant-evil' } } };

  it('refuses a message from a tenant that is not allowed: no reply, nothing stored', async () => {
    const response = await bot.post(teamsMessage(bot.connector.serviceUrl, 'renewals 90', otherTenant));
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot.connector.requests).toEqual([]);
    expect(await bot.store.conversations.get('a:intruder')).toBeUndefined();
  });

  it('refuses a card action from a tenant that is not allowed with 403', async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'showContract', { v: 1, reference: 'CON-0001' }, otherTenant));
    expect(response.status).toBe(403);
  });

  it('refuses a message from a channel other than Teams, whose tenant the client writes itself: no reply, nothing stored, a warning logged', async () => {
    const webChat = { channelId: 'webchat', conversation: { id: 'a:web-chat', conversationType: 'personal', tenantId: 'tenant-1' } };
    const response = await bot.post(teamsMessage(bot.connector.serviceUrl, 'renewals 90', webChat));
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot.connector.requests).toEqual([]);
    expect(await bot.store.conversations.get('a:web-chat')).toBeUndefined();
    const warning = logs.find((entry) => entry.msg === 'refused an activity from a channel other than Microsoft Teams');
    expect(warning).toMatchObject({ level: 40, channelId: 'webchat', activityType: 'message' });
    expect(JSON.stringify(warning)).not.toContain('renewals 90');
  });

  it('refuses a card action from a channel other than Teams with 403', async () => {
    const response = await bot.post(cardActionInvoke(bot.connector.serviceUrl, 'showContract', { v: 1, reference: 'CON-0001' }, { channelId: 'directline' }));
    expect(response.status).toBe(403);
  });

  it('still answers the allowed tenant', async () => {
    const replies = await bot.exchange(teamsMessage(bot.connector.serviceUrl, 'help'));
    expect(replies).toHaveLength(1);
  });
});

describe('bot configuration at start-up', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'packages/bot/src/main.ts'], { env: { PATH: process.env.PATH ?? '', PORT: '0', STEWARD_DB: ':memory:', ...env }, encoding: 'utf8', timeout: 20_000 });

  it('stops with one clear line naming a bad variable', () => {
    const result = start({ WARNING_HOUR: '25' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(['contract-steward: Invalid WARNING_HOUR (got "25"): Too big: expected number to be <=23. Fix it in the environment and start again.']);
  });

  it('stops a registered bot without a tenant or a public address, naming the variable', () => {
    const registered = { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', HOST: '127.0.0.1' };
    const msi = start({ ...registered, MicrosoftAppType: 'UserAssignedMSI', PUBLIC_URL: 'https://steward.council.example' });
    expect(msi.status).toBe(1);
    expect(msi.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^contract-steward: Invalid MicrosoftAppTenantId \(got ""\): is required when MicrosoftAppType is UserAssignedMSI/)]);
    const noUrl = start({ ...registered, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: 'tenant-1' });
    expect(noUrl.status).toBe(1);
    expect(noUrl.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^contract-steward: Invalid PUBLIC_URL \(got ""\): is required when MicrosoftAppId is set/)]);
  });
});
