import type { Usage } from './kpi.schema.js';
import { formatPounds } from '../shared/format.js';

/** Below this share of paid-for capacity in use, review usage before renewing (the IEG4 lesson). */
export const DEFAULT_UTILISATION_FLOOR = 0.7;

export interface Utilisation {
  readonly contract: string;
  readonly item: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly paidFor: number;
  readonly used: number;
  /** used / paidFor (may be over 1). */
  readonly share: number;
  /** True when the share is under the floor: "review usage before renewing". */
  readonly reviewBeforeRenewing: boolean;
  /** What the unused capacity costs a year (pounds), when the annual cost is known. */
  readonly unusedAnnualCost?: number;
  readonly rule: string;
}

/**
 * How much of what the council pays for it uses, and whether to review usage before
 * renewing. `annualCost` is what the paid-for units cost a year, when the usage record does not
 * say (the contract's annual value, say).
 *
 * @example computeUtilisation({ paidFor: 100, used: 60, annualCost: 160000, ... }).unusedAnnualCost // 64000
 */
export function computeUtilisation(usage: Usage, options: { floor?: number; annualCost?: number } = {}): Utilisation {
  const floor = options.floor ?? DEFAULT_UTILISATION_FLOOR;
  const share = usage.used / usage.paidFor;
  const reviewBeforeRenewing = share < floor - 1e-9;
  const annualCost = usage.annualCost ?? options.annualCost;
  const unused = Math.max(0, usage.paidFor - usage.used);
  const unusedAnnualCost = annualCost === undefined ? undefined : Math.round(((annualCost * unused) / usage.paidFor) * 100) / 100;
  const costWords = unusedAnnualCost === undefined ? '' : `; the ${unused} unused cost ${formatPounds(unusedAnnualCost)} a year of ${formatPounds(annualCost ?? 0)}`;
  const verdict = reviewBeforeRenewing ? `under the ${pct(floor)} floor, so review usage before renewing` : `not under the ${pct(floor)} floor`;
  return {
    contract: usage.contract,
    item: usage.item,
    periodStart: usage.periodStart,
    periodEnd: usage.periodEnd,
    paidFor: usage.paidFor,
    used: usage.used,
    share,
    reviewBeforeRenewing,
    ...(unusedAnnualCost === undefined ? {} : { unusedAnnualCost }),
    rule: `${usage.used} of ${usage.paidFor} ${usage.item} paid for were used (${pct(share)}), ${verdict}${costWords}.`,
  };
}

function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
