import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { ConversationRecord } from '@contract-steward/core';
import { isAnonymous, type Config } from '../config.js';
import { SendFailure, type MessageSender } from '../proactive/send-queue.js';
import type { OutgoingMessage } from '../turn.js';
import { botbuilderAuthOptions, toAttachmentActivity } from './teams-gateway.js';

/** Botbuilder's AuthenticationConstants: the token audience and the login authority for the public cloud. */
const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com';
const BOT_CONNECTOR_LOGIN_URL = 'https://login.microsoftonline.com/botframework.com';

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Proactive messages, posted straight to the Bot Connector REST API
 * (`POST {serviceUrl}v3/conversations/{id}/activities`) with the bot's token. We call it
 * ourselves rather than through botbuilder so that our send queue alone decides about
 * retries: botbuilder's client retries 429 three times on its own and never retries 412.
 */
export class ConnectorSender implements MessageSender {
  private credentials: Promise<unknown> | undefined;

  constructor(
    private readonly config: Config,
    private readonly timeoutMs = 15_000,
  ) {}

  private async token(): Promise<string | undefined> {
    if (isAnonymous(this.config)) return undefined;
    this.credentials ??= new ConfigurationServiceClientCredentialFactory(botbuilderAuthOptions(this.config)).createCredentials(
      this.config.MicrosoftAppId ?? '',
      BOT_CONNECTOR_SCOPE,
      BOT_CONNECTOR_LOGIN_URL,
      true,
    );
    const credentials = (await this.credentials) as { getToken(force?: boolean): Promise<string> };
    return credentials.getToken();
  }

  /**
   * Opens (or finds) the personal chat between the bot and one person:
   * `POST {serviceUrl}v3/conversations` with the person as the only member and the tenant.
   * Teams answers with the chat's id, the same one each time; it refuses when the person cannot
   * be reached (the app is not installed for them). Throws SendFailure.
   */
  async createPersonalConversation(input: { serviceUrl: string; tenantId: string; bot: { id: string; name?: string }; member: { id: string; aadObjectId?: string } }): Promise<string> {
    const base = input.serviceUrl.endsWith('/') ? input.serviceUrl : `${input.serviceUrl}/`;
    const body = { isGroup: false, bot: input.bot, members: [input.member], tenantId: input.tenantId, channelData: { tenant: { id: input.tenantId } } };
    const response = await this.post(`${base}v3/conversations`, body);
    const answer = (await response.json().catch(() => ({}))) as { id?: unknown };
    if (typeof answer.id !== 'string' || answer.id === '') throw new SendFailure('the Bot Connector created no conversation', response.status);
    return answer.id;
  }

  /** POSTs JSON with the bot's token; a network failure or an error status is a SendFailure. */
  private async post(url: string, body: unknown): Promise<Response> {
    let response: Response;
    try {
      const token = await this.token();
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new SendFailure(`could not reach the Bot Connector: ${error instanceof Error ? error.message : String(error)}`, undefined);
    }
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 300);
      throw new SendFailure(`Bot Connector answered ${response.status}${detail ? `: ${detail}` : ''}`, response.status, parseRetryAfter(response.headers.get('retry-after')));
    }
    return response;
  }

  async send(conversation: ConversationRecord, message: OutgoingMessage): Promise<string> {
    const reference = conversation.reference as { bot?: { id?: string; name?: string }; user?: { id?: string } };
    const activity = {
      ...toAttachmentActivity(message),
      conversation: { id: conversation.conversationId, ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}) },
      ...(reference.bot?.id ? { from: reference.bot } : {}),
      ...(conversation.tenantId ? { channelData: { tenant: { id: conversation.tenantId }, notification: { alert: true } } } : {}),
    };
    const base = conversation.serviceUrl.endsWith('/') ? conversation.serviceUrl : `${conversation.serviceUrl}/`;
    const url = `${base}v3/conversations/${encodeURIComponent(conversation.conversationId)}/activities`;
    const response = await this.post(url, activity);
    const body = (await response.json().catch(() => ({}))) as { id?: unknown };
    return typeof body.id === 'string' ? body.id : '';
  }
}
