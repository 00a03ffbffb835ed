import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  /** The body as sent (file uploads are not JSON). */
  readonly raw?: Buffer;
}

/** A file the stand-in serves at GET /files/{name}, as OneDrive serves an upload's downloadUrl. */
export interface ServedFile {
  readonly body: Buffer;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** Send without Content-Length, so only the bytes read tell the size. */
  readonly chunked?: boolean;
}

/** Decides the status of a request; return undefined for the normal 200 reply. */
export type ConnectorBehaviour = (request: ConnectorRequest) => { status: number; headers?: Record<string, string>; hang?: boolean } | undefined;

/**
 * A stand-in for the Teams Bot Connector on 127.0.0.1: it records every activity the bot
 * sends (replies, proactive messages, card updates) and answers as the connector would.
 * Activities point at it through their `serviceUrl`.
 */
export class StandInConnector {
  readonly requests: ConnectorRequest[] = [];
  behaviour: ConnectorBehaviour = () => undefined;
  /** Roster entries by Teams user id, answered to GET .../members/{id} (how the bot learns an email). */
  readonly members = new Map<string, Record<string, unknown>>();
  /** Milliseconds to wait before answering each request (to make two senders overlap). */
  delayMs = 0;
  /** Requests left unanswered by a `hang` behaviour, as if lost in flight; closed on stop. */
  private readonly hanging: ServerResponse[] = [];
  /** Files served at GET /files/{name} (uploads' download URLs). */
  readonly files = new Map<string, ServedFile>();
  /** Bodies PUT to /uploads/{name} (the OneDrive upload URL of a file consent card). */
  readonly uploads: ConnectorRequest[] = [];
  private server: Server | undefined;
  private waiters: { count: number; resolve: () => void }[] = [];
  private nextId = 1;

  get serviceUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('stand-in connector is not started');
    return `http://127.0.0.1:${address.port}/`;
  }

  /** Activities the bot sent (POSTs and PUTs to .../activities...). */
  get activities(): Record<string, unknown>[] {
    return this.requests
      .filter((r) => /\/v3\/conversations\/.+\/activities/.test(r.path) && (r.method === 'POST' || r.method === 'PUT'))
      .map((r) => r.body as Record<string, unknown>);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const res of this.hanging.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Resolves once at least `count` activities have arrived (or rejects after `ms`). */
  waitForActivities(count: number, ms = 5000): Promise<void> {
    if (this.activities.length >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} activities, got ${this.activities.length}`)), ms);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');
    const isJson = text !== '' && !(req.url ?? '').startsWith('/uploads/');
    const request: ConnectorRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: isJson ? (JSON.parse(text) as unknown) : undefined,
      raw,
    };
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const override = this.behaviour(request);
    if (override?.hang) {
      this.hanging.push(res);
      return;
    }
    if (override) {
      res.writeHead(override.status, { 'content-type': 'application/json', ...override.headers });
      res.end(JSON.stringify({ error: { code: 'StandIn', message: `status ${override.status}` } }));
      return;
    }
    this.requests.push(request);
    if (request.method === 'GET' && request.path.startsWith('/files/')) {
      const file = this.files.get(decodeURIComponent(request.path.slice('/files/'.length)));
      res.writeHead(file?.status ?? (file ? 200 : 404), { 'content-type': 'application/octet-stream', ...(file && !file.chunked ? { 'content-length': String(file.body.length) } : {}), ...file?.headers });
      res.end(file?.body);
      return;
    }
    if (request.method === 'PUT' && request.path.startsWith('/uploads/')) {
      this.uploads.push(request);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'drive-item-1' }));
      return;
    }
    if (request.method === 'POST' && request.path === '/v3/conversations') {
      // createConversation: Teams answers with the personal chat's id.
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `a:created-personal-${this.nextId++}` }));
      return;
    }
    const member = /\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(request.path);
    if (request.method === 'GET' && member) {
      const entry = this.members.get(decodeURIComponent(member[1] ?? ''));
      res.writeHead(entry ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(entry ?? { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `activity-${this.nextId++}` }));
    this.waiters = this.waiters.filter((w) => (this.activities.length >= w.count ? (w.resolve(), false) : true));
  }
}

/** A Teams personal-chat message activity addressed to the bot, as the connector posts it. */
export function teamsMessage(serviceUrl: string, text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `msg-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1', name: 'Asha Khan', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    conversation: { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot', name: 'Contract Steward' },
    channelData: { tenant: { id: 'tenant-1' } },
    text,
    locale: 'en-GB',
    ...overrides,
  };
}

/** An activity of another type from the same personal chat (installationUpdate, conversationUpdate, invoke). */
export function teamsActivity(serviceUrl: string, type: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const base = teamsMessage(serviceUrl, '', fields);
  delete base.text;
  return { ...base, type };
}

/** The invoke Teams sends when someone presses an Action.Execute button on a card. */
export function cardActionInvoke(serviceUrl: string, verb: string, data: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return teamsActivity(serviceUrl, 'invoke', { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, ...overrides });
}
