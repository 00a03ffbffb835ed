import { timingSafeEqual } from 'node:crypto';
import restify from 'restify';
import type { Logger } from 'pino';
import { VERSION, type Store } from '@contract-steward/core';
import { StewardBot } from './bot.js';
import { isAnonymous, renewalRulesOf, type Config } from './config.js';
import { serveDownload } from './files/download-route.js';
import { fileServicesFrom, sweepFiles } from './files/file-services.js';
import { readJsonBody, refuseBodyHeaders, type BodyRefusal } from './read-json-body.js';
import { roleListsFrom } from './roles.js';
import type { BotServices } from './services.js';
import { loadDocumentIdentity } from './document-identity.js';
import { createRenewalRunner } from './proactive/renewal-runner.js';
import { ConnectorSender } from './teams/connector-sender.js';
import { ConnectorPersonalChats } from './teams/personal-chats.js';
import { TeamsGateway, type ActivityRouter } from './teams/teams-gateway.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** What POST /api/renewals/run calls: the warning job, run now. */
export type RenewalRunner = () => Promise<unknown>;

export interface ServerOptions {
  /** Defaults to the real clock. */
  readonly now?: () => Date;
  /** Replaces the warning job behind POST /api/renewals/run (the default sends through the Bot Connector). */
  readonly runRenewals?: RenewalRunner;
  /** Wraps the bot's router (benchmarks add a bare echo to compare turns through the same server). */
  readonly wrapRouter?: (router: ActivityRouter) => ActivityRouter;
}

function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Answers a request whose body was not (fully) read. `Connection: close` makes Node drop the
 * rest of the upload instead of reading it to keep the connection alive.
 */
function refuse(res: restify.Response, status: number, error: string): void {
  res.setHeader('connection', 'close');
  res.json(status, { error });
}

/** Starts restify with the bot's routes and resolves once it is listening. */
export async function startServer(config: Config, store: Store, log: Logger, options: ServerOptions = {}): Promise<RunningServer> {
  let listeningUrl = '';
  const files = fileServicesFrom(config, options.now ?? (() => new Date()), () => listeningUrl, { store, sender: new ConnectorSender(config) });
  const services: BotServices = {
    store,
    roles: roleListsFrom(config),
    settings: renewalRulesOf(config),
    now: options.now ?? (() => new Date()),
    log,
    documents: loadDocumentIdentity(config),
    ocds: { ...(config.OCDS_OCID_PREFIX ? { ocidPrefix: config.OCDS_OCID_PREFIX } : {}), ...(config.OCDS_PUBLISHER ? { publisher: config.OCDS_PUBLISHER } : {}) },
    utilisationFloor: config.UTILISATION_FLOOR / 100,
    files,
    personalChats: new ConnectorPersonalChats(store, new ConnectorSender(config), options.now ?? (() => new Date()), log),
  };
  const bot = new StewardBot(services);
  const gateway = new TeamsGateway(config, options.wrapRouter ? options.wrapRouter(bot) : bot, log);
  const renewals = createRenewalRunner({ config, store, sender: new ConnectorSender(config), settings: services.settings, now: services.now, log });
  const runRenewals = options.runRenewals ?? (() => renewals.run());
  const stopDaily = config.WARNING_SCHEDULE === 'on' ? renewals.startDaily() : () => undefined;
  const server = restify.createServer({ name: 'contract-steward', handleUncaughtExceptions: false });
  // No body parser: each route reads its own body, if any, after its cheap checks.

  server.get('/healthz', async (_req, res) => {
    try {
      await store.ping();
      res.json(200, { ok: true, version: VERSION, database: store.kind });
    } catch {
      res.json(503, { ok: false, version: VERSION, database: store.kind });
    }
  });

  server.post('/api/messages', async (req, res) => {
    const refusal: BodyRefusal | undefined = refuseBodyHeaders(req.headers);
    if (refusal) return refuse(res, refusal.status, refusal.message);
    // The Bot Connector's token is checked in full by the CloudAdapter, which needs the activity
    // (service URL, channel); without even a token, the body is not read at all.
    if (!isAnonymous(config) && !/^Bearer \S/.test(req.headers.authorization ?? '')) return refuse(res, 401, 'Unauthorized: send the Bot Connector token.');
    const read = await readJsonBody(req);
    if (!read.ok) return refuse(res, read.refusal.status, read.refusal.message);
    (req as { body?: unknown }).body = read.body;
    await gateway.process(req, res);
  });

  server.post('/api/renewals/run', async (req, res) => {
    if (!config.RENEWALS_RUN_TOKEN) {
      refuse(res, 404, 'The run endpoint is off: set RENEWALS_RUN_TOKEN to turn it on.');
      return;
    }
    if (!bearerMatches(req.headers.authorization, config.RENEWALS_RUN_TOKEN)) {
      log.warn({ remote: req.socket.remoteAddress }, 'refused a renewals run without the right bearer token');
      refuse(res, 401, 'Send Authorization: Bearer <RENEWALS_RUN_TOKEN>.');
      return;
    }
    // The run takes no body; whatever was sent is never read, let alone unpacked.
    try {
      res.json(200, { ok: true, result: await runRenewals() });
    } catch (error) {
      log.error({ err: error }, 'renewals run failed');
      res.json(500, { ok: false, error: 'The run failed; see the bot log.' });
    }
  });

  server.get('/api/files/:token', async (req, res) => {
    await serveDownload(files.vault, String(req.params.token ?? ''), res);
  });

  const host = config.HOST ?? (isAnonymous(config) ? '127.0.0.1' : '0.0.0.0');
  await new Promise<void>((resolve) => server.listen(config.PORT, host, resolve));
  const address = server.address();
  const url = `http://${host}:${address.port}`;
  listeningUrl = url;
  const stopSweeping = sweepFiles(files, (error) => log.warn({ err: error }, 'could not sweep expired files'));
  return {
    url,
    close: async () => {
      stopSweeping();
      stopDaily();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await files.settled();
      await renewals.settled();
    },
  };
}
