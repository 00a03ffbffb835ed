import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { financialYearOf, summariseSaving, writeRegisterWorkbook, writeSavingsWorkbook } from '@contract-steward/core';
import { savingsTotalsCard } from '../cards/savings-card.js';
import type { FileUpload } from '../files/download-attachment.js';
import type { FileAction } from '../files/file-actions.schema.js';
import { offerFile, type OutgoingFile } from '../files/file-consent.js';
import type { FileServices } from '../files/file-services.js';
import { londonToday } from '../proactive/london-time.js';
import { describeWhoCan, type Role } from '../roles.js';
import type { BotServices } from '../services.js';
import type { CardActionResult, InboundActivity, TurnIO } from '../turn.js';
import { answerTenderPack, tenderPackFormMessage } from './tender-pack.js';
import { evaluateUpload } from './evaluate-upload.js';
import { publishQuarter } from './publish-quarter.js';
import type { Asker } from './who.js';

/** The commands that produce documents. */
export type DocumentCommand = { readonly name: 'export' } | { readonly name: 'savings' } | { readonly name: 'savingsExport' } | { readonly name: 'tenderPack' } | { readonly name: 'evaluate' } | { readonly name: 'publish'; readonly quarter?: string };

/** Reads a document command, or undefined when the text is something else (left to the other commands). */
export function parseDocumentCommand(raw: string): DocumentCommand | undefined {
  // `<[^<>]*>` and the loop below rather than `<[^>]*>` and `[.!?]+$`: both of those rescan the rest
  // of the text from every `<` or `.`, which is quadratic on a long message of them.
  let text = raw.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/<[^<>]*>/g, ' ').replace(/&nbsp;/g, ' ').trim().toLowerCase();
  let end = text.length;
  while (end > 0 && '.!?'.includes(text[end - 1] ?? '')) end--;
  text = text.slice(0, end).replace(/\s+/g, ' ');
  if (/^export( the)?( register| contracts)?$/.test(text)) return { name: 'export' };
  if (/^(savings export|export( the)? savings|savings workbook)$/.test(text)) return { name: 'savingsExport' };
  if (/^(savings|savings this year|savings totals)$/.test(text)) return { name: 'savings' };
  if (/^(tender pack|tender-pack|new tender pack)$/.test(text)) return { name: 'tenderPack' };
  if (/^(evaluate|evaluation|tda evaluation)\b/.test(text)) return { name: 'evaluate' };
  const publish = /^publish(?: (.+))?$/.exec(text);
  if (publish) return { name: 'publish', ...(publish[1] ? { quarter: publish[1] } : {}) };
  return undefined;
}

const ALLOWED: Record<DocumentCommand['name'], readonly Role[]> = {
  export: ['administrator', 'procurement'],
  savings: ['finance', 'procurement', 'administrator'],
  savingsExport: ['finance', 'administrator'],
  tenderPack: ['procurement', 'administrator'],
  evaluate: ['procurement', 'administrator'],
  publish: ['procurement', 'administrator'],
};

const WHAT: Record<DocumentCommand['name'], string> = {
  export: 'export the register',
  savings: 'see the savings totals',
  savingsExport: 'export the savings workbook',
  tenderPack: 'build tender packs',
  evaluate: 'run TDA evaluations',
  publish: 'publish the Transparency Code file and the OCDS package',
};

export function offerContext(activity: InboundActivity, files: FileServices) {
  return { vault: files.vault, scope: activity.conversation.scope, conversationId: activity.conversation.conversationId, publicUrl: files.publicUrl() };
}

/** Writes a workbook with a core writer that takes a path, and returns its bytes (the file is removed, or swept after a crash). */
async function bytesOf(files: FileServices, name: string, write: (path: string) => Promise<unknown>): Promise<Buffer> {
  return files.scratch.use(async (folder) => {
    const path = join(folder, name);
    await write(path);
    return readFile(path);
  });
}

export async function runDocumentCommand(command: DocumentCommand, uploads: readonly FileUpload[], activity: InboundActivity, asker: Asker, services: BotServices, files: FileServices, io: TurnIO): Promise<void> {
  const allowed = ALLOWED[command.name];
  if (!allowed.some((role) => asker.roles.has(role))) {
    await io.reply({ text: `Sorry, only ${describeWhoCan(allowed, services.roles)} can ${WHAT[command.name]}.` });
    return;
  }
  const now = services.now();
  const today = londonToday(now);
  const send = async (file: OutgoingFile) => io.reply(await offerFile(file, offerContext(activity, files)));
  switch (command.name) {
    case 'export': {
      const contracts = await services.store.contracts.list();
      const name = `Contracts register ${today}.xlsx`;
      await send({ name, bytes: await bytesOf(files, 'register.xlsx', (path) => writeRegisterWorkbook(path, contracts, { identity: services.documents })), description: `The register: ${contracts.length} contracts, as at ${today}. Import it back unchanged.` });
      return;
    }
    case 'savings': {
      const year = financialYearOf(today);
      const savings = await services.store.savings.list({ from: year.first, to: year.last });
      await io.reply({ card: savingsTotalsCard(savings.map(summariseSaving), year, today), summary: `Savings ${year.label}` });
      return;
    }
    case 'savingsExport': {
      const savings = await services.store.savings.list();
      await send({
        name: `Savings ${today}.xlsx`,
        bytes: await bytesOf(files, 'savings.xlsx', (path) => writeSavingsWorkbook(savings, path, { exportedAt: now })),
        description: `${savings.length} savings with live formulas, by financial year and service area.`,
      });
      return;
    }
    case 'tenderPack':
      await io.reply(tenderPackFormMessage());
      return;
    case 'evaluate':
      await evaluateUpload(uploads, activity, asker, services, files, io);
      return;
    case 'publish':
      await publishQuarter(command.quarter, activity, services, files, io);
      return;
  }
}

export async function answerTenderPackForm(action: Extract<FileAction, { verb: 'tenderPack' }>, activity: InboundActivity, asker: Asker, services: BotServices, files: FileServices, io: TurnIO): Promise<CardActionResult> {
  if (!ALLOWED.tenderPack.some((role) => asker.roles.has(role))) return { message: `Sorry, only ${describeWhoCan(ALLOWED.tenderPack, services.roles)} can build tender packs.` };
  return answerTenderPack(action, activity, services, files, io);
}
