import type { Contract } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import { fail, ok, type Problem, type Result } from '../shared/problem.js';
import type { PublicationRecord } from './modification-record.js';
import { isObligationCode, nextOutstanding, OBLIGATION_CODES, type Obligation } from './obligations.js';
import { legalFacts } from './regime.js';

export type PublicationProblemCode = 'not-an-obligation' | 'kpis-not-published' | 'nothing-outstanding' | 'before-entry';
export type PublicationProblem = Problem & { readonly code: PublicationProblemCode };

export interface PublicationInput {
  readonly publishedOn: IsoDate;
  readonly noticeId?: string;
  /** Who records it (email/UPN) and when (ISO 8601 instant). */
  readonly by: string;
  readonly at: string;
}

/**
 * The publication record that settles an obligation: `wanted` is a code (the earliest
 * occurrence not yet done: `UK9`) or an occurrence's key (`UK10:MOD-1`). Written once for
 * `steward obligations done` and the bot's Record publication, so both settle the same one.
 *
 * @example planPublication(contract, obligations, 'UK7', { publishedOn: '2025-12-01', by: 'a@council.gov.uk', at }).success // true
 */
export function planPublication(contract: Contract, obligations: readonly Obligation[], wanted: string, input: PublicationInput): Result<PublicationRecord, PublicationProblem> {
  const problem = (code: PublicationProblemCode, path: string, message: string) => fail<PublicationProblem>([{ code, path: [path], message }]);
  const byKey = obligations.find((o) => o.key === wanted);
  const code = byKey?.obligation ?? wanted;
  if (!isObligationCode(code)) return problem('not-an-obligation', 'obligation', `"${wanted}" is not an obligation. Use one of: ${OBLIGATION_CODES.join(', ')}.`);
  if (code === 'kpis') {
    return problem('kpis-not-published', 'obligation', 'KPIs are settled by recording them, not by a publication: put the number set in the KPIs column (or the reason in KPI exemption) and import the register.');
  }
  const target = byKey && byKey.status !== 'done' ? byKey : byKey ? undefined : nextOutstanding(obligations, code);
  if (!target) return problem('nothing-outstanding', 'obligation', `${contract.reference} has no ${wanted} obligation waiting to be published.`);
  const entered = legalFacts(contract).enteredInto;
  // Every notice but a contract change notice follows the contract's entry into force.
  if (entered !== undefined && input.publishedOn < entered && code !== 'UK10') {
    return problem('before-entry', 'publishedOn', `${input.publishedOn} is before ${contract.reference} was entered into (${entered}). Give the day the notice was published.`);
  }
  return ok({
    reference: contract.reference,
    obligation: code,
    key: target.key,
    publishedOn: input.publishedOn,
    ...(input.noticeId ? { noticeId: input.noticeId } : {}),
    recordedBy: input.by,
    recordedAt: input.at,
  });
}
