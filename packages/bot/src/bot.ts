import { parseCardAction } from './actions.schema.js';
import { welcomeCard } from './cards/welcome-card.js';
import { MAX_MESSAGE_BYTES, parseCommand, tooLongMessage } from './commands/parse-command.js';
import { handleCardAction } from './handlers/card-actions.js';
import { runCommand } from './handlers/command-handlers.js';
import { handleFileActivity } from './handlers/file-handlers.js';
import { placeTurn, SENT_PRIVATELY } from './handlers/private-reply.js';
import { askerOf, type Asker } from './handlers/who.js';
import type { BotServices } from './services.js';
import type { CardActionResult, InboundActivity, TurnIO } from './turn.js';
import type { ActivityRouter } from './teams/teams-gateway.js';

/** Routes each activity to a handler; remembers where every conversation is so warnings can follow. */
export class StewardBot implements ActivityRouter {
  constructor(private readonly services: BotServices) {}

  async handle(activity: InboundActivity, io: TurnIO): Promise<CardActionResult | undefined> {
    const { store } = this.services;
    const known = await store.conversations.get(activity.conversation.conversationId);
    if (activity.kind === 'uninstalled') {
      await store.conversations.markUninstalled(activity.conversation.conversationId, this.services.now());
      return undefined;
    }
    // A personal chat remembers the person's email once; in channels each sender is looked up.
    const sameSender = known?.userAadObjectId !== undefined && known.userAadObjectId === activity.person.aadObjectId?.toLowerCase();
    const email = activity.conversation.scope === 'personal' && sameSender && known.userEmail ? known.userEmail : await io.lookupEmail();
    const record = { ...activity.conversation, ...(activity.conversation.scope === 'personal' && email ? { userEmail: email } : {}) };
    // Install is atomic: Teams sends installationUpdate and conversationUpdate together, one welcome.
    let newlyInstalled = false;
    if (activity.kind === 'installed') newlyInstalled = await store.conversations.install(record, this.services.now());
    else await store.conversations.save({ ...record, installed: true }, this.services.now());
    const person = { ...activity.person, ...(email ? { email: email.toLowerCase() } : {}) };
    const asker = askerOf(person, this.services);
    if (activity.kind === 'installed') {
      if (newlyInstalled) await io.reply({ card: welcomeCard({ scope: activity.conversation.scope, ...(person.name ? { personName: person.name } : {}) }), summary: 'Welcome to Contract Steward' });
      return undefined;
    }
    if (activity.kind === 'message') {
      // Longer than Teams lets a person type: answered without being read at all.
      const bytes = Buffer.byteLength(activity.text, 'utf8');
      if (bytes > MAX_MESSAGE_BYTES) {
        await io.reply({ text: tooLongMessage(bytes) });
        return undefined;
      }
    }
    const placed = await placeTurn(activity, person.email, this.services, io);
    if (placed.place === 'refused') return undefined;
    if (placed.place === 'here') return this.route(activity, asker, person.name, io);
    await this.route(placed.activity, asker, person.name, placed.io);
    await io.reply({ text: SENT_PRIVATELY });
    return undefined;
  }

  private async route(activity: InboundActivity, asker: Asker, personName: string | undefined, io: TurnIO): Promise<CardActionResult | undefined> {
    const files = await handleFileActivity(activity, asker, this.services, io);
    if (files.handled) return files.result;

    switch (activity.kind) {
      case 'message': {
        if (activity.value !== undefined && activity.text.trim() === '') {
          // Action.Submit from a client without Universal Actions: same actions, reply as a message.
          const result = await handleCardAction(parseCardAction(activity.value), asker, this.services);
          await io.reply('card' in result ? { card: result.card, summary: 'Updated' } : { text: result.message });
          return undefined;
        }
        await io.reply(await runCommand(parseCommand(activity.text), asker, this.services, personName));
        return undefined;
      }
      case 'cardAction':
        return handleCardAction(parseCardAction(activity.value), asker, this.services);
      case 'installed':
      case 'uninstalled':
      case 'fileConsent':
      case 'other':
        return undefined;
    }
  }
}
