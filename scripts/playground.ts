/**
 * `npm run playground`: the bot with sample data in a temporary SQLite file, and Microsoft's
 * Agents Playground (a local stand-in for Teams in the browser), both on 127.0.0.1 only.
 * No Azure, no tenant, no network. Stop with Ctrl+C.
 *
 * Environment (documented in the README, "Try it without Azure"): PLAYGROUND_PORT (56150),
 * PORT (bot, 3978), LOG_LEVEL, TEAMSAPPTESTER_BROWSER=none to not open a browser.
 */
// First: it must be in place before restify (imported by server.js) loads.
import '../packages/bot/src/quiet-spdy-deprecation.js';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSample, openStore } from '@contract-steward/core';
import { loadConfig } from '../packages/bot/src/config.js';
import { createLog } from '../packages/bot/src/create-log.js';
import { londonToday } from '../packages/bot/src/proactive/london-time.js';
import { startServer } from '../packages/bot/src/server.js';

const here = dirname(fileURLToPath(import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'steward-playground-'));
const database = join(folder, 'steward.db');
const token = randomBytes(24).toString('hex');
const log = createLog(process.env.LOG_LEVEL ?? 'info');

const store = await openStore({ kind: 'sqlite', path: database });
// The same sample `steward sample` loads, into a fresh file, so it is never refused.
await loadSample(store, { today: londonToday(new Date()), actor: 'playground' });

const config = loadConfig({
  ...process.env,
  HOST: '127.0.0.1',
  PORT: process.env.PORT ?? '3978',
  MicrosoftAppId: '',
  ADMINISTRATORS: 'alexw@example.com',
  RENEWALS_RUN_TOKEN: token,
  WARNING_SCHEDULE: 'off',
  SEND_PACE_MS: '300',
});
const server = await startServer(config, store, log);
log.info({ url: server.url, database }, 'bot started with the sample register');

const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const playground = spawn(process.execPath, ['--import', pathToFileURL(join(here, 'loopback-only.mjs')).href, cli, 'start', '-e', `${server.url}/api/messages`, '-c', 'msteams', '-p', playgroundPort, '--disable-telemetry'], {
  stdio: 'inherit',
  env: { ...process.env, M365_AGENTS_PLAYGROUND_LOGFILE: join(folder, 'playground.log') },
});
process.stdout.write(`\nContract Steward is running in the Agents Playground: http://127.0.0.1:${playgroundPort}\nTry: help, renewals 90, mine, contract CON-0042, performance CON-0042, performance, overdue, "what's renewing in the next 3 months?"\nRenewal warnings for the sample contracts arrive in your chat once it opens.\n\n`);

// Once the Playground's chat has installed the bot, send today's renewal warnings into it.
const warnOnce = setInterval(() => {
  void (async () => {
    const chats = await store.conversations.list();
    if (!chats.some((c) => c.scope === 'personal' && c.userEmail)) return;
    clearInterval(warnOnce);
    const response = await fetch(`${server.url}/api/renewals/run`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    log.info({ result: ((await response.json()) as { result?: unknown }).result }, 'sent the renewal warnings due today');
  })().catch((error: unknown) => log.warn({ err: error }, 'could not send the sample warnings'));
}, 2000);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  clearInterval(warnOnce);
  playground.kill('SIGTERM');
  await server.close();
  await store.close();
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
playground.once('exit', () => void stop());
