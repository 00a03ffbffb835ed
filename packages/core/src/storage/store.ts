import type { Contract } from '../register/contract.schema.js';
import type { DeadlineIndexRepository } from './deadline-index-repository.js';
import type { EvaluationRepository } from './evaluations-repository.js';
import type { ProcurementActRepository } from './procurement-act-repository.js';
import type { PerformanceRepository } from './performance-repository.js';
import type { RenewalsRepository } from './renewals-repository.js';
import type { SavingsRepository } from './savings-repository.js';
import type { AuditContext, UpsertOutcome } from './audit-context.js';

// The repositories need these two as well; they live apart so no repository imports this file.
export type { AuditContext, UpsertOutcome } from './audit-context.js';

/** Field-by-field change: the value before and after. */
export type Changes = Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly source: string;
  readonly action: string;
  readonly entity: string;
  readonly entityKey: string;
  readonly changes: Changes;
}

export interface ContractQuery {
  /** Current end date on or after this day (YYYY-MM-DD). */
  readonly endFrom?: string;
  /** Current end date on or before this day (YYYY-MM-DD). */
  readonly endTo?: string;
  readonly ownerEmail?: string;
  readonly serviceArea?: string;
}

/** The contracts register. References are unique; every write is audited. */
export interface ContractRepository {
  /** Inserts or replaces the contract with this reference; `unchanged` writes nothing. */
  upsert(contract: Contract, audit: AuditContext): Promise<UpsertOutcome>;
  /**
   * Upserts many contracts in one transaction, auditing each write like `upsert`, with batched
   * statements: an import of 100,000 rows. A reference given twice keeps the later contract.
   */
  upsertMany(contracts: Iterable<Contract>, audit: AuditContext): Promise<Record<UpsertOutcome, number>>;
  get(reference: string): Promise<Contract | undefined>;
  /** The contracts with these references that exist, in no particular order (for batched lookups). */
  getMany(references: readonly string[]): Promise<Contract[]>;
  delete(reference: string, audit: AuditContext): Promise<boolean>;
  /**
   * Gives a contract a new reference, with its warnings, decisions and savings, and audits the
   * rename under the new reference. False (nothing changed) when `from` is not in the register
   * or `to` already is.
   */
  rename(from: string, to: string, audit: AuditContext): Promise<boolean>;
  /** Contracts matching every given filter, ordered by end date (undated last), then reference. */
  list(query?: ContractQuery): Promise<Contract[]>;
  /** How many contracts, or how many this person owns. */
  count(query?: Pick<ContractQuery, 'ownerEmail'>): Promise<number>;
}

export interface AuditQuery {
  readonly entity?: string;
  readonly entityKey?: string;
  readonly limit?: number;
}

export interface AuditTrail {
  record(
    entry: { action: string; entity: string; entityKey: string; changes: Changes },
    audit: AuditContext,
  ): Promise<void>;
  /** Newest first. */
  list(query?: AuditQuery): Promise<AuditEntry[]>;
}

/** Where a conversation happens in Teams. */
export type ConversationScope = 'personal' | 'channel' | 'groupChat';

/**
 * A Teams conversation the bot can post into later (a proactive warning). `reference` is the
 * Bot Framework conversation reference, kept whole; storage does not look inside it.
 */
export interface ConversationRecord {
  readonly conversationId: string;
  readonly scope: ConversationScope;
  readonly tenantId?: string;
  readonly serviceUrl: string;
  /** For a personal chat: the person's Entra object id, lower-cased. */
  readonly userAadObjectId?: string;
  /** For a personal chat: the person's email/UPN, lower-cased, when Teams told us. */
  readonly userEmail?: string;
  readonly reference: Readonly<Record<string, unknown>>;
  /** False once the app is removed from the conversation: nothing is sent there any more. */
  readonly installed: boolean;
  readonly updatedAt: string;
}

/** Conversation references, saved on install and refreshed on every activity. */
export interface ConversationRepository {
  /** Inserts or replaces by conversation id; a known email or object id is kept if the new record lacks it. */
  save(record: Omit<ConversationRecord, 'updatedAt'>, at?: Date): Promise<void>;
  /**
   * Saves the reference as installed, and says whether this call installed it (it was unknown or
   * uninstalled). Atomic: when Teams sends installationUpdate and conversationUpdate together,
   * exactly one of them gets true, so the welcome card goes once.
   */
  install(record: Omit<ConversationRecord, 'updatedAt' | 'installed'>, at?: Date): Promise<boolean>;
  get(conversationId: string): Promise<ConversationRecord | undefined>;
  /** The person's installed personal chat, matched by email/UPN or Entra object id (case-insensitive). */
  findPersonal(person: { email?: string; aadObjectId?: string }): Promise<ConversationRecord | undefined>;
  /** Says whether there was such a conversation. */
  markUninstalled(conversationId: string, at?: Date): Promise<boolean>;
  list(): Promise<ConversationRecord[]>;
}

/**
 * The storage port. Everything the product remembers goes through here, so SQLite and
 * PostgreSQL behave the same (one conformance suite runs against both adapters).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, safe to log (no password). */
  readonly location: string;
  readonly contracts: ContractRepository;
  readonly audit: AuditTrail;
  readonly conversations: ConversationRepository;
  readonly savings: SavingsRepository;
  /** The renewal warnings ledger and decisions. */
  readonly renewals: RenewalsRepository;
  /** Technical Design Authority evaluations. */
  readonly evaluations: EvaluationRepository;
  /** Contract modifications and statutory publications (Procurement Act 2023, regulation 72). */
  readonly procurementAct: ProcurementActRepository;
  /** KPIs and SLAs, their results, usage and review meetings. */
  readonly performance: PerformanceRepository;
  /** Every contract's deadlines by date and owner, kept in step with the writes above. */
  readonly deadlines: DeadlineIndexRepository;
  /** Runs `work` atomically: all of its writes land, or none do. */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /** Resolves when the database answers; rejects with a StorageError when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
