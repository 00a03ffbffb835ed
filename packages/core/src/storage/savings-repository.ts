import type { Saving, SavingState } from '../savings/saving.schema.js';
import type { AuditContext, UpsertOutcome } from './audit-context.js';

export interface SavingQuery {
  /** Savings whose term runs on or after this day (YYYY-MM-DD): the term overlaps [from, to]. */
  readonly from?: string;
  /** Savings whose term starts on or before this day (YYYY-MM-DD). */
  readonly to?: string;
  readonly state?: SavingState;
  /** Savings of one contract, by its reference. */
  readonly contract?: string;
}

/** Finance's savings ledger. Every write is audited (entity `saving`, key the saving's id). */
export interface SavingsRepository {
  /** Inserts or replaces the saving with this id; `unchanged` writes nothing. */
  upsert(saving: Saving, audit: AuditContext): Promise<UpsertOutcome>;
  get(id: string): Promise<Saving | undefined>;
  /**
   * Moves a saving along its sign-off path, recording who (`audit.actor`) and when
   * (`audit.at`). Returns the saving as stored, or undefined when there is no such saving.
   */
  setState(id: string, state: SavingState, audit: AuditContext): Promise<Saving | undefined>;
  /** Savings matching every given filter, ordered by start date, then contract, then id. */
  list(query?: SavingQuery): Promise<Saving[]>;
  count(): Promise<number>;
}
