import { DUTY_KIND_WORDS, type Contract, type Obligation } from '@contract-steward/core';
import { CARD_ACTION_VERSION } from './action-data.js';
import { adaptiveCard, daysBetween, describeDaysLeft, escapeMarkdown, formatDate, heading, text, type AdaptiveCard, type CardElement } from './card-kit.js';

/** Rows shown before "and N more", so the card stays under the 28 KB limit. */
export const OBLIGATION_ROW_LIMIT = 25;

export interface ObligationsCardInput {
  readonly days: number;
  readonly today: string;
  readonly obligations: readonly Obligation[];
  readonly contracts: ReadonlyMap<string, Contract>;
}

/** The council's statutory notices due or overdue, soonest first, each row opening its contract. */
export function obligationsCard(input: ObligationsCardInput): AdaptiveCard {
  const overdue = input.obligations.filter((o) => o.status === 'overdue').length;
  const body: CardElement[] = [...heading(`Statutory obligations in the next ${input.days} days`, `Notices not yet recorded as published, from ${formatDate(input.today) ?? input.today}, the whole register, soonest first, overdue ones included.`)];
  if (input.obligations.length === 0) {
    body.push(text(`Nothing is due in the next ${input.days} days and nothing is overdue. Contracts under the Procurement Act 2023 need "Regime" or "Procurement started" in the register.`));
    return adaptiveCard(body);
  }
  body.push(text(`${input.obligations.length} obligation${input.obligations.length === 1 ? '' : 's'}, ${overdue} overdue.`, { isSubtle: true }));
  for (const o of input.obligations.slice(0, OBLIGATION_ROW_LIMIT)) {
    const days = daysBetween(input.today, o.due);
    const contract = input.contracts.get(o.reference);
    body.push({
      type: 'ColumnSet',
      separator: true,
      spacing: 'Small',
      selectAction: { type: 'Action.Execute', verb: 'showContract', data: { v: CARD_ACTION_VERSION, reference: o.reference } },
      columns: [
        { type: 'Column', width: 'stretch', items: [text(`**${escapeMarkdown(o.reference)}** ${escapeMarkdown(contract?.title ?? '')}`, { maxLines: 2 }), text(DUTY_KIND_WORDS[o.obligation], { isSubtle: true, size: 'Small', spacing: 'None' })] },
        {
          type: 'Column',
          width: 'auto',
          items: [
            text(o.status, { size: 'Small', horizontalAlignment: 'Right', color: o.status === 'overdue' ? 'Attention' : 'Default' }),
            text(`**${formatDate(o.due) ?? o.due}** (${describeDaysLeft(days)})`, { size: 'Small', horizontalAlignment: 'Right', spacing: 'None' }),
          ],
        },
      ],
    });
  }
  if (input.obligations.length > OBLIGATION_ROW_LIMIT) {
    body.push(text(`…and ${input.obligations.length - OBLIGATION_ROW_LIMIT} more. Ask for fewer days (for example \`obligations 30\`), or run \`steward obligations --within ${input.days}\`.`, { isSubtle: true }));
  }
  return adaptiveCard(body);
}
