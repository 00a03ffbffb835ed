import type { Contract } from '../register/contract.schema.js';
import { legalFacts, noObligationsReason, type LegalFacts } from './regime.js';
import { formatMoney } from '../shared/format.js';
import { FIVE_MILLION } from './thresholds.js';

export interface KpiDuty {
  /** True when s.52(1) requires at least three KPIs, and so UK9 notices under s.71. */
  readonly required: boolean;
  /** Why, so a person can check it. */
  readonly rule: string;
}

/**
 * Whether Procurement Act 2023 s.52(1) requires KPIs: a public contract under the Act whose
 * estimated value including VAT is more than £5m, unless it is a light touch contract or an
 * exemption is recorded (the authority considers performance could not be assessed by KPIs). The one place this is decided: the obligations and the
 * UK9 draft both ask it.
 */
export function kpiDuty(contract: Contract, facts: LegalFacts = legalFacts(contract)): KpiDuty {
  const reference = contract.reference;
  const notApplicable = noObligationsReason(facts);
  if (notApplicable !== undefined) return { required: false, rule: `${reference}: ${notApplicable}` };
  if (facts.valueIncVat === undefined) {
    return { required: false, rule: `${reference} has no value in the register, so the £5m test of Procurement Act 2023 s.52(1) cannot be applied: record its total value` };
  }
  const worth = `${formatMoney(facts.valueIncVat)} including VAT (${facts.vatWords})`;
  if (facts.valueIncVat <= FIVE_MILLION) {
    return { required: false, rule: `${reference} is worth ${worth}, not more than the £5m of Procurement Act 2023 s.52(1), so no KPIs are required` };
  }
  if (facts.contractType === 'light-touch') {
    return { required: false, rule: `${reference} is a light touch contract, which s.52 excludes from its KPI duty` };
  }
  const exemption = contract.law?.kpiExemption;
  if (exemption !== undefined) {
    return { required: false, rule: `${reference} is worth ${worth}, but an exemption from s.52(1) is recorded: ${exemption}` };
  }
  return {
    required: true,
    rule: `${reference} is worth ${worth}, more than the £5m of Procurement Act 2023 s.52(1), so at least three KPIs are required and a contract performance notice (UK9) is due under s.71`,
  };
}
