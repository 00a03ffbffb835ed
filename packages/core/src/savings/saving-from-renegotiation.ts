import type { Contract } from '../register/contract.schema.js';
import { problemsFromZod, type Result } from '../shared/problem.js';
import { SavingSchema, type Saving } from './saving.schema.js';
import { formatMoney } from '../shared/format.js';

export interface RenegotiationTerms {
  /** The contract renewed. Its reference and service area go on the saving. */
  readonly contract: Pick<Contract, 'reference' | 'title' | 'serviceArea'>;
  /** The price paid now, a year (pounds). Without it the whole saving is of the type `cashable` says. */
  readonly currentAnnual?: number;
  /** The renewal price the supplier proposed, a year (pounds). */
  readonly baselineAnnual: number;
  /** The price agreed, a year (pounds). */
  readonly newAnnual: number;
  /** First day of the renegotiated term, YYYY-MM-DD. */
  readonly start: string;
  readonly termMonths: number;
  /** Who recorded the decision (email/UPN). */
  readonly by: string;
  /** When the decision was recorded. */
  readonly at: Date;
  readonly oneOffCosts?: number;
  /** Without a current price, defaults to true: a lower price on a contract the council pays is cashable. */
  readonly cashable?: boolean;
  readonly description?: string;
  readonly baselineSource?: string;
}

/**
 * The saving a "renegotiated" renewal decision records: a proposed saving of the kind
 * renegotiation, awaiting finance's validation. Pure: the renewal decision code and the bot
 * call it, then store the result with `store.savings.upsert`.
 *
 * @example savingFromRenegotiation({ contract, baselineAnnual: 160000, newAnnual: 100000,
 *   start: '2024-04-01', termMonths: 36, by: 'a.khan@council.gov.uk', at: new Date() })
 */
export function savingFromRenegotiation(terms: RenegotiationTerms): Result<Saving> {
  const parsed = SavingSchema.safeParse({
    contract: terms.contract.reference,
    description:
      terms.description ??
      `${terms.contract.title}: renewal renegotiated from ${formatMoney(terms.baselineAnnual)} to ${formatMoney(terms.newAnnual)} a year`,
    serviceArea: terms.contract.serviceArea,
    kind: 'renegotiation',
    ...(terms.currentAnnual === undefined
      ? { cashable: terms.cashable ?? true }
      : { currentAnnual: terms.currentAnnual, ...(terms.cashable === undefined ? {} : { cashable: terms.cashable }) }),
    baselineAnnual: terms.baselineAnnual,
    baselineSource: terms.baselineSource ?? 'renewal price proposed by the supplier',
    newAnnual: terms.newAnnual,
    start: terms.start,
    termMonths: terms.termMonths,
    oneOffCosts: terms.oneOffCosts ?? 0,
    state: 'proposed',
    stateBy: terms.by,
    stateAt: terms.at.toISOString(),
  });
  return parsed.success ? { success: true, value: parsed.data } : { success: false, problems: problemsFromZod(parsed.error.issues) };
}
