import { z } from 'zod';
import { adaptiveCard, escapeMarkdown, heading, text } from '../cards/card-kit.js';
import type { OutgoingMessage } from '../turn.js';
import { checkUrl, formatMegabytes, type DownloadPolicy } from './download-attachment.js';
import { contentTypeOf, FILE_TTL_MS, safeFileName, type FileVault } from './download-links.js';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/** A generated file to hand to the person who asked for it. */
export interface OutgoingFile {
  readonly name: string;
  readonly bytes: Buffer;
  /** One line on the consent card: what the file is. */
  readonly description: string;
}

/** Where a file is offered: the conversation's scope decides between consent card and link. */
export interface OfferContext {
  readonly vault: FileVault;
  readonly scope: 'personal' | 'channel' | 'groupChat';
  readonly conversationId: string;
  /** The bot's public base URL (no trailing slash), for links in channels and group chats. */
  readonly publicUrl: string;
}

/**
 * The message that hands a file over. In personal chat: the Teams file consent card (the file
 * goes to the person's OneDrive once they accept). In channels and group chats, where bots
 * cannot upload files: a card with a single-use link to the bot's download endpoint. Either
 * way the bytes wait in the vault for at most 15 minutes.
 */
export async function offerFile(file: OutgoingFile, context: OfferContext): Promise<OutgoingMessage> {
  const name = safeFileName(file.name);
  const held = { name, contentType: contentTypeOf(name), bytes: file.bytes };
  if (context.scope === 'personal') {
    const fileId = await context.vault.put(held, 'consent', context.conversationId);
    return {
      summary: `File: ${name}`,
      // Said in words too: a host that cannot draw a file consent card (the Agents Playground) still tells the person what the file is.
      text: `**${escapeMarkdown(name)}**: ${escapeMarkdown(file.description)} Choose **Allow** to save it to your OneDrive. If no card appears, this app cannot show Teams file cards: ask me in a channel or group chat, where I give a download link instead.`,
      attachments: [
        {
          contentType: FILE_CONSENT_CARD,
          name,
          content: { description: file.description, sizeInBytes: file.bytes.length, acceptContext: { fileId }, declineContext: { fileId } },
        },
      ],
    };
  }
  const token = await context.vault.put(held, 'link');
  const minutes = Math.round(FILE_TTL_MS / 60_000);
  return {
    summary: `Download ${name}`,
    card: adaptiveCard(
      [
        ...heading(escapeMarkdown(name), escapeMarkdown(file.description)),
        text(`${formatMegabytes(file.bytes.length)}. The link works once, for the next ${minutes} minutes; after that, ask me again.`, { isSubtle: true }),
      ],
      [{ type: 'Action.OpenUrl', title: `Download ${name}`, url: `${context.publicUrl}/api/files/${token}` }],
    ),
  };
}

const ConsentSchema = z.object({
  type: z.literal('fileUpload').optional(),
  action: z.enum(['accept', 'decline']),
  context: z.object({ fileId: z.string().min(1).max(100) }),
  uploadInfo: z
    .object({
      uploadUrl: z.string().min(1),
      contentUrl: z.string().optional(),
      uniqueId: z.string().optional(),
      fileType: z.string().optional(),
      name: z.string().optional(),
    })
    .optional(),
});

/**
 * Answers a `fileConsent/invoke`. Accept: the held file is PUT to the OneDrive upload URL Teams
 * gave (only to an allowed Microsoft host over HTTPS), then a file info card shows it in the chat.
 * Decline: the file is deleted and the person told so. Either way the file leaves the vault.
 */
export async function answerFileConsent(
  value: unknown,
  conversationId: string,
  vault: FileVault,
  uploadPolicy: DownloadPolicy,
  fetchImpl: typeof fetch = fetch,
): Promise<OutgoingMessage> {
  const parsed = ConsentSchema.safeParse(value);
  if (!parsed.success) return { text: 'I could not read that answer to the file card. Nothing was sent; ask me for the file again.' };
  const consent = parsed.data;
  const taken = await vault.take(consent.context.fileId, 'consent');
  if (taken.status !== 'ok') {
    return { text: `That file is no longer available: I keep generated files for ${Math.round(FILE_TTL_MS / 60_000)} minutes only. Ask me for it again.` };
  }
  if (taken.conversationId && taken.conversationId !== conversationId) {
    return { text: 'That file was offered in another chat, so I have not sent it here. Ask me for it again in this chat.' };
  }
  const { file } = taken;
  if (consent.action === 'decline') return { text: `No problem: I have not saved ${escapeMarkdown(file.name)} to your OneDrive, and I have deleted my copy.` };

  const info = consent.uploadInfo;
  let uploadUrl: URL;
  try {
    uploadUrl = new URL(info?.uploadUrl ?? '');
  } catch {
    return { text: `Teams did not give me a place to save ${escapeMarkdown(file.name)}. Please ask me for the file again.` };
  }
  const refusal = checkUrl(uploadUrl, uploadPolicy);
  if (refusal) return { text: `I did not upload ${escapeMarkdown(file.name)}: ${escapeMarkdown(refusal.message)}. Ask your Contract Steward administrator to check FILE_DOWNLOAD_HOSTS.` };
  const size = file.bytes.length;
  let response: Response;
  try {
    response = await fetchImpl(uploadUrl, {
      method: 'PUT',
      redirect: 'manual',
      signal: AbortSignal.timeout(uploadPolicy.timeoutMs ?? 60_000),
      headers: { 'content-type': file.contentType, 'content-length': String(size), 'content-range': `bytes 0-${size - 1}/${size}` },
      body: file.bytes,
    });
    await response.body?.cancel();
  } catch {
    return { text: `I could not upload ${escapeMarkdown(file.name)} to your OneDrive (network error). Please ask me for it again.` };
  }
  if (!response.ok) return { text: `OneDrive refused ${escapeMarkdown(file.name)} (status ${response.status}). Please ask me for it again.` };
  const fileType = info?.fileType ?? /\.([a-z0-9]+)$/i.exec(file.name)?.[1] ?? '';
  return {
    summary: `Saved ${info?.name ?? file.name}`,
    attachments: [
      {
        contentType: FILE_INFO_CARD,
        name: info?.name ?? file.name,
        ...(info?.contentUrl ? { contentUrl: info.contentUrl } : {}),
        content: { uniqueId: info?.uniqueId ?? '', fileType },
      },
    ],
  };
}
