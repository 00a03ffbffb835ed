import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DEFAULT_UTILISATION_FLOOR, dueDutyWarnings, isDutyKind, readDutyRecords, type ConversationRecord, type RenewalSettings, type Store, type WarningRecord } from '@contract-steward/core';
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

/** Where a warning goes: the recipient's personal chat, else the procurement channel. */
/**
 * Who sees a warning refreshed when they open it: the person of a personal chat. In a channel
 * the list is left out, so that every member of a channel of up to 60 sees the current state.
 */
function refreshFor(conversation: ConversationRecord): { refreshUserIds?: readonly string[] } {
  const user = conversation.reference.user;
  const id = typeof user === 'object' && user !== null && 'id' in user && typeof user.id === 'string' ? user.id : undefined;
  return conversation.scope === 'personal' && id ? { refreshUserIds: [id] } : {};
}

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
 * The proactive warning run: raise the warnings due today into the ledger, then claim them in
 * batches and send each as a card through the paced queue, recording every result at once.
 * Claims are leased in the database, so two instances running together send each warning once,
 * and a crash mid-run leaves the unsent ones to be claimed again when the lease runs out.
 */
export async function runWarningJob(options: WarningJobOptions): Promise<WarningRunSummary> {
  const { store, log } = options;
  const workerId = options.workerId ?? `bot-${process.pid}-${randomUUID().slice(0, 8)}`;
  const today = londonToday(options.now());
  // The daily run also moves the deadline index on: tacit renewals roll, new periods fall due.
  const refreshed = await store.deadlines.refresh(today);
  if (refreshed > 0) log.info({ refreshed }, 'deadline index refreshed for the contracts whose dates move with the day');
  const [contracts, ledger, records] = await Promise.all([store.contracts.list(), store.renewals.loadLedger(), readDutyRecords(store)]);
  const raised = await store.renewals.enqueue(dueDutyWarnings(contracts, ledger, today, options.settings, records), { raisedOn: today, at: options.now() });
  let sent = 0;
  let failed = 0;
  for (;;) {
    const claimed = await store.renewals.claimForSending(workerId, options.now(), options.config.SEND_LEASE_MS, options.batchSize ?? 20);
    if (claimed.length === 0) break;
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
        await store.renewals.markFailed(record.key, problem ?? 'no destination', options.now());
        log.warn({ warning: record.key, reason: problem }, 'warning not sent; it will be retried on a later run');
        failed++;
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
        if (result.ok) {
          await store.renewals.markSent(item.id, options.now());
          sent++;
        } else {
          await store.renewals.markFailed(item.id, result.error, options.now());
          log.warn({ warning: item.id, status: result.status, attempts: result.attempts }, 'warning failed to send; it will be retried on a later run');
          failed++;
        }
      },
    );
  }
  log.info({ today, raised, sent, failed }, 'renewal warning run finished');
  return { today, raised, sent, failed };
}
