import { DEFAULT_UTILISATION_FLOOR, describeDuration, describeDurations, KEY_DATE_LABELS, type Contract, type ContractLawSummary, type KeyDateKind, type ObligationCode, type Utilisation } from '@contract-steward/core';
import { gauge } from './charts.js';
import { utilisationBlock } from './utilisation-block.js';
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

/** What each statutory obligation is, in a few words (the rule beside it cites the section). */
export const OBLIGATION_LABELS: Readonly<Record<ObligationCode, string>> = {
  UK7: 'Contract details notice (UK7)',
  'contract-copy': 'Copy of the contract',
  kpis: 'Set three KPIs',
  UK9: 'Contract performance notice (UK9)',
  UK10: 'Contract change notice (UK10)',
  'modified-contract-copy': 'Copy of the modified contract',
  UK11: 'Contract termination notice (UK11)',
  'PCR-72-notice': 'Modification notice (regulation 72)',
};

/** What core worked out about the contract beyond its key dates; each part is shown when given. */
export interface ContractCardExtras {
  readonly law?: ContractLawSummary;
  readonly utilisation?: readonly Utilisation[];
  /** The utilisation level below which usage is reviewed before renewing (0-1). */
  readonly utilisationFloor?: number;
}

/** Regime, next statutory deadline and modification headroom (a gauge, text where it is not drawn). */
function lawSection(law: ContractLawSummary, today: string): CardElement[] {
  const items: CardElement[] = [text('**Procurement law**', { spacing: 'Medium' }), text(`**Regime**: ${law.regimeName}`, { spacing: 'Small' }), text(escapeMarkdown(law.regimeRule), { isSubtle: true, size: 'Small', spacing: 'None' })];
  const next = law.nextDeadline;
  if (next) {
    const status = next.status === 'overdue' ? 'overdue' : 'due';
    items.push(
      text(`**Next statutory deadline**: ${OBLIGATION_LABELS[next.obligation]}, ${status} ${formatDate(next.due) ?? next.due} (${describeDaysLeft(daysBetween(today, next.due))})`, { spacing: 'Small', ...(next.status === 'overdue' ? { color: 'Attention' } : {}) }),
      text(escapeMarkdown(next.rule), { isSubtle: true, size: 'Small', spacing: 'None' }),
    );
  } else if (law.noDeadlineReason) {
    items.push(text(`**Next statutory deadline**: none. ${escapeMarkdown(law.noDeadlineReason)}`, { spacing: 'Small', size: 'Small' }));
  }
  const headroom = law.headroom;
  if (headroom.known) {
    const words = `${formatMoney(headroom.value) ?? ''} (${headroom.percent}% of the value on award, of at most ${headroom.limitPercent}%)`;
    items.push(
      ...gauge({
        title: 'Modification headroom',
        value: headroom.percent,
        max: headroom.limitPercent,
        subLabel: `${formatMoney(headroom.value) ?? ''} before a change stops being below-threshold`,
        segments: [
          { size: headroom.limitPercent / 4, legend: 'Little left', color: 'attention' },
          { size: (headroom.limitPercent * 3) / 4, legend: 'Room to modify', color: 'good' },
        ],
        fallback: [`${words}: the next change can be this much and still be below-threshold.`],
      }),
      text(escapeMarkdown(headroom.rule), { isSubtle: true, size: 'Small', spacing: 'None' }),
    );
  } else {
    items.push(text(`**Modification headroom**: not known. ${escapeMarkdown(headroom.rule)}`, { spacing: 'Small', size: 'Small' }));
  }
  return [{ type: 'Container', separator: true, items }];
}

/** Details and key dates of one contract, and what core worked out about its law and usage. */
export function contractCard(contract: Contract, keyDates: readonly CardKeyDate[], today: string, extras: ContractCardExtras = {}): AdaptiveCard {
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
  if (extras.law) body.push(...lawSection(extras.law, today));
  if (extras.utilisation) body.push(...utilisationBlock(extras.utilisation, extras.utilisationFloor ?? DEFAULT_UTILISATION_FLOOR));
  return adaptiveCard(body);
}
