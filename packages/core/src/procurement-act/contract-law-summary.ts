import type { Contract } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { ModificationRecord, PublicationRecord } from './modification-record.js';
import { checkModification } from './modifications.js';
import { computeObligations, type Obligation } from './obligations.js';
import { formatMoney } from '../shared/format.js';
import { legalFacts, noObligationsReason, regimeName } from './regime.js';
import type { Regime } from './thresholds.js';

/** How much the next modification may change the value and still be below-threshold. */
export type ModificationHeadroom =
  | {
      readonly known: true;
      /** Value change (recorded VAT basis) the next modification may have and stay below-threshold. */
      readonly value: number;
      /** That value as a percent of the value on award. */
      readonly percent: number;
      /** The most the percentage test allows (10%, or 15% for works): the gauge's full scale. */
      readonly limitPercent: number;
      readonly rule: string;
    }
  | { readonly known: false; readonly rule: string };

/** What the contract card shows about procurement law: regime, next statutory deadline, headroom. */
export interface ContractLawSummary {
  readonly regime: Regime | 'unknown';
  readonly regimeName: string;
  /** How the regime was found (recorded, or derived and from what). */
  readonly regimeRule: string;
  /** The soonest obligation not yet done (overdue ones first, as they sort earlier). */
  readonly nextDeadline?: Obligation;
  /** Why there are no statutory deadlines, when there are none to show. */
  readonly noDeadlineReason?: string;
  readonly headroom: ModificationHeadroom;
}

/**
 * The regime, the next statutory deadline and the modification headroom of a contract on
 * `today`. The headroom is `checkModification`'s for a change of nothing on `today`, so it is
 * the figure `steward modify --dry-run` reports before any change is proposed.
 */
export function summariseContractLaw(
  contract: Contract,
  context: { readonly today: IsoDate; readonly modifications?: readonly ModificationRecord[]; readonly publications?: readonly PublicationRecord[] },
): ContractLawSummary {
  const facts = legalFacts(contract);
  const modifications = context.modifications ?? [];
  const obligations = computeObligations(contract, { today: context.today, modifications, ...(context.publications ? { publications: context.publications } : {}) });
  const nextDeadline = obligations.find((o) => o.status !== 'done');
  const noDeadlineReason = nextDeadline
    ? undefined
    : (noObligationsReason(facts) ?? (obligations.length > 0 ? 'Every statutory obligation is published.' : 'No statutory deadline applies yet: record the date the contract was entered into and its end date.'));
  return {
    regime: facts.regime,
    regimeName: regimeName(facts.regime),
    regimeRule: facts.regimeRule,
    ...(nextDeadline ? { nextDeadline } : {}),
    ...(noDeadlineReason ? { noDeadlineReason } : {}),
    headroom: headroomOf(contract, modifications, context.today),
  };
}

function headroomOf(contract: Contract, modifications: readonly ModificationRecord[], today: IsoDate): ModificationHeadroom {
  // A change taking effect on the contract's last day at the latest: after it, nothing can be modified.
  const date = contract.endDate !== undefined && today > contract.endDate ? contract.endDate : today;
  const checked = checkModification(contract, { date, valueChange: 0 }, modifications);
  if (!checked.success) return { known: false, rule: checked.problems.map((p) => p.message).join(' ') };
  const check = checked.value;
  const limitPercent = legalFacts(contract).contractType === 'works' ? 15 : 10;
  const law = check.regime === 'PA2023' ? 's.74(4) of the Procurement Act 2023' : 'regulation 72(5) of the Public Contracts Regulations 2015';
  return {
    known: true,
    value: check.headroom.value,
    percent: check.headroom.percent,
    limitPercent,
    rule: `The next modification can change the value by up to ${formatMoney(check.headroom.value)} (${check.headroom.percent}% of the value on award) and still be below-threshold (${law}): at most ${limitPercent}% of the value on award, and below-threshold changes so far total ${formatMoney(check.aggregateBelowThreshold)} including VAT against the ${formatMoney(check.thresholdAmount)} threshold.`,
  };
}
