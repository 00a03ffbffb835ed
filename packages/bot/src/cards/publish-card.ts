import type { Quarter } from '@contract-steward/core';
import { adaptiveCard, escapeMarkdown, formatDate, heading, text, type AdaptiveCard, type CardElement } from './card-kit.js';

/** References shown per line; the files hold them all. */
const REFERENCES_ON_CARD = 5;

export interface PublishSummary {
  readonly quarter: Quarter;
  readonly transparency: {
    readonly listed: number;
    /** Listed, and marked in Value Note because no value is recorded. */
    readonly noValue: readonly string[];
    readonly notOverThreshold: readonly string[];
    readonly endedBefore: readonly string[];
    readonly startsAfter: readonly string[];
  };
  /** The OCDS package's counts, or the settings to add before it can be made. */
  readonly ocds: { readonly contracts: number; readonly releases: number; readonly byTag: Readonly<Record<string, number>> } | { readonly missing: readonly string[] } | { readonly problem: string };
}

/** What `publish` sends: how many contracts each file holds, and what was left out of the Transparency file and why. */
export function publishCard(summary: PublishSummary): AdaptiveCard {
  const { quarter, transparency: t, ocds } = summary;
  const body: CardElement[] = [
    ...heading(`Publishing ${quarter.label}`, `${formatDate(quarter.start) ?? ''} to ${formatDate(quarter.end) ?? ''}`),
    text(`**Transparency Code file**: ${plural(t.listed, 'contract')} in force in the quarter and worth more than £5,000 or with no value recorded.`),
  ];
  const line = (words: string, references: readonly string[]) => {
    if (references.length === 0) return;
    const shown = references.slice(0, REFERENCES_ON_CARD).map(escapeMarkdown).join(', ');
    const more = references.length > REFERENCES_ON_CARD ? ` and ${references.length - REFERENCES_ON_CARD} more` : '';
    body.push(text(`- ${words}: ${plural(references.length, 'contract')} (${shown}${more})`, { spacing: 'Small' }));
  };
  line('Listed and marked in Value Note, no value recorded (check whether each is over £5,000)', t.noValue);
  if (t.notOverThreshold.length + t.endedBefore.length + t.startsAfter.length > 0) body.push(text('Left out:', { spacing: 'Small' }));
  line('worth £5,000 or less (the Code publishes contracts over £5,000)', t.notOverThreshold);
  line(`ended before ${formatDate(quarter.start) ?? quarter.start}`, t.endedBefore);
  line(`starting after ${formatDate(quarter.end) ?? quarter.end}`, t.startsAfter);
  if ('missing' in ocds) {
    body.push(text(`**OCDS package**: not made. Ask your administrator to set ${ocds.missing.join(' and ')} in the bot's configuration.`, { color: 'Attention' }));
  } else if ('problem' in ocds) {
    body.push(text(`**OCDS package**: not made. ${escapeMarkdown(ocds.problem)}`, { color: 'Attention' }));
  } else {
    const tags = Object.entries(ocds.byTag).filter(([, n]) => n > 0).map(([tag, n]) => `${n} ${tag}`).join(', ');
    body.push(text(`**OCDS package**: ${plural(ocds.contracts, 'contract')}, the whole register and every recorded change: ${plural(ocds.releases, 'release')} (${tags}).`));
  }
  return adaptiveCard(body);
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}
