import type { Logger } from 'pino';
import type { ConversationRecord, Store } from '@contract-steward/core';
import type { OutgoingMessage } from '../turn.js';
import type { ConnectorSender } from './connector-sender.js';

/** Who to reach, and the conversation they asked from (its service URL, tenant and bot). */
export interface PersonalChatRequest {
  readonly person: { readonly teamsId: string; readonly aadObjectId?: string; readonly email?: string };
  readonly from: Pick<ConversationRecord, 'serviceUrl' | 'tenantId' | 'reference'>;
}

/** A person's 1:1 chat with the bot, for answers that must not be seen by a whole channel. */
export interface PersonalChats {
  /** The stored personal chat, else one created through the Bot Connector (and stored); undefined when neither works. */
  open(request: PersonalChatRequest): Promise<ConversationRecord | undefined>;
  send(conversation: ConversationRecord, message: OutgoingMessage): Promise<void>;
}

/** Personal chats from the store, created with the Bot Connector when the bot has none for the person. */
export class ConnectorPersonalChats implements PersonalChats {
  constructor(
    private readonly store: Store,
    private readonly connector: ConnectorSender,
    private readonly now: () => Date,
    private readonly log: Logger,
  ) {}

  async open({ person, from }: PersonalChatRequest): Promise<ConversationRecord | undefined> {
    const aad = person.aadObjectId?.toLowerCase();
    const stored = await this.store.conversations.findPersonal({ ...(aad ? { aadObjectId: aad } : {}), ...(person.email ? { email: person.email } : {}) });
    if (stored) return stored;
    const bot = (from.reference as { bot?: { id?: unknown; name?: unknown } }).bot;
    // Creating a chat needs the tenant and the bot's id (Teams refuses one without them).
    if (!from.tenantId || typeof bot?.id !== 'string') return undefined;
    const member = { id: person.teamsId, ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}) };
    let conversationId: string;
    try {
      conversationId = await this.connector.createPersonalConversation({ serviceUrl: from.serviceUrl, tenantId: from.tenantId, bot: { id: bot.id, ...(typeof bot.name === 'string' ? { name: bot.name } : {}) }, member });
    } catch (error) {
      this.log.info({ err: error }, 'could not open a personal chat for a private answer');
      return undefined;
    }
    const record: ConversationRecord = {
      conversationId,
      scope: 'personal',
      serviceUrl: from.serviceUrl,
      tenantId: from.tenantId,
      ...(aad ? { userAadObjectId: aad } : {}),
      ...(person.email ? { userEmail: person.email.toLowerCase() } : {}),
      reference: {
        bot: { id: bot.id, ...(typeof bot.name === 'string' ? { name: bot.name } : {}) },
        user: member,
        conversation: { id: conversationId, conversationType: 'personal', tenantId: from.tenantId },
        channelId: 'msteams',
        serviceUrl: from.serviceUrl,
      },
      installed: true,
      updatedAt: this.now().toISOString(),
    };
    await this.store.conversations.save(record, this.now());
    return record;
  }

  async send(conversation: ConversationRecord, message: OutgoingMessage): Promise<void> {
    await this.connector.send(conversation, message);
  }
}
