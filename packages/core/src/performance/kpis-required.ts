import type { Contract } from '../register/contract.schema.js';
import { kpiDuty, type KpiDuty } from '../procurement-act/kpi-duty.js';

export type KpisRequiredDecision = KpiDuty;

/**
 * Whether Procurement Act 2023 s.52 requires KPIs for this contract, and so whether a contract
 * performance notice (UK9, s.71) is due: the Procurement Act module decides it, from the regime,
 * the estimated value including VAT, the contract type and any recorded exemption.
 *
 * @example decideKpisRequired(contractWorth6mUnderTheAct).required // true
 */
export function decideKpisRequired(contract: Contract): KpisRequiredDecision {
  return kpiDuty(contract);
}
