import { listRenewals } from '@contract-steward/core';
import type { CardActionParse } from '../actions.schema.js';
import { contractCard } from '../cards/contract-card.js';
import { londonToday } from '../proactive/london-time.js';
import { describeWhoCan, maySeeContract } from '../roles.js';
import type { BotServices } from '../services.js';
import type { CardActionResult } from '../turn.js';
import type { Asker } from './who.js';

/** Runs a parsed card action and returns the card that replaces the one clicked, or a message. */
export async function handleCardAction(parsed: CardActionParse, asker: Asker, services: BotServices): Promise<CardActionResult> {
  if (!parsed.ok) return { message: parsed.message };
  const action = parsed.action;
  const today = londonToday(services.now());
  switch (action.verb) {
    case 'showContract': {
      const contract = await services.store.contracts.get(action.reference);
      if (!contract) return { message: `${action.reference} is no longer in the register.` };
      if (!maySeeContract(asker.person, asker.roles, contract)) return { message: `Only its owner, ${describeWhoCan(['procurement', 'finance', 'administrator'], services.roles)} can see ${action.reference}.` };
      return { card: contractCard(contract, listRenewals([contract], [], today, { settings: services.settings }), today) };
    }
    case 'acknowledge':
    case 'snooze':
    case 'decide':
      return { message: 'Recording decisions from cards is not available yet.' };
  }
}
