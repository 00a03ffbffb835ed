import { checkApproval, type ApprovalInput, type ApprovalProblem } from '../evaluation/check-approval.js';
import type { IsoDate } from '../shared/iso-date.js';
import { fail, ok, type Problem, type Result } from '../shared/problem.js';
import type { SavedEvaluation } from '../storage/evaluations-repository.js';
import type { Store } from '../storage/store.js';
import type { Recorder } from './write-modification.js';

export interface ApproveEvaluationInput {
  /** The saved evaluation's id, e.g. EV-1A2B3C4D. */
  readonly id: string;
  readonly approval: ApprovalInput;
  /** The day it is recorded: the approval cannot be dated after it. */
  readonly today: IsoDate;
  /** Who records the approval (the audit trail), not necessarily the approver. */
  readonly by: Recorder;
}

export interface ApproveEvaluationProblem extends Problem {
  readonly code: ApprovalProblem['code'] | 'evaluation-not-found';
}

/**
 * Records the Technical Design Authority's approval of a saved evaluation, so its decision
 * record reads "Approved on … by … (…)". The approval is checked first and nothing is written
 * when it has a problem; approving again replaces the earlier approval. Both are audited.
 */
export async function approveEvaluation(store: Store, input: ApproveEvaluationInput): Promise<Result<SavedEvaluation, ApproveEvaluationProblem>> {
  const checked = checkApproval(input.approval, input.today);
  if (!checked.success) return checked;
  const approved = await store.evaluations.approve(input.id, checked.value, input.by);
  if (!approved) return fail<ApproveEvaluationProblem>([{ code: 'evaluation-not-found', path: ['id'], message: `No evaluation with id "${input.id}".` }]);
  return ok(approved);
}
