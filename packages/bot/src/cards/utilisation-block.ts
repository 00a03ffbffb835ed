import type { Utilisation } from '@contract-steward/core';
import { escapeMarkdown, formatDate, formatMoney, text, type CardElement } from './card-kit.js';

/** "60%" from 0.6. */
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * Utilisation of what the council pays for, per item counted, for the contract and warning
 * cards: below the floor it says "review usage before renewing" and what the unused capacity
 * costs a year. Nothing when no usage is recorded.
 */
export function utilisationBlock(utilisation: readonly Utilisation[], floor: number): CardElement[] {
  if (utilisation.length === 0) return [];
  const items: CardElement[] = [text('**Utilisation**', { spacing: 'Medium' })];
  for (const u of utilisation) {
    const period = `${formatDate(u.periodStart) ?? u.periodStart} to ${formatDate(u.periodEnd) ?? u.periodEnd}`;
    items.push(text(`${escapeMarkdown(u.item)}: ${u.used} of ${u.paidFor} used (**${percent(u.share)}**), ${period}`, { spacing: 'Small' }));
    if (u.reviewBeforeRenewing) {
      const cost = u.unusedAnnualCost === undefined ? 'no annual cost is recorded, so what it costs is not known' : `the unused ${u.paidFor - u.used} cost **${formatMoney(u.unusedAnnualCost) ?? ''} a year**`;
      items.push(text(`⚠ Review usage before renewing: under the ${percent(floor)} level; ${cost}.`, { color: 'Attention', weight: 'Bolder', spacing: 'None' }));
    }
  }
  return [{ type: 'Container', items }];
}
