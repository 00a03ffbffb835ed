import { describeDuration, describeDurations, KEY_DATE_LABELS, type Contract, type KeyDateKind } from '@contract-steward/core';
import { adaptiveCard, daysBetween, describeDaysLeft, facts, formatDate, formatMoney, heading, escapeMarkdown, text, type AdaptiveCard, type CardElement } from './card-kit.js';

/** A deadline of a contract as the card shows it (core's KeyDate fits). */
export interface CardKeyDate {
  readonly kind: KeyDateKind;
  readonly date: string;
  readonly rule: string;
}

function describeRenewal(contract: Contract): string {
  const terms = contract.renewal;
  if (terms.type === 'fixed') {
    if (contract.renewalType === 'automatic') return 'Renews automatically';
    if (contract.renewalType === 'options') return 'Has extension options (not recorded)';
    return contract.renewalType === 'fixed' ? 'Fixed term' : 'Not recorded';
  }
  if (terms.type === 'auto-renewal') return `Renews automatically every ${describeDuration(terms.period)}`;
  const options = describeDurations(terms.options);
  return `Extension options ${options} (${terms.taken} taken${terms.maximumEndDate ? `, up to ${formatDate(terms.maximumEndDate)}` : ''})`;
}

/** Details and key dates of one contract. */
export function contractCard(contract: Contract, keyDates: readonly CardKeyDate[], today: string): AdaptiveCard {
  const body: CardElement[] = [
    ...heading(`${escapeMarkdown(contract.reference)}: ${escapeMarkdown(contract.title)}`, escapeMarkdown(contract.supplier.name)),
    facts([
      ['Owner', contract.owner ? escapeMarkdown(contract.owner.name ?? contract.owner.email ?? '') : 'Not recorded'],
      ['Service area', contract.serviceArea && escapeMarkdown(contract.serviceArea)],
      ['Annual value', formatMoney(contract.value.annual)],
      ['Total value', formatMoney(contract.value.total)],
      ['Started', formatDate(contract.startDate)],
      ['Ends', formatDate(contract.endDate)],
      ['Notice period', contract.noticePeriod ? describeDuration(contract.noticePeriod) : 'Not recorded'],
      ['Renewal', describeRenewal(contract)],
    ]),
  ];
  if (keyDates.length > 0) {
    body.push(text('**Key dates**', { spacing: 'Medium' }));
    for (const keyDate of keyDates) {
      body.push({
        type: 'Container',
        spacing: 'Small',
        items: [
          text(`**${KEY_DATE_LABELS[keyDate.kind]}**: ${formatDate(keyDate.date) ?? ''} (${describeDaysLeft(daysBetween(today, keyDate.date))})`),
          text(escapeMarkdown(keyDate.rule), { isSubtle: true, size: 'Small', spacing: 'None' }),
        ],
      });
    }
  } else if (!contract.endDate) {
    body.push(text('No end date is recorded, so there are no deadlines to warn about. Ask an administrator to add it to the register.', { weight: 'Bolder' }));
  }
  return adaptiveCard(body);
}
