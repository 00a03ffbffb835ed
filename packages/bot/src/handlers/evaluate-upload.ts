import type { FileUpload } from '../files/download-attachment.js';
import type { FileServices } from '../files/file-services.js';
import type { BotServices } from '../services.js';
import type { InboundActivity, TurnIO } from '../turn.js';

export async function evaluateUpload(_uploads: readonly FileUpload[], _activity: InboundActivity, _services: BotServices, _files: FileServices, io: TurnIO): Promise<void> {
  await io.reply({ text: 'TDA evaluations in chat are coming soon. Use `steward evaluate` for now.' });
}
