import { makeTenderPack, packClauses, type TenderPack, type TenderPackFormat } from '@contract-steward/core';
import { escapeMarkdown } from '../cards/card-kit.js';
import { tenderPackDoneCard, tenderPackFormCard } from '../cards/tender-pack-card.js';
import type { CardAction } from '../actions.schema.js';
import { offerFile } from '../files/file-consent.js';
import type { FileServices } from '../files/file-services.js';
import { londonToday } from '../proactive/london-time.js';
import type { BotServices } from '../services.js';
import type { CardActionResult, InboundActivity, OutgoingMessage, TurnIO } from '../turn.js';

export function tenderPackFormMessage(): OutgoingMessage {
  return { card: tenderPackFormCard(), summary: 'New tender clause pack' };
}

const lines = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : [];
const choices = (value: unknown) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : []);

/** "API-1.5: the register is public" lines → clause id (upper case) → reason. */
const reasonsByClause = (value: unknown) =>
  new Map(
    lines(value).flatMap((line) => {
      const match = /^([A-Za-z]+-[\d.]+)\s*[:\-–]\s*(.+)$/.exec(line);
      return match?.[1] && match[2] ? [[match[1].toUpperCase(), match[2].trim()] as const] : [];
    }),
  );

/** The form's inputs (strings, as cards send them) as the options `buildTenderPack` reads. */
export function packOptionsFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const sections = choices(form.sections);
  const reasons = reasonsByClause(form.excludeReasons);
  const rewording = typeof form.rewordApi14 === 'string' ? form.rewordApi14.trim() : '';
  const businessFunctions = lines(form.businessFunctions);
  const timestampedDatasets = lines(form.timestampedDatasets);
  const charges: Record<string, unknown> = {};
  if (sections.includes('data-extraction') && typeof form.chargesDataExtraction === 'string') charges['data-extraction'] = form.chargesDataExtraction;
  if (sections.includes('api') && typeof form.chargesApi === 'string') charges.api = form.chargesApi;
  return {
    title: typeof form.title === 'string' ? form.title : '',
    reference: typeof form.reference === 'string' ? form.reference : '',
    ...(sections.length > 0 ? { sections } : {}),
    charges,
    exclude: choices(form.exclude).map((id) => {
      const reason = reasons.get(id.toUpperCase());
      return reason === undefined ? id : { id, reason };
    }),
    ...(rewording !== '' ? { reword: { 'API-1.4': rewording } } : {}),
    ...(businessFunctions.length > 0 ? { businessFunctions } : {}),
    ...(timestampedDatasets.length > 0 ? { timestampedDatasets } : {}),
    includeGuidance: form.includeGuidance === 'true' || form.includeGuidance === true,
  };
}

/** A few lines of Markdown for the chat: what is in the pack. */
export function packSummaryMarkdown(pack: TenderPack): string {
  const rows = pack.sections.map((section) => `- **${section.number} ${escapeMarkdown(section.title)}**: ${section.clauses.length} clauses`);
  return [
    `**Tender pack ${escapeMarkdown(pack.reference)}: ${escapeMarkdown(pack.title)}**`,
    '',
    ...rows,
    '',
    pack.excluded.length > 0 ? `Left out: ${pack.excluded.map((c) => (c.reason === undefined ? c.id : `${c.id} (${c.reason})`)).join(', ')}.` : 'No clause left out.',
    `Clause library ${pack.libraryVersion}, dated ${pack.date}${pack.includeGuidance ? ', with the officer guidance in the officer notes (not for suppliers)' : ''}.`,
  ].join('\n');
}

/** The form was submitted: make the pack with core, reply with a summary and the three files. */
export async function answerTenderPack(action: Extract<CardAction, { verb: 'tenderPack' }>, activity: InboundActivity, services: BotServices, files: FileServices, io: TurnIO): Promise<CardActionResult> {
  const date = londonToday(services.now());
  const result = await makeTenderPack(packOptionsFromForm(action), { date, formats: ['docx', 'xlsx', 'officer-docx'], identity: services.documents });
  if (!result.success) {
    const problems = result.problems.slice(0, 5).map((problem) => problem.message);
    return { card: tenderPackFormCard(problems) };
  }
  const { pack, files: made } = result.value;
  const context = { vault: files.vault, scope: activity.conversation.scope, conversationId: activity.conversation.conversationId, publicUrl: files.publicUrl() };
  const descriptions: Record<TenderPackFormat, string> = {
    docx: `Appendix M for ${pack.title}, to go into the tender documents.`,
    xlsx: 'The compliance matrix suppliers fill in, one row a clause.',
    'officer-docx': 'The record of choices and the guidance, for the officer: not for suppliers.',
    md: `The clause pack for ${pack.title}, as Markdown.`,
  };
  await io.reply({ text: packSummaryMarkdown(pack) });
  for (const file of made) await io.reply(await offerFile({ name: file.name, bytes: file.bytes, description: descriptions[file.format] }, context));
  return {
    card: tenderPackDoneCard({
      title: pack.title,
      reference: pack.reference,
      clauses: packClauses(pack).length,
      sections: pack.sections.length,
      excluded: pack.excluded.map((c) => c.id),
      libraryVersion: pack.libraryVersion,
      date,
    }),
  };
}
