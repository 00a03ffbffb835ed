import type { FileAction } from '../files/file-actions.schema.js';
import type { FileServices } from '../files/file-services.js';
import type { BotServices } from '../services.js';
import type { CardActionResult, InboundActivity, OutgoingMessage, TurnIO } from '../turn.js';

export function tenderPackFormMessage(): OutgoingMessage {
  return { text: 'Tender packs in chat are coming soon. Use `steward tender-pack` for now.' };
}

export async function answerTenderPack(_action: Extract<FileAction, { verb: 'tenderPack' }>, _activity: InboundActivity, _services: BotServices, _files: FileServices, _io: TurnIO): Promise<CardActionResult> {
  return { message: 'Tender packs in chat are coming soon.' };
}
