import { londonToday, type IsoDate } from '@contract-steward/core';
import { COMMAND_TABLE } from '../commands/command-table.js';
import { parseCommand } from '../commands/parse-command.js';
import type { BotServices } from '../services.js';
import type { InboundActivity, TurnIO } from '../turn.js';

export const SENT_PRIVATELY = "I've sent the details to you in a personal chat.";
export const ASK_PRIVATELY = 'Everyone here would see my answer, so I only give it in a personal chat, and I could not open one with you. Open a chat with Contract Steward and ask there.';

/** True when the message asks for something that reveals register data. Help and the tender pack form do not. */
export function revealsRegister(text: string, today: IsoDate): boolean {
  const command = parseCommand(text, today);
  return command.name !== 'tooLong' && COMMAND_TABLE[command.name].revealsRegister;
}

/** Where a turn runs: here, in the asker's personal chat (with its own activity and replies), or not at all. */
export type TurnPlace = { readonly place: 'here' } | { readonly place: 'refused' } | { readonly place: 'personal'; readonly activity: InboundActivity; readonly io: TurnIO };

/**
 * In a channel or group chat, every member (guests too) sees the bot's replies, although only
 * the asker's permissions were checked. A question that reveals the register is therefore
 * answered in the asker's personal chat, as if asked there; the caller then posts the short
 * SENT_PRIVATELY note where it was asked. When no personal chat is stored and none can be
 * created, the asker is told how to ask privately and nothing else is said.
 */
export async function placeTurn(activity: InboundActivity, email: string | undefined, services: BotServices, io: TurnIO): Promise<TurnPlace> {
  if (activity.conversation.scope === 'personal' || activity.kind !== 'message' || !revealsRegister(activity.text, londonToday(services.now()))) return { place: 'here' };
  const person = activity.person;
  const chats = services.personalChats;
  const chat = await chats?.open({
    person: { teamsId: person.teamsId, ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}), ...(email ? { email } : {}) },
    from: activity.conversation,
  });
  if (!chats || !chat) {
    await io.reply({ text: ASK_PRIVATELY });
    return { place: 'refused' };
  }
  return {
    place: 'personal',
    activity: { ...activity, conversation: { conversationId: chat.conversationId, scope: 'personal', serviceUrl: chat.serviceUrl, reference: chat.reference, ...(chat.tenantId ? { tenantId: chat.tenantId } : {}) } },
    io: { reply: (message) => chats.send(chat, message), lookupEmail: () => io.lookupEmail() },
  };
}
