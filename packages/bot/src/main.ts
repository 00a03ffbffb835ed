// First: it must be in place before restify (imported by server.js) loads.
import './quiet-spdy-deprecation.js';
import { openStore, storeOptionsFrom, StorageError } from '@contract-steward/core';
import { ConfigError, isAnonymous, loadConfig, renewalRulesOf } from './config.js';
import { createLog } from './create-log.js';
import { startServer } from './server.js';

/** The composition root: configuration, store, server, and a clean stop on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLog(config.LOG_LEVEL);
  // The index is computed with the rules the bot asks with; otherwise every question reads the whole register.
  const store = await openStore({ ...storeOptionsFrom({ databaseUrl: config.DATABASE_URL, sqlitePath: config.STEWARD_DB }), renewalRules: renewalRulesOf(config) });
  const server = await startServer(config, store, log);
  log.info({ url: server.url, database: store.kind, location: store.location }, 'Contract Steward is listening');
  if (isAnonymous(config)) {
    log.warn('No MicrosoftAppId is set: requests are not authenticated, so the bot listens on 127.0.0.1 only. Set MicrosoftAppId and MicrosoftAppPassword to run it for Teams.');
  }
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StorageError) {
    process.stderr.write(`contract-steward: ${error.message}\n`);
  } else {
    process.stderr.write(`contract-steward: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
