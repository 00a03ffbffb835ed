import { canonicalJson } from '../register/import/canonical-json.js';
import type { ConversationRecord } from './store.js';

/** How long a conversation's "last active" time may lag before an unchanged activity saves it again. */
const ACTIVE_WITHIN_MS = 60 * 60 * 1000;

/**
 * True when saving `next` would store nothing new: the conversation is installed, its place and
 * person are as stored, and it was saved within the hour. Every turn used to save its
 * conversation, which made every question a write: behind an import's write transaction it
 * waited for the whole import. The incoming activity's id is part of the reference Teams gives
 * but not of where to post, so it is not compared. The hour keeps `updatedAt` close enough to
 * "last active" for choosing among one person's personal chats.
 */
export function conversationUnchanged(stored: ConversationRecord | undefined, next: Omit<ConversationRecord, 'updatedAt' | 'installed'>, now: Date): boolean {
  if (stored === undefined || !stored.installed) return false;
  if (now.getTime() - Date.parse(stored.updatedAt) > ACTIVE_WITHIN_MS) return false;
  const same = (a: string | undefined, b: string | undefined) => b === undefined || a === b.toLowerCase();
  return (
    stored.scope === next.scope &&
    (stored.tenantId ?? undefined) === (next.tenantId ?? undefined) &&
    stored.serviceUrl === next.serviceUrl &&
    same(stored.userAadObjectId, next.userAadObjectId) &&
    same(stored.userEmail, next.userEmail) &&
    canonicalJson(withoutActivity(stored.reference)) === canonicalJson(withoutActivity(next.reference))
  );
}

function withoutActivity(reference: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { activityId: _activityId, ...place } = reference;
  return place;
}
