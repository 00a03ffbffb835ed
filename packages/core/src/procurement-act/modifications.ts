import type { Contract } from '../register/contract.schema.js';
import { daysBetween, describeDate } from '../shared/calendar.js';
import type { IsoDate } from '../shared/iso-date.js';
import { fail, ok, type Problem, type Result } from '../shared/problem.js';
import type { Ground, ModificationRecord } from './modification-record.js';
import { formatMoney } from '../shared/format.js';
import { legalFacts, maximumTerm } from './regime.js';
import type { Regime } from './thresholds.js';

/** A change a council proposes to make to a contract. */
export interface ModificationProposal {
  /** The day it takes effect. */
  readonly date: IsoDate;
  /** Change in estimated value, in the contract's recorded VAT basis (+ or −). */
  readonly valueChange: number;
  readonly newEndDate?: IsoDate;
  readonly ground?: Ground;
  /** Why a person judges it not substantial (needed with the not-substantial ground). */
  readonly reason?: string;
  readonly description?: string;
}

/** The outcome of testing a modification against s.74 and s.75 (or regulation 72). */
export interface ModificationCheck {
  readonly reference: string;
  readonly regime: Regime;
  readonly belowThreshold: boolean;
  /** True or false when the numbers decide; null when only a person can judge (scope, economic balance). */
  readonly substantial: boolean | null;
  readonly permitted: boolean;
  readonly noticeRequired: boolean;
  readonly thresholdAmount: number;
  /** Below-threshold modifications so far, including this one when it is one, including VAT. */
  readonly aggregateBelowThreshold: number;
  /** How much more value change the next modification could have and still be below-threshold. */
  readonly headroom: { readonly value: number; readonly percent: number };
  /** The ground the change relies on when permitted. */
  readonly ground: Ground | null;
  readonly termChangeDays: number;
  readonly reasons: readonly string[];
  /** Things a person should consider (s.75(4)–(5) anti-splitting). */
  readonly warnings: readonly string[];
}

export interface ModificationProblem extends Problem {
  readonly code: 'regime-unknown' | 'no-value' | 'contract-ended' | 'before-entry' | 'negative-value' | 'reason-needed' | 'wrong-regime-ground' | 'no-term' | 'end-before-start';
}

/**
 * Tests a proposed modification. Under the Procurement Act 2023: below-threshold (s.74(4)),
 * substantial by term (s.74(3)(a)), whether a contract change notice is needed first (s.75(2)),
 * and the headroom left. Under the Public Contracts Regulations 2015: regulation 72.
 * `previous` are the modifications already recorded for this contract.
 */
export function checkModification(
  contract: Contract,
  proposal: ModificationProposal,
  previous: readonly ModificationRecord[],
): Result<ModificationCheck, ModificationProblem> {
  const facts = legalFacts(contract);
  const problem = (code: ModificationProblem['code'], message: string) => fail<ModificationProblem>([{ code, path: [], message }]);
  const ref = contract.reference;
  if (facts.regime === 'unknown') return problem('regime-unknown', `${ref}: ${facts.regimeRule}`);
  if (facts.value === undefined || facts.valueIncVat === undefined) {
    return problem('no-value', `${ref} has no estimated value recorded, so the percentage and threshold tests cannot be made. Record its Total value first.`);
  }
  if (contract.endDate !== undefined && proposal.date > contract.endDate) {
    return problem('contract-ended', `${ref} ended on ${describeDate(contract.endDate)}; a contract that has ended cannot be modified. Procure a new contract instead.`);
  }
  if (facts.enteredInto !== undefined && proposal.date < facts.enteredInto) {
    return problem('before-entry', `The modification date ${proposal.date} is before ${ref} was entered into (${facts.enteredInto}). Give the day the change takes effect.`);
  }
  if (facts.value + proposal.valueChange < 0) {
    return problem('negative-value', `A value change of ${formatMoney(proposal.valueChange)} would make the value of ${ref} (${formatMoney(facts.value)}) negative. Check the amount.`);
  }
  if (proposal.newEndDate !== undefined && contract.startDate !== undefined && proposal.newEndDate < contract.startDate) {
    return problem('end-before-start', `The new end date ${proposal.newEndDate} is before ${ref} starts (${contract.startDate}).`);
  }
  if (proposal.ground === 'not-substantial' && !proposal.reason?.trim()) {
    return problem('reason-needed', 'A modification relied on as not substantial needs the reason recorded: --not-substantial "why it changes neither scope nor the economic balance materially".');
  }
  const isPcrGround = proposal.ground?.startsWith('reg-72') ?? false;
  const isActGround = proposal.ground?.startsWith('schedule-8') ?? false;
  if ((facts.regime === 'PA2023' && isPcrGround) || (facts.regime === 'PCR2015' && isActGround)) {
    return problem('wrong-regime-ground', `${ref} is under the ${facts.regime === 'PA2023' ? 'Procurement Act 2023: use a Schedule 8 paragraph (schedule-8-para-1 … 9)' : 'Public Contracts Regulations 2015: use a paragraph of regulation 72(1) (reg-72-1-a … f)'}, below-threshold or not-substantial.`);
  }

  const previousValue = previous.reduce((sum, m) => sum + m.valueChange, 0);
  const previousTerm = previous.reduce((sum, m) => sum + m.termChangeDays, 0);
  const awardValue = facts.value - previousValue;
  const term = maximumTerm(contract);
  const termOnAward = term === undefined ? undefined : term.days - (contract.law?.maximumTermOnAward ? 0 : previousTerm);
  const termChangeDays = proposal.newEndDate !== undefined && contract.endDate !== undefined ? daysBetween(contract.endDate, proposal.newEndDate) : 0;
  if (termChangeDays !== 0 && termOnAward === undefined) {
    return problem('no-term', `${ref} has no start date or maximum term on award, so the term test of s.74(3)(a) cannot be made. Record its start date or Maximum term on award.`);
  }

  // A longer term buys more of the same: count at least its pro-rata value, so a term extension
  // recorded with no price change is not passed as a 0% value change.
  const impliedByTerm = termOnAward ? (awardValue * Math.max(termChangeDays, 0)) / termOnAward : 0;
  const effectiveChange = Math.abs(proposal.valueChange) >= impliedByTerm ? proposal.valueChange : impliedByTerm;
  const reasons: string[] = [];
  const warnings: string[] = [];
  if (effectiveChange !== proposal.valueChange) {
    reasons.push(`The term grows by ${termChangeDays} days, worth about ${formatMoney(round2(impliedByTerm))} pro rata to the value on award, so that is counted as its value change.`);
  }
  const limit = facts.contractType === 'works' ? 15 : 10;
  const withinPercent = Math.abs(effectiveChange) * 100 <= limit * awardValue;
  const changePercent = awardValue === 0 ? 0 : (Math.abs(effectiveChange) / awardValue) * 100;
  const threshold = facts.threshold?.amount ?? 0;
  const f = facts.vatFactor;
  const typeWords = facts.contractType === 'works' ? 'works' : 'goods or services';

  if (facts.regime === 'PCR2015') {
    return ok(checkUnderRegulations());
  }

  // Procurement Act 2023.
  const priorAggregate = previous.filter((m) => m.belowThreshold).reduce((sum, m) => sum + Math.abs(m.valueChange), 0) * f;
  const aggregateWith = priorAggregate + Math.abs(effectiveChange) * f;
  const belowThreshold = withinPercent && aggregateWith < threshold;
  reasons.push(
    belowThreshold
      ? `Below-threshold (s.74(4)): it changes the estimated value by ${pct(changePercent)} of the ${formatMoney(awardValue)} on award, at most ${limit}% for ${typeWords}, and below-threshold modifications would total ${formatMoney(round2(aggregateWith))} including VAT, less than the ${formatMoney(threshold)} threshold.`
      : !withinPercent
        ? `Not below-threshold (s.74(4)(a)): it changes the estimated value by ${pct(changePercent)} of the ${formatMoney(awardValue)} on award, more than ${limit}% for ${typeWords}.`
        : `Not below-threshold (s.74(4)(b)): below-threshold modifications would total ${formatMoney(round2(aggregateWith))} including VAT (${facts.vatWords}), not less than the ${formatMoney(threshold)} threshold.`,
  );
  const termPercent = termOnAward ? (Math.abs(termChangeDays) / termOnAward) * 100 : 0;
  const termSubstantial = termOnAward !== undefined && Math.abs(termChangeDays) * 10 > termOnAward;
  if (termChangeDays !== 0) {
    reasons.push(
      termSubstantial
        ? `Substantial (s.74(3)(a)): it changes the term by ${termChangeDays} days, ${pct(termPercent)} of the maximum term on award of ${termOnAward} days, more than 10%.`
        : `The term changes by ${termChangeDays} days, ${pct(termPercent)} of the maximum term on award of ${termOnAward} days: not more than 10%, so not substantial by term (s.74(3)(a)).`,
    );
  }
  const lightTouch = facts.contractType === 'light-touch';
  let substantial: boolean | null = termSubstantial ? true : proposal.ground === 'not-substantial' ? false : null;
  let permitted = false;
  let ground: Ground | null = null;
  if (lightTouch) {
    permitted = true;
    ground = 'light-touch';
    substantial = termSubstantial ? true : substantial;
    reasons.push('Permitted: a light touch contract may be modified (s.74(2)), and s.75 does not apply to it (s.75(6)(b)).');
  } else if (proposal.ground?.startsWith('schedule-8')) {
    permitted = true;
    ground = proposal.ground;
    reasons.push(`Permitted on the ground recorded, Schedule 8 paragraph ${proposal.ground.slice(-1)} (s.74(1)(a)): check its conditions are met and keep the evidence.`);
  } else if (proposal.ground === 'not-substantial') {
    permitted = !termSubstantial;
    ground = permitted ? 'not-substantial' : null;
    reasons.push(
      permitted
        ? `Permitted as not substantial (s.74(1)(b)), on the reason recorded: "${proposal.reason?.trim()}".`
        : 'Refused: it cannot be relied on as not substantial because its term change is more than 10% (s.74(3)(a)). Only a Schedule 8 ground can permit it: --ground schedule-8-para-N; otherwise procure a new contract.',
    );
  } else if (belowThreshold) {
    permitted = true;
    ground = 'below-threshold';
    reasons.push('Permitted as a below-threshold modification (s.74(1)(c)), provided it does not materially change the overall nature of the contract.');
  } else {
    reasons.push(
      termSubstantial
        ? 'Refused: a substantial modification is permitted only on a Schedule 8 ground. If one applies, record it with --ground schedule-8-para-N (e.g. schedule-8-para-1 for a change the contract and its tender notice provided for); otherwise procure a new contract.'
        : 'Refused without a ground: it is not below-threshold. If it materially changes neither the scope nor the economic balance in the supplier\'s favour, record why with --not-substantial "reason"; if a Schedule 8 ground applies, record it with --ground schedule-8-para-N; otherwise procure a new contract.',
    );
  }

  let noticeRequired = false;
  if (!lightTouch) {
    const valueEngaged = effectiveChange !== 0;
    const termEngaged = termChangeDays !== 0;
    const valueOver = valueEngaged && !withinPercent;
    const termOver = termEngaged && termSubstantial;
    noticeRequired = proposal.ground === 'schedule-8-para-9' || valueOver || termOver || (!valueEngaged && !termEngaged);
    reasons.push(
      noticeRequired
        ? `A contract change notice (UK10) must be published before it is made (s.75(1)): ${proposal.ground === 'schedule-8-para-9' ? 'a novation or assignment on corporate restructuring always needs one (s.75(2))' : valueOver ? `it changes the value by more than ${limit}% (outside s.75(2)(a))` : termOver ? 'it changes the term by more than 10% of the maximum term on award (outside s.75(2)(b))' : 'it changes neither value nor term, so neither exemption in s.75(2) applies'}.`
        : `No contract change notice is needed (s.75(2)): ${[valueEngaged ? `the value changes by ${limit}% or less` : '', termEngaged ? 'the term changes by 10% or less of the maximum term on award' : ''].filter(Boolean).join(' and ')}.`,
    );
    if (!noticeRequired && previous.length > 0) {
      warnings.push('Consider s.75(4)–(5): if this change could reasonably have been made together with an earlier modification, and together they would have needed a contract change notice, one is needed for this change.');
    }
  }
  const aggregateAfter = belowThreshold && permitted ? aggregateWith : priorAggregate;
  return ok({
    reference: ref,
    regime: 'PA2023',
    belowThreshold,
    substantial,
    permitted,
    noticeRequired,
    thresholdAmount: threshold,
    aggregateBelowThreshold: round2(aggregateAfter),
    headroom: headroom(aggregateAfter),
    ground,
    termChangeDays,
    reasons,
    warnings,
  });

  function headroom(aggregate: number): { value: number; percent: number } {
    const byPercent = (limit / 100) * awardValue;
    // The aggregate must stay strictly less than the threshold: a penny short of it at most.
    const byThreshold = (threshold - aggregate) / f - 0.01;
    const value = Math.max(0, Math.floor(Math.min(byPercent, byThreshold) * 100) / 100);
    return { value, percent: awardValue === 0 ? 0 : round2((value / awardValue) * 100) };
  }

  function checkUnderRegulations(): ModificationCheck {
    // Regulation 72(5): below the threshold and below 10% (15% for works) of the initial value;
    // successive changes are assessed on their net cumulative value.
    const priorNet = previous.filter((m) => m.belowThreshold).reduce((sum, m) => sum + m.valueChange, 0);
    const net = Math.abs(priorNet + effectiveChange);
    const deMinimis = net * f < threshold && net * 100 < limit * awardValue;
    const pcrReasons = [...reasons];
    pcrReasons.push(
      deMinimis
        ? `De minimis (regulation 72(1)(f) and (5)): the net cumulative change of ${formatMoney(round2(net))} is below the ${formatMoney(threshold)} threshold including VAT and below ${limit}% of the initial value of ${formatMoney(awardValue)}.`
        : `Not de minimis (regulation 72(5)): the net cumulative change of ${formatMoney(round2(net))} is not below both the ${formatMoney(threshold)} threshold including VAT and ${limit}% of the initial value of ${formatMoney(awardValue)}.`,
    );
    let permitted = false;
    let ground: Ground | null = null;
    let noticeRequired = false;
    const g = proposal.ground;
    if (g === 'reg-72-1-b' || g === 'reg-72-1-c') {
      permitted = Math.abs(effectiveChange) * 2 <= awardValue;
      ground = permitted ? g : null;
      noticeRequired = permitted;
      pcrReasons.push(
        permitted
          ? `Permitted on regulation 72(1)(${g.slice(-1)}): the increase is at most 50% of the original contract value (regulation 72(1)(${g.slice(-1)}) and (2)); a modification notice must be sent for publication (regulation 72(3)).`
          : `Refused: under regulation 72(1)(${g.slice(-1)}) no single increase may exceed 50% of the original contract value of ${formatMoney(awardValue)}. Procure a new contract.`,
      );
    } else if (g === 'not-substantial' || g === 'reg-72-1-e') {
      permitted = true;
      ground = g;
      pcrReasons.push(`Permitted as not substantial (regulation 72(1)(e) and (8))${proposal.reason ? `, on the reason recorded: "${proposal.reason.trim()}"` : ''}.`);
    } else if (g === 'reg-72-1-a' || g === 'reg-72-1-d') {
      permitted = true;
      ground = g;
      pcrReasons.push(`Permitted on the ground recorded, regulation 72(1)(${g.slice(-1)}): check its conditions are met.`);
    } else if (deMinimis && (g === undefined || g === 'below-threshold' || g === 'reg-72-1-f')) {
      permitted = true;
      ground = 'below-threshold';
      pcrReasons.push('Permitted as a de minimis change (regulation 72(1)(f)), provided it does not alter the overall nature of the contract.');
    } else {
      pcrReasons.push('Refused without a ground: it is not de minimis. If it is not substantial under regulation 72(8), record why with --not-substantial "reason"; if a paragraph of regulation 72(1) applies, record it with --ground reg-72-1-X; otherwise procure a new contract.');
    }
    const aggregate = round2(Math.abs(priorNet + (deMinimis && permitted && ground === 'below-threshold' ? effectiveChange : 0)) * f);
    return {
      reference: ref,
      regime: 'PCR2015',
      belowThreshold: deMinimis,
      substantial: g === 'not-substantial' || g === 'reg-72-1-e' ? false : null,
      permitted,
      noticeRequired,
      thresholdAmount: threshold,
      aggregateBelowThreshold: aggregate,
      headroom: headroom(aggregate),
      ground,
      termChangeDays,
      reasons: pcrReasons,
      warnings,
    };
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function pct(n: number): string {
  return `${round2(n)}%`;
}
