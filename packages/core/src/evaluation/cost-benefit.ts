import type { CashFlow } from './evaluation.schema.js';
import { greenBookDiscountFactor } from './discounting.js';

export interface DiscountedCashFlow extends CashFlow {
  readonly discountFactor: number;
  readonly presentValueCost: number;
  readonly presentValueBenefit: number;
}

export interface CostBenefit {
  readonly cashflows: readonly DiscountedCashFlow[];
  /** Σ cost, in today's prices, not discounted. */
  readonly undiscountedCost: number;
  readonly undiscountedBenefit: number;
  /** Σ cost × Green Book factor: the whole-life cost used for price and ranking. */
  readonly presentValueCost: number;
  readonly presentValueBenefit: number;
  /** Net present value: present value of benefits minus present value of costs. */
  readonly npv: number;
}

/**
 * Rule 5 (cost–benefit analysis) for one option: whole-life cost and net present value at the
 * Green Book rate. Cash flows are taken to be in real terms (today's prices), as the Green
 * Book expects; they are listed in year order.
 */
export function appraiseCashFlows(cashflows: readonly CashFlow[]): CostBenefit {
  const discounted = [...cashflows]
    .sort((a, b) => a.year - b.year)
    .map((flow): DiscountedCashFlow => {
      const discountFactor = greenBookDiscountFactor(flow.year);
      return { ...flow, discountFactor, presentValueCost: flow.cost * discountFactor, presentValueBenefit: flow.benefit * discountFactor };
    });
  const sum = (pick: (f: DiscountedCashFlow) => number) => discounted.reduce((total, f) => total + pick(f), 0);
  const presentValueCost = sum((f) => f.presentValueCost);
  const presentValueBenefit = sum((f) => f.presentValueBenefit);
  return {
    cashflows: discounted,
    undiscountedCost: sum((f) => f.cost),
    undiscountedBenefit: sum((f) => f.benefit),
    presentValueCost,
    presentValueBenefit,
    npv: presentValueBenefit - presentValueCost,
  };
}

/**
 * Relative price scoring: the lowest whole-life cost gets the whole price weight and every
 * other option gets (lowest ÷ its own) × the weight, so twice the cost earns half the marks.
 * The caller takes the lowest from eligible options only: an option that failed a gate must
 * not set the bar. A cost of zero (or less) earns the whole weight.
 * @example relativePriceScore(200_000, 100_000, 30) // 15
 */
export function relativePriceScore(wholeLifeCost: number, lowestWholeLifeCost: number, priceWeight: number): number {
  if (wholeLifeCost <= 0) return priceWeight;
  return (lowestWholeLifeCost / wholeLifeCost) * priceWeight;
}
