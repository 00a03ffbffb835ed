import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsInfo,
  TurnContext,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request as BotRequest,
  type Response as BotResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationScope } from '@contract-steward/core';
import { allowedTenants, isAnonymous, type Config } from '../config.js';
import type { CardActionResult, InboundActivity, OutgoingMessage, TurnIO } from '../turn.js';

/** What the gateway calls for each accepted activity. A card action must return its result. */
export interface ActivityRouter {
  handle(activity: InboundActivity, io: TurnIO): Promise<CardActionResult | undefined>;
}

/** The Bot Framework channel id of Microsoft Teams, the only channel the bot serves. */
export const TEAMS_CHANNEL = 'msteams';

/** The tenant an activity comes from, read where Teams puts it (the order Microsoft's Teams SDK uses). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = activity.conversation?.tenantId ?? channelData?.tenant?.id;
  return typeof id === 'string' && id !== '' ? id.toLowerCase() : undefined;
}

export function botbuilderAuthOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  return isAnonymous(config)
    ? {}
    : {
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
      };
}

export function toAttachmentActivity(message: OutgoingMessage): Partial<Activity> {
  if ('attachments' in message) {
    return { type: 'message', summary: message.summary, ...(message.text ? { text: message.text, textFormat: 'markdown' } : {}), attachments: message.attachments.map((a) => ({ ...a })) };
  }
  if ('text' in message) return { type: 'message', text: message.text, textFormat: 'markdown' };
  return { type: 'message', summary: message.summary, attachments: [CardFactory.adaptiveCard(message.card)] };
}

/**
 * The only place inbound Teams traffic meets botbuilder: the CloudAdapter (which checks the
 * Bot Connector's token when an App ID is configured), a channel and tenant filter, and the translation of
 * activities into the bot's own InboundActivity.
 */
export class TeamsGateway {
  private readonly adapter: CloudAdapter;

  constructor(
    config: Config,
    private readonly router: ActivityRouter,
    private readonly log: Logger,
  ) {
    this.adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(botbuilderAuthOptions(config)));
    const tenants = allowedTenants(config);
    this.adapter.use(async (context, next) => {
      // Only Teams writes the tenant into channelData; on any other channel the client does, so
      // the tenant filter would mean nothing. Checked without an App ID too (the Agents
      // Playground sends msteams), so local use drops what production drops.
      if (context.activity.channelId !== TEAMS_CHANNEL) {
        this.log.warn({ channelId: String(context.activity.channelId ?? 'none').slice(0, 64), activityType: context.activity.type }, 'refused an activity from a channel other than Microsoft Teams');
        if (context.activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 403, body: { error: 'channel not allowed' } } });
        return;
      }
      const tenant = tenantOf(context.activity);
      if (tenants && (!tenant || !tenants.has(tenant))) {
        // Refused before any handler runs: nothing is stored, nothing is sent back into that tenant.
        this.log.warn({ tenant: tenant ?? 'none', activityType: context.activity.type }, 'refused an activity from a tenant that is not allowed');
        if (context.activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 403, body: { error: 'tenant not allowed' } } });
        return;
      }
      await next();
    });
    this.adapter.onTurnError = async (context, error) => {
      this.log.error({ err: error, activityType: context.activity.type }, 'turn failed');
      await context.sendActivity('Sorry, something went wrong on our side. Please try again in a minute; if it keeps happening, tell your Contract Steward administrator.');
    };
  }

  /** Handles POST /api/messages. The request and response are restify's, which botbuilder accepts. */
  async process(req: unknown, res: unknown): Promise<void> {
    await this.adapter.process(req as BotRequest, res as BotResponse, (context) => this.turn(context));
  }

  private async turn(context: TurnContext): Promise<void> {
    await runTurn(context, this.router, this.log);
  }
}

/**
 * One turn: the activity as the bot's InboundActivity, replies and the roster lookup as its
 * TurnIO, and the invoke response Teams waits for. The CloudAdapter calls it for Teams; tests
 * call it from botbuilder's TestAdapter, so a handler is tested on the same path without HTTP.
 */
export async function runTurn(context: TurnContext, router: ActivityRouter, log: Logger): Promise<void> {
  const inbound = toInbound(context.activity);
  const io: TurnIO = {
    reply: async (message) => {
      await context.sendActivity(toAttachmentActivity(message));
    },
    replyUpdatable: async (message) => {
      const sent = await context.sendActivity(toAttachmentActivity(message));
      return async (next) => {
        if (!sent?.id) {
          await context.sendActivity(toAttachmentActivity(next));
          return;
        }
        await context.updateActivity({ ...toAttachmentActivity(next), id: sent.id });
      };
    },
    lookupEmail: async () => {
      try {
        const member = await TeamsInfo.getMember(context, context.activity.from.id);
        return member.email ?? member.userPrincipalName ?? undefined;
      } catch (error) {
        log.debug({ err: error }, 'could not read the sender from the Teams roster');
        return undefined;
      }
    },
  };
  const result = await router.handle(inbound, io);
  if (inbound.kind === 'cardAction') {
    const body = !result
      ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done.' }
      : 'card' in result
        ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card }
        : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.message };
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  }
  if (inbound.kind === 'fileConsent') await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
}

function scopeOf(activity: Activity): ConversationScope {
  const type = activity.conversation.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

function toInbound(activity: Activity): InboundActivity {
  const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
  const scope = scopeOf(activity);
  const tenantId = tenantOf(activity);
  const aad = activity.from.aadObjectId;
  const common = {
    person: { teamsId: activity.from.id, ...(activity.from.name ? { name: activity.from.name } : {}), ...(aad ? { aadObjectId: aad } : {}) },
    conversation: {
      conversationId: activity.conversation.id,
      scope,
      serviceUrl: activity.serviceUrl,
      reference,
      ...(tenantId ? { tenantId } : {}),
      ...(scope === 'personal' && aad ? { userAadObjectId: aad } : {}),
    },
  };
  switch (activity.type) {
    case 'installationUpdate':
      return { ...common, kind: activity.action === 'remove' || activity.action === 'remove-upgrade' ? 'uninstalled' : 'installed' };
    case 'conversationUpdate':
      if (activity.membersAdded?.some((member) => member.id === activity.recipient.id)) return { ...common, kind: 'installed' };
      if (activity.membersRemoved?.some((member) => member.id === activity.recipient.id)) return { ...common, kind: 'uninstalled' };
      return { ...common, kind: 'other' };
    case 'message':
      return {
        ...common,
        kind: 'message',
        text: activity.text ?? '',
        ...(activity.value !== undefined ? { value: activity.value as unknown } : {}),
        ...(activity.attachments?.length ? { attachments: activity.attachments as unknown[] } : {}),
      };
    case 'invoke':
      if (activity.name === 'adaptiveCard/action') return { ...common, kind: 'cardAction', value: activity.value as unknown };
      if (activity.name === 'fileConsent/invoke') return { ...common, kind: 'fileConsent', value: activity.value as unknown };
      return { ...common, kind: 'other' };
    default:
      return { ...common, kind: 'other' };
  }
}
