import type { ConversationRecord } from '@contract-steward/core';
import type { OutgoingMessage } from '../turn.js';

/** A failed send as the connector reported it. `status` is absent for network failures. */
export class SendFailure extends Error {
  override readonly name = 'SendFailure';
  constructor(
    message: string,
    readonly status: number | undefined,
    /** From Retry-After, when the connector sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Posts one message to a stored conversation; resolves to the new activity id. Throws SendFailure. */
export interface MessageSender {
  send(conversation: ConversationRecord, message: OutgoingMessage): Promise<string>;
}

export interface QueueItem<Id> {
  readonly id: Id;
  readonly conversation: ConversationRecord;
  readonly message: OutgoingMessage;
}

export type SendResult = { readonly ok: true; readonly activityId: string; readonly attempts: number } | { readonly ok: false; readonly error: string; readonly status?: number; readonly attempts: number };

export interface SendQueueOptions {
  readonly sender: MessageSender;
  /** Attempts per message before it is given up for this run. */
  readonly maxAttempts: number;
  /** Least time between two messages to one conversation. */
  readonly paceMs: number;
  /** First backoff; doubles each attempt, with jitter, capped at maxBackoffMs. */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs: number;
  /** Conversations served at once (Teams also limits an app to about 30 requests a second per tenant). */
  readonly concurrency?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Teams asks bots to retry these: throttled, precondition (a transient conflict), bad gateway, unavailable, timeout. */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export function isRetryable(failure: unknown): boolean {
  if (!(failure instanceof SendFailure)) return false;
  return failure.status === undefined || RETRYABLE.has(failure.status);
}

/** "Full jitter" backoff: a random wait up to base·2^attempt, but never less than Retry-After asks. */
export function backoffMs(attempt: number, failure: SendFailure, options: Pick<SendQueueOptions, 'baseBackoffMs' | 'maxBackoffMs'>, random: () => number): number {
  const ceiling = Math.min(options.maxBackoffMs, (options.baseBackoffMs ?? 500) * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling * (0.5 + random() / 2));
  return Math.min(options.maxBackoffMs, Math.max(jittered, failure.retryAfterMs ?? 0));
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends messages the way Teams wants bots to: one conversation at a time paced at about one
 * message a second, several conversations in parallel, retrying throttling and transient
 * failures with exponential backoff, jitter and Retry-After. `onResult` runs after each message
 * (awaited, in order per conversation) so the caller records it at once: a crash later in the
 * run does not lose what was already sent.
 */
export async function deliver<Id>(items: readonly QueueItem<Id>[], options: SendQueueOptions, onResult: (item: QueueItem<Id>, result: SendResult) => Promise<void>): Promise<void> {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const lanes = new Map<string, QueueItem<Id>[]>();
  for (const item of items) {
    const lane = lanes.get(item.conversation.conversationId);
    if (lane) lane.push(item);
    else lanes.set(item.conversation.conversationId, [item]);
  }
  const pending = [...lanes.values()];

  const serveLane = async (lane: QueueItem<Id>[]) => {
    let lastSentAt: number | undefined;
    for (const item of lane) {
      if (lastSentAt !== undefined) {
        const wait = options.paceMs - (Date.now() - lastSentAt);
        if (wait > 0) await sleep(wait);
      }
      const result = await sendWithRetries(item, options, sleep, random);
      lastSentAt = Date.now();
      await onResult(item, result);
    }
  };

  const worker = async () => {
    for (let lane = pending.shift(); lane; lane = pending.shift()) await serveLane(lane);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, pending.length)) }, worker));
}

async function sendWithRetries<Id>(item: QueueItem<Id>, options: SendQueueOptions, sleep: (ms: number) => Promise<void>, random: () => number): Promise<SendResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const activityId = await options.sender.send(item.conversation, item.message);
      return { ok: true, activityId, attempts: attempt };
    } catch (error) {
      const failure = error instanceof SendFailure ? error : new SendFailure(error instanceof Error ? error.message : String(error), undefined);
      if (!isRetryable(failure) || attempt >= options.maxAttempts) {
        return { ok: false, error: failure.message, ...(failure.status !== undefined ? { status: failure.status } : {}), attempts: attempt };
      }
      await sleep(backoffMs(attempt, failure, options, random));
    }
  }
}
