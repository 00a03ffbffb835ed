import type { TenderPack } from './build-pack.js';
import { formatLongDate } from '../shared/calendar.js';
import { CLAUSE_LIBRARY_SOURCE, type InclusionRule } from './clause-library.js';


/** How a clause's inclusion rule reads to an officer. */
export function describeInclusion(clause: { readonly inclusion: InclusionRule; readonly excludable: boolean }): string {
  switch (clause.inclusion) {
    case 'always':
      return clause.excludable ? 'Always, unless not appropriate' : 'Always; cannot be left out';
    case 'optional':
      return 'Optional: delete or include';
    case 'choice':
      return 'Choose one of two wordings';
  }
}

/** Characters Markdown would read as formatting, in text that came from the officer. */
const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/**
 * The pack as Markdown for chat (Teams renders headings, bold and lists): the title block,
 * the preamble, the numbered clauses and, when asked, the officer guidance.
 */
export function renderPackMarkdown(pack: TenderPack): string {
  const lines: string[] = [
    `# ${escapeMarkdown(pack.title)}`,
    '',
    `**Reference:** ${escapeMarkdown(pack.reference)}  `,
    `**Date:** ${formatLongDate(pack.date)}  `,
    `**Clause library:** ${pack.libraryVersion}`,
    '',
    pack.preamble,
  ];
  for (const section of pack.sections) {
    lines.push('', `## ${section.number}. ${section.title}`, '');
    for (const clause of section.clauses) {
      // No indentation for nested clauses: four spaces would make a Markdown code block.
      lines.push(`**${clause.number}** ${clause.text}`);
      for (const item of clause.items) lines.push(`- ${escapeMarkdown(item)}`);
      lines.push('');
    }
  }
  if (pack.includeGuidance) {
    lines.push('---', '', '## Officer guidance (remove before issuing the tender)', '');
    for (const section of pack.sections) {
      lines.push(`### ${section.number}. ${section.title} (${section.scope})`, '');
      for (const clause of section.clauses) {
        lines.push(`**${clause.number}** (${clause.id}, ${describeInclusion(clause).toLowerCase()}${clause.chargesChoice ? `; chosen: ${clause.chargesChoice}` : ''}): ${clause.guidance.join(' ')}`, '');
      }
    }
    if (pack.excluded.length > 0) {
      lines.push(`**Left out of this pack:** ${pack.excluded.map((c) => c.id).join(', ')}`, '');
    }
    lines.push(`_Source: ${CLAUSE_LIBRARY_SOURCE}_`, '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
