import { KEY_DATE_LABELS, type Contract } from '@contract-steward/core';
import { CARD_ACTION_VERSION } from './action-data.js';
import { adaptiveCard, daysBetween, describeDaysLeft, formatDate, formatMoney, heading, escapeMarkdown, text, type AdaptiveCard, type CardElement } from './card-kit.js';
import type { CardKeyDate } from './contract-card.js';

export interface DigestRow {
  readonly contract: Contract;
  /** The deadline that puts the contract on this list. */
  readonly deadline: CardKeyDate;
}

export interface RenewalsDigestInput {
  readonly title: string;
  readonly subtitle: string;
  readonly today: string;
  readonly rows: readonly DigestRow[];
  /**
   * How many contracts the whole list holds and their annual value, when `rows` holds only the
   * first DIGEST_ROW_LIMIT of them (the store counts and totals the rest without reading them).
   */
  readonly total?: { readonly count: number; readonly annual: number };
  /** Said when there are no rows. */
  readonly emptyText: string;
  /** Other readings of the question, as buttons that ask it that way. */
  readonly alternatives?: readonly { readonly label: string; readonly ask: string }[];
}

/** Rows shown before "and N more": keeps the card well under the 28 KB limit whatever the register holds. */
export const DIGEST_ROW_LIMIT = 25;

/** A list of contracts with their next deadline, soonest first, each with a button for details. */
export function renewalsDigestCard(input: RenewalsDigestInput): AdaptiveCard {
  const body: CardElement[] = [...heading(input.title, input.subtitle)];
  // imBack sends the words as if typed, so a button asks exactly what its label says.
  const actions: CardElement[] = (input.alternatives ?? []).map((a) => ({ type: 'Action.Submit', title: `Did you mean: ${a.label}?`, data: { msteams: { type: 'imBack', value: a.ask } } }));
  if (input.rows.length === 0) {
    body.push(text(input.emptyText));
    return adaptiveCard(body, actions);
  }
  const total = input.total?.annual ?? input.rows.reduce((sum, row) => sum + (row.contract.value.annual ?? 0), 0);
  // "Between them" only reads right for two or more.
  const count = input.total?.count ?? input.rows.length;
  body.push(text(count === 1 ? `1 contract, ${formatMoney(total) ?? '£0'} a year.` : `${count} contracts, ${formatMoney(total) ?? '£0'} a year between them.`, { isSubtle: true }));
  for (const row of input.rows.slice(0, DIGEST_ROW_LIMIT)) {
    const days = daysBetween(input.today, row.deadline.date);
    body.push({
      type: 'ColumnSet',
      separator: true,
      spacing: 'Small',
      selectAction: { type: 'Action.Execute', verb: 'showContract', data: { v: CARD_ACTION_VERSION, reference: row.contract.reference } },
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            text(`**${escapeMarkdown(row.contract.reference)}** ${escapeMarkdown(row.contract.title)}`, { maxLines: 2 }),
            text(`${escapeMarkdown(row.contract.supplier.name)}${row.contract.value.annual !== undefined ? ` · ${formatMoney(row.contract.value.annual) ?? ''} a year` : ''}${row.contract.owner?.name ? ` · ${escapeMarkdown(row.contract.owner.name)}` : ''}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          items: [
            text(`${KEY_DATE_LABELS[row.deadline.kind]}`, { size: 'Small', horizontalAlignment: 'Right' }),
            // Urgency in words and an icon, not colour alone; amber text is too faint on white (WCAG 2.2 AA, 1.4.1 and 1.4.3).
            text(`${days < 0 ? '⚠ Overdue: ' : days <= 30 ? '⏰ Soon: ' : ''}**${formatDate(row.deadline.date) ?? ''}** (${describeDaysLeft(days)})`, { size: 'Small', horizontalAlignment: 'Right', spacing: 'None', ...(days < 0 ? { color: 'Attention' } : {}) }),
          ],
        },
      ],
    });
  }
  if (count > DIGEST_ROW_LIMIT) {
    body.push(text(`…and ${count - DIGEST_ROW_LIMIT} more. Ask for fewer days (for example \`renewals 30\`), or run \`steward contracts list\` for the full list.`, { isSubtle: true, spacing: 'Medium' }));
  }
  return adaptiveCard(body, actions);
}
