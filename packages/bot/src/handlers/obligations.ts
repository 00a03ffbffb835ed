import { registerObligations } from '@contract-steward/core';
import { obligationsCard } from '../cards/obligations-card.js';
import type { Command } from '../commands/command-table.js';
import { londonToday } from '../proactive/london-time.js';
import { describeWhoCan, mayListOverdue } from '../roles.js';
import type { BotServices } from '../services.js';
import type { OutgoingMessage } from '../turn.js';
import type { Asker } from './who.js';

/** `obligations N`: the council's statutory notices due in N days or overdue, for procurement and administrators. */
export async function answerObligations(command: Extract<Command, { name: 'obligations' }>, asker: Asker, services: BotServices): Promise<OutgoingMessage> {
  if (!mayListOverdue(asker.roles)) {
    return { text: `Sorry, the council-wide list of statutory obligations is for ${describeWhoCan(['procurement', 'administrator'], services.roles)}. Type \`mine\` to see your own contracts; their notices come to you as warnings.` };
  }
  const { store } = services;
  const today = londonToday(services.now());
  const contracts = await store.contracts.list();
  const obligations = registerObligations(contracts, { today, modifications: await store.procurementAct.listAllModifications(), publications: await store.procurementAct.listPublications(), within: command.days });
  return {
    card: obligationsCard({ days: command.days, today, obligations, contracts: new Map(contracts.map((c) => [c.reference, c])) }),
    summary: `Statutory obligations in the next ${command.days} days`,
  };
}
