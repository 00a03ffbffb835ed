import type { Contract, ContractType } from '../register/contract.schema.js';
import { addDays, addDuration, daysBetween, describeDate } from '../shared/calendar.js';
import { describeDuration, formatMoney } from '../shared/format.js';
import type { IsoDate } from '../shared/iso-date.js';
import { ACT_IN_FORCE, STANDARD_VAT_RATE, thresholdFor, type Regime, type ThresholdAmount } from './thresholds.js';

/**
 * What procurement law needs to know about a contract, each fact with whether it was recorded,
 * derived or assumed, so every rule can say what it rests on.
 */
export interface LegalFacts {
  readonly reference: string;
  readonly regime: Regime | 'unknown';
  /** How the regime was found, as a sentence. */
  readonly regimeRule: string;
  readonly regimeDerived: boolean;
  readonly procurementStarted?: IsoDate;
  readonly enteredInto?: IsoDate;
  /** True when the start date stands in for the date of entry. */
  readonly enteredIntoAssumed: boolean;
  readonly contractType: ContractType;
  readonly contractTypeAssumed: boolean;
  /** Estimated value as recorded (total, or annual × maximum term), in the recorded VAT basis. */
  readonly value?: number;
  readonly valueRule?: string;
  /** Estimated value including VAT: the basis of the thresholds and the £5m tests. */
  readonly valueIncVat?: number;
  /** 1 when values include VAT, 1.2 when they were recorded without it and are grossed up. */
  readonly vatFactor: number;
  /** Words for the VAT basis, e.g. "grossed up by 20% VAT (recorded without VAT)". */
  readonly vatWords: string;
  /** The maximum term provided for on award, in days counting the first and last day. */
  readonly maximumTermDays?: number;
  readonly maximumTermRule?: string;
  readonly threshold?: ThresholdAmount;
  /** Whether the contract is at or above its threshold (a public contract), when that can be told. */
  readonly aboveThreshold?: boolean;
}

/**
 * The legal facts of a contract. The regime is the one recorded, else the Act when the
 * procurement started on or after 24 February 2025, else the Regulations when the procurement or
 * the contract started before then; otherwise unknown.
 */
export function legalFacts(contract: Contract): LegalFacts {
  const law = contract.law ?? {};
  const started = law.procurementStarted;
  let regime: Regime | 'unknown';
  let regimeRule: string;
  let regimeDerived = true;
  if (law.regime !== undefined) {
    regime = law.regime;
    regimeDerived = false;
    regimeRule = `${regimeName(regime)}: recorded in the register.`;
  } else if (started !== undefined) {
    regime = started >= ACT_IN_FORCE ? 'PA2023' : 'PCR2015';
    regimeRule = `${regimeName(regime)}: derived from the procurement starting on ${describeDate(started)}, ${started >= ACT_IN_FORCE ? 'on or after' : 'before'} 24 February 2025, when the Act came into force.`;
  } else {
    const began = law.enteredInto ?? contract.startDate;
    if (began !== undefined && began < ACT_IN_FORCE) {
      regime = 'PCR2015';
      regimeRule = `${regimeName(regime)}: derived from the contract starting on ${describeDate(began)}, before the Act came into force on 24 February 2025, so its procurement started before then.`;
    } else {
      regime = 'unknown';
      regimeRule = 'Unknown: record "Regime" (PA2023 or PCR2015) or "Procurement started" in the register.';
    }
  }

  const enteredInto = law.enteredInto ?? contract.startDate;
  const contractType = law.contractType ?? 'services';
  const vatIncluded = law.vatIncluded ?? false;
  const vatFactor = vatIncluded ? 1 : 1 + STANDARD_VAT_RATE;
  const vatWords = vatIncluded
    ? 'recorded including VAT'
    : `grossed up by ${STANDARD_VAT_RATE * 100}% standard-rate VAT (${law.vatIncluded === false ? 'recorded without VAT' : 'assumed recorded without VAT: "VAT included" is blank'})`;

  const term = maximumTerm(contract);
  let value = contract.value.total;
  let valueRule = value === undefined ? undefined : 'the total value recorded';
  if (value === undefined && contract.value.annual !== undefined && term !== undefined) {
    value = Math.round((contract.value.annual * term.days) / 365);
    valueRule = `the annual value × the maximum term of ${term.days} days ÷ 365 (no total value is recorded)`;
  }
  const valueIncVat = value === undefined ? undefined : round2(value * vatFactor);
  const threshold = regime === 'unknown' ? undefined : thresholdFor(regime, contractType, started ?? enteredInto ?? ACT_IN_FORCE);

  return {
    reference: contract.reference,
    regime,
    regimeRule,
    regimeDerived,
    ...(started !== undefined ? { procurementStarted: started } : {}),
    ...(enteredInto !== undefined ? { enteredInto } : {}),
    enteredIntoAssumed: law.enteredInto === undefined && enteredInto !== undefined,
    contractType,
    contractTypeAssumed: law.contractType === undefined,
    ...(value !== undefined && valueRule !== undefined && valueIncVat !== undefined ? { value, valueRule, valueIncVat } : {}),
    vatFactor,
    vatWords,
    ...(term !== undefined ? { maximumTermDays: term.days, maximumTermRule: term.rule } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    ...(threshold !== undefined && valueIncVat !== undefined ? { aboveThreshold: valueIncVat >= threshold.amount } : {}),
  };
}

export function regimeName(regime: Regime | 'unknown'): string {
  return regime === 'PA2023' ? 'Procurement Act 2023' : regime === 'PCR2015' ? 'Public Contracts Regulations 2015' : 'Regime unknown';
}

/**
 * The maximum term provided for on award, in days counting both the first and last day: the
 * recorded term, else from the start date to the latest end (the maximum end date, or the end
 * date plus every option not yet taken).
 */
export function maximumTerm(contract: Contract): { days: number; rule: string } | undefined {
  const start = contract.law?.enteredInto ?? contract.startDate;
  const recorded = contract.law?.maximumTermOnAward;
  if (recorded !== undefined && start !== undefined) {
    return { days: daysBetween(start, addDuration(start, recorded)), rule: `the maximum term on award recorded, ${describeDuration(recorded)} (${daysBetween(start, addDuration(start, recorded))} days from ${describeDate(start)})` };
  }
  if (contract.startDate === undefined || contract.endDate === undefined) return undefined;
  const renewal = contract.renewal;
  let lastDay = contract.endDate;
  let words = 'the end date (no options to extend)';
  if (renewal.type === 'extension-options') {
    lastDay = renewal.maximumEndDate ?? renewal.options.slice(renewal.taken).reduce<IsoDate>((end, option) => addDuration(end, option), contract.endDate);
    words = renewal.maximumEndDate ? 'the latest end date recorded' : 'the end date with every extension option taken';
  }
  const days = daysBetween(contract.startDate, addDays(lastDay, 1));
  return { days, rule: `derived: ${days} days from the start date, ${describeDate(contract.startDate)}, to ${words}, ${describeDate(lastDay)}` };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Why a contract has no statutory obligations, when it has none: Regulations contracts, unknown
 * regime, below-threshold contracts. Undefined when the Act's duties apply.
 */
export function noObligationsReason(facts: LegalFacts): string | undefined {
  if (facts.regime === 'PCR2015') {
    return 'Public Contracts Regulations 2015 contract: the Procurement Act 2023 notices (UK7, UK9, UK10, UK11) and the £5m publication duties do not apply. The Regulations\' own duty kept here is the modification notice for regulation 72(1)(b) and (c) changes (regulation 72(3)).';
  }
  if (facts.regime === 'unknown') return `${facts.regimeRule} Until then no statutory deadlines are computed.`;
  if (facts.aboveThreshold === false && facts.threshold) {
    return `Below the threshold: its estimated value of ${formatMoney(facts.valueIncVat ?? 0)} including VAT (${facts.vatWords}) is less than the ${formatMoney(facts.threshold.amount)} threshold (${facts.threshold.set.source}), so it is not a public contract and s.53, s.71, s.75 and s.80 do not apply. If it is worth £30,000 or more including VAT it is a notifiable below-threshold contract: publish a contract details notice within 30 days of entering into it (s.87).`;
  }
  return undefined;
}
