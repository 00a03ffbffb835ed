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
  readonly updatedAt: string;
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
   * the same id replaces the evaluation and keeps who created it and when.
   */
  save(
    evaluation: Evaluation,
    details: { readonly id?: string; readonly winner: string | null },
    audit: AuditContext,
  ): Promise<EvaluationSummary>;
  get(id: string): Promise<SavedEvaluation | undefined>;
  /** Newest first. */
  list(): Promise<EvaluationSummary[]>;
}
