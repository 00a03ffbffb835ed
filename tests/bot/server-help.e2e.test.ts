import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { openStore, type Store } from '@contract-steward/core';
import { loadConfig } from '../../packages/bot/src/config.js';
import { startServer, type RunningServer } from '../../packages/bot/src/server.js';
import { StandInConnector, teamsMessage } from '../support/stand-in-connector.js';

describe('bot server over HTTP (anonymous, local use)', () => {
  const connector = new StandInConnector();
  let store: Store;
  let server: RunningServer;

  beforeAll(async () => {
    await connector.start();
    store = await openStore({ kind: 'sqlite', path: ':memory:' });
    server = await startServer(loadConfig({ PORT: '0', WARNING_SCHEDULE: 'off' }), store, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await connector.stop();
  });

  it('answers GET /healthz with the version and database kind', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: '0.1.0', database: 'sqlite' });
  });

  it('listens on loopback only when no App ID is configured', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('replies to "help" through the connector named by serviceUrl', async () => {
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage(connector.serviceUrl, 'help')),
    });
    expect(response.status).toBe(200);
    await connector.waitForActivities(1);
    const [reply] = connector.activities;
    expect(reply).toMatchObject({ type: 'message', conversation: { id: 'a:personal-chat-1' } });
    expect(JSON.stringify(reply?.attachments)).toContain('Contract Steward: what I can do');
  });
});
