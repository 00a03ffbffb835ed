import type { Contract, Duration, RenewalType } from '../register/contract.schema.js';
import type { IsoDate } from '../shared/iso-date.js';
import { addDays, addDuration, describeDate, subtractDuration } from '../shared/calendar.js';
import { ROUTE_NAMES } from './lead-times.js';
import { DEFAULT_RENEWAL_SETTINGS, governanceBandFor, type RenewalSettings } from './renewal-settings.js';
import { describeDuration, describeDurations, formatPounds } from '../shared/format.js';
import { previousWorkingDay, whyNotWorking } from './working-days.js';

export const KEY_DATE_KINDS = ['notice', 'extension', 'reprocure-if-not-extended', 'reprocure', 'renewal', 'end', 'review'] as const;
/**
 * - end: the current end date.
 * - notice: the last day to give notice so that a contract does not renew (automatic renewal,
 *   or unknown: in case it renews automatically); earlier when the decision needs approval.
 * - extension: the day by which to decide on the next extension option.
 * - reprocure-if-not-extended: the day to start re-procuring so that a replacement is running
 *   at the current end if no option is taken.
 * - reprocure: the day to start re-procuring, so a new contract is running by the latest end.
 * - renewal: the day a tacitly renewing contract renews unless notice is given.
 * - review: the contract review date recorded in the register.
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
  const { reference } = contract;
  const dates: KeyDateFact[] = [];
  const reviewDate = contract.reviewDate;
  if (reviewDate !== undefined) {
    dates.push({ reference, kind: 'review', date: reviewDate, assumed: false, explain: () => `Review the contract by ${describeDate(reviewDate)}, the review date recorded in the register.` });
  }
  const endDate = contract.endDate;
  if (endDate === undefined) return sortKeyDates(dates);
  const notice = noticeTerms(contract, settings);
  const governance = governanceFor(contract, settings);
  const renewal = contract.renewal;
  const type = renewalTypeOf(contract);
  const endFact: KeyDateFact = { reference, kind: 'end', date: endDate, assumed: false, explain: () => `The contract ends on ${describeDate(endDate)}, its current end date.` };

  switch (type) {
    case 'automatic': {
      let termEnd = endDate;
      if (renewal.type === 'auto-renewal') {
        const rolled = rollForward(endDate, renewal.period, today);
        termEnd = rolled.date;
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
      } else {
        dates.push(endFact);
      }
      dates.push(noticeDecision(contract, lastDayForNotice(termEnd, notice, settings), notice.assumed, 'so that it does not renew', governance, settings));
      dates.push(reprocureDate(contract, 'reprocure', termEnd, () => 'the end of the current term', governance, settings));
      break;
    }
    case 'unknown':
      dates.push(endFact);
      dates.push(noticeDecision(contract, lastDayForNotice(endDate, notice, settings), notice.assumed, 'in case it renews automatically (the register does not say whether it does)', governance, settings));
      dates.push(reprocureDate(contract, 'reprocure', endDate, () => 'the end date', governance, settings));
      break;
    case 'fixed':
      dates.push(endFact);
      dates.push(reprocureDate(contract, 'reprocure', endDate, () => 'the end date, as the contract cannot be extended', governance, settings));
      break;
    case 'options': {
      dates.push(endFact);
      const options = renewal.type === 'extension-options' ? renewal : undefined;
      const next = options ? options.options[options.taken] : undefined;
      if (options !== undefined && next === undefined) {
        dates.push(reprocureDate(contract, 'reprocure', endDate, () => 'the end date, as every extension option has been taken', governance, settings));
        break;
      }
      const extensionNotice = extensionNoticeTerms(contract, notice);
      const lastDay = lastDayForNotice(endDate, extensionNotice, settings);
      const optionWords =
        options !== undefined && next !== undefined
          ? `extension option ${options.taken + 1} of ${options.options.length} (${describeDuration(next)}, to ${describeDate(addDuration(endDate, next))})`
          : 'whether to extend (the register says the contract has extension options but not what they are)';
      const extension = decisionFact(contract, 'extension', lastDay, extensionNotice.assumed, governance, settings, {
        plain: () => `Decide on ${optionWords} by the last day to take it`,
        earlier: (date) => `Decide on ${optionWords} by ${describeDate(date)}`,
        deadlineName: 'the last day to take the option',
      });
      dates.push(extension);
      dates.push(reprocureDate(contract, 'reprocure-if-not-extended', endDate, () => 'the current end date', governance, settings, extension));
      if (options !== undefined) {
        const remaining = options.options.slice(options.taken);
        const finalEnd = options.maximumEndDate ?? remaining.reduce<IsoDate>((end, option) => addDuration(end, option), endDate);
        const finalWords = () =>
          options.maximumEndDate
            ? 'the maximum end date recorded if every option is taken'
            : `the end date if the remaining ${remaining.length === 1 ? 'option' : `${remaining.length} options`} (${describeDurations(remaining)}) ${remaining.length === 1 ? 'is' : 'are'} taken`;
        dates.push(reprocureDate(contract, 'reprocure', finalEnd, finalWords, governance, settings));
      }
      break;
    }
  }
  return sortKeyDates(dates);
}

/**
 * How the contract goes on past its end date: the recorded renewal terms when they say
 * (options or a tacit renewal period), else the register's renewal type, else unknown.
 */
export function renewalTypeOf(contract: Contract): RenewalType {
  if (contract.renewal.type === 'auto-renewal') return 'automatic';
  if (contract.renewal.type === 'extension-options') return 'options';
  return contract.renewalType ?? 'unknown';
}

/** Soonest first; on one day, the order a contract manager acts in. */
export function sortKeyDates<T extends Pick<KeyDate, 'date' | 'kind' | 'reference'>>(dates: T[]): T[] {
  return dates.sort((a, b) => compareText(a.date, b.date) || compareText(a.reference, b.reference) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

const KIND_ORDER: Readonly<Record<KeyDateKind, number>> = { notice: 0, extension: 1, 'reprocure-if-not-extended': 2, reprocure: 3, renewal: 4, end: 5, review: 6 };

/** Code-point order: YYYY-MM-DD dates sort by time, and it is much cheaper than localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface NoticeTerms {
  readonly period: Duration;
  readonly assumed: boolean;
  /** How the period is named: "the notice period of 6 months". */
  readonly words: string;
}

function noticeTerms(contract: Contract, settings: RenewalSettings): NoticeTerms {
  return contract.noticePeriod
    ? { period: contract.noticePeriod, assumed: false, words: `the notice period of ${describeDuration(contract.noticePeriod)}` }
    : {
        period: settings.defaultNoticePeriod,
        assumed: true,
        words: `the default notice period of ${describeDuration(settings.defaultNoticePeriod)} (assumed: the contract records none)`,
      };
}

/** The notice to take an option: its own period when recorded, else the notice period. */
function extensionNoticeTerms(contract: Contract, notice: NoticeTerms): NoticeTerms {
  const period = contract.extensionNoticePeriod;
  return period ? { period, assumed: false, words: `the extension notice period of ${describeDuration(period)}` } : notice;
}

interface Deadline {
  readonly date: IsoDate;
  /** How the date was reached, from the end date: "31 March 2027 minus ... is ...". */
  words(): string;
}

/** End minus notice, clamped to month end, then moved back to a working day. */
function lastDayForNotice(end: IsoDate, notice: NoticeTerms, settings: RenewalSettings): Deadline {
  const raw = subtractDuration(end, notice.period);
  const date = previousWorkingDay(raw, settings.bankHolidays);
  return { date, words: () => `${describeDate(end)} minus ${notice.words} is ${describeDate(raw)}${movedWords(raw, date, settings)}` };
}

function movedWords(raw: IsoDate, date: IsoDate, settings: RenewalSettings): string {
  if (date === raw) return '';
  return `, which is ${whyNotWorking(raw, settings.bankHolidays) ?? 'not a working day'}, so the previous working day, ${describeDate(date)}`;
}

/** The approval a decision on this contract needs before it is taken, by its value band. */
interface Governance {
  readonly days: number;
  /** Why, for the rule sentence. */
  readonly words: string;
}

const NO_GOVERNANCE: Governance = { days: 0, words: '' };

function governanceFor(contract: Contract, settings: RenewalSettings): Governance {
  const value = contract.value.total ?? contract.value.annual;
  const band = governanceBandFor(value, settings.governanceBands);
  if (value === undefined || band === undefined || band.days === 0) return NO_GOVERNANCE;
  const valueWords = `${contract.value.total !== undefined ? 'worth' : 'with an annual value of'} ${formatPounds(value)}`;
  const bandWords = band.below !== undefined ? `the governance lead time for contracts under ${formatPounds(band.below)}` : 'the governance lead time for the largest contracts';
  return {
    days: band.days,
    words:
      `the decision on a contract ${valueWords} needs approval before it is taken: ${band.days} days, ${bandWords} ` +
      `(a key decision must be published at least 28 clear days before it is made, Local Authorities (Executive Arrangements) ` +
      `(Meetings and Access to Information) (England) Regulations 2012, reg. 9, and its report goes through a committee cycle)`,
  };
}

/** Sentences of a decision: without approval time, and moved earlier for it. */
interface DecisionWords {
  readonly plain: () => string;
  readonly earlier: (date: IsoDate) => string;
  /** The contractual deadline, named: "the last day to give notice". */
  readonly deadlineName: string;
}

/** A decision by a contractual deadline, moved earlier by the governance lead time and said why. */
function decisionFact(
  contract: Contract,
  kind: KeyDateKind,
  deadline: Deadline,
  assumed: boolean,
  governance: Governance,
  settings: RenewalSettings,
  words: DecisionWords,
): KeyDateFact {
  const { reference } = contract;
  if (governance.days === 0) return { reference, kind, date: deadline.date, assumed, explain: () => `${words.plain()}: ${deadline.words()}.` };
  const raw = addDays(deadline.date, -governance.days);
  const date = previousWorkingDay(raw, settings.bankHolidays);
  return {
    reference,
    kind,
    date,
    assumed,
    explain: () =>
      `${words.earlier(date)}: ${deadline.words()}, ${words.deadlineName}; ${governance.words}, so ${governance.days} days before that is ${describeDate(raw)}${movedWords(raw, date, settings)}.`,
  };
}

function noticeDecision(contract: Contract, deadline: Deadline, assumed: boolean, why: string, governance: Governance, settings: RenewalSettings): KeyDateFact {
  return decisionFact(contract, 'notice', deadline, assumed, governance, settings, {
    plain: () => `Last day to give notice ${why}`,
    earlier: (date) => `Decide by ${describeDate(date)} whether to give notice ${why}`,
    deadlineName: 'the last day to give notice',
  });
}

/**
 * The day to start re-procuring: an end minus the route's lead time, moved back to a working
 * day, then earlier by the governance lead time. The notice period plays no part: notice is
 * given while the re-procurement runs. `extension`, when given, is the decision this date
 * should come after: a replacement that starts before it leaves no real choice.
 */
function reprocureDate(
  contract: Contract,
  kind: 'reprocure' | 'reprocure-if-not-extended',
  end: IsoDate,
  endWords: () => string,
  governance: Governance,
  settings: RenewalSettings,
  extension?: KeyDateFact,
): KeyDateFact {
  const route = contract.procurement.route;
  const leadDays = contract.leadTimeDays ?? settings.leadTimeDays[route ?? settings.defaultRoute];
  const raw = addDays(end, -leadDays);
  const start = previousWorkingDay(raw, settings.bankHolidays);
  const leadWords = () =>
    contract.leadTimeDays !== undefined
      ? `the ${leadDays}-day lead time recorded for this contract`
      : route !== undefined
        ? `the ${leadDays}-day lead time for ${ROUTE_NAMES[route]}`
        : `the ${leadDays}-day lead time for ${ROUTE_NAMES[settings.defaultRoute]} (no procurement route is recorded, so that is assumed)`;
  const deadline: Deadline = {
    date: start,
    words: () =>
      kind === 'reprocure'
        ? `the latest possible end, ${describeDate(end)} (${endWords()}), minus ${leadWords()} is ${describeDate(raw)}${movedWords(raw, start, settings)}`
        : `${endWords()}, ${describeDate(end)}, minus ${leadWords()} is ${describeDate(raw)}${movedWords(raw, start, settings)}`,
  };
  const head = kind === 'reprocure' ? 'Start re-procurement by' : 'If the contract is not extended, start re-procurement by';
  const fact = decisionFact(contract, kind, deadline, false, governance, settings, {
    plain: () => `${head} ${describeDate(start)}`,
    earlier: (date) => `${head} ${describeDate(date)}`,
    deadlineName: 'the day re-procurement itself must start',
  });
  const cautions = (): string => {
    const parts: string[] = [];
    if (extension !== undefined && fact.date < extension.date) {
      parts.push(
        ` That is before the extension decision on ${describeDate(extension.date)}: unless a replacement is under way by then, the council has no credible alternative and the extension is forced, ` +
          'on whatever terms the supplier asks (the IEG4 lesson: a proposed rise from £100,000 to £160,000 a year was only renegotiated because the council had the evidence and the option to walk away).',
      );
    }
    const expiry = contract.procurement.frameworkExpiry;
    if ((route === 'framework' || route === 'dynamic-market') && expiry !== undefined && expiry < fact.date) {
      const name = contract.procurement.framework ? ` (${contract.procurement.framework})` : '';
      parts.push(
        ` The ${route === 'framework' ? 'framework' : 'dynamic market'}${name} expires on ${describeDate(expiry)}, before re-procurement starts: a call-off can only be awarded under a framework or dynamic market still in force (Procurement Act 2023, s.45 and s.34), so find another one or plan another route.`,
      );
    }
    return parts.join('');
  };
  return { ...fact, explain: () => `${fact.explain()}${cautions()}` };
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
