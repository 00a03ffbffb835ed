import type { DecisionOutcome, RenewalDecision } from '../renewals/decisions.js';
import type { DueWarning, LedgerWarning, RenewalLedger, WarningState } from '../renewals/warnings.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { AuditContext } from './audit-context.js';

/** A warning in the ledger: what it says, who it is for, and how its delivery is going. */
export interface WarningRecord extends LedgerWarning {
  /** The warning as raised (title, days left, recipient, rule), for the message. */
  readonly warning: DueWarning;
  readonly recipientEmail?: string;
  /** The day (Europe/London) it was raised on. */
  readonly raisedOn: IsoDate;
  readonly createdAt: string;
  /** Failed sends so far (and the one that succeeded, once sent). */
  readonly attempts: number;
  readonly lastError?: string;
  /** A failed warning is not claimed again before this time. */
  readonly nextAttemptAt?: string;
  readonly leaseOwner?: string;
  readonly leaseUntil?: string;
  readonly sentAt?: string;
  readonly acknowledgedAt?: string;
  readonly acknowledgedBy?: string;
}

export interface WarningQuery {
  readonly reference?: string;
  readonly states?: readonly WarningState[];
}

/** A decision as stored, with when it was recorded. */
export interface DecisionRecord extends RenewalDecision {
  readonly id: number;
  readonly decidedAt: string;
}

/**
 * The renewal warnings ledger and the decisions about deadlines. Several bot instances can share
 * one PostgreSQL database: `enqueue` is idempotent by key, and `claimForSending` hands each
 * warning to one instance at a time.
 */
export interface RenewalsRepository {
  /**
   * Adds warnings not already in the ledger (by key) as `queued`; returns how many were new.
   * `raisedOn` is the day of the run (default: today in Europe/London at `at`, default now).
   */
  enqueue(warnings: readonly DueWarning[], options?: { readonly raisedOn?: IsoDate; readonly at?: Date }): Promise<number>;
  /**
   * Atomically leases up to `limit` warnings to `workerId` until `now + leaseMs`: queued ones,
   * and failed ones due for retry, whose lease is free or has run out. Oldest first. Another
   * instance claiming at the same moment gets other warnings, never these.
   */
  claimForSending(workerId: string, now: Date, leaseMs: number, limit: number): Promise<WarningRecord[]>;
  /** Records a successful send; says whether the warning exists. */
  markSent(key: string, at: Date): Promise<boolean>;
  /**
   * Records a failed send and releases the lease. It is retried from `retryAt` (a Retry-After),
   * by default after a back-off that doubles from one minute up to an hour.
   */
  markFailed(key: string, error: string, at: Date, retryAt?: Date): Promise<boolean>;
  /** Marks a warning read; stops its escalation. Audited. Says whether it existed. */
  acknowledge(key: string, by: string, at: Date): Promise<boolean>;
  getWarning(key: string): Promise<WarningRecord | undefined>;
  /** Oldest first. */
  listWarnings(query?: WarningQuery): Promise<WarningRecord[]>;
  /**
   * Stores a decision in one transaction with its effects: the changed contract (audited as an
   * update), the decision, an audit entry (who, when), and for `acknowledge` the contract's
   * open warnings marked acknowledged.
   */
  recordDecision(outcome: DecisionOutcome, audit: AuditContext): Promise<DecisionRecord>;
  /** Newest first; of one contract, or of several. */
  listDecisions(reference?: string | readonly string[]): Promise<DecisionRecord[]>;
  /** Everything dueWarnings needs to know: warnings raised and decisions made. */
  loadLedger(): Promise<RenewalLedger>;
}
