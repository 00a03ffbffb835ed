import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerOptions } from '../../packages/bot/src/server.js';
import { FILE_DOWNLOAD_INFO } from '../../packages/bot/src/files/download-attachment.js';
import { cardActionInvoke, teamsActivity, teamsMessage } from '../support/stand-in-connector.js';
import { ASHA, PRIYA, startHarness, type Harness } from './bot-harness.js';

/** Ben has no role: he owns contracts, nothing more. */
export const BEN = { id: '29:user-3', name: 'Ben Jones', aadObjectId: '00000000-0000-0000-0000-0000000000c3', email: 'b.jones@council.gov.uk' };
/** Femi is in finance. */
export const FEMI = { id: '29:user-4', name: 'Femi Adeyemi', aadObjectId: '00000000-0000-0000-0000-0000000000d4', email: 'f.adeyemi@council.gov.uk' };

export type Someone = typeof ASHA;

/**
 * A bot for the file tests: Asha and Priya are administrators (so one can try to confirm the
 * other's import), Priya is also procurement, Femi is finance. Files are fetched from the
 * stand-in on 127.0.0.1 over plain HTTP, which only the test flag allows.
 */
export async function startFilesHarness(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<Harness & { filesDir: string }> {
  const filesDir = mkdtempSync(join(tmpdir(), 'steward-files-'));
  const bot = await startHarness(
    {
      ADMINISTRATORS: `${ASHA.email},${PRIYA.email}`,
      FINANCE: FEMI.email,
      FILES_DIR: filesDir,
      FILE_DOWNLOAD_HOSTS: '127.0.0.1',
      FILE_DOWNLOAD_ALLOW_LOOPBACK_HTTP: 'true',
      ...env,
    },
    options,
  );
  for (const person of [BEN, FEMI]) bot.connector.members.set(person.id, { id: person.id, name: person.name, aadObjectId: person.aadObjectId, email: person.email, userPrincipalName: person.email });
  return Object.assign(bot, { filesDir });
}

export function personal(person: Someone): Record<string, unknown> {
  return {
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    conversation: { id: `a:personal-${person.id}`, conversationType: 'personal', tenantId: 'tenant-1' },
  };
}

export function inChannel(person: Someone): Record<string, unknown> {
  return {
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    conversation: { id: '19:procurement@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' },
  };
}

/** A message with an uploaded file, as Teams sends it in personal chat. */
export function uploadMessage(bot: Harness, person: Someone, name: string, downloadUrl: string, text = ''): Record<string, unknown> {
  return teamsMessage(bot.connector.serviceUrl, text, {
    ...personal(person),
    attachments: [
      {
        contentType: FILE_DOWNLOAD_INFO,
        contentUrl: `https://council.sharepoint.com/personal/files/${encodeURIComponent(name)}`,
        name,
        content: { downloadUrl, uniqueId: 'file-1', fileType: name.split('.').pop() ?? '', etag: '1' },
      },
    ],
  });
}

export function servedUrl(bot: Harness, name: string): string {
  return `${bot.connector.serviceUrl}files/${encodeURIComponent(name)}`;
}

/** Presses an Action.Execute button; returns the invoke response body ({statusCode, type, value}). */
export async function press(bot: Harness, person: Someone, verb: string, data: Record<string, unknown>, scope = personal(person)): Promise<{ type: string; value: unknown }> {
  const { status, body } = await bot.post(cardActionInvoke(bot.connector.serviceUrl, verb, data, scope));
  if (status !== 200) throw new Error(`bot answered ${status}`);
  return body as { type: string; value: unknown };
}

/** The data of the first Action.Execute with `verb` on the card of an activity. */
export function actionData(activity: Record<string, unknown> | undefined, verb: string): Record<string, unknown> {
  const attachments = (activity?.attachments ?? []) as { content: { actions?: { verb?: string; data?: Record<string, unknown> }[] } }[];
  const action = attachments[0]?.content.actions?.find((a) => a.verb === verb);
  if (!action?.data) throw new Error(`no ${verb} action on ${JSON.stringify(activity)}`);
  return action.data;
}

export function fileConsentInvoke(bot: Harness, person: Someone, action: 'accept' | 'decline', fileId: string, name: string): Record<string, unknown> {
  return teamsActivity(bot.connector.serviceUrl, 'invoke', {
    ...personal(person),
    name: 'fileConsent/invoke',
    value: {
      type: 'fileUpload',
      action,
      context: { fileId },
      uploadInfo: {
        name,
        uploadUrl: `${bot.connector.serviceUrl}uploads/${encodeURIComponent(name)}`,
        contentUrl: `https://council-my.sharepoint.com/personal/asha/Documents/Applications/${encodeURIComponent(name)}`,
        uniqueId: 'drive-item-1',
        fileType: name.split('.').pop() ?? '',
      },
    },
  });
}

/** The file consent attachment of a reply: its name and the id the bot put in its context. */
export function consentOf(activity: Record<string, unknown> | undefined): { name: string; fileId: string; size: number; description: string } {
  const attachments = (activity?.attachments ?? []) as { contentType: string; name: string; content: { acceptContext: { fileId: string }; sizeInBytes: number; description: string } }[];
  const consent = attachments.find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
  if (!consent) throw new Error(`no file consent card in ${JSON.stringify(activity)}`);
  return { name: consent.name, fileId: consent.content.acceptContext.fileId, size: consent.content.sizeInBytes, description: consent.content.description };
}
