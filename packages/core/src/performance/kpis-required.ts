import type { Contract } from '../register/contract.schema.js';

/** Procurement Act 2023 s.52(1): KPIs are set before entering into a public contract worth more than this. */
export const KPI_VALUE_THRESHOLD = 5_000_000;
/** The day the Procurement Act 2023 came into force; procurements started before it stay under the 2015 Regulations. */
export const PROCUREMENT_ACT_COMMENCEMENT = '2025-02-24';

export interface KpisRequiredDecision {
  readonly required: boolean;
  /** Why, so a person can check it. */
  readonly rule: string;
}

/**
 * Whether Procurement Act 2023 s.52 requires KPIs for this contract, and so whether a
 * contract performance notice (UK9, s.71(2)) is due. This is the one place that decides it.
 *
 * For now it is derived from what the register holds: the contract's total value over
 * £5m (s.52(1)) and, standing in for its regime, a start date on or after 24 February
 * 2025 (the register does not yet record when the procurement started). It does not know
 * the s.52 exemptions (performance that KPIs cannot assess, light-touch contracts). When the
 * Procurement Act module decides the regime and the s.52 test, this function calls it.
 *
 * @example decideKpisRequired(contractWorth6mFrom2025).required // true
 */
export function decideKpisRequired(contract: Contract): KpisRequiredDecision {
  const total = contract.value.total;
  const money = (n: number) => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
  if (total === undefined) {
    return { required: false, rule: `${contract.reference} has no total value in the register, so the £5m test of Procurement Act 2023 s.52(1) cannot be applied — record its total value` };
  }
  if (total <= KPI_VALUE_THRESHOLD) {
    return { required: false, rule: `${contract.reference} is worth ${money(total)}, not more than the £5m of Procurement Act 2023 s.52(1), so no KPIs are required` };
  }
  if (contract.startDate === undefined) {
    return { required: false, rule: `${contract.reference} has no start date in the register, so whether the Procurement Act 2023 applies (procurements from 24 February 2025) cannot be told — record its start date` };
  }
  if (contract.startDate < PROCUREMENT_ACT_COMMENCEMENT) {
    return {
      required: false,
      rule: `${contract.reference} started on ${contract.startDate}, before the Procurement Act 2023 came into force on 24 February 2025, so it is under the Public Contracts Regulations 2015 and s.52 does not apply`,
    };
  }
  return {
    required: true,
    rule: `${contract.reference} is worth ${money(total)}, more than the £5m of Procurement Act 2023 s.52(1), and started on or after 24 February 2025, so KPIs are required and a contract performance notice is due under s.71(2)`,
  };
}
