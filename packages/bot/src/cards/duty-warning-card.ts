import { DUTY_KIND_WORDS, RATING_DESCRIPTIONS, type Contract, type DutyKind, type Kpi, type Rating, type WarningSubject } from '@contract-steward/core';
import { CARD_ACTION_VERSION } from './action-data.js';
import { adaptiveCard, daysBetween, describeDaysLeft, escapeMarkdown, facts, formatDate, heading, text, type AdaptiveCard, type CardElement } from './card-kit.js';

/** What was recorded from the card, shown when it is updated in place. */
export type DutyOutcome =
  | { readonly kind: 'published'; readonly by: string; readonly publishedOn: string; readonly noticeId?: string }
  | { readonly kind: 'result'; readonly by: string; readonly value: string; readonly rating: Rating; readonly rule: string }
  | { readonly kind: 'acknowledged'; readonly by: string; readonly at: string };

export interface DutyWarningCardInput {
  readonly warningKey: string;
  readonly contract: Contract;
  readonly kind: DutyKind;
  readonly deadline: string;
  readonly rule: string;
  readonly subject: WarningSubject | undefined;
  /** The KPI of a missing result, so the input fits its measure. */
  readonly kpi?: Kpi;
  readonly today: string;
  readonly escalation?: string;
  readonly outcome?: DutyOutcome;
}

function describeOutcome(outcome: DutyOutcome): string {
  switch (outcome.kind) {
    case 'published':
      return `Recorded by ${escapeMarkdown(outcome.by)}: published on ${formatDate(outcome.publishedOn) ?? outcome.publishedOn}${outcome.noticeId ? ` (notice ${escapeMarkdown(outcome.noticeId)})` : ''}. No more warnings will come for it.`;
    case 'result':
      return `Recorded by ${escapeMarkdown(outcome.by)}: ${escapeMarkdown(outcome.value || 'not measured')}, rated **${outcome.rating}** (${RATING_DESCRIPTIONS[outcome.rating]}). ${escapeMarkdown(outcome.rule)}.`;
    case 'acknowledged':
      return `Acknowledged by ${escapeMarkdown(outcome.by)} on ${formatDate(outcome.at.slice(0, 10)) ?? outcome.at}. It is still to be done by the deadline.`;
  }
}

/**
 * A statutory or performance warning: the duty, its due date and status, the rule (with its
 * section of the law), and the action that settles it: Record publication (date, notice id)
 * for a notice, Enter the result (value, note) for a missing KPI result.
 */
export function dutyWarningCard(input: DutyWarningCardInput): AdaptiveCard {
  const { contract } = input;
  const days = daysBetween(input.today, input.deadline);
  const label = DUTY_KIND_WORDS[input.kind];
  const status = input.outcome && input.outcome.kind !== 'acknowledged' ? 'done' : days < 0 ? 'overdue' : 'due';
  const body: CardElement[] = [];
  if (input.escalation) body.push(text(`Escalated: ${escapeMarkdown(input.escalation)}`, { color: 'Attention', weight: 'Bolder' }));
  body.push(
    ...heading(`${label[0]?.toUpperCase() ?? ''}${label.slice(1)} ${status === 'done' ? 'recorded' : `due ${describeDaysLeft(days)}`}: ${escapeMarkdown(contract.reference)}`, `${escapeMarkdown(contract.title)}, ${escapeMarkdown(contract.supplier.name)}`),
    facts([
      ['Due', `${formatDate(input.deadline) ?? input.deadline} (${describeDaysLeft(days)})`],
      ['Status', status],
      ['KPI', input.subject?.type === 'kpi-result' ? escapeMarkdown(input.subject.kpi) : undefined],
      ['Owner', contract.owner ? escapeMarkdown(contract.owner.name ?? contract.owner.email ?? '') : 'Not recorded'],
    ]),
    text(`**The rule:** ${escapeMarkdown(input.rule)}`, { size: 'Small' }),
  );
  if (input.outcome) body.push(text(`✓ ${describeOutcome(input.outcome)}`, { spacing: 'Medium' }));

  const data = { v: CARD_ACTION_VERSION, warningKey: input.warningKey };
  const actions: CardElement[] = [];
  if (status !== 'done') {
    if (input.subject?.type === 'obligation' && input.kind !== 'kpis') {
      actions.push({
        type: 'Action.ShowCard',
        title: 'Record publication',
        card: {
          type: 'AdaptiveCard',
          body: [
            { type: 'Input.Date', id: 'publishedOn', label: 'Date published', isRequired: true, errorMessage: 'Give the day the notice was published', value: input.today },
            { type: 'Input.Text', id: 'noticeId', label: 'Notice id (Central Digital Platform)', maxLength: 100, placeholder: 'e.g. 012345-2025' },
          ],
          actions: [{ type: 'Action.Execute', title: 'Record publication', verb: 'recordPublication', data }],
        },
      });
    }
    if (input.subject?.type === 'kpi-result' && input.kpi) {
      const valueInput =
        input.kpi.measure === 'yes-no'
          ? { type: 'Input.ChoiceSet', id: 'value', label: 'Met?', isRequired: true, errorMessage: 'Choose yes or no', choices: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }] }
          : { type: 'Input.Text', id: 'value', label: `Result${input.kpi.measure === 'percentage' ? ' (%)' : input.kpi.unit ? ` (${input.kpi.unit})` : ''}`, maxLength: 40, placeholder: 'e.g. 97.5; blank if it could not be measured' };
      actions.push({
        type: 'Action.ShowCard',
        title: 'Enter the result',
        card: {
          type: 'AdaptiveCard',
          body: [valueInput, { type: 'Input.Text', id: 'note', label: 'Note (why, if not measured)', maxLength: 500, isMultiline: true }],
          actions: [{ type: 'Action.Execute', title: 'Record result', verb: 'enterResult', data }],
        },
      });
    }
    if (!input.outcome) actions.push({ type: 'Action.Execute', title: 'Acknowledge', verb: 'acknowledge', data });
  }
  actions.push({ type: 'Action.Execute', title: 'Contract details', verb: 'showContract', data: { v: CARD_ACTION_VERSION, reference: contract.reference } });
  return adaptiveCard(body, actions);
}
