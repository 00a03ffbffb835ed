import { fileUploadsOf } from '../files/download-attachment.js';
import { answerFileConsent } from '../files/file-consent.js';
import { parseFileAction, type FileAction } from '../files/file-actions.schema.js';
import type { FileServices } from '../files/file-services.js';
import type { BotServices } from '../services.js';
import type { CardActionResult, InboundActivity, TurnIO } from '../turn.js';
import { parseDocumentCommand, runDocumentCommand, answerTenderPackForm } from './document-handlers.js';
import { answerScoreAction } from './evaluation-scores.js';
import { answerImportAction, importUpload } from './import-upload.js';
import type { Asker } from './who.js';

/** Whether the file features took the turn, and the card action result when they did. */
export type FileTurn = { readonly handled: false } | { readonly handled: true; readonly result?: CardActionResult };

const FILES_OFF = 'Files are turned off on this Contract Steward. Ask your administrator.';

/**
 * The file features' share of routing: uploads, `fileConsent/invoke`, the import and document
 * card actions, and the document commands (`export`, `savings`, `tender pack`, `evaluate`).
 * Anything else is left to the other handlers.
 */
export async function handleFileActivity(activity: InboundActivity, asker: Asker, services: BotServices, io: TurnIO): Promise<FileTurn> {
  const files = services.files;
  switch (activity.kind) {
    case 'fileConsent':
      await io.reply(files ? await answerFileConsent(activity.value, activity.conversation.conversationId, files.vault, files.policy, files.fetch) : { text: FILES_OFF });
      return { handled: true };
    case 'cardAction': {
      const parsed = parseFileAction(activity.value);
      if (!parsed) return { handled: false };
      if (!parsed.ok) return { handled: true, result: { message: parsed.message } };
      if (!files) return { handled: true, result: { message: FILES_OFF } };
      return { handled: true, result: await runFileAction(parsed.action, activity, asker, services, files, io) };
    }
    case 'message': {
      const uploads = fileUploadsOf(activity.attachments);
      const command = parseDocumentCommand(activity.text);
      if (uploads.length > 0 && command?.name !== 'evaluate') {
        if (!files) {
          await io.reply({ text: FILES_OFF });
          return { handled: true };
        }
        for (const upload of uploads.slice(0, 1)) await importUpload(upload, activity, asker, services, files, io);
        if (uploads.length > 1) await io.reply({ text: 'I import one file at a time: upload the others one by one.' });
        return { handled: true };
      }
      if (activity.value !== undefined && activity.text.trim() === '') {
        // Action.Submit from a client without Universal Actions: same actions, reply as a message.
        const parsed = parseFileAction(activity.value);
        if (!parsed) return { handled: false };
        const result = !parsed.ok ? { message: parsed.message } : files ? await runFileAction(parsed.action, activity, asker, services, files, io) : { message: FILES_OFF };
        await io.reply('card' in result ? { card: result.card, summary: 'Updated' } : { text: result.message });
        return { handled: true };
      }
      if (!command) return { handled: false };
      if (!files) {
        await io.reply({ text: FILES_OFF });
        return { handled: true };
      }
      await runDocumentCommand(command, uploads, activity, asker, services, files, io);
      return { handled: true };
    }
    default:
      return { handled: false };
  }
}

async function runFileAction(action: FileAction, activity: InboundActivity, asker: Asker, services: BotServices, files: FileServices, io: TurnIO): Promise<CardActionResult> {
  switch (action.verb) {
    case 'importRegister':
    case 'cancelImport':
    case 'importProblems':
      return answerImportAction(action, activity, asker, services, files, io);
    case 'tenderPack':
      return answerTenderPackForm(action, activity, asker, services, files, io);
    case 'scoreOption':
    case 'saveScores':
      return answerScoreAction(action, asker, services);
  }
}
