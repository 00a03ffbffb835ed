import { financialYearOf, savingContractsFrom, summariseSaving, writeRegisterWorkbook, writeSavingsWorkbook } from '@contract-steward/core';
import { savingsTotalsCard } from '../cards/savings-card.js';
import type { CardAction } from '../actions.schema.js';
import type { Command } from '../commands/command-table.js';
import { collectBytes } from '../files/collect-bytes.js';
import { offerFile, type OutgoingFile } from '../files/file-consent.js';
import type { FileServices } from '../files/file-services.js';
import { londonToday } from '../proactive/london-time.js';
import { describeWhoCan, type Role } from '../roles.js';
import type { BotServices } from '../services.js';
import type { CardActionResult, InboundActivity, OutgoingMessage, TurnIO } from '../turn.js';
import { answerTenderPack } from './tender-pack.js';
import type { Asker } from './who.js';

/** The commands that produce documents. */
export type DocumentCommandName = Extract<Command['name'], 'export' | 'savings' | 'savingsExport' | 'tenderPack' | 'evaluate' | 'publish'>;

const ALLOWED: Record<DocumentCommandName, readonly Role[]> = {
  export: ['administrator', 'procurement'],
  savings: ['finance', 'procurement', 'administrator'],
  savingsExport: ['finance', 'administrator'],
  tenderPack: ['procurement', 'administrator'],
  evaluate: ['procurement', 'administrator'],
  publish: ['procurement', 'administrator'],
};

const WHAT: Record<DocumentCommandName, string> = {
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
/** Who may ask for a document: undefined when the asker may, otherwise the refusal that says who can. */
export function refuseDocument(name: DocumentCommandName, asker: Asker, services: BotServices): OutgoingMessage | undefined {
  const allowed = ALLOWED[name];
  if (allowed.some((role) => asker.roles.has(role))) return undefined;
  return { text: `Sorry, only ${describeWhoCan(allowed, services.roles)} can ${WHAT[name]}.` };
}

const sender = (activity: InboundActivity, files: FileServices, io: TurnIO) => async (file: OutgoingFile) => io.reply(await offerFile(file, offerContext(activity, files)));

/** `export`: the register as a workbook that imports back unchanged. */
export async function answerExport(activity: InboundActivity, services: BotServices, files: FileServices, io: TurnIO): Promise<void> {
  const today = londonToday(services.now());
  const send = sender(activity, files, io);
  const contracts = await services.store.contracts.list();
  const name = `Contracts register ${today}.xlsx`;
  await send({ name, bytes: await collectBytes((out) => writeRegisterWorkbook(out, contracts, { identity: services.documents })), description: `The register: ${contracts.length} contracts, as at ${today}. Import it back unchanged.` });
}

/** `savings`: this financial year's totals as a card. */
export async function answerSavings(services: BotServices, io: TurnIO): Promise<void> {
  const today = londonToday(services.now());
  const year = financialYearOf(today);
  const savings = await services.store.savings.list({ from: year.first, to: year.last });
  await io.reply({ card: savingsTotalsCard(savings.map(summariseSaving), year, today), summary: `Savings ${year.label}` });
}

/** `savings export`: every saving in a workbook with live formulas. */
export async function answerSavingsExport(activity: InboundActivity, services: BotServices, files: FileServices, io: TurnIO): Promise<void> {
  const now = services.now();
  const today = londonToday(now);
  const send = sender(activity, files, io);
  const savings = await services.store.savings.list();
  const contracts = savingContractsFrom(await services.store.contracts.getMany([...new Set(savings.map((s) => s.contract))]));
  await send({
    name: `Savings ${today}.xlsx`,
    bytes: await collectBytes((out) => writeSavingsWorkbook(savings, out, { exportedAt: now, identity: services.documents, contracts })),
    description: `${savings.length} savings with live formulas, by financial year and service area.`,
  });
}

export async function answerTenderPackForm(action: Extract<CardAction, { verb: 'tenderPack' }>, activity: InboundActivity, asker: Asker, services: BotServices, files: FileServices, io: TurnIO): Promise<CardActionResult> {
  if (!ALLOWED.tenderPack.some((role) => asker.roles.has(role))) return { message: `Sorry, only ${describeWhoCan(ALLOWED.tenderPack, services.roles)} can build tender packs.` };
  return answerTenderPack(action, activity, services, files, io);
}
