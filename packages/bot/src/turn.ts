import type { ConversationRecord } from '@contract-steward/core';
import type { AdaptiveCard } from './cards/card-kit.js';
import type { Person } from './roles.js';

/**
 * A Teams activity as the bot's handlers see it: botbuilder stays in `teams/`, which turns each
 * activity into one of these and carries the replies back.
 */
export type InboundActivity = InboundCommon &
  (
    | { readonly kind: 'installed' }
    | { readonly kind: 'uninstalled' }
    | { readonly kind: 'message'; readonly text: string; readonly value?: unknown; readonly attachments?: readonly unknown[] }
    | { readonly kind: 'cardAction'; readonly value: unknown }
    | { readonly kind: 'other' }
    /** A `fileConsent/invoke`: the person accepted or declined a file the bot offered. */
    | { readonly kind: 'fileConsent'; readonly value: unknown }
  );

interface InboundCommon {
  /** The sender; `teamsId` is the `29:` id, `aadObjectId` the Entra object id. */
  readonly person: Person & { readonly teamsId: string };
  /** The conversation reference to save, so the bot can post here later. */
  readonly conversation: Omit<ConversationRecord, 'updatedAt' | 'installed'>;
}

export type OutgoingMessage =
  | { readonly text: string }
  | { readonly card: AdaptiveCard; readonly summary: string }
  /** Teams attachments other than Adaptive Cards: file consent and file info cards. */
  | { readonly attachments: readonly RawAttachment[]; readonly summary: string; readonly text?: string };

export interface RawAttachment {
  readonly contentType: string;
  readonly name?: string;
  readonly contentUrl?: string;
  readonly content: unknown;
}

/** What a handler can do during a turn. */
export interface TurnIO {
  reply(message: OutgoingMessage): Promise<void>;
  /** Sends a message that can be replaced later in the turn (progress on long work); absent where updates are impossible. */
  replyUpdatable?(message: OutgoingMessage): Promise<(next: OutgoingMessage) => Promise<void>>;
  /** The sender's email/UPN from the Teams roster, or undefined when Teams does not say. */
  lookupEmail(): Promise<string | undefined>;
}

/** The answer to a card action: the updated card (replaces the one clicked) or a message. */
export type CardActionResult = { readonly card: AdaptiveCard } | { readonly message: string };
