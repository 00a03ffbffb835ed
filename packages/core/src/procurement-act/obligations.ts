import type { Contract } from '../register/contract.schema.js';
import { addDays, addDuration, describeDate } from '../shared/calendar.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { ModificationRecord, PublicationRecord } from './modification-record.js';
import { kpiDuty } from './kpi-duty.js';
import { legalFacts, noObligationsReason } from './regime.js';
import { formatMoney } from '../shared/format.js';
import { FIVE_MILLION } from './thresholds.js';

/**
 * The statutory publication duties a contract can have:
 * - UK7: contract details notice (Procurement Act 2023 s.53(1)).
 * - contract-copy: a copy of a contract worth more than £5m (s.53(3)).
 * - kpis: at least three KPIs set before a contract worth more than £5m is entered into (s.52).
 * - UK9: contract performance notice, every 12 months and on termination (s.71).
 * - UK10: contract change notice before a modification that needs one (s.75).
 * - modified-contract-copy: the modified contract, when it is worth more than £5m (s.77).
 * - UK11: contract termination notice, whenever the contract ends (s.80).
 * - PCR-72-notice: the Regulations' modification notice for regulation 72(1)(b) and (c) changes.
 */
export const OBLIGATION_CODES = ['UK7', 'contract-copy', 'kpis', 'UK9', 'UK10', 'modified-contract-copy', 'UK11', 'PCR-72-notice'] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

export function isObligationCode(text: string): text is ObligationCode {
  return (OBLIGATION_CODES as readonly string[]).includes(text);
}

export type ObligationStatus = 'due' | 'overdue' | 'done';

/** One statutory deadline of a contract, with the rule that produced it (like a renewal key date). */
export interface Obligation {
  readonly reference: string;
  readonly obligation: ObligationCode;
  /** Which occurrence, for recording its publication: `UK7`, `UK9:2026-11-19`, `UK10:MOD-1`. */
  readonly key: string;
  readonly due: IsoDate;
  readonly status: ObligationStatus;
  readonly rule: string;
  readonly publishedOn?: IsoDate;
  readonly noticeId?: string;
  /** Present when the date or the duty rests on an assumption (entry taken from the start date, value unknown). */
  readonly assumed?: true;
}

export interface ObligationContext {
  readonly today: IsoDate;
  readonly modifications?: readonly ModificationRecord[];
  readonly publications?: readonly PublicationRecord[];
}


/**
 * The statutory obligations of a contract on `today`, soonest first. Only Procurement Act 2023
 * public contracts have the Act's duties; a Regulations contract has a modification notice for
 * each regulation 72(1)(b) or (c) change. Periods "beginning with" a day count that day as day 1.
 *
 * @example computeObligations(contract, { today: '2025-12-01' })
 */
export function computeObligations(contract: Contract, context: ObligationContext): Obligation[] {
  const facts = legalFacts(contract);
  const modifications = context.modifications ?? [];
  const published = new Map((context.publications ?? []).map((p) => [p.key, p]));
  const out: Obligation[] = [];
  const add = (obligation: ObligationCode, key: string, due: IsoDate, rule: string, assumed = false, settled?: boolean) => {
    const publication = published.get(key);
    const done = settled ?? publication !== undefined;
    out.push({
      reference: contract.reference,
      obligation,
      key,
      due,
      status: done ? 'done' : context.today > due ? 'overdue' : 'due',
      rule,
      ...(publication ? { publishedOn: publication.publishedOn, ...(publication.noticeId ? { noticeId: publication.noticeId } : {}) } : {}),
      ...(assumed ? { assumed: true as const } : {}),
    });
  };

  if (facts.regime === 'PCR2015') {
    for (const m of modifications) {
      if (m.ground === 'reg-72-1-b' || m.ground === 'reg-72-1-c') {
        add('PCR-72-notice', `PCR-72-notice:${m.id}`, m.date, `Send a modification notice for publication for the regulation 72(1)(${m.ground.slice(-1)}) change on ${describeDate(m.date)} (Public Contracts Regulations 2015, regulation 72(3)); the Regulations set no period, so it is shown as due on the day of the change.`);
      }
    }
    return sortObligations(out);
  }
  if (noObligationsReason(facts) !== undefined) return [];

  const entered = facts.enteredInto;
  const valueUnknown = facts.valueIncVat === undefined;
  const enteredWords = entered === undefined ? '' : `${describeDate(entered)}${facts.enteredIntoAssumed ? ' (the start date: no date of entry is recorded, so it is assumed)' : ''}`;
  const publicWords = valueUnknown ? ' No value is recorded, so the contract is assumed to be at or above its threshold.' : '';
  const over5m = facts.valueIncVat !== undefined && facts.valueIncVat > FIVE_MILLION;
  const valueWords = facts.valueIncVat === undefined ? '' : `${formatMoney(facts.valueIncVat)} including VAT (${facts.vatWords})`;
  const lightTouch = facts.contractType === 'light-touch';

  if (entered !== undefined) {
    const days = lightTouch ? 120 : 30;
    const due = addDays(entered, days - 1);
    add('UK7', 'UK7', due, `Publish a contract details notice (UK7) before the end of ${days} days beginning with the day the contract was entered into, ${enteredWords}: day 1 is that day, so the last day is ${describeDate(due)} (Procurement Act 2023 s.53(1)${lightTouch ? ' and (2): 120 days for a light touch contract' : ''}).${publicWords}`, facts.enteredIntoAssumed || valueUnknown);

    if (over5m) {
      const copyDue = addDays(entered, 89);
      add('contract-copy', 'contract-copy', copyDue, `Publish a copy of the contract before the end of 90 days beginning with the day it was entered into, ${enteredWords}: the last day is ${describeDate(copyDue)}, because its estimated value, ${valueWords}, is more than £5 million (s.53(3)).`, facts.enteredIntoAssumed);
    }
  }

  const kpis = contract.law?.kpis ?? 0;
  const kpisRequired = kpiDuty(contract, facts).required;
  if (kpisRequired && entered !== undefined) {
    const due = addDays(entered, -1);
    add('kpis', 'kpis', due, `Set at least three key performance indicators before the contract is entered into on ${enteredWords}, because its estimated value, ${valueWords}, is more than £5 million (s.52(1)); ${kpis} ${kpis === 1 ? 'is' : 'are'} recorded. Record them in the KPIs column, or the reason s.52 does not apply in KPI exemption.`, facts.enteredIntoAssumed, kpis >= 3);
  }

  // s.71(2): at least once in every 12 months while KPIs apply, and on termination.
  if (entered !== undefined && (kpisRequired || kpis > 0)) {
    const end = contract.endDate;
    const why = kpisRequired ? 'the contract must have KPIs under s.52' : `the contract records ${kpis} KPIs`;
    for (let n = 1; n <= 100; n += 1) {
      const periodStart = addDuration(entered, { amount: 12 * (n - 1), unit: 'months' });
      const periodEnd = addDays(addDuration(entered, { amount: 12 * n, unit: 'months' }), -1);
      if (end !== undefined && periodEnd >= end) break;
      if (end === undefined && periodStart > addDuration(context.today, { amount: 12, unit: 'months' })) break;
      add('UK9', `UK9:${periodEnd}`, periodEnd, `Publish a contract performance notice (UK9) assessing performance against the KPIs at least once in every 12 months (s.71(2)), because ${why}: period ${n} runs from ${describeDate(periodStart)} to ${describeDate(periodEnd)}.`, facts.enteredIntoAssumed);
    }
    if (end !== undefined) {
      add('UK9', `UK9:end:${end}`, end, `Publish a contract performance notice (UK9) on termination of the contract (s.71(2)), because ${why}; it ends on ${describeDate(end)}. The Act sets no further period, so it is shown as due on that day.`);
    }
  }

  for (const m of modifications) {
    if (m.regime !== 'PA2023') continue;
    if (m.noticeRequired) {
      add('UK10', `UK10:${m.id}`, m.date, `Publish a contract change notice (UK10) before making the modification that takes effect on ${describeDate(m.date)} (s.75(1)): it is not within the exemptions of s.75(2). A voluntary standstill of at least 8 working days may follow publication (s.76).`);
    }
    if (over5m && !lightTouch) {
      const due = addDays(m.date, 89);
      add('modified-contract-copy', `modified-contract-copy:${m.id}`, due, `Publish a copy of the modified contract (or of the modification) before the end of 90 days beginning with the day of the modification, ${describeDate(m.date)}: the last day is ${describeDate(due)}, because the contract's estimated value, ${valueWords}, is more than £5 million (s.77).`);
    }
  }

  if (contract.endDate !== undefined) {
    const due = addDays(contract.endDate, 29);
    add('UK11', `UK11:${contract.endDate}`, due, `Publish a contract termination notice (UK11) before the end of 30 days beginning with the day the contract ends, ${describeDate(contract.endDate)}, whether it expires or is ended early: the last day is ${describeDate(due)} (s.80).${publicWords}`, valueUnknown);
  }
  return sortObligations(out);
}

/** The first occurrence of `code` that is not yet done: the one a new publication settles. */
export function nextOutstanding(obligations: readonly Obligation[], code: ObligationCode): Obligation | undefined {
  return obligations.find((o) => o.obligation === code && o.status !== 'done');
}

function sortObligations(list: Obligation[]): Obligation[] {
  return list.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : OBLIGATION_CODES.indexOf(a.obligation) - OBLIGATION_CODES.indexOf(b.obligation)));
}

// Kept here too for callers that read the obligations module.
export { noObligationsReason } from './regime.js';
