import { addDays, KEY_DATE_LABELS, SETTLING_ACTIONS, type Contract, type Utilisation } from '@contract-steward/core';
import { CARD_ACTION_VERSION, DECISION_LABELS, SNOOZE_DAYS, type Decision } from './action-data.js';
import { renegotiationInputs } from './renegotiation-inputs.js';
import { utilisationBlock } from './utilisation-block.js';
import { adaptiveCard, daysBetween, describeDaysLeft, facts, formatDate, formatMoney, heading, escapeMarkdown, text, type AdaptiveCard, type CardElement } from './card-kit.js';
import type { CardKeyDate } from './contract-card.js';

/** What has been done about a warning, shown on the card when it is updated in place. */
export type WarningOutcome =
  | { readonly kind: 'acknowledged'; readonly by: string; readonly at: string }
  | { readonly kind: 'snoozed'; readonly by: string; readonly at: string; readonly until: string }
  | { readonly kind: 'decided'; readonly by: string; readonly at: string; readonly decision: Decision; readonly detail?: string }
  /** The deadline no longer applies (the contract's dates changed): said why, with no actions. */
  | { readonly kind: 'superseded'; readonly reason: string };

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
  /**
   * Who sees the card refreshed when they open it (Teams user ids, at most 60); absent where
   * every member of a small chat or channel refreshes it.
   */
  readonly refreshUserIds?: readonly string[];
}

function describeOutcome(outcome: WarningOutcome): string {
  const on = 'at' in outcome ? (formatDate(outcome.at.slice(0, 10)) ?? outcome.at) : '';
  switch (outcome.kind) {
    case 'acknowledged':
      return `Acknowledged by ${escapeMarkdown(outcome.by)} on ${on}. A decision is still needed before the deadline.`;
    case 'snoozed':
      return `Snoozed by ${escapeMarkdown(outcome.by)} on ${on}, until ${formatDate(outcome.until) ?? outcome.until}.`;
    case 'superseded':
      return outcome.reason;
    case 'decided':
      return `Decision recorded by ${escapeMarkdown(outcome.by)} on ${on}: **${DECISION_LABELS[outcome.decision]}**.${outcome.detail ? ` ${outcome.detail}` : ''}`;
  }
}

/**
 * The snooze choices, each saying when it ends. One that reaches the deadline says so plainly and
 * needs the "Snooze past the deadline" toggle, which the handler checks too.
 */
function snoozeInputs(today: string, deadline: string, label: string): CardElement[] {
  const options = SNOOZE_DAYS.map((days) => ({ days, until: addDays(today, days) })).map((o) => ({ ...o, past: o.until >= deadline }));
  const on = formatDate(deadline) ?? deadline;
  const choices = options.map((o) => ({
    title: o.past ? `${o.days} days, until ${formatDate(o.until) ?? o.until}: past the deadline on ${on}` : `${o.days} days, until ${formatDate(o.until) ?? o.until}`,
    value: String(o.days),
  }));
  const fits = options.filter((o) => !o.past);
  const inputs: CardElement[] = [{ type: 'Input.ChoiceSet', id: 'snoozeDays', label: 'Remind me again in', value: String((fits.at(-1) ?? options[0])?.days ?? 7), choices }];
  if (fits.length < options.length) {
    inputs.push(
      text(fits.length === 0 ? `⚠ Any snooze runs past the ${label.toLowerCase()} on ${on}.` : `⚠ A snooze of ${options.find((o) => o.past)?.days ?? ''} days or more runs past the ${label.toLowerCase()} on ${on}.`, { weight: 'Bolder' }),
      { type: 'Input.Toggle', id: 'pastDeadline', label: 'Confirm', title: 'Snooze past the deadline', valueOn: 'true', valueOff: 'false', value: 'false' },
    );
  }
  return inputs;
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
  // Default colour: Teams' pale green is faint on white; the tick and the words carry the meaning.
  if (input.outcome) body.push(text(`✓ ${describeOutcome(input.outcome)}`, { weight: 'Bolder', spacing: 'Medium' }));

  // Details open inside the card, so the warning's actions stay where they are.
  body.push({
    type: 'Container',
    id: 'details',
    isVisible: false,
    spacing: 'Medium',
    items: [
      facts([
        ['Service area', contract.serviceArea && escapeMarkdown(contract.serviceArea)],
        ['Started', formatDate(contract.startDate)],
        ['Ends', formatDate(contract.endDate)],
        ['Notice period', contract.noticePeriod ? `${contract.noticePeriod.amount} ${contract.noticePeriod.unit}` : 'Not recorded'],
        ['Escalation contact', contract.escalationContact ? escapeMarkdown(contract.escalationContact.name ?? contract.escalationContact.email ?? '') : undefined],
      ]),
      text(`Type \`contract ${escapeMarkdown(contract.reference)}\` for every key date.`, { isSubtle: true, size: 'Small' }),
    ],
  });

  const data = { v: CARD_ACTION_VERSION, warningKey: input.warningKey };
  const actions: CardElement[] = [];
  if (input.outcome?.kind !== 'decided' && input.outcome?.kind !== 'superseded') {
    if (!input.outcome) actions.push({ type: 'Action.Execute', title: 'Acknowledge', verb: 'acknowledge', data, style: 'positive', fallback: { type: 'Action.Submit', title: 'Acknowledge', data: { ...data, verb: 'acknowledge' } } });
    actions.push({ type: 'Action.ShowCard', title: 'Snooze', card: { type: 'AdaptiveCard', body: snoozeInputs(input.today, deadline.date, label), actions: [{ type: 'Action.Execute', title: 'Snooze', verb: 'snooze', data }] } });
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
  actions.push({ type: 'Action.ToggleVisibility', title: 'Contract details', targetElements: ['details'] });
  const refresh = { action: { type: 'Action.Execute', verb: 'refreshWarning', data }, ...(input.refreshUserIds ? { userIds: input.refreshUserIds.slice(0, 60) } : {}) };
  return { ...adaptiveCard(body, actions), refresh };
}
