import type { Contract, Duration } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import { addDays, describeDate } from '../shared/calendar.js';
import { ROUTE_NAMES } from './lead-times.js';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from './renewal-settings.js';
import { addDuration, subtractDuration } from './subtract-duration.js';
import { describeDuration } from '../shared/format.js';
import { previousWorkingDay, whyNotWorking } from './working-days.js';

export const KEY_DATE_KINDS = ['notice', 'extension', 'reprocure', 'renewal', 'end'] as const;
/**
 * - end: the current end date.
 * - notice: the last day to give notice (to end it, not to renew, or to take an option).
 * - reprocure: the day to start re-procuring, so a new contract is running by the final end.
 * - extension: the day by which to decide on the next extension option.
 * - renewal: the day a tacitly renewing contract renews unless notice is given.
 */
export type KeyDateKind = (typeof KEY_DATE_KINDS)[number];

/** One deadline of a contract, with the plain-English rule that produced it. */
export interface KeyDate {
  readonly reference: string;
  readonly kind: KeyDateKind;
  readonly date: IsoDate;
  /** How the date was worked out, so a person can check it by hand. */
  readonly rule: string;
  /** Present when the date rests on the default notice period because the contract records none. */
  readonly assumed?: true;
}

/**
 * A key date before its rule is written out. The renewal run looks at every key date of every
 * contract but explains only the few that are due, so the sentence is built on demand.
 */
export interface KeyDateFact {
  readonly reference: string;
  readonly kind: KeyDateKind;
  readonly date: IsoDate;
  readonly assumed: boolean;
  /** The rule as a sentence. */
  explain(): string;
}

/**
 * The key dates of a contract, soonest first. `today` rolls a tacit renewal forward past
 * terms that have already renewed; without it the recorded end date is used as it is.
 * A contract with no end date has none.
 *
 * @example computeKeyDates(contract, DEFAULT_RENEWAL_SETTINGS, '2026-11-26')
 */
export function computeKeyDates(contract: Contract, settings: RenewalSettings = DEFAULT_RENEWAL_SETTINGS, today?: IsoDate): KeyDate[] {
  return keyDateFacts(contract, settings, today).map(explainKeyDate);
}

/** A fact with its rule written out. */
export function explainKeyDate(fact: KeyDateFact): KeyDate {
  return {
    reference: fact.reference,
    kind: fact.kind,
    date: fact.date,
    rule: fact.explain(),
    ...(fact.assumed ? { assumed: true as const } : {}),
  };
}

/** computeKeyDates without the sentences: the dates, soonest first, each able to explain itself. */
export function keyDateFacts(contract: Contract, settings: RenewalSettings = DEFAULT_RENEWAL_SETTINGS, today?: IsoDate): KeyDateFact[] {
  const endDate = contract.endDate;
  if (endDate === undefined) return [];
  const { reference } = contract;
  const notice = noticeTerms(contract, settings);
  const assumed = notice.assumed;
  const dates: KeyDateFact[] = [];
  const renewal = contract.renewal;

  if (renewal.type === 'auto-renewal') {
    const rolled = rollForward(endDate, renewal.period, today);
    dates.push({
      reference,
      kind: 'renewal',
      date: rolled.date,
      assumed: false,
      explain: () => {
        const rolledWords =
          rolled.periods === 0
            ? ''
            : ` (the recorded end date, ${describeDate(endDate)}, has passed, so it has been rolled forward ${timesWord(rolled.periods)} by ${describeDuration(renewal.period)})`;
        return `Renews automatically for another ${describeDuration(renewal.period)} at the end of the current term on ${describeDate(rolled.date)}${rolledWords}, unless notice is given.`;
      },
    });
    const noticeDate = lastDayForNotice(rolled.date, notice, settings);
    dates.push({ reference, kind: 'notice', date: noticeDate.date, assumed, explain: () => `Last day to give notice so that it does not renew: ${noticeDate.words()}.` });
    dates.push(reprocureDate(contract, rolled.date, () => 'the end of the current term', notice, settings));
    return sortKeyDates(dates);
  }

  dates.push({ reference, kind: 'end', date: endDate, assumed: false, explain: () => `The contract ends on ${describeDate(endDate)}, its current end date.` });
  const noticeDate = lastDayForNotice(endDate, notice, settings);
  const next = renewal.type === 'extension-options' ? renewal.options[renewal.taken] : undefined;
  if (renewal.type === 'extension-options' && next !== undefined) {
    const remaining = renewal.options.slice(renewal.taken);
    dates.push({
      reference,
      kind: 'notice',
      date: noticeDate.date,
      assumed,
      explain: () => `Last day to give notice to take the next extension option, or that the contract will end: ${noticeDate.words()}.`,
    });
    dates.push({
      reference,
      kind: 'extension',
      date: noticeDate.date,
      assumed,
      explain: () =>
        `Decide on extension option ${renewal.taken + 1} of ${renewal.options.length} (${describeDuration(next)}, to ${describeDate(addDuration(endDate, next))}) by the notice deadline: ${noticeDate.words()}.`,
    });
    const finalEnd = renewal.maximumEndDate ?? remaining.reduce<IsoDate>((end, option) => addDuration(end, option), endDate);
    const finalWords = () =>
      renewal.maximumEndDate
        ? 'the maximum end date recorded if every option is taken'
        : `the end date if the remaining ${remaining.length === 1 ? 'option' : `${remaining.length} options`} (${remaining.map(describeDuration).join(' + ')}) ${remaining.length === 1 ? 'is' : 'are'} taken`;
    dates.push(reprocureDate(contract, finalEnd, finalWords, notice, settings));
  } else {
    dates.push({ reference, kind: 'notice', date: noticeDate.date, assumed, explain: () => `Last day to give notice before the contract ends: ${noticeDate.words()}.` });
    const words = renewal.type === 'extension-options' ? 'the end date, as every extension option has been taken' : 'the end date, as the contract cannot be extended';
    dates.push(reprocureDate(contract, endDate, () => words, notice, settings));
  }
  return sortKeyDates(dates);
}

/** Soonest first; on one day, the order a contract manager acts in. */
export function sortKeyDates<T extends Pick<KeyDate, 'date' | 'kind' | 'reference'>>(dates: T[]): T[] {
  return dates.sort((a, b) => compareText(a.date, b.date) || compareText(a.reference, b.reference) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

const KIND_ORDER: Readonly<Record<KeyDateKind, number>> = { notice: 0, extension: 1, reprocure: 2, renewal: 3, end: 4 };

/** Code-point order: YYYY-MM-DD dates sort by time, and it is much cheaper than localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface NoticeTerms {
  readonly period: Duration;
  readonly assumed: boolean;
}

function noticeTerms(contract: Contract, settings: RenewalSettings): NoticeTerms {
  return contract.noticePeriod ? { period: contract.noticePeriod, assumed: false } : { period: settings.defaultNoticePeriod, assumed: true };
}

/** "the notice period of 6 months", or the default, saying it is assumed. */
function noticeWords(notice: NoticeTerms): string {
  return notice.assumed
    ? `the default notice period of ${describeDuration(notice.period)} (assumed: the contract records none)`
    : `the notice period of ${describeDuration(notice.period)}`;
}

/** End minus notice, clamped to month end, then moved back to a working day. */
function lastDayForNotice(end: IsoDate, notice: NoticeTerms, settings: RenewalSettings): { date: IsoDate; words: () => string } {
  const raw = subtractDuration(end, notice.period);
  const date = previousWorkingDay(raw, settings.bankHolidays);
  return { date, words: () => `${describeDate(end)} minus ${noticeWords(notice)} is ${describeDate(raw)}${movedWords(raw, date, settings)}` };
}

function movedWords(raw: IsoDate, date: IsoDate, settings: RenewalSettings): string {
  if (date === raw) return '';
  return `, which is ${whyNotWorking(raw, settings.bankHolidays) ?? 'not a working day'}, so the previous working day, ${describeDate(date)}`;
}

function reprocureDate(contract: Contract, finalEnd: IsoDate, finalWords: () => string, notice: NoticeTerms, settings: RenewalSettings): KeyDateFact {
  const route = contract.procurement.route;
  const leadDays = contract.leadTimeDays ?? settings.leadTimeDays[route ?? settings.defaultRoute];
  const afterNotice = subtractDuration(finalEnd, notice.period);
  const raw = addDays(afterNotice, -leadDays);
  const date = previousWorkingDay(raw, settings.bankHolidays);
  const leadWords = () =>
    contract.leadTimeDays !== undefined
      ? `the ${leadDays}-day lead time recorded for this contract`
      : route !== undefined
        ? `the ${leadDays}-day lead time for ${ROUTE_NAMES[route]}`
        : `the ${leadDays}-day lead time for ${ROUTE_NAMES[settings.defaultRoute]} (no procurement route is recorded, so that is assumed)`;
  return {
    reference: contract.reference,
    kind: 'reprocure',
    date,
    assumed: notice.assumed,
    explain: () =>
      `Start re-procurement by ${describeDate(date)}: the latest possible end, ${describeDate(finalEnd)} (${finalWords()}), minus ${noticeWords(notice)} is ${describeDate(afterNotice)}, minus ${leadWords()} is ${describeDate(raw)}${movedWords(raw, date, settings)}.`,
  };
}

/** The first end of term on or after `today`, counting whole periods from the recorded end. */
function rollForward(end: IsoDate, period: Duration, today: IsoDate | undefined): { date: IsoDate; periods: number } {
  if (today === undefined || end >= today || period.amount === 0) return { date: end, periods: 0 };
  // Count from the recorded end each time, so 31 January monthly stays on month ends instead of drifting to the 28th.
  let periods = 0;
  let date = end;
  while (date < today && periods < 100_000) {
    periods += 1;
    date = addDuration(end, { amount: period.amount * periods, unit: period.unit });
  }
  return { date, periods };
}

function timesWord(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
