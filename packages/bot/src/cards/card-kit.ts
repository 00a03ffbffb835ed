import { daysBetween, formatMoney as formatMoneyInCore, formatShortDate } from '@contract-steward/core';

/** The small part of the Adaptive Card 1.5 schema our cards use (Teams renders 1.5 at most). */
export type CardElement = Record<string, unknown> & { readonly type: string };

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
  readonly msteams?: { readonly width: 'Full' };
  /** Universal Actions: Teams sends this Action.Execute when the card is viewed, and shows the card it gets back. */
  readonly refresh?: { readonly action: CardElement; readonly userIds?: readonly string[] };
}

/** Teams refuses bigger bot messages from some routes; we keep every card under this. */
export const MAX_CARD_BYTES = 28 * 1024;

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

export function heading(text: string, subtle?: string): CardElement[] {
  const title: CardElement = { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' };
  return subtle ? [title, { type: 'TextBlock', text: subtle, isSubtle: true, wrap: true, spacing: 'None' }] : [title];
}

export function text(value: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function facts(pairs: readonly (readonly [string, string | undefined])[]): CardElement {
  return {
    type: 'FactSet',
    facts: pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined && pair[1] !== '').map(([title, value]) => ({ title, value })),
  };
}

/** Core's "31 Mar 2027", or nothing when the date is not recorded (so a fact row is left out). */
export function formatDate(iso: string | undefined): string | undefined {
  return iso ? formatShortDate(iso) : undefined;
}

/** Core's "£100,000" / "£1,234.50", or nothing when the amount is not recorded. */
export function formatMoney(pounds: number | undefined): string | undefined {
  return pounds === undefined ? undefined : formatMoneyInCore(pounds);
}

export { daysBetween };

export function describeDaysLeft(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${days} days`;
  return days === -1 ? 'yesterday' : `${-days} days ago`;
}

/**
 * Makes text from the register or from a person (titles, supplier and owner names, references,
 * notes, file names, what someone typed) show as written in a Teams message or an Adaptive
 * Card TextBlock, both of which render Markdown: `[x](https://…)` in an owner's name must not
 * become a live link (escaping the brackets is enough), nor `**` bold or a line starting `- ` a
 * list. Line breaks become spaces.
 * The one place this is done, so every message and card escapes the same way.
 *
 * @example escapeMarkdown('[Click](https://evil.example)') // '\\[Click\\](https://evil.example)'
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_~[\]#><])/g, '\\$1')
    .replace(/^(\s*)([-+])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}
