import type { DecisionApproval } from '../evaluation/decision-record-details.js';
import type { Evaluation } from '../evaluation/evaluation.schema.js';
import type { AuditContext } from './audit-context.js';

/** A saved evaluation as listed: what it chose between, who saved it and when. */
export interface EvaluationSummary {
  readonly id: string;
  readonly title: string;
  /** The winner when it was saved; null for a tie or when no option was eligible. */
  readonly winner: string | null;
  readonly optionCount: number;
  readonly createdBy: string;
  /** ISO timestamp. */
  readonly createdAt: string;
  /** ISO timestamp of the last save of the evaluation itself (an approval does not change it). */
  readonly updatedAt: string;
  /** The Technical Design Authority's approval; absent while the record is a draft. */
  readonly approval?: DecisionApproval;
}

export interface SavedEvaluation extends EvaluationSummary {
  readonly evaluation: Evaluation;
}

/**
 * Technical Design Authority evaluations, so the TDA can revisit why it chose. Every write is
 * audited (entity `evaluation`, key the evaluation's id).
 */
export interface EvaluationRepository {
  /**
   * Saves an evaluation under `id` (a new one gets a generated `EV-` id). Saving again under
   * the same id replaces the evaluation and keeps who created it and when, and clears its
   * approval: that was given for what was evaluated before.
   */
  save(
    evaluation: Evaluation,
    details: { readonly id?: string; readonly winner: string | null },
    audit: AuditContext,
  ): Promise<EvaluationSummary>;
  /**
   * Records the TDA's approval of the evaluation saved under `id`, replacing any earlier one
   * (audited as action `approve`, with the approval from and to). Undefined when no evaluation
   * has that id. The approval is stored as given: check it first (`checkApproval`).
   */
  approve(id: string, approval: DecisionApproval, audit: AuditContext): Promise<SavedEvaluation | undefined>;
  get(id: string): Promise<SavedEvaluation | undefined>;
  /** Newest first. */
  list(): Promise<EvaluationSummary[]>;
}
