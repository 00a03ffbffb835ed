import { importRegister, problemsWorkbook, RegisterFileError, type ImportReport, type SpreadsheetFile, type Store } from '@contract-steward/core';
import { escapeMarkdown } from '../cards/card-kit.js';
import { importClosedCard, importDoneCard, importDryRunCard, importProgressCard } from '../cards/import-card.js';
import { downloadAttachment, formatMegabytes, type FileUpload } from '../files/download-attachment.js';
import { offerFile } from '../files/file-consent.js';
import type { FileServices } from '../files/file-services.js';
import type { CardAction } from '../actions.schema.js';
import { safeFileName } from '../files/download-links.js';
import { describeWhoCan } from '../roles.js';
import type { BotServices } from '../services.js';
import type { CardActionResult, InboundActivity, OutgoingMessage, TurnIO } from '../turn.js';
import type { Asker } from './who.js';

/** Register files the bot imports from an upload. */
export const REGISTER_FILE_TYPES: ReadonlySet<string> = new Set(['xlsx', 'csv']);

type Sender = InboundActivity['person'];

function actorOf(asker: Asker, sender: Sender): string {
  return asker.person.email ?? sender.aadObjectId ?? sender.teamsId;
}

function londonClock(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(instant);
}

async function dryRun(store: Store, file: SpreadsheetFile, actor: string, at: Date): Promise<ImportReport> {
  return importRegister(store, file, { dryRun: true, actor, at });
}

/** Files at least this big get a "Checking…" card first, replaced by the dry run when it is done. */
export const PROGRESS_BYTES = 256 * 1024;

/**
 * An administrator uploaded a register: download it at once (allowed hosts only, size limit),
 * run a dry run on the downloaded bytes and, when the file can be read, keep it and answer with
 * the card that lets the same person import or cancel.
 * Anyone else is told who can, and the file is never fetched.
 */
export async function importUpload(upload: FileUpload, activity: InboundActivity, asker: Asker, services: BotServices, files: FileServices, io: TurnIO): Promise<void> {
  if (!asker.roles.has('administrator')) {
    await io.reply({ text: `Only ${describeWhoCan(['administrator'], services.roles)} can import the register. I have not opened ${escapeMarkdown(upload.name)}; send it to them instead.` });
    return;
  }
  if (!REGISTER_FILE_TYPES.has(upload.fileType)) {
    await io.reply({ text: `I can import the register from an .xlsx or .csv file, not .${upload.fileType || '(no extension)'}. Export it from Excel as .xlsx and upload it again.` });
    return;
  }
  const download = await downloadAttachment(upload.downloadUrl, files.policy, files.fetch);
  if (!download.ok) {
    services.log.warn({ code: download.code, file: upload.name }, 'refused an uploaded register');
    await io.reply({ text: `I did not import ${escapeMarkdown(upload.name)}: ${escapeMarkdown(download.message)}. Nothing was written.` });
    return;
  }
  // A big file takes a while to check: say so at once, then replace that card with the result.
  const finish =
    download.bytes.length >= PROGRESS_BYTES && io.replyUpdatable
      ? await io.replyUpdatable({ card: importProgressCard(upload.name, `Checking ${formatMegabytes(download.bytes.length)}: every row is read and compared with the register. Nothing is written yet.`), summary: `Checking ${upload.name}` })
      : (message: OutgoingMessage) => io.reply(message);
  const sender = activity.person;
  const fileName = safeFileName(upload.name);
  let report: ImportReport;
  try {
    report = await dryRun(services.store, { name: fileName, bytes: download.bytes }, actorOf(asker, sender), services.now());
  } catch (error) {
    if (error instanceof RegisterFileError) {
      await finish({ text: `I cannot read ${escapeMarkdown(upload.name)}: ${escapeMarkdown(error.message)}. Nothing was written.` });
      return;
    }
    throw error;
  }
  const { pending } = await files.imports.add(
    {
      teamsId: sender.teamsId,
      ...(sender.aadObjectId ? { aadObjectId: sender.aadObjectId } : {}),
      uploaderName: asker.person.name ?? asker.person.email ?? 'the uploader',
      ...(asker.person.email ? { uploaderEmail: asker.person.email } : {}),
      conversationId: activity.conversation.conversationId,
      fileName,
    },
    download.bytes,
  );
  await finish({
    card: importDryRunCard(report, { importId: pending.id, uploaderName: pending.uploaderName, confirmBy: londonClock(new Date(pending.expiresAt)) }),
    summary: `Import ${report.fileName}? ${report.created} new, ${report.updated} updated, ${report.rejected} rejected`,
  });
}

/** Import, Cancel and Problems workbook on the dry-run card. */
export async function answerImportAction(
  action: Extract<CardAction, { importId: string }>,
  activity: InboundActivity,
  asker: Asker,
  services: BotServices,
  files: FileServices,
  io: TurnIO,
): Promise<CardActionResult> {
  const sender = activity.person;
  const who = { teamsId: sender.teamsId, ...(sender.aadObjectId ? { aadObjectId: sender.aadObjectId } : {}) };
  if (action.verb === 'importProblems') return sendProblems(action.importId, who, activity, services, files, io);

  const claim = await files.imports.claim(action.importId, who);
  switch (claim.status) {
    case 'missing':
      return { message: 'This import has already been done or cancelled. Upload the file again to start a new one.' };
    case 'expired':
      return { card: importClosedCard('the register', 'This import waited too long (15 minutes) and was dropped: nothing was written. Upload the file again.') };
    case 'not-yours':
      return { message: `Only ${escapeMarkdown(claim.pending.uploaderName)}, who uploaded ${escapeMarkdown(claim.pending.fileName)}, can confirm or cancel this import.` };
    case 'ok':
      break;
  }
  const released = { done: false };
  try {
    if (action.verb === 'cancelImport') return { card: importClosedCard(claim.pending.fileName, 'Cancelled: nothing was written, and I have deleted the uploaded file.') };
    if (!asker.roles.has('administrator')) return { message: `Only ${describeWhoCan(['administrator'], services.roles)} can import the register.` };
    const bytes = await claim.read();
    const run = () => importRegister(services.store, { name: claim.pending.fileName, bytes }, { dryRun: false, actor: actorOf(asker, sender), at: services.now() });
    const size = bytes.length;
    const notify = files.notify;
    if (size >= PROGRESS_BYTES && notify) {
      // Teams waits about 15 seconds for a card's answer: a big import goes on after it, and the
      // result is posted to the chat when done. Nothing is written until every row is in.
      const conversationId = activity.conversation.conversationId;
      released.done = true;
      files.track(
        (async () => {
          try {
            const report = await run();
            services.log.info({ file: report.fileName, created: report.created, updated: report.updated, by: actorOf(asker, sender) }, 'register imported from Teams');
            await notify(conversationId, { card: importDoneCard(report, claim.pending.uploaderName), summary: `Imported ${report.fileName}` });
          } catch (error) {
            services.log.error({ err: error, file: claim.pending.fileName }, 'register import from Teams failed');
            await notify(conversationId, { text: `The import of ${escapeMarkdown(claim.pending.fileName)} failed, so nothing was written. Upload the file again; if it keeps failing, tell your Contract Steward administrator.` }).catch(() => undefined);
          } finally {
            await claim.release();
          }
        })(),
      );
      return { card: importProgressCard(claim.pending.fileName, `Importing ${formatMegabytes(size)}. I will post the result here when it is done; nothing is written until every row is in.`) };
    }
    let report: ImportReport;
    try {
      report = await run();
    } catch (error) {
      if (error instanceof RegisterFileError) return { card: importClosedCard(claim.pending.fileName, `I could not read the file any more (${error.message}). Nothing was written.`) };
      throw error;
    }
    services.log.info({ file: report.fileName, created: report.created, updated: report.updated, by: actorOf(asker, sender) }, 'register imported from Teams');
    return { card: importDoneCard(report, claim.pending.uploaderName) };
  } finally {
    if (!released.done) await claim.release();
  }
}

async function sendProblems(
  importId: string,
  who: { teamsId: string; aadObjectId?: string },
  activity: InboundActivity,
  services: BotServices,
  files: FileServices,
  io: TurnIO,
): Promise<CardActionResult> {
  const found = await files.imports.peek(importId);
  if (!found) return { message: 'This import is no longer waiting, so its problems workbook is gone. Upload the file again.' };
  const same = found.pending.aadObjectId && who.aadObjectId ? found.pending.aadObjectId.toLowerCase() === who.aadObjectId.toLowerCase() : found.pending.teamsId === who.teamsId;
  if (!same) return { message: `Only ${escapeMarkdown(found.pending.uploaderName)}, who uploaded ${escapeMarkdown(found.pending.fileName)}, can have its problems workbook.` };
  const report = await dryRun(services.store, { name: found.pending.fileName, bytes: found.bytes }, found.pending.uploaderEmail ?? who.teamsId, services.now());
  const stem = found.pending.fileName.replace(/\.[^.]+$/, '');
  await io.reply(
    await offerFile(
      {
        name: `${stem} problems.xlsx`,
        bytes: await problemsWorkbook(report, services.documents),
        description: `The ${report.rejected} rejected rows of ${found.pending.fileName}, each with its original row and problem: correct them and upload this file. I ignore those two columns and reject a row still wrong again, so no row can overwrite another contract.`,
      },
      { vault: files.vault, scope: activity.conversation.scope, conversationId: activity.conversation.conversationId, publicUrl: files.publicUrl() },
    ),
  );
  return { message: 'The problems workbook is on its way.' };
}
