import { KEY_DATE_LABELS, SETTLING_ACTIONS, type Contract, type Utilisation } from '@contract-steward/core';
import { CARD_ACTION_VERSION, DECISION_LABELS, SNOOZE_DAYS, type Decision } from './action-data.js';
import { renegotiationInputs } from './renegotiation-inputs.js';
import { utilisationBlock } from './utilisation-block.js';
import { adaptiveCard, daysBetween, describeDaysLeft, facts, formatDate, formatMoney, heading, escapeMarkdown, text, type AdaptiveCard, type CardElement } from './card-kit.js';
import type { CardKeyDate } from './contract-card.js';

/** What has been done about a warning, shown on the card when it is updated in place. */
export type WarningOutcome =
  | { readonly kind: 'acknowledged'; readonly by: string; readonly at: string }
  | { readonly kind: 'snoozed'; readonly by: string; readonly at: string; readonly until: string }
  | { readonly kind: 'decided'; readonly by: string; readonly at: string; readonly decision: Decision };

export interface WarningCardInput {
  /** The ledger key; the card's actions carry it back. */
  readonly warningKey: string;
  readonly contract: Contract;
  readonly deadline: CardKeyDate;
  readonly today: string;
  /** Set when this is an escalation: why it came to this person or channel. */
  readonly escalation?: string;
  readonly outcome?: WarningOutcome;
  /** Utilisation at this renewal deadline, and the level (0-1) below which usage is reviewed before renewing. */
  readonly usage?: { readonly utilisation: readonly Utilisation[]; readonly floor: number };
}

function describeOutcome(outcome: WarningOutcome): string {
  const on = formatDate(outcome.at.slice(0, 10)) ?? outcome.at;
  switch (outcome.kind) {
    case 'acknowledged':
      return `Acknowledged by ${escapeMarkdown(outcome.by)} on ${on}. A decision is still needed before the deadline.`;
    case 'snoozed':
      return `Snoozed by ${escapeMarkdown(outcome.by)} on ${on}, until ${formatDate(outcome.until) ?? outcome.until}.`;
    case 'decided':
      return `Decision recorded by ${escapeMarkdown(outcome.by)} on ${on}: **${DECISION_LABELS[outcome.decision]}**.`;
  }
}

/**
 * A renewal warning: the contract, the deadline and the rule behind it, days left, and the
 * actions (acknowledge, snooze, record a decision). After an action the same card comes back
 * with the outcome, replacing the one in the chat.
 */
export function warningCard(input: WarningCardInput): AdaptiveCard {
  const { contract, deadline } = input;
  const days = daysBetween(input.today, deadline.date);
  const label = KEY_DATE_LABELS[deadline.kind];
  const body: CardElement[] = [];
  if (input.escalation) body.push(text(`Escalated: ${escapeMarkdown(input.escalation)}`, { color: 'Attention', weight: 'Bolder' }));
  body.push(
    ...heading(`${label} ${describeDaysLeft(days)}: ${escapeMarkdown(contract.reference)}`, `${escapeMarkdown(contract.title)}, ${escapeMarkdown(contract.supplier.name)}`),
    facts([
      [label, `${formatDate(deadline.date) ?? deadline.date} (${describeDaysLeft(days)})`],
      ['Contract ends', deadline.kind === 'end' ? undefined : formatDate(contract.endDate)],
      ['Annual value', formatMoney(contract.value.annual)],
      ['Total value', formatMoney(contract.value.total)],
      ['Owner', contract.owner ? escapeMarkdown(contract.owner.name ?? contract.owner.email ?? '') : 'Not recorded'],
    ]),
    text(`**Why this date:** ${escapeMarkdown(deadline.rule)}`, { size: 'Small' }),
  );
  // Before renewing, what is paid for but not used, and what it costs a year.
  if (input.usage) body.push(...utilisationBlock(input.usage.utilisation, input.usage.floor));
  if (input.outcome) body.push(text(describeOutcome(input.outcome), { color: 'Good', spacing: 'Medium' }));

  const data = { v: CARD_ACTION_VERSION, warningKey: input.warningKey };
  const actions: CardElement[] = [];
  if (input.outcome?.kind !== 'decided') {
    if (!input.outcome) actions.push({ type: 'Action.Execute', title: 'Acknowledge', verb: 'acknowledge', data, style: 'positive', fallback: { type: 'Action.Submit', title: 'Acknowledge', data: { ...data, verb: 'acknowledge' } } });
    actions.push({
      type: 'Action.ShowCard',
      title: 'Snooze',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.ChoiceSet', id: 'snoozeDays', label: 'Remind me again in', value: '7', choices: SNOOZE_DAYS.map((d) => ({ title: `${d} days`, value: String(d) })) }],
        actions: [{ type: 'Action.Execute', title: 'Snooze', verb: 'snooze', data }],
      },
    });
    actions.push({
      type: 'Action.ShowCard',
      title: 'Record a decision',
      card: {
        type: 'AdaptiveCard',
        body: [
          { type: 'Input.ChoiceSet', id: 'decision', label: 'Decision', isRequired: true, errorMessage: 'Choose a decision', choices: SETTLING_ACTIONS.map((d) => ({ title: DECISION_LABELS[d], value: d })) },
          ...renegotiationInputs(),
        ],
        actions: [{ type: 'Action.Execute', title: 'Record decision', verb: 'decide', data }],
      },
    });
  }
  actions.push({ type: 'Action.Execute', title: 'Contract details', verb: 'showContract', data: { v: CARD_ACTION_VERSION, reference: contract.reference } });
  return adaptiveCard(body, actions);
}
