import { isIsoDate, type IsoDate } from '../shared/iso-date.js';
import { fail, ok, type Problem, type Result } from '../shared/problem.js';
import type { DecisionApproval } from './decision-record-details.js';

/** An approval as someone gives it: the text typed in, not yet checked. */
export interface ApprovalInput {
  readonly name: string;
  readonly role: string;
  /** YYYY-MM-DD. */
  readonly date: string;
}

export interface ApprovalProblem extends Problem {
  readonly code: 'approver-name-missing' | 'approver-role-missing' | 'invalid-approval-date' | 'approval-date-in-future';
}

/**
 * Checks an approval before it goes on a decision record: the approver's name and role (trimmed)
 * and the day they approved it, a real date no later than `today`. An approval is recorded once
 * it has been given, so a day still to come would put a signature on the record in advance.
 * Every problem is returned, not just the first.
 *
 * @example checkApproval({ name: 'Jane Smith', role: 'Chair, TDA', date: '2026-11-26' }, '2026-11-27')
 */
export function checkApproval(input: ApprovalInput, today: IsoDate): Result<DecisionApproval, ApprovalProblem> {
  const problems: ApprovalProblem[] = [];
  const name = input.name.trim();
  const role = input.role.trim();
  const date = input.date.trim();
  if (name === '') {
    problems.push({ code: 'approver-name-missing', path: ['name'], message: 'Say who approved the decision: give the approver’s name.' });
  }
  if (role === '') {
    problems.push({ code: 'approver-role-missing', path: ['role'], message: 'Give the approver’s role, e.g. Chair of the Technical Design Authority.' });
  }
  if (!isIsoDate(date)) {
    problems.push({ code: 'invalid-approval-date', path: ['date'], message: `"${input.date}" is not a date: write the day of the approval as YYYY-MM-DD, e.g. 2026-03-31.` });
  } else if (date > today) {
    problems.push({
      code: 'approval-date-in-future',
      path: ['date'],
      message: `The approval date ${date} is after today (${today}): record an approval once it has been given, on the day it was given.`,
    });
  }
  return problems.length > 0 ? fail(problems) : ok({ name, role, date });
}
