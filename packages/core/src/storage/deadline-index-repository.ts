import type { DeadlineIndexRow, DeadlineSource } from '../deadlines/deadline-index-rows.js';
import type { RenewalSettings } from '../renewals/renewal-settings.js';
import type { IsoDate } from '../shared/iso-date.js';

/** A row as stored, with the day it was computed as of. */
export interface IndexedDeadline extends DeadlineIndexRow {
  readonly asOf: IsoDate;
}

export interface DeadlineIndexQuery {
  readonly source?: DeadlineSource;
  /** Deadlines on or after this day. */
  readonly from?: IsoDate;
  /** Deadlines on or before this day. */
  readonly to?: IsoDate;
  /** The owner's email (any case). */
  readonly ownerEmail?: string;
  /** Only open deadlines (no decision, publication or result settles them). */
  readonly openOnly?: boolean;
  /**
   * The day the question is asked on (default: each row's own day). A tacit renewal rolls
   * forward as days pass, so for a day other than the one its row was computed on, a moving row
   * is listed whenever its date could fall between `from` and `to` on that day: the caller works
   * out its key dates again for the contracts listed.
   */
  readonly today?: IsoDate;
}

export interface DeadlineWindowQuery {
  readonly source: DeadlineSource;
  /** Open deadlines on or after this day... */
  readonly from: IsoDate;
  /** ...and on or before this one, as of `today`. */
  readonly to: IsoDate;
  readonly today: IsoDate;
  /** The owner's email (any case). */
  readonly ownerEmail?: string;
  /** Only these kinds (`end`, `renewal`, ...). */
  readonly kinds?: readonly string[];
  /** How many contracts to name, soonest first. */
  readonly limit: number;
}

/**
 * The contracts with an open deadline in a window, counted and totalled without reading them.
 * Rows whose dates move with the day and were computed on another day cannot be trusted for
 * today: their contracts are named in `moving`, left out of the rest, for the caller to work out.
 */
export interface DeadlineWindow {
  /** Contracts with a deadline in the window (besides `moving`). */
  readonly count: number;
  /** Their annual values added up, each contract once (none recorded counts as 0). */
  readonly annualTotal: number;
  /** The first `limit` of them by their first deadline in the window, then reference. */
  readonly first: string[];
  readonly moving: string[];
}

/**
 * Every contract's deadlines, kept by the store in the transaction that changes a contract, its
 * decisions, modifications, publications, KPIs, results or reviews (see deadlineIndexRows).
 */
export interface DeadlineIndexRepository {
  /** The renewal rules the rows are computed with. */
  readonly rules: RenewalSettings;
  /** Rows matching every filter, by date, then reference, source and key. */
  list(query?: DeadlineIndexQuery): Promise<IndexedDeadline[]>;
  /** The contracts with a row matching every filter, each once, in no particular order. */
  references(query?: DeadlineIndexQuery): Promise<string[]>;
  /** Counts and totals the contracts with an open deadline in a window, and names the first few (see DeadlineWindow). */
  window(query: DeadlineWindowQuery): Promise<DeadlineWindow>;
  /**
   * The answer `compute` gave under `key` while the index has not changed since, or `compute`'s
   * answer now. For answers drawn only from what the index is built from (contracts, decisions,
   * modifications, publications, KPIs, results, reviews) and the day, which goes in `key`: a
   * change to any of those changes the index in the same transaction. Callers must not change
   * what they are given; it is shared. Inside a transaction nothing is remembered.
   */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Open deadlines before `today`, by date (optionally one owner's, one source's). */
  overdue(today: IsoDate, query?: Pick<DeadlineIndexQuery, 'source' | 'ownerEmail'>): Promise<IndexedDeadline[]>;
  /** Recomputes the rows of these contracts as of `today` (a contract that no longer exists loses its rows). */
  reindex(references: readonly string[], today: IsoDate): Promise<void>;
  /**
   * The daily run: recomputes the contracts whose rows move with the day (tacit renewals,
   * UK9 with no end date, KPI results) and were computed before `today`. Returns how many.
   */
  refresh(today: IsoDate): Promise<number>;
  /** Recomputes every contract's rows; returns how many contracts. */
  rebuild(today: IsoDate): Promise<number>;
}
