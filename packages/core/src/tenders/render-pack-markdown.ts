import type { TenderPack } from './build-pack.js';
import { formatLongDate } from '../shared/calendar.js';
import { CLAUSE_LIBRARY_SOURCE, type InclusionRule } from './clause-library.js';
import { packRecord } from './pack-record.js';


/** How a clause's inclusion rule reads to an officer. */
export function describeInclusion(clause: { readonly inclusion: InclusionRule; readonly excludable: boolean; readonly recommended?: boolean; readonly rewordable?: boolean }): string {
  switch (clause.inclusion) {
    case 'always':
      if (clause.recommended === true) return 'Recommended: leave out only with a reason';
      if (!clause.excludable) return 'Always; cannot be left out';
      return clause.rewordable === true ? 'Always, unless not appropriate; may be reworded' : 'Always, unless not appropriate';
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
    lines.push(`_Source: ${CLAUSE_LIBRARY_SOURCE}_`, '');
  }
  // The record is kept whether or not the guidance is: a reason not written down is lost.
  const record = packRecord(pack);
  if (record.length > 0) {
    lines.push('---', '', '## Record of choices (remove before issuing the tender)', '', ...record.map((line) => `- ${escapeMarkdown(line)}`), '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
