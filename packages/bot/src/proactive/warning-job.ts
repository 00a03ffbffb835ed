import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DEFAULT_UTILISATION_FLOOR, isDutyKind, runWarnings, type ConversationRecord, type IsoDate, type RenewalSettings, type SendWarnings, type Store, type WarningRecord } from '@contract-steward/core';
import { dutyWarningCard } from '../cards/duty-warning-card.js';
import { warningCard } from '../cards/warning-card.js';
import { loadUtilisation } from '../handlers/contract-extras.js';
import type { Config } from '../config.js';
import { londonToday } from './london-time.js';
import { deliver, type MessageSender, type QueueItem } from './send-queue.js';

export interface WarningJobOptions {
  readonly store: Store;
  readonly sender: MessageSender;
  readonly config: Pick<Config, 'PROCUREMENT_CHANNEL' | 'SEND_ATTEMPTS' | 'SEND_PACE_MS' | 'SEND_MAX_BACKOFF_MS' | 'SEND_LEASE_MS'> & Partial<Pick<Config, 'UTILISATION_FLOOR'>>;
  /** Tenants warnings may go to; undefined means any (anonymous local use). */
  readonly tenants: ReadonlySet<string> | undefined;
  readonly settings: RenewalSettings;
  readonly now: () => Date;
  readonly log: Logger;
  /** Names this process in the ledger's leases. */
  readonly workerId?: string;
  /** Warnings claimed at a time. */
  readonly batchSize?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface WarningRunSummary {
  readonly today: string;
  /** New warnings added to the ledger by this run. */
  readonly raised: number;
  readonly sent: number;
  /** Failed this run; retried on the next one. */
  readonly failed: number;
}

/**
 * Who sees a warning refreshed when they open it: the person of a personal chat. In a channel
 * the list is left out, so that every member of a channel of up to 60 sees the current state.
 */
function refreshFor(conversation: ConversationRecord): { refreshUserIds?: readonly string[] } {
  const user = conversation.reference.user;
  const id = typeof user === 'object' && user !== null && 'id' in user && typeof user.id === 'string' ? user.id : undefined;
  return conversation.scope === 'personal' && id ? { refreshUserIds: [id] } : {};
}

/** Where a warning goes: the recipient's personal chat, else the procurement channel. */
async function destinationOf(record: WarningRecord, options: WarningJobOptions): Promise<{ conversation: ConversationRecord; viaChannel: boolean } | string> {
  const recipient = record.warning.recipient;
  const personal = recipient?.email ? await options.store.conversations.findPersonal({ email: recipient.email }) : undefined;
  if (personal) return { conversation: personal, viaChannel: false };
  if (!options.config.PROCUREMENT_CHANNEL) return `${recipient?.email ?? 'the contract owner'} has not installed the app and no PROCUREMENT_CHANNEL is set`;
  const channel = await options.store.conversations.get(options.config.PROCUREMENT_CHANNEL);
  if (!channel?.installed) return `${recipient?.email ?? 'the contract owner'} has not installed the app, and the app is not installed in the procurement channel`;
  return { conversation: channel, viaChannel: true };
}

function escalationText(record: WarningRecord, viaChannel: boolean, ownerName: string | undefined): string | undefined {
  const reasons: string[] = [];
  if (record.escalation) reasons.push(`earlier warnings to ${ownerName ?? 'the owner'} have not been acknowledged`);
  const recipient = record.warning.recipient;
  if (viaChannel && record.escalation && !recipient) reasons.push('the contract names no escalation contact, so this comes to the procurement channel');
  else if (viaChannel) reasons.push(`${recipient?.name ?? recipient?.email ?? 'the owner'} has not installed Contract Steward, so this comes to the procurement channel`);
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/**
 * The proactive warning run (core's `runWarnings`, for today in London), sending each warning
 * as a card through the paced queue: the recipient's personal chat, else the procurement channel.
 */
export async function runWarningJob(options: WarningJobOptions): Promise<WarningRunSummary> {
  const { store, log } = options;
  const today = londonToday(options.now());
  const run = await runWarnings(store, {
    today,
    now: options.now,
    settings: options.settings,
    workerId: options.workerId ?? `bot-${process.pid}-${randomUUID().slice(0, 8)}`,
    leaseMs: options.config.SEND_LEASE_MS,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    send: (claimed, settle) => sendCards(claimed, settle, today, options),
  });
  if (run.refreshed > 0) log.info({ refreshed: run.refreshed }, 'deadline index refreshed for the contracts whose dates move with the day');
  const { raised, sent, failed } = run;
  log.info({ today, raised, sent, failed }, 'renewal warning run finished');
  return { today, raised, sent, failed };
}

/** Chooses each claimed warning's card and destination, and sends them through the paced queue. */
async function sendCards(claimed: readonly WarningRecord[], settle: Parameters<SendWarnings>[1], today: IsoDate, options: WarningJobOptions): Promise<void> {
  const { store, log } = options;
  const items: QueueItem<string>[] = [];
  for (const record of claimed) {
    const contract = await store.contracts.get(record.reference);
    const destination = await destinationOf(record, options);
    const problem = !contract
      ? `${record.reference} is no longer in the register`
      : typeof destination === 'string'
        ? destination
        : options.tenants && !options.tenants.has(destination.conversation.tenantId ?? '')
          ? 'the conversation is in a tenant that is not allowed'
          : undefined;
    if (problem || !contract || typeof destination === 'string') {
      await settle(record.key, { ok: false, error: problem ?? 'no destination' });
      log.warn({ warning: record.key, reason: problem }, 'warning not sent; it will be retried on a later run');
      continue;
    }
    const escalation = escalationText(record, destination.viaChannel, contract.owner?.name);
    const { kind } = record;
    const subject = record.warning.subject;
    const kpi = subject?.type === 'kpi-result' ? await store.performance.getKpi(record.reference, subject.kpi) : undefined;
    const floor = (options.config.UTILISATION_FLOOR ?? DEFAULT_UTILISATION_FLOOR * 100) / 100;
    const utilisation = isDutyKind(kind) ? [] : await loadUtilisation(store, contract, floor);
    const card = isDutyKind(kind)
      ? dutyWarningCard({ warningKey: record.key, contract, kind, deadline: record.deadline, rule: record.warning.rule, subject, ...(kpi ? { kpi } : {}), today, ...(escalation ? { escalation } : {}) })
      : warningCard({
          warningKey: record.key,
          contract,
          deadline: { kind, date: record.deadline, rule: record.warning.rule },
          today,
          ...(escalation ? { escalation } : {}),
          ...(utilisation.length > 0 ? { usage: { utilisation, floor } } : {}),
          ...refreshFor(destination.conversation),
        });
    items.push({ id: record.key, conversation: destination.conversation, message: { card, summary: `${contract.reference}: deadline ${record.deadline}` } });
  }
  await deliver(
    items,
    {
      sender: options.sender,
      maxAttempts: options.config.SEND_ATTEMPTS,
      paceMs: options.config.SEND_PACE_MS,
      maxBackoffMs: options.config.SEND_MAX_BACKOFF_MS,
      ...(options.sleep ? { sleep: options.sleep } : {}),
    },
    async (item, result) => {
      if (result.ok) return settle(item.id, { ok: true });
      await settle(item.id, { ok: false, error: result.error });
      log.warn({ warning: item.id, status: result.status, attempts: result.attempts }, 'warning failed to send; it will be retried on a later run');
    },
  );
}
