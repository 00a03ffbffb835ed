import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import restify from 'restify';
import type { Logger } from 'pino';
import { VERSION, type Store } from '@contract-steward/core';
import { StewardBot } from './bot.js';
import { isAnonymous, type Config } from './config.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the botbuilder adapter; with an App ID every inbound request must carry a valid token. */
function createAdapter(config: Config, log: Logger): CloudAdapter {
  const auth: ConfigurationBotFrameworkAuthenticationOptions = isAnonymous(config)
    ? {}
    : {
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
      };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(auth));
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, 'turn failed');
    await context.sendActivity('Sorry, something went wrong on our side. Please try again in a minute; if it keeps happening, tell your Contract Steward administrator.');
  };
  return adapter;
}

/** Starts restify with the bot's routes and resolves once it is listening. */
export async function startServer(config: Config, store: Store, log: Logger): Promise<RunningServer> {
  const adapter = createAdapter(config, log);
  const bot = new StewardBot();
  const server = restify.createServer({ name: 'contract-steward', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000, mapParams: false }));

  server.get('/healthz', async (_req, res) => {
    try {
      await store.ping();
      res.json(200, { ok: true, version: VERSION, database: store.kind });
    } catch {
      res.json(503, { ok: false, version: VERSION, database: store.kind });
    }
  });

  server.post('/api/messages', async (req, res) => {
    // restify's request type marks `method` optional; botbuilder's does not. They are the same object.
    await adapter.process(req as unknown as Parameters<CloudAdapter['process']>[0], res, (context) => bot.run(context));
  });

  const host = config.HOST ?? (isAnonymous(config) ? '127.0.0.1' : '0.0.0.0');
  await new Promise<void>((resolve) => server.listen(config.PORT, host, resolve));
  const address = server.address();
  const url = `http://${host}:${address.port}`;
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
