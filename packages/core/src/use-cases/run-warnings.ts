import { dueDutyWarnings } from '../duties/duty-deadlines.js';
import type { RenewalSettings } from '../renewals/renewal-settings.js';
import type { DueWarning } from '../renewals/warnings.js';
import type { IsoDate } from '../shared/iso-date.js';
import { readDutyRecords } from '../storage/read-duty-records.js';
import type { WarningRecord } from '../storage/renewals-repository.js';
import type { Store } from '../storage/store.js';

/** What became of one warning handed to `send`: sent, or why not (it is retried on a later run). */
export type WarningSendOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * Sends a batch of claimed warnings however the caller reaches people (the bot: cards through
 * its paced queue), calling `settle` once for each warning as soon as its outcome is known.
 */
export type SendWarnings = (claimed: readonly WarningRecord[], settle: (key: string, outcome: WarningSendOutcome) => Promise<void>) => Promise<void>;

export interface RunWarningsInput {
  /** The day the warnings are for (Europe/London). */
  readonly today: IsoDate;
  /** The clock for leases and the ledger's timestamps; the run is long enough for it to move. */
  readonly now: () => Date;
  readonly settings: RenewalSettings;
  readonly send: SendWarnings;
  /** Names this process in the ledger's leases. */
  readonly workerId: string;
  /** How long a claim holds before another process may take the warning. */
  readonly leaseMs: number;
  /** Warnings claimed at a time. */
  readonly batchSize?: number;
}

export interface WarningRun {
  readonly today: IsoDate;
  /** Contracts whose deadline-index entries moved with the day (tacit renewals, new periods). */
  readonly refreshed: number;
  /** New warnings added to the ledger by this run. */
  readonly raised: number;
  readonly sent: number;
  /** Failed this run; retried on the next one. */
  readonly failed: number;
}

/**
 * The renewal, statutory and performance warnings due on `today` and not yet in the ledger,
 * each with its recipient and rule. Reads only: `steward warnings` shows them, `runWarnings`
 * raises and sends them.
 */
export async function warningsDueOn(store: Store, today: IsoDate, settings: RenewalSettings): Promise<DueWarning[]> {
  const [contracts, ledger, records] = await Promise.all([store.contracts.list(), store.renewals.loadLedger(), readDutyRecords(store)]);
  return dueDutyWarnings(contracts, ledger, today, settings, records);
}

/**
 * The warning run: moves the deadline index on to `today`, raises the warnings due into the
 * ledger, then claims them in batches, hands each batch to `send` and records every outcome.
 * Claims are leased in the database, so two processes running together send each warning once,
 * and a crash mid-run leaves the unsent ones to be claimed again when the lease runs out.
 */
export async function runWarnings(store: Store, input: RunWarningsInput): Promise<WarningRun> {
  const { today, now } = input;
  // The daily run also moves the deadline index on: tacit renewals roll, new periods fall due.
  const refreshed = await store.deadlines.refresh(today);
  const raised = await store.renewals.enqueue(await warningsDueOn(store, today, input.settings), { raisedOn: today, at: now() });
  let sent = 0;
  let failed = 0;
  for (;;) {
    const claimed = await store.renewals.claimForSending(input.workerId, now(), input.leaseMs, input.batchSize ?? 20);
    if (claimed.length === 0) break;
    await input.send(claimed, async (key, outcome) => {
      if (outcome.ok) {
        await store.renewals.markSent(key, now());
        sent++;
      } else {
        await store.renewals.markFailed(key, outcome.error, now());
        failed++;
      }
    });
  }
  return { today, refreshed, raised, sent, failed };
}
